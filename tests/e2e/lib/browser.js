// The browsers the specs run in, all Debian's: Chromium (the default) through playwright-core,
// Firefox ESR through geckodriver and WebKitGTK's MiniBrowser through WebKitWebDriver, both
// driven by selenium-webdriver (lib/webdriver.js). ENGINE=chromium|firefox|webkit chooses. A
// missing browser or driver fails the run: none is ever downloaded and none is skipped.
import { chromium } from "playwright-core";
import { Builder, Capabilities } from "selenium-webdriver";
import firefox from "selenium-webdriver/firefox.js";
import remote from "selenium-webdriver/remote/index.js";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";
import { createServer } from "node:net";
import { Browser } from "./webdriver.js";

export const ENGINES = ["chromium", "firefox", "webkit"];
export const ENGINE = process.env.ENGINE || "chromium";
if (!ENGINES.includes(ENGINE)) throw new Error(`ENGINE=${ENGINE}: expected one of ${ENGINES.join(", ")}`);

export const CHROMIUM = process.env.CHROMIUM || "/usr/bin/chromium";

const FLAGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

// Firefox's binary, arguments and the preferences that keep a fresh profile from calling home
// (telemetry, updates, captive portal, safe browsing, remote settings) are those the component
// tests give wasm-bindgen-test-runner.
const WEBDRIVER_JSON = new URL("../../../webdriver.json", import.meta.url);
const FIREFOX_OPTIONS = JSON.parse(readFileSync(WEBDRIVER_JSON, "utf8"))["moz:firefoxOptions"];
export const FIREFOX = process.env.FIREFOX || FIREFOX_OPTIONS.binary;
export const GECKODRIVER = process.env.GECKODRIVER || join(homedir(), ".cargo/bin/geckodriver");
export const WEBKIT_DRIVER = process.env.WEBKIT_DRIVER || "/usr/bin/WebKitWebDriver";
/** WebKitGTK's MiniBrowser, which webkit2gtk-driver's WebKitWebDriver starts. */
export const MINIBROWSER = process.env.MINIBROWSER || findMiniBrowser();

/** The MiniBrowser of the newest WebKitGTK API installed, in /usr/lib/<arch>/webkit*gtk*. */
function findMiniBrowser() {
  const found = [];
  for (const arch of readdirSync("/usr/lib").filter((name) => name.endsWith("-linux-gnu"))) {
    for (const api of readdirSync(join("/usr/lib", arch)).filter((name) => /^webkit.*gtk/.test(name))) {
      const path = join("/usr/lib", arch, api, "MiniBrowser");
      if (existsSync(path)) found.push(path);
    }
  }
  return found.sort().at(-1) || "/usr/lib/x86_64-linux-gnu/webkitgtk-6.0/MiniBrowser";
}

function need(what, path) {
  if (!existsSync(path)) throw new Error(`${what} not found at ${path}; run scripts/setup.sh (it installs it)`);
}

async function freePort() {
  const server = createServer();
  await new Promise((done) => server.listen(0, "127.0.0.1", done));
  const { port } = server.address();
  await new Promise((done) => server.close(done));
  return port;
}

/** What each WebDriver engine does where WebDriver has no common command. */
const FIREFOX_ENGINE = {
  name: "firefox",
  /** The network switch of WebDriver BiDi, which also makes `navigator.onLine` false and fires
   * the offline and online events. */
  async setOffline(driver, offline) {
    const bidi = await driver.getBidi();
    await bidi.send({
      method: "emulation.setNetworkConditions",
      params: { networkConditions: offline ? { type: "offline" } : null },
    });
  },
};

const WEBKIT_ENGINE = {
  name: "webkit",
  async setOffline() {
    throw new Error("WebKitWebDriver cannot switch the network off; offline.test.js is not in WebKit's list");
  },
};

async function launchFirefox() {
  need("Firefox", FIREFOX);
  need("geckodriver", GECKODRIVER);
  const options = new firefox.Options().setBinary(FIREFOX).addArguments(...FIREFOX_OPTIONS.args).enableBidi();
  for (const [name, value] of Object.entries(FIREFOX_OPTIONS.prefs)) options.setPreference(name, value);
  const driver = await new Builder()
    .forBrowser("firefox")
    .setFirefoxOptions(options)
    .setFirefoxService(new firefox.ServiceBuilder(GECKODRIVER))
    .build();
  await driver.manage().window().setRect({ width: 1280, height: 800 });
  return new Browser(FIREFOX_ENGINE, driver);
}

async function launchWebKit() {
  need("WebKitWebDriver", WEBKIT_DRIVER);
  need("MiniBrowser", MINIBROWSER);
  if (!process.env.DISPLAY) throw new Error("WebKitGTK needs a display: run the WebKit specs under xvfb-run");
  const port = await freePort();
  const service = new remote.DriverService(WEBKIT_DRIVER, {
    port,
    hostname: "127.0.0.1",
    args: [`--port=${port}`, "--host=127.0.0.1"],
  });
  const url = await service.start();
  const capabilities = new Capabilities({
    browserName: "MiniBrowser",
    "webkitgtk:browserOptions": { binary: MINIBROWSER, args: ["--automation"] },
  });
  const driver = await new Builder().usingServer(url).withCapabilities(capabilities).build();
  await driver.manage().window().setRect({ width: 1280, height: 800 });
  return new Browser(WEBKIT_ENGINE, driver, service);
}

/** Starts the browser of ENGINE. Chromium's is playwright-core's own Browser; the others are
 * the same shape (lib/webdriver.js) and serve pages through a front server (`serve`). */
export async function launch() {
  if (ENGINE === "firefox") return launchFirefox();
  if (ENGINE === "webkit") return launchWebKit();
  need("Chromium", CHROMIUM);
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: FLAGS });
}

// The part of Playwright's Browser, BrowserContext, Page and Locator that the specs use, over
// selenium-webdriver, so that the same specs and page object run in Firefox and WebKit.
//
// Locators are chains of steps that the page resolves itself (lib/webdriver-page.js), looking
// through open shadow roots as Playwright's do, by CSS, role and name, label or text. Clicks and
// keys are WebDriver's real input; fill and selectOption set the value and fire `input` and
// `change`, as Playwright's do. Requests are seen and routed by the front server before the
// sandbox (lib/front.js). Script errors are collected by listeners put into each page after it
// loads; an error before the load event is missed, which the Chromium tier catches.
import { Key } from "selenium-webdriver";
import { mkdirSync, mkdtempSync, writeFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { RESOLVE, WATCH_ERRORS } from "./webdriver-page.js";
import { BLANK, startFront } from "./front.js";

const DEFAULT_TIMEOUT = 30000;
const POLL_MS = 50;

const KEYS = {
  Tab: Key.TAB,
  Enter: Key.ENTER,
  Escape: Key.ESCAPE,
  Space: " ",
  Backspace: Key.BACK_SPACE,
  ArrowUp: Key.ARROW_UP,
  ArrowDown: Key.ARROW_DOWN,
  ArrowLeft: Key.ARROW_LEFT,
  ArrowRight: Key.ARROW_RIGHT,
  Home: Key.HOME,
  End: Key.END,
  Shift: Key.SHIFT,
  Control: Key.CONTROL,
  Alt: Key.ALT,
};

function keyOf(name) {
  if (name in KEYS) return KEYS[name];
  if ([...name].length === 1) return name;
  throw new Error(`no WebDriver key for ${JSON.stringify(name)}`);
}

/** Waits until `check` returns something other than undefined, or fails with `what`. */
async function until(check, what, timeout = DEFAULT_TIMEOUT) {
  const end = Date.now() + timeout;
  let last;
  for (;;) {
    try {
      const value = await check();
      if (value !== undefined) return value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > end) {
      throw new Error(`timed out after ${timeout} ms waiting for ${what}${last ? `: ${last.message}` : ""}`);
    }
    await new Promise((done) => setTimeout(done, POLL_MS));
  }
}

/** A text or RegExp to match, as the page's resolver takes it. */
function matcher(text, exact = false) {
  if (text instanceof RegExp) return { regex: text.source, flags: text.flags };
  return { text: String(text), exact };
}

export class Locator {
  constructor(page, steps) {
    this.page = page;
    this.steps = steps;
  }

  with(step) {
    return new Locator(this.page, [...this.steps, step]);
  }
  locator(css) {
    return this.with({ css });
  }
  getByRole(role, { name, exact = false } = {}) {
    return this.with({ role, name: name === undefined ? undefined : matcher(name, exact) });
  }
  getByLabel(text, { exact = false } = {}) {
    return this.with({ label: matcher(text, exact) });
  }
  getByText(text, { exact = false } = {}) {
    return this.with({ textMatch: matcher(text, exact) });
  }
  nth(index) {
    return this.with({ nth: index });
  }
  first() {
    return this.nth(0);
  }
  last() {
    return this.nth(-1);
  }

  toString() {
    return `locator ${JSON.stringify(this.steps)}`;
  }

  /** The elements the steps find now, with their visibility. */
  async resolve() {
    return this.page.run(`return (${RESOLVE})(arguments[0]);`, this.steps);
  }

  /** The one element, once it is there (and visible, unless `visible` is false). Like
   * Playwright, more than one is an error. */
  async element({ visible = true, timeout } = {}) {
    return until(
      async () => {
        const found = await this.resolve();
        if (found.length > 1) throw new Error(`${this} matches ${found.length} elements`);
        if (found.length === 1 && (!visible || found[0].visible)) return found[0].element;
        return undefined;
      },
      `${this}${visible ? " to be visible" : ""}`,
      timeout,
    );
  }

  async waitFor({ state = "visible", timeout = DEFAULT_TIMEOUT } = {}) {
    await until(
      async () => {
        const found = await this.resolve();
        if (found.length > 1 && (state === "visible" || state === "attached")) {
          throw new Error(`${this} matches ${found.length} elements`);
        }
        const shown = found.some((entry) => entry.visible);
        const done = { attached: found.length > 0, detached: found.length === 0, visible: shown, hidden: !shown }[state];
        if (done === undefined) throw new Error(`unknown state ${state}`);
        return done ? true : undefined;
      },
      `${this} to be ${state}`,
      timeout,
    );
  }

  async count() {
    return (await this.resolve()).length;
  }
  async isVisible() {
    return (await this.resolve()).some((entry) => entry.visible);
  }
  async isHidden() {
    return !(await this.isVisible());
  }

  /** Runs `fn` in the page with the element, as Playwright's `evaluate`. */
  async evaluate(fn, arg) {
    const element = await this.element({ visible: false });
    return this.page.run(`return (${fn}).call(null, arguments[0], arguments[1]);`, element, arg);
  }
  /** Runs `fn` with the list of matching elements. */
  async evaluateAll(fn, arg) {
    // Each element as an argument of its own: WebKitWebDriver reads no elements inside a list.
    const elements = (await this.resolve()).map((entry) => entry.element);
    return this.page.run(`return (${fn}).call(null, [...arguments].slice(1), arguments[0]);`, arg, ...elements);
  }

  textContent() {
    return this.evaluate((element) => element.textContent);
  }
  allTextContents() {
    return this.evaluateAll((elements) => elements.map((element) => element.textContent));
  }
  inputValue() {
    return this.evaluate((element) => element.value);
  }
  getAttribute(name) {
    return this.evaluate((element, attribute) => element.getAttribute(attribute), name);
  }
  isChecked() {
    return this.evaluate((element) => element.checked);
  }

  /** A real click at the element's centre, once it has stopped moving (a dialog may still be
   * animating in), retried while something covers it. */
  async click() {
    let last = null;
    await until(async () => {
      const element = await this.element();
      const box = await this.page.run(
        `arguments[0].scrollIntoView({ block: "center", inline: "center" });
         const { x, y, width, height } = arguments[0].getBoundingClientRect();
         return [x, y, width, height].join();`,
        element,
      );
      const stable = box === last;
      last = box;
      if (!stable) return undefined;
      await element.click();
      return true;
    }, `a click on ${this}`);
  }

  async hover() {
    const element = await this.element();
    await this.page.driver.actions({ async: true }).move({ origin: element }).perform();
  }

  async focus() {
    await this.evaluate((element) => element.focus());
  }

  async check() {
    if (!(await this.isChecked())) await this.click();
    await until(async () => ((await this.isChecked()) ? true : undefined), `${this} to become checked`);
  }

  /** Sets the value and fires `input` and `change`, as Playwright's fill does. */
  async fill(value) {
    await this.element();
    await this.evaluate((element, text) => {
      element.focus();
      const prototype = Object.getPrototypeOf(element);
      Object.getOwnPropertyDescriptor(prototype, "value").set.call(element, text);
      element.dispatchEvent(new InputEvent("input", { bubbles: true, composed: true, inputType: "insertText", data: text }));
      element.dispatchEvent(new Event("change", { bubbles: true }));
    }, value);
  }

  async selectOption(value) {
    await this.element();
    const chosen = await this.evaluate((select, wanted) => {
      const option = [...select.options].find((o) => o.value === wanted || o.label === wanted);
      if (!option) return null;
      select.value = option.value;
      select.dispatchEvent(new Event("input", { bubbles: true, composed: true }));
      select.dispatchEvent(new Event("change", { bubbles: true }));
      return option.value;
    }, value);
    if (chosen === null) throw new Error(`${this} has no option ${JSON.stringify(value)}`);
    return [chosen];
  }

  /** Chooses files in a file input, through WebDriver's file upload: each `{ name, buffer }` is
   * written to a temporary file of that name. */
  async setInputFiles(files) {
    const element = await this.element({ visible: false });
    const dir = mkdtempSync(join(tmpdir(), "fw-files-"));
    try {
      // Each file in its own folder, so that it keeps its name and two may share one.
      const paths = files.map((file, n) => {
        mkdirSync(join(dir, String(n)));
        writeFileSync(join(dir, String(n), file.name), file.buffer);
        return join(dir, String(n), file.name);
      });
      await element.sendKeys(paths.join("\n"));
    } finally {
      this.page.context.cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    }
  }

  async screenshot({ path }) {
    const element = await this.element();
    writeFileSync(path, Buffer.from(await element.takeScreenshot(true), "base64"));
  }
}

class Keyboard {
  constructor(page) {
    this.page = page;
  }
  /** Presses a key or a combination such as "Shift+Tab". */
  async press(combination) {
    await this.page.focusWindow();
    const keys = combination.split("+").map(keyOf);
    let actions = this.page.driver.actions({ async: true });
    for (const key of keys) actions = actions.keyDown(key);
    for (const key of keys.reverse()) actions = actions.keyUp(key);
    await actions.perform();
  }
  async type(text) {
    await this.page.focusWindow();
    await this.page.driver.actions({ async: true }).sendKeys(text).perform();
  }
}

export class Page {
  constructor(context, handle) {
    this.context = context;
    this.driver = context.driver;
    this.handle = handle;
    this.keyboard = new Keyboard(this);
    this.errorListeners = [];
    this.stops = [];
    this.closed = false;
  }

  /** Runs a script in this page's window. */
  async run(script, ...args) {
    await this.focusWindow();
    return this.driver.executeScript(script, ...args);
  }

  async focusWindow() {
    if (this.closed) throw new Error("the page is closed");
    if (this.context.current !== this) {
      await this.driver.switchTo().window(this.handle);
      this.context.current = this;
    }
  }

  root() {
    return new Locator(this, []);
  }
  locator(css) {
    return this.root().locator(css);
  }
  getByRole(role, options) {
    return this.root().getByRole(role, options);
  }
  getByLabel(text, options) {
    return this.root().getByLabel(text, options);
  }
  getByText(text, options) {
    return this.root().getByText(text, options);
  }

  evaluate(fn, arg) {
    return this.run(`return (${fn}).call(null, arguments[0]);`, arg);
  }

  /** Reports the errors the page collected so far, and collects from the page now loaded. */
  async collectErrors() {
    const errors = await this.run(`return window.__fwErrors ? window.__fwErrors.splice(0) : [];`).catch(() => []);
    for (const message of errors) for (const listener of this.errorListeners) listener({ message });
  }
  async watchErrors() {
    await this.run(`(${WATCH_ERRORS})();`);
  }

  async goto(url) {
    await this.collectErrors();
    await this.driver.get(url);
    await this.watchErrors();
  }
  async reload() {
    await this.collectErrors();
    await this.focusWindow();
    await this.driver.navigate().refresh();
    await this.watchErrors();
  }
  url() {
    return this.run("return location.href;");
  }

  /** `request` and `pageerror`, the two events the specs listen to. */
  on(event, listener) {
    if (event === "request") this.stops.push(this.context.front.listen(listener));
    else if (event === "pageerror") this.errorListeners.push(listener);
    else throw new Error(`the WebDriver page has no ${event} event`);
  }

  async route(pattern, handler) {
    this.context.front.route(pattern, handler);
  }
  async unroute(pattern) {
    this.context.front.unroute(pattern);
  }

  /** Waits a fixed time, for the specs that check that nothing happens. */
  waitForTimeout(ms) {
    return new Promise((done) => setTimeout(done, ms));
  }

  async screenshot({ path }) {
    await this.focusWindow();
    writeFileSync(path, Buffer.from(await this.driver.takeScreenshot(), "base64"));
  }

  async setViewportSize({ width, height }) {
    await this.focusWindow();
    // The window's outer size, grown by what the browser's own frame takes.
    const [outerWidth, outerHeight] = await this.run(
      "return [window.outerWidth - window.innerWidth, window.outerHeight - window.innerHeight];",
    );
    await this.driver.manage().window().setRect({ width: width + outerWidth, height: height + outerHeight });
  }

  async close() {
    if (this.closed) return;
    await this.collectErrors();
    for (const stop of this.stops) stop();
    await this.focusWindow();
    const handles = await this.driver.getAllWindowHandles();
    if (handles.length > 1) {
      await this.driver.close();
    } else {
      // WebDriver ends the session with its last window; this one is kept, empty.
      await this.driver.get("about:blank");
    }
    this.closed = true;
    this.context.current = null;
    this.context.pages = this.context.pages.filter((page) => page !== this);
  }
}

/** A browsing context: the session's storage is cleared when it closes, so each test starts as
 * in a fresh profile. */
export class Context {
  constructor(browser) {
    this.browser = browser;
    this.driver = browser.driver;
    this.front = browser.front;
    this.pages = [];
    this.cleanups = [];
    this.current = null;
    this.offline = false;
  }

  async newPage() {
    let handle;
    if (this.browser.spareWindow) {
      handle = this.browser.spareWindow;
      this.browser.spareWindow = null;
    } else {
      await this.driver.switchTo().newWindow("tab");
      handle = await this.driver.getWindowHandle();
    }
    const page = new Page(this, handle);
    this.current = null;
    await page.focusWindow();
    this.pages.push(page);
    return page;
  }

  async setOffline(offline) {
    await this.browser.engine.setOffline(this.driver, offline);
    this.offline = offline;
  }

  async close() {
    if (this.offline) await this.setOffline(false);
    for (const page of [...this.pages]) {
      // Storage belongs to the origin: clear it from a page of the front server's origin that
      // has no widget to write a draft back.
      await page.goto(`${this.front.url}${BLANK}`).catch(() => {});
      await page.run("localStorage.clear(); sessionStorage.clear();").catch(() => {});
      await page.close();
    }
    // The session's last window, empty, is the next context's first page.
    const [spare] = await this.driver.getAllWindowHandles();
    await this.driver.switchTo().window(spare);
    this.browser.spareWindow = spare;
    this.front.reset();
    for (const cleanup of this.cleanups.splice(0)) cleanup();
  }
}

/** A browser driven over WebDriver: one session, in which contexts take turns. */
export class Browser {
  constructor(engine, driver, service) {
    this.engine = engine;
    this.driver = driver;
    this.service = service;
    this.front = null;
    this.spareWindow = null;
  }

  /** The sandbox as pages see it: behind a front server that can see and route requests. */
  async serve(sandbox) {
    this.front = await startFront(sandbox.url);
    return { ...sandbox, url: this.front.url };
  }

  async newContext() {
    if (!this.front) throw new Error("call serve(sandbox) before newContext()");
    if (!this.spareWindow) this.spareWindow = await this.driver.getWindowHandle();
    return new Context(this);
  }

  async version() {
    const capabilities = await this.driver.getCapabilities();
    return `${capabilities.get("browserName")} ${capabilities.get("browserVersion")}`;
  }

  async close() {
    await this.driver.quit().catch(() => {});
    await this.service?.kill?.();
    await this.front?.stop();
  }
}

// Takes the README's screenshots with headless Chromium against a real sandbox: the open form in
// the light and dark themes, the mobile sheet and the errors view.
// Run after a build: `node tests/e2e/screenshots.js`.
import { fileURLToPath } from "node:url";
import { resolve } from "node:path";
import { startSandbox } from "./lib/sandbox.js";
import { launch } from "./lib/browser.js";
import { WidgetPage } from "./lib/widget.js";
import { hostPage } from "./lib/host.js";

const out = resolve(fileURLToPath(import.meta.url), "../../../docs/screenshots");
const sandbox = await startSandbox();
const browser = await launch();

const filled = {
  subject: "Export button does nothing",
  message: "Clicking Export on the campaign dashboard shows a spinner, then nothing. No file is downloaded.",
  rating: 2,
  type: "bug",
  priority: "high",
};

/** The demo page, or the demo page with the widget in another theme. */
async function demo(viewport, theme) {
  const page = await browser.newPage({ viewport });
  const widget = new WidgetPage(page, sandbox.url);
  if (theme) {
    const index = await (await fetch(`${sandbox.url}/`)).text();
    await page.route(`${sandbox.url}/`, (route) =>
      route.fulfill({ contentType: "text/html", body: index.replace("data-locale=en", `data-locale=en data-theme=${theme}`) }),
    );
  }
  await widget.goto();
  await widget.open();
  return { page, widget };
}

async function shoot(name, { viewport = { width: 1100, height: 820 }, theme, fill = filled, send = false }) {
  const { page, widget } = await demo(viewport, theme);
  await widget.fill(fill);
  if (send) await widget.send.click();
  await widget.subject.blur();
  await page.waitForTimeout(200);
  await page.screenshot({ path: `${out}/${name}.png` });
  console.log(`wrote ${out}/${name}.png`);
  await page.close();
}

try {
  await shoot("open-form", {});
  await shoot("dark-form", { theme: "dark" });
  await shoot("mobile-sheet", { viewport: { width: 390, height: 760 } });
  await shoot("errors", { fill: { subject: "", message: "x".repeat(5003) }, send: true });
} finally {
  await browser.close();
  await sandbox.stop();
}

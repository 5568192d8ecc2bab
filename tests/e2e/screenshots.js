// Takes the README's screenshots with headless Chromium: the demo page with the open form, filled
// in, against a real sandbox. Run after a build: `node tests/e2e/screenshots.js`.
import { fileURLToPath } from "node:url";
import { resolve } from "node:path";
import { startSandbox } from "./lib/sandbox.js";
import { launch } from "./lib/browser.js";
import { WidgetPage } from "./lib/widget.js";

const out = resolve(fileURLToPath(import.meta.url), "../../../docs/screenshots");
const sandbox = await startSandbox();
const browser = await launch();
try {
  const page = await browser.newPage({ viewport: { width: 1100, height: 820 } });
  const widget = new WidgetPage(page, sandbox.url);
  await widget.goto();
  await widget.open();
  await widget.fill({
    subject: "Export button does nothing",
    message: "Clicking Export on the campaign dashboard shows a spinner, then nothing. No file is downloaded.",
    rating: 2,
    type: "bug",
    priority: "high",
  });
  await widget.subject.blur();
  await page.screenshot({ path: `${out}/open-form.png` });
  console.log(`wrote ${out}/open-form.png`);
} finally {
  await browser.close();
  await sandbox.stop();
}

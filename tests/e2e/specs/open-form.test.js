// The open form on the demo page: a modal dialog with focus in Subject, the page behind it
// inert. Each engine saves a screenshot of it as docs/screenshots/open-form-<engine>.png.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { useWidget } from "../lib/harness.js";

const env = useWidget();
const SHOTS = fileURLToPath(new URL("../../../docs/screenshots/", import.meta.url));
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

test("the form opens as a modal dialog with focus in Subject", async () => {
  const { page, widget, engine } = env;
  await widget.goto();
  await widget.open();
  await widget.fill({ subject: "Export button does nothing", message: "Clicking Export shows a spinner, then nothing.", rating: 4 });
  await widget.subject.focus();
  assert.equal(await widget.dialog.evaluate((dialog) => dialog.matches(":modal")), true, "the dialog is modal");
  assert.equal(await widget.subject.evaluate((input) => input.getRootNode().activeElement === input), true);
  assert.equal(await page.locator("feedback-widget .fw-trigger").getAttribute("aria-expanded"), "true");

  const path = `${SHOTS}open-form-${engine}.png`;
  await page.screenshot({ path });
  assert.ok(readFileSync(path).subarray(0, 8).equals(PNG), `${path} is a PNG`);
});

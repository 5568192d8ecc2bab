// A panic inside the widget: the host page keeps working, the widget shows what the user wrote,
// and after a reload the text is back in the form.
import { test } from "node:test";
import assert from "node:assert/strict";
import { useWidget } from "../lib/harness.js";
import { GLUE, HELPDESKS, HELPDESKS_GLUE, LOADER, hostPage, openHost } from "../lib/host.js";

const env = useWidget();

for (const [build, loader, glue] of [
  ["feedback-widget.js", LOADER, GLUE],
  ["feedback-widget-helpdesks.js", HELPDESKS, HELPDESKS_GLUE],
]) {
  test(`after a crash in ${build} the host works and the user's text is recoverable`, async () => {
    const { page, sandbox } = env;
    const host = hostPage({
      loader,
      body: `<button id="count" onclick="this.textContent = Number(this.textContent) + 1">0</button>`,
      attributes: `data-api-base="/api" data-channel="feedback" data-token="demo-token"`,
    });
    await openHost(page, sandbox.url, host);
    await page.evaluate(() => FeedbackWidget.ready);
    await page.evaluate(() => FeedbackWidget.open());
    const dialog = page.getByRole("dialog", { name: "Send feedback" });
    await dialog.getByLabel("Subject").fill("Before the crash");
    await dialog.getByLabel("Message").fill("Every word should survive.");

    const errors = [];
    page.on("console", (message) => message.type() === "error" && errors.push(message.text()));
    const thrown = await page.evaluate((glue) => {
      try {
        // The glue's global is a script-level binding, reachable by name only.
        eval(glue).__crashForTests();
        return "no error";
      } catch (error) {
        return String(error);
      }
    }, glue);
    assert.notEqual(thrown, "no error", "the panic ended the call");
    env.pageErrors.length = 0;

    const panel = page.locator("feedback-widget").getByRole("alert");
    await panel.waitFor();
    assert.match(await panel.textContent(), /stopped working\. What you wrote is kept/);
    const saved = await panel.locator("textarea").inputValue();
    assert.match(saved, /Before the crash/);
    assert.match(saved, /Every word should survive\./);
    assert.ok(errors.some((text) => text.includes("feedback-widget: the widget stopped working")));

    await page.click("#count");
    await page.click("#count");
    assert.equal(await page.textContent("#count"), "2", "the host page still works");

    await page.reload();
    await page.evaluate(() => FeedbackWidget.ready);
    await page.evaluate(() => FeedbackWidget.open());
    assert.equal(await dialog.getByLabel("Subject").inputValue(), "Before the crash");
    assert.equal(await dialog.getByLabel("Message").inputValue(), "Every word should survive.");
  });
}

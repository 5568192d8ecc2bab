// When the widget's code loads: at idle by default; only on intent with data-preload="intent",
// and for a reader whose browser asks to save data or is on a 2G connection. On intent it still
// opens on the first click.
import { test } from "node:test";
import assert from "node:assert/strict";
import { useWidget } from "../lib/harness.js";
import { afterIdle, hostPage, openHost, widgetRequests } from "../lib/host.js";

const env = useWidget();
const BASE = `data-api-base="/api" data-channel="feedback" data-token="demo-token"`;

/** A browser that reports `connection` as its Network Information, as a phone on a data plan's
 * saver or a 2G network does. */
const connection = (page, value) =>
  page.addInitScript((value) => {
    Object.defineProperty(Navigator.prototype, "connection", { get: () => value, configurable: true });
  }, value);

for (const [name, setUp] of [
  ["by default", () => {}],
  ["for a 3G reader who does not save data", (page) => connection(page, { saveData: false, effectiveType: "3g" })],
]) {
  test(`${name} the widget loads when the browser is idle, with no intent`, async () => {
    const { page, sandbox } = env;
    await setUp(page);
    const loaded = widgetRequests(page);
    await openHost(page, sandbox.url, hostPage({ attributes: BASE }));
    await page.evaluate(() => FeedbackWidget.ready);
    assert.deepEqual(loaded.sort(), ["feedback_widget.js", "feedback_widget_bg.wasm"]);
  });
}

test('data-preload="idle" is the default, said out loud', async () => {
  const { page, sandbox } = env;
  const errors = [];
  page.on("console", (message) => message.type() === "error" && errors.push(message.text()));
  await openHost(page, sandbox.url, hostPage({ attributes: `${BASE} data-preload="idle"` }));
  await page.evaluate(() => FeedbackWidget.ready);
  assert.deepEqual(errors, []);
});

for (const [name, setUp, attributes] of [
  ['data-preload="intent"', () => {}, `${BASE} data-preload="intent"`],
  ["a reader who saves data", (page) => connection(page, { saveData: true, effectiveType: "4g" }), BASE],
  ["a reader on 2G", (page) => connection(page, { saveData: false, effectiveType: "2g" }), BASE],
  ["a reader on slow 2G", (page) => connection(page, { saveData: false, effectiveType: "slow-2g" }), BASE],
]) {
  test(`for ${name} the widget loads on intent only, and the first click opens it`, async () => {
    const { page, sandbox } = env;
    await setUp(page);
    const loaded = widgetRequests(page);
    await openHost(page, sandbox.url, hostPage({ attributes }));
    const button = page.locator("feedback-widget").getByRole("button", { name: "Feedback" });
    await button.waitFor();
    await afterIdle(page);
    assert.deepEqual(loaded, [], "nothing but the loader and the stylesheet before intent");
    await button.click();
    const dialog = page.getByRole("dialog", { name: "Send feedback" });
    await dialog.getByLabel("Subject").waitFor();
    assert.deepEqual(loaded.sort(), ["feedback_widget.js", "feedback_widget_bg.wasm"]);
  });
}

test("an unknown data-preload word is reported, and the default is used", async () => {
  const { page, sandbox } = env;
  const errors = [];
  page.on("console", (message) => message.type() === "error" && errors.push(message.text()));
  await openHost(page, sandbox.url, hostPage({ attributes: `${BASE} data-preload="eager"` }));
  await page.evaluate(() => FeedbackWidget.ready);
  assert.ok(
    errors.some((text) => text.includes('data-preload="eager" is not one of idle, intent; the default is used.')),
    errors.join("\n"),
  );
});

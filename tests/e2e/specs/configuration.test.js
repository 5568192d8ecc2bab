// A host page whose script tag breaks a rule gets no form that can never succeed: a console
// error and a feedback:error event instead.
import { test } from "node:test";
import assert from "node:assert/strict";
import { useWidget } from "../lib/harness.js";
import { LOADER } from "../lib/host.js";

const env = useWidget();

function hostPage(attributes) {
  return `<!doctype html><html lang="en"><head><title>Host</title></head><body>
    <h1>Host page</h1>
    <script>window.widgetErrors = []; addEventListener("feedback:error", (e) => widgetErrors.push(e.detail));</script>
    <script src="${LOADER}" defer ${attributes}></script>
  </body></html>`;
}

async function openHost(page, url, attributes) {
  const consoleErrors = [];
  page.on("console", (message) => message.type() === "error" && consoleErrors.push(message.text()));
  await page.route(`${url}/host.html`, (route) =>
    route.fulfill({ contentType: "text/html", body: hostPage(attributes) }),
  );
  await page.goto(`${url}/host.html`);
  await page.waitForFunction(() => window.widgetErrors.length > 0);
  return consoleErrors;
}

test("an over-long tool key is reported, not cut, and no button appears", async () => {
  const { page, sandbox } = env;
  const key = "k".repeat(101);
  const consoleErrors = await openHost(
    page,
    sandbox.url,
    `data-api-base="/api" data-channel="feedback" data-tool-key="${key}" data-token="demo-token"`,
  );
  const [detail] = await page.evaluate(() => window.widgetErrors);
  assert.equal(detail.code, "config");
  assert.match(detail.message, /tool key \(data-tool-key\) is longer than the API's limit of 100/);
  assert.ok(consoleErrors.some((text) => text.includes("data-tool-key")));
  assert.equal(await page.getByRole("button", { name: "Feedback" }).count(), 0);
  assert.ok(!JSON.stringify(detail).includes("demo-token"), "the token is in no event");
});

test("a missing channel and API base are both named", async () => {
  const { page, sandbox } = env;
  await openHost(page, sandbox.url, `data-token="demo-token"`);
  const [detail] = await page.evaluate(() => window.widgetErrors);
  assert.match(detail.message, /data-api-base\) is missing/);
  assert.match(detail.message, /data-channel\) is missing/);
  assert.equal(await page.getByRole("button", { name: "Feedback" }).count(), 0);
});

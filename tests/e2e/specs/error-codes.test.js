// Each failed ticket gives `feedback:error` a code of its own, so that a host page can tell a 429
// from a 401 without reading the English message. The form keeps the text every time.
import { test } from "node:test";
import assert from "node:assert/strict";
import { useWidget, STORE } from "../lib/harness.js";

const env = useWidget();

const envelope = (message) => JSON.stringify({ error: true, message });
const answers = [
  ["a 401", { status: 401, body: envelope("Unauthenticated.") }, "unauthenticated"],
  ["a 403", { status: 403, body: envelope("Forbidden.") }, "forbidden"],
  ["a 404", { status: 404, body: envelope("Not found.") }, "not_found"],
  [
    "a 422",
    { status: 422, body: JSON.stringify({ message: "Bad.", errors: { subject: ["The subject is bad."] } }) },
    "invalid",
  ],
  [
    "a 429",
    { status: 429, headers: { "retry-after": "30" }, body: envelope("Too Many Attempts.") },
    "rate_limited",
  ],
  ["a 500", { status: 500, body: envelope("Server Error") }, "server"],
  ["a 502", { status: 502, body: "<html>Bad Gateway</html>" }, "gateway"],
  ["a 200 that is no ticket", { status: 200, body: JSON.stringify({ error: false, data: {} }) }, "unreadable"],
  ["no answer at all", null, "blocked_or_network"],
];

for (const [name, answer, code] of answers) {
  test(`${name} is reported with the code ${code}`, async () => {
    const { page, widget } = env;
    await page.route(`**${STORE}`, (route) =>
      answer ? route.fulfill({ contentType: "application/json", ...answer }) : route.abort("connectionrefused"),
    );
    await page.addInitScript(() => {
      window.errors = [];
      addEventListener("feedback:error", (event) => window.errors.push(event.detail));
    });
    await widget.goto();
    await widget.open();
    await widget.fill({ subject: "Codes", message: "Which one is it?" });
    await widget.send.click();
    await page.waitForFunction(() => window.errors.length > 0);
    const errors = await page.evaluate(() => window.errors);
    assert.deepEqual(
      errors.map((error) => error.code),
      [code],
    );
    assert.equal(errors[0].channel, "feedback");
    assert.ok(errors[0].message.length > 0, "an English message beside the code");
    assert.equal(await widget.message.inputValue(), "Which one is it?");
  });
}

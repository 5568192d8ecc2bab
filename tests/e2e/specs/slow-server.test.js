// A server that answers only after 35 s: the widget gives up at 30 s, says the ticket may have
// arrived, and sends no second ticket unless the user asks for one.
import { test } from "node:test";
import assert from "node:assert/strict";
import { useWidget, recordPosts, STORE } from "../lib/harness.js";

const env = useWidget({ sandboxArgs: ["--answer-delay", "35"] });

test("a request with no answer in 30 s is ambiguous and never sent again silently", async () => {
  const { page, widget, sandbox } = env;
  const posts = recordPosts(page, STORE);
  await widget.goto();
  await widget.open();
  await widget.fill({ subject: "Slow", message: "The server takes its time." });
  const abandoned = page.waitForEvent("requestfailed", {
    predicate: (request) => request.url().endsWith(STORE),
    timeout: 60000,
  });
  const sent = Date.now();
  await widget.send.click();
  await widget.view
    .getByText("did not answer within 30 seconds. Your feedback may have arrived.", { exact: false })
    .waitFor({ timeout: 40000 });
  const waited = (Date.now() - sent) / 1000;
  assert.ok(waited >= 29, `gave up after ${waited} s`);
  // It gave up on the request itself (the server answers only at 35 s), not only in words.
  await abandoned;
  assert.equal(await widget.subject.inputValue(), "Slow");
  assert.equal((await sandbox.tickets()).length, 1, "the server did save it");

  // Until the server's late answer would have come and a while after: no second request.
  await page.waitForTimeout(7000);
  assert.equal(posts.length, 1);
  assert.equal((await sandbox.tickets()).length, 1);

  // Asked to, it sends again: the user knows this may make a second ticket.
  await widget.dialog.getByRole("button", { name: "Send again", exact: true }).click();
  while ((await sandbox.tickets()).length < 2) await page.waitForTimeout(100);
  assert.equal((await sandbox.tickets()).length, 2);
  assert.equal(posts.length, 2);
});

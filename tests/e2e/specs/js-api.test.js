// The window.FeedbackWidget API: calls queued before the widget is ready, open with prefill,
// a token provider asked before each request, and events for the host.
import { test } from "node:test";
import assert from "node:assert/strict";
import { inView } from "../lib/widget.js";
import { useWidget, recordPosts, STORE } from "../lib/harness.js";
import { hostPage, openHost } from "../lib/host.js";

const env = useWidget();

test("calls made before the widget is ready are queued, and events reach the host", async () => {
  const { page, sandbox } = env;
  // The host stub queues calls before the loader runs; the token comes from a provider.
  const stub = `<script>
    window.FeedbackWidget = { q: [] };
    ["open", "setToken", "on"].forEach(function (name) {
      FeedbackWidget[name] = function () { FeedbackWidget.q.push([name, arguments]); };
    });
    window.asked = 0;
    window.seen = [];
    FeedbackWidget.setToken(function () { asked += 1; return Promise.resolve("demo-token"); });
    FeedbackWidget.on("submitted", function (detail) { seen.push(["submitted", detail]); });
    FeedbackWidget.open({ subject: "From the host", type: "suggestion", rating: 4 });
    addEventListener("feedback:open", function (e) { seen.push(["open", e.detail]); });
  </script>`;
  const posts = recordPosts(page, STORE);
  await openHost(page, sandbox.url, hostPage({
    head: stub,
    attributes: `data-api-base="/api" data-channel="support"`,
  }));
  await page.evaluate(() => window.FeedbackWidget.ready);
  const dialog = page.getByRole("dialog", { name: "Send feedback" });
  await dialog.waitFor();
  assert.equal(await dialog.getByLabel("Subject").inputValue(), "From the host");
  assert.equal(await dialog.getByLabel("Type").inputValue(), "suggestion");
  assert.equal(await dialog.getByRole("radio", { name: "4 of 5" }).isChecked(), true);

  await dialog.getByLabel("Message").fill("Sent with a provided token.");
  await dialog.getByRole("button", { name: "Send" }).click();
  await inView(dialog).getByText("Thank you!").waitFor();

  const [ticket] = await sandbox.tickets();
  assert.equal(ticket.channel_slug, "support");
  assert.equal(ticket.user, "demo", "the provider's token signed the request");
  assert.equal(await page.evaluate(() => window.asked), 1);
  const seen = await page.evaluate(() => window.seen);
  assert.deepEqual(seen.map(([name]) => name), ["open", "submitted"]);
  assert.deepEqual(seen[1][1], { id: ticket.id, ticketNumber: ticket.ticket_number, channel: "support" });
  assert.equal(posts.length, 1);
});

test("the API opens, closes, takes a new tool key and refuses a token it can't send", async () => {
  const { page, sandbox } = env;
  await openHost(page, sandbox.url, hostPage({
    head: `<script>window.errors = []; addEventListener("feedback:error", (e) => errors.push(e.detail));</script>`,
    attributes: `data-api-base="/api" data-channel="feedback" data-token="demo-token" data-tool-key="first"`,
  }));
  await page.evaluate(() => window.FeedbackWidget.ready);
  const dialog = page.getByRole("dialog", { name: "Send feedback" });
  assert.equal(await page.evaluate(() => FeedbackWidget.setToolKey("k".repeat(101))), false);
  assert.equal(await page.evaluate(() => FeedbackWidget.setToolKey("second")), true);
  // A token with a line break can't go into a header: refused, and the old one stays.
  assert.equal(await page.evaluate(() => FeedbackWidget.setToken("other-token\nX-Injected: 1")), false);
  const errors = await page.evaluate(() => window.errors);
  assert.deepEqual(errors.map((e) => e.code), ["config", "config"]);
  assert.match(errors[1].message, /^setToken: the token has characters that can't be sent in a header/);
  assert.ok(!errors[1].message.includes("other-token"), "the token is not in the message");
  await page.evaluate(() => FeedbackWidget.open());
  await dialog.waitFor();
  await page.evaluate(() => FeedbackWidget.close());
  await dialog.waitFor({ state: "hidden" });
  await page.evaluate(() => FeedbackWidget.open({ subject: "Tool key", message: "Which one?" }));
  await dialog.getByRole("button", { name: "Send" }).click();
  await inView(dialog).getByText("Thank you!").waitFor();
  const [ticket] = await sandbox.tickets();
  assert.equal(ticket.tool_key, "second");
  assert.equal(ticket.user, "demo", "signed with the token from before");
});

test("after a 401 the token provider is asked once more and the ticket is sent once more", async () => {
  const { page, sandbox } = env;
  const stub = `<script>
    window.asked = 0;
    window.FeedbackWidget = { q: [["setToken", [function () {
      asked += 1;
      return asked === 1 ? "expired-token" : "demo-token";
    }]]] };
  </script>`;
  const authorizations = [];
  page.on("request", (request) => request.url().endsWith("/tickets/store") && authorizations.push(request.headers().authorization));
  const before = (await sandbox.tickets()).length;
  await openHost(page, sandbox.url, hostPage({ head: stub, attributes: `data-api-base="/api" data-channel="bugs"` }));
  await page.evaluate(() => FeedbackWidget.ready);
  await page.evaluate(() => FeedbackWidget.open({ subject: "Expired", message: "Refresh me" }));
  const dialog = page.getByRole("dialog", { name: "Send feedback" });
  await dialog.getByRole("button", { name: "Send" }).click();
  await inView(dialog).getByText("Thank you!").waitFor();
  assert.deepEqual(authorizations, ["Bearer expired-token", "Bearer demo-token"]);
  assert.equal(await page.evaluate(() => window.asked), 2);
  assert.equal((await sandbox.tickets()).length, before + 1);
});

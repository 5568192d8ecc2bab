// The npm package's ES module, imported as it is from the version's folder: init() with the
// options object keeps the loader's promises, since it is the same loader body. A host stub's
// queued calls are replayed, a second init() for the same configuration gets the same widget,
// and the token is passed through setToken, never written into the DOM.
import { test } from "node:test";
import assert from "node:assert/strict";
import { useWidget } from "../lib/harness.js";
import { TOKEN } from "../lib/sandbox.js";
import { VERSION, openHost } from "../lib/host.js";

const env = useWidget();
const MODULE = `/feedback-widget/${VERSION}/feedback-widget.mjs`;

/** A host page that queues calls on a stub, then imports the module and calls init() twice. */
const page = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Host</title></head>
<body><h1>Host page</h1>
<script>
  window.FeedbackWidget = { q: [] };
  FeedbackWidget.open = function () { FeedbackWidget.q.push(["open", arguments]); };
  window.seen = [];
  addEventListener("feedback:submitted", (e) => seen.push(e.detail.ticketNumber));
</script>
<script type="module">
  import { init } from "${MODULE}";
  FeedbackWidget.open({ subject: "Queued before init" });
  const options = { apiBase: "/api", channel: "feedback", toolKey: "es_module", token: "${TOKEN}", labels: { send: "Send it" } };
  const first = init(options);
  const again = init({ ...options, token: "another-token", toolKey: "ignored" });
  window.outcome = { same: first === again, global: first === window.FeedbackWidget, count: FeedbackWidget.all.length };
</script>
</body></html>`;

test("init() takes over a stub's queue, guards against a second init, and sends with the token", async () => {
  const { page: tab, sandbox } = env;
  const authorizations = [];
  tab.on("request", (request) => request.method() === "POST" && authorizations.push(request.headers().authorization));
  await openHost(tab, sandbox.url, page);
  const dialog = tab.getByRole("dialog", { name: "Send feedback" });
  await dialog.waitFor();
  assert.deepEqual(await tab.evaluate(() => window.outcome), { same: true, global: true, count: 1 });
  assert.equal(await dialog.getByLabel("Subject").inputValue(), "Queued before init");
  await dialog.getByLabel("Message").fill("From the ES module.");
  await dialog.getByRole("button", { name: "Send it" }).click();
  await dialog.getByText("Thank you!").first().waitFor();

  const [ticket] = await sandbox.tickets();
  assert.equal(ticket.subject, "Queued before init");
  assert.equal(ticket.tool_key, "es_module");
  assert.deepEqual(authorizations, [`Bearer ${TOKEN}`]);
  assert.deepEqual(await tab.evaluate(() => window.seen), [ticket.ticket_number]);
  const html = await tab.evaluate(
    () => document.documentElement.outerHTML.replace(/<script type="module">[\s\S]*?<\/script>/, "") +
      document.querySelector("feedback-widget").shadowRoot.innerHTML,
  );
  assert.ok(!html.includes(TOKEN), "the token is in no element the widget made");
});

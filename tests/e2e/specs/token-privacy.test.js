// The token goes into the Authorization header and nowhere else: not into storage, the widget's
// DOM, the console or any event.
import { test } from "node:test";
import assert from "node:assert/strict";
import { inView } from "../lib/widget.js";
import { useWidget, STORE } from "../lib/harness.js";
import { hostPage, openHost } from "../lib/host.js";

const TOKEN = "tok-SECRET-e2e-0042";
const PROVIDED = "tok-PROVIDED-e2e-0043";
const env = useWidget({ sandboxArgs: ["--token", `alice=${TOKEN}`, "--token", `bob=${PROVIDED}`] });

test("the token appears in no storage, DOM, console message or event", async () => {
  const { page, sandbox } = env;
  const consoleText = [];
  page.on("console", (message) => consoleText.push(message.text()));
  const capture = `<script>
    window.events = [];
    ["open", "close", "submitted", "error"].forEach(function (name) {
      addEventListener("feedback:" + name, function (e) { events.push([name, e.detail]); });
    });
  </script>`;
  await openHost(page, sandbox.url, hostPage({
    head: capture,
    attributes: `data-api-base="/api" data-channel="feedback" data-token="${TOKEN}"`,
  }));
  const headers = [];
  page.on("request", (request) => request.url().endsWith(STORE) && headers.push(request.headers().authorization));
  await page.evaluate(() => FeedbackWidget.ready);
  const dialog = page.getByRole("dialog", { name: "Send feedback" });

  // A ticket with the attribute's token, a failed one, then one with a provider's token.
  await page.evaluate(() => FeedbackWidget.open({ subject: "One", message: "With the attribute" }));
  await dialog.getByRole("button", { name: "Send" }).click();
  await inView(dialog).getByText("Thank you!").waitFor();
  await dialog.getByLabel("Add details").fill("A reply");
  await dialog.getByRole("button", { name: "Add to ticket" }).click();
  await inView(dialog).getByText("Your details were added", { exact: false }).waitFor();
  await dialog.getByRole("button", { name: "Send other feedback" }).click();
  await page.evaluate(() => FeedbackWidget.setToken("wrong-token"));
  await dialog.getByLabel("Subject").fill("Two");
  await dialog.getByLabel("Message").fill("With a wrong token");
  await dialog.getByRole("button", { name: "Send" }).click();
  await inView(dialog).getByText("did not accept this site's sign-in", { exact: false }).waitFor();
  await page.evaluate((token) => FeedbackWidget.setToken(() => Promise.resolve(token)), PROVIDED);
  await dialog.getByRole("button", { name: "Send" }).click();
  await inView(dialog).getByText("Thank you!").waitFor();
  await page.evaluate(() => FeedbackWidget.close());

  assert.deepEqual(headers, [`Bearer ${TOKEN}`, "Bearer wrong-token", `Bearer ${PROVIDED}`]);
  const users = (await sandbox.tickets()).map((t) => t.user).sort();
  assert.deepEqual(users, ["alice", "bob"]);

  const found = await page.evaluate(async (tokens) => {
    const places = {};
    const all = (storage) => Object.keys(storage).map((key) => key + "=" + storage.getItem(key)).join("\n");
    places.localStorage = all(localStorage);
    places.sessionStorage = all(sessionStorage);
    places.cookies = document.cookie;
    places.indexedDB = JSON.stringify(await indexedDB.databases());
    places.caches = JSON.stringify(await caches.keys());
    places.widgetDom = document.querySelector("feedback-widget").shadowRoot.innerHTML;
    const body = document.body.cloneNode(true);
    body.querySelectorAll("script[data-token]").forEach((script) => script.removeAttribute("data-token"));
    places.pageDom = body.innerHTML;
    places.events = JSON.stringify(window.events);
    return Object.entries(places)
      .filter(([, text]) => tokens.some((token) => text.includes(token)))
      .map(([place]) => place);
  }, [TOKEN, PROVIDED]);
  assert.deepEqual(found, []);
  assert.ok(!consoleText.some((text) => text.includes(TOKEN) || text.includes(PROVIDED)), "not in the console");
  assert.ok((await page.evaluate(() => window.events.length)) >= 4, "events were seen");
});

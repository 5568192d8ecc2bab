// Embedding: the button at once and the widget only on intent, no lost click, one button per
// configuration, two widgets side by side, single-page apps, and glue and wasm that must match
// their integrity hashes. The Content-Security-Policy has its own spec (strict-csp.test.js).
import { test } from "node:test";
import assert from "node:assert/strict";
import { useWidget } from "../lib/harness.js";
import { LOADER, hostPage, openHost, widgetRequests } from "../lib/host.js";

const env = useWidget({ sandboxArgs: ["--store-limit", "100"] });
const BASE = `data-api-base="/api" data-token="demo-token"`;

/** A browser that is never idle, so that only intent loads the widget. */
const neverIdle = (page) => page.addInitScript(() => (window.requestIdleCallback = () => 0));

test("the button shows at once; the widget loads only when the reader shows intent", async () => {
  const { page, sandbox } = env;
  await neverIdle(page);
  const loaded = widgetRequests(page);
  await openHost(page, sandbox.url, hostPage({ attributes: `${BASE} data-channel="feedback"` }));
  const button = page.locator("feedback-widget").getByRole("button", { name: "Feedback" });
  await button.waitFor();
  await page.waitForTimeout(800);
  assert.deepEqual(loaded, [], "nothing but the loader and the stylesheet before intent");
  await button.hover();
  await page.evaluate(() => FeedbackWidget.ready);
  assert.deepEqual(loaded.sort(), ["feedback_widget.js", "feedback_widget_bg.wasm"]);
});

test("a click before the widget is ready opens the form as soon as it is", async () => {
  const { page, sandbox } = env;
  await neverIdle(page);
  const loaded = widgetRequests(page);
  // A slow wasm: the click lands long before the widget could answer it.
  await page.route("**/feedback_widget_bg.wasm", async (route) => {
    await new Promise((done) => setTimeout(done, 1000));
    await route.continue();
  });
  await openHost(page, sandbox.url, hostPage({ attributes: `${BASE} data-channel="feedback"` }));
  const widget = page.locator("feedback-widget");
  await widget.getByRole("button", { name: "Feedback" }).click();
  await widget.getByRole("dialog", { name: "Send feedback" }).waitFor();
  assert.equal(await widget.locator("#fw-subject").evaluate((input) => input.getRootNode().activeElement === input), true);
  assert.equal(loaded.filter((name) => name.endsWith(".wasm")).length, 1);
});

// README's snippet loads the loader async, in a task of its own; defer, and a plain script in the
// head (before the page has a body), work the same.
for (const [how, where] of [["defer", "body"], ["", "head"]]) {
  test(`a ${how || "plain"} script tag in the ${where} shows the button and opens the form`, async () => {
    const { page, sandbox } = env;
    const html = hostPage({ attributes: `${BASE} data-channel="feedback"`, how, inHead: where == "head" });
    await openHost(page, sandbox.url, html);
    const widget = page.locator("feedback-widget");
    await widget.getByRole("button", { name: "Feedback" }).click();
    await widget.getByRole("dialog", { name: "Send feedback" }).waitFor();
    assert.equal(await page.evaluate(() => document.body.lastElementChild.localName), "feedback-widget");
  });
}

test("including the script twice shows one button", async () => {
  const { page, sandbox } = env;
  const tag = `<script src="${LOADER}" async ${BASE} data-channel="feedback"></script>`;
  await openHost(page, sandbox.url, hostPage({ body: tag, attributes: `${BASE} data-channel="feedback"` }));
  await page.evaluate(() => FeedbackWidget.ready);
  assert.equal(await page.locator("feedback-widget").count(), 1);
  assert.equal(await page.getByRole("button", { name: "Feedback" }).count(), 1);
  assert.equal(await page.evaluate(() => FeedbackWidget.all.length), 1);
});

test("two widgets on one page, for two channels, keep to themselves", async () => {
  const { page, sandbox } = env;
  const second = `<script src="${LOADER}" defer ${BASE} data-channel="bugs" data-position="bottom-left"
    data-labels='{"trigger": "Report a bug"}'></script>`;
  await openHost(page, sandbox.url, hostPage({
    head: `<script>window.seen = []; addEventListener("feedback:submitted", (e) => seen.push(e.detail.channel));</script>`,
    body: second,
    attributes: `${BASE} data-channel="feedback"`,
  }));
  await page.evaluate(() => Promise.all(FeedbackWidget.all.map((widget) => widget.ready)));
  const hosts = page.locator("feedback-widget");
  const feedback = hosts.filter({ has: page.locator(".fw-trigger--undefined") });
  const bugs = hosts.filter({ has: page.locator(".fw-trigger--bottom-left") });
  assert.equal(await bugs.locator(".fw-trigger").textContent(), "Report a bug");
  assert.equal(await feedback.locator(".fw-trigger").textContent(), "Feedback");

  for (const [host, subject] of [[feedback, "For feedback"], [bugs, "For bugs"]]) {
    await host.locator(".fw-trigger").click();
    const dialog = host.getByRole("dialog");
    await dialog.locator("#fw-subject").fill(subject);
    await dialog.locator("#fw-message").fill("Which channel?");
    await dialog.locator("button[type=submit]").click();
    await dialog.locator(".fw-success").waitFor();
    await dialog.locator(".fw-dialog__close").click();
  }
  const tickets = await sandbox.tickets();
  assert.equal(tickets.find((t) => t.subject === "For feedback").channel_slug, "feedback");
  assert.equal(tickets.find((t) => t.subject === "For bugs").channel_slug, "bugs");
  assert.deepEqual(await page.evaluate(() => window.seen), ["feedback", "bugs"]);
  // A draft in one is not a draft in the other.
  await feedback.locator(".fw-trigger").click();
  await feedback.getByRole("button", { name: "Send other feedback" }).click();
  await feedback.locator("#fw-subject").fill("Only here");
  await feedback.locator(".fw-dialog__close").click();
  await bugs.locator(".fw-trigger").click();
  await bugs.getByRole("button", { name: "Send other feedback" }).click();
  assert.equal(await bugs.locator("#fw-subject").inputValue(), "");
});

test("page is read when sending: pushState, replaceState and hash changes count", async () => {
  const { page, sandbox } = env;
  await openHost(page, sandbox.url, hostPage({ attributes: `${BASE} data-channel="feedback"` }));
  await page.evaluate(() => FeedbackWidget.ready);
  const send = async (subject, move) => {
    await page.evaluate(move);
    await page.evaluate((s) => FeedbackWidget.open({ subject: s, message: "Where am I?" }), subject);
    const dialog = page.locator("feedback-widget").getByRole("dialog");
    await dialog.locator("button[type=submit]").click();
    await dialog.locator(".fw-success").waitFor();
    await dialog.getByRole("button", { name: "Send other feedback" }).click();
    await page.evaluate(() => FeedbackWidget.close());
    return (await sandbox.tickets()).find((t) => t.subject === subject).page;
  };
  assert.equal(await send("pushed", () => history.pushState({}, "", "/app/reports?id=7")), `${sandbox.url}/app/reports`);
  assert.equal(await send("replaced", () => history.replaceState({}, "", "/app/settings")), `${sandbox.url}/app/settings`);
  assert.equal(await send("hash", () => (location.hash = "#billing")), `${sandbox.url}/app/settings`);
});

test("the widget survives the host re-rendering its body", async () => {
  const { page, sandbox } = env;
  await openHost(page, sandbox.url, hostPage({ attributes: `${BASE} data-channel="feedback"` }));
  await page.evaluate(() => FeedbackWidget.ready);
  await page.evaluate(() => FeedbackWidget.open({ subject: "Across renders" }));
  await page.evaluate(() => (document.body.innerHTML = "<main><h1>Rendered again</h1></main>"));
  await page.evaluate(() => {
    const body = document.createElement("body");
    body.innerHTML = "<main><h1>A new body</h1></main>";
    document.body.replaceWith(body);
  });
  const widget = page.locator("feedback-widget");
  await widget.locator(".fw-trigger").waitFor();
  assert.equal(await page.locator("feedback-widget").count(), 1);
  const dialog = widget.getByRole("dialog", { name: "Send feedback" });
  await dialog.waitFor();
  assert.equal(await dialog.evaluate((d) => d.matches(":modal")), true, "the open form is modal again");
  assert.equal(await dialog.locator("#fw-subject").inputValue(), "Across renders");
  await dialog.locator("#fw-message").fill("Still here.");
  await dialog.locator("button[type=submit]").click();
  await dialog.locator(".fw-success").waitFor();
  assert.ok((await sandbox.tickets()).some((t) => t.subject === "Across renders"));
});

for (const file of ["feedback_widget.js", "feedback_widget_bg.wasm"]) {
  test(`a ${file} that changed on its way is refused by its integrity hash`, async () => {
    const { page, sandbox } = env;
    // Still valid code with something added at the end, as a tampering CDN or proxy could serve
    // it: a line break for the script, an empty custom section named "test" for the wasm.
    const extra = file.endsWith(".js") ? Buffer.from("\n") : Buffer.from([0, 5, 4, 0x74, 0x65, 0x73, 0x74]);
    await page.route(`**/${file}`, async (route) => {
      const response = await route.fetch();
      const body = Buffer.concat([await response.body(), extra]);
      await route.fulfill({ response, body });
    });
    await openHost(page, sandbox.url, hostPage({ attributes: `${BASE} data-channel="feedback"` }));
    const outcome = await page.evaluate(() =>
      FeedbackWidget.ready.then(
        () => "mounted",
        () => "refused",
      ),
    );
    assert.equal(outcome, "refused");
    await page.getByRole("button", { name: "Feedback" }).click();
    await page.waitForTimeout(300);
    assert.equal(await page.getByRole("dialog").count(), 0, "no form from code that failed its check");
  });
}

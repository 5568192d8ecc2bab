// The widget's two builds: feedback-widget.js, for this API's tickets, does not carry the other
// help desks and says which script does; feedback-widget-helpdesks.js loads its own files; and a
// page may hold one widget of each.
import { test } from "node:test";
import assert from "node:assert/strict";
import { useWidget } from "../lib/harness.js";
import { HELPDESKS, hostPage, openHost } from "../lib/host.js";

const env = useWidget();
const WHMCS = `data-api-base="/api/whmcs/api/AddTicketReply" data-ticket-id="1" data-contact-id="1" data-token="demo-token"`;
const ERRORS = `<script>window.errors = []; addEventListener("feedback:error", (e) => errors.push(e.detail));</script>`;

/** The names of the widget files (glue and wasm) the page requests. */
function widgetFiles(page) {
  const seen = [];
  page.on("request", (request) => {
    const name = request.url().split("/").pop();
    if (/^feedback_widget.*(_bg\.wasm|\.js)$/.test(name)) seen.push(name);
  });
  return seen;
}

test("the main build has no other help desk, and setBackend says which script has them", async () => {
  const { page, sandbox, widget } = env;
  const files = widgetFiles(page);
  await openHost(page, sandbox.url, hostPage({
    head: ERRORS,
    attributes: `data-api-base="/api" data-channel="feedback" data-token="demo-token"`,
  }));
  await page.evaluate(() => FeedbackWidget.ready);
  assert.deepEqual(files.sort(), ["feedback_widget.js", "feedback_widget_bg.wasm"]);

  const taken = await page.evaluate(() =>
    FeedbackWidget.setBackend("whmcs", { ticketId: 1, contactId: 1, apiBase: "/api/whmcs/api/AddTicketReply" }),
  );
  assert.equal(taken, false);
  const errors = await page.evaluate(() => window.errors);
  assert.deepEqual(errors.map((e) => e.code), ["config"]);
  assert.match(errors[0].message, /setBackend: "whmcs" is not in this build of the widget: .*feedback-widget-helpdesks\.js/);

  // The widget still makes new tickets.
  await widget.open();
  await widget.fill({ subject: "Main build", message: "Still the feedback form." });
  await widget.send.click();
  await widget.view.getByText("Thank you!").waitFor();
  assert.equal((await sandbox.tickets())[0].subject, "Main build");
});

test("data-backend naming another help desk on the main build is reported, and tickets go on", async () => {
  const { page, sandbox, widget } = env;
  await openHost(page, sandbox.url, hostPage({
    head: ERRORS,
    attributes: `data-backend="series" data-api-base="/api" data-channel="feedback" data-token="demo-token"`,
  }));
  await page.evaluate(() => FeedbackWidget.ready);
  const errors = await page.evaluate(() => window.errors);
  assert.deepEqual(errors.map((e) => e.code), ["config"]);
  assert.match(errors[0].message, /^data-backend: "series" is not in this build of the widget: .*feedback-widget-helpdesks\.js.*The widget makes new tickets instead\.$/);
  await widget.open();
  await widget.subject.waitFor();
});

test("a help-desk snippet on the main build names the build to use and shows no button", async () => {
  const { page, sandbox } = env;
  await openHost(page, sandbox.url, hostPage({
    head: ERRORS,
    attributes: `data-backend="klantportaal" data-api-base="/api/klantportaal/v1" data-ticket-id="tic_abc12345def678" data-token="demo-token"`,
  }));
  await page.waitForFunction(() => window.errors.length >= 2);
  const messages = (await page.evaluate(() => window.errors)).map((e) => e.message);
  assert.match(messages[0], /^data-backend: "klantportaal" is not in this build of the widget: .*feedback-widget-helpdesks\.js[^]*\)\.$/);
  assert.ok(messages.some((message) => /data-channel\) is missing/.test(message)), messages.join("\n"));
  assert.equal(await page.getByRole("button", { name: "Feedback" }).count(), 0);
});

test("a page with one widget of each build: each loads its own files and sends where it should", async () => {
  const { page, sandbox } = env;
  const files = widgetFiles(page);
  const helpdesk = `<script src="${HELPDESKS}" defer data-backend="whmcs" ${WHMCS} data-position="bottom-left"
    data-labels='{"trigger": "Reply to WHMCS"}'></script>`;
  await openHost(page, sandbox.url, hostPage({
    head: ERRORS,
    body: helpdesk,
    attributes: `data-api-base="/api" data-channel="feedback" data-token="demo-token"`,
  }));
  await page.evaluate(() => Promise.all(FeedbackWidget.all.map((widget) => widget.ready)));
  assert.equal(await page.evaluate(() => FeedbackWidget.all.length), 2);
  assert.deepEqual(files.sort(), [
    "feedback_widget.js",
    "feedback_widget_bg.wasm",
    "feedback_widget_helpdesks.js",
    "feedback_widget_helpdesks_bg.wasm",
  ]);

  // The help-desk widget replies to the WHMCS ticket...
  await page.getByRole("button", { name: "Reply to WHMCS" }).click();
  const reply = page.getByRole("dialog", { name: "Reply to ticket 1" });
  await reply.getByLabel("Your reply").fill("From the help-desk build.");
  await reply.getByRole("button", { name: "Send reply" }).click();
  await reply.locator(".fw-reply__sent").getByText("Your reply was added to ticket 1.").waitFor();
  assert.match((await sandbox.arrived("whmcs"))[0].message, /From the help-desk build\./);
  await page.keyboard.press("Escape");
  await reply.waitFor({ state: "hidden" });

  // ...and the main one makes a ticket.
  await page.getByRole("button", { name: "Feedback", exact: true }).click();
  const feedback = page.getByRole("dialog", { name: "Send feedback" });
  await feedback.getByLabel("Subject").fill("From the main build");
  await feedback.getByLabel("Message").fill("Both widgets work on one page.");
  await feedback.getByRole("button", { name: "Send", exact: false }).click();
  await feedback.getByRole("heading", { name: "Thank you!" }).waitFor();
  assert.equal((await sandbox.tickets())[0].subject, "From the main build");
  assert.deepEqual(await page.evaluate(() => window.errors), []);
});

// The host switches a widget between its feedback form and replies to a ticket at run time:
// FeedbackWidget.setBackend turns the dialog into the reply form of a backend, setTicket moves it
// to another ticket, and targets a backend can't use are refused with a config error.
import { test } from "node:test";
import assert from "node:assert/strict";
import { useWidget } from "../lib/harness.js";
import { hostPage, openHost, HELPDESKS } from "../lib/host.js";

const env = useWidget();

const KLANTPORTAAL = { ticketId: "tic_abc12345def678", apiBase: "/api/klantportaal/v1" };
const HOSTILE = "tic_hostile000001";

/** Opens the demo page of the help desks, waits for the widget and notes its replied and error events. */
async function demo() {
  const { page, widget } = env;
  await page.addInitScript(() => {
    window.replied = [];
    window.errors = [];
    addEventListener("feedback:replied", (e) => window.replied.push(e.detail));
    addEventListener("feedback:error", (e) => window.errors.push(e.detail));
  });
  await widget.goto("/helpdesks.html");
  await page.evaluate(() => FeedbackWidget.ready);
}

function replyDialog(ticket) {
  return env.page.getByRole("dialog", { name: `Reply to ticket ${ticket}` });
}

test("setBackend turns the feedback form into a reply form, and null turns it back", async () => {
  const { page, widget, sandbox } = env;
  await demo();
  assert.equal(await page.evaluate((target) => FeedbackWidget.setBackend("klantportaal", target), KLANTPORTAAL), true);
  await widget.trigger.click();
  const dialog = replyDialog(KLANTPORTAAL.ticketId);
  await dialog.waitFor();
  assert.equal(await dialog.getByLabel("Subject").count(), 0, "no feedback fields in the reply form");

  await dialog.getByLabel("Your reply").fill("Sent after switching.");
  await dialog.getByRole("button", { name: "Send reply" }).click();
  await dialog.locator(".fw-reply__sent").getByText(`Your reply was added to ticket ${KLANTPORTAAL.ticketId}.`).waitFor();
  const [arrived] = await sandbox.arrived("klantportaal");
  assert.equal(arrived.ticketId, KLANTPORTAAL.ticketId);
  assert.equal(arrived.message, "<p>Sent after switching.</p>");
  assert.equal(arrived.user, "demo", "the demo page's token went with it");
  assert.equal(await dialog.locator(".fw-thread__message").count(), 3, "the thread came back");
  assert.deepEqual(await page.evaluate(() => window.replied), [
    { channel: "feedback", backend: "klantportaal", ticketId: KLANTPORTAAL.ticketId },
  ]);

  // Back to new tickets, while the dialog is open.
  assert.equal(await page.evaluate(() => FeedbackWidget.setBackend(null)), true);
  await widget.dialog.waitFor();
  assert.equal(await dialog.count(), 0);
  const before = (await sandbox.tickets()).length;
  await widget.fill({ subject: "Back to feedback", message: "The form for new tickets is back." });
  await widget.send.click();
  await widget.view.getByText("Thank you!").waitFor();
  const tickets = await sandbox.tickets();
  assert.equal(tickets.length, before + 1);
  assert.equal(tickets[0].subject, "Back to feedback");
  assert.equal(tickets[0].channel_slug, "feedback");
  assert.deepEqual(await page.evaluate(() => window.errors), []);
});

test("an unknown backend and a Series target without a staff member are refused", async () => {
  const { page, widget, sandbox } = env;
  await demo();
  assert.equal(await page.evaluate(() => FeedbackWidget.setBackend("zendesk", "1")), false);
  assert.equal(
    await page.evaluate(() => FeedbackWidget.setBackend("series", { ticketId: "TICKET-1234567890-ABCD", apiBase: "/api/series" })),
    false,
  );
  assert.equal(
    await page.evaluate(() => FeedbackWidget.setBackend("whmcs", { ticketId: "not-a-number", apiBase: "/api/whmcs/api/AddTicketReply" })),
    false,
  );
  const errors = await page.evaluate(() => window.errors);
  assert.deepEqual(errors.map((e) => e.code), ["config", "config", "config"]);
  assert.match(errors[0].message, /setBackend: "zendesk" is not one of default, klantportaal, series, whmcs\./);
  assert.match(errors[1].message, /staff user id \(data-staff-user-id\) is missing/);
  assert.match(errors[2].message, /not a WHMCS ticket id/);

  // Nothing changed: the feedback form is still what opens, and a ticket still goes out.
  await widget.open();
  assert.equal(await page.getByRole("dialog", { name: /^Reply to ticket/ }).count(), 0);
  await widget.fill({ subject: "Still feedback", message: "The refused calls changed nothing." });
  await widget.send.click();
  await widget.view.getByText("Thank you!").waitFor();
  assert.equal((await sandbox.tickets())[0].subject, "Still feedback");
  assert.deepEqual(await sandbox.arrived("series"), [], "nothing went to Series");
});

test("setTicket moves replies to another ticket of the same backend and help desk", async () => {
  const { page, widget, sandbox } = env;
  await demo();
  assert.equal(await page.evaluate((target) => FeedbackWidget.setBackend("klantportaal", target), KLANTPORTAAL), true);
  await widget.trigger.click();
  await replyDialog(KLANTPORTAAL.ticketId).waitFor();

  // The open dialog follows; the API base set with setBackend stays.
  assert.equal(await page.evaluate((ticket) => FeedbackWidget.setTicket(ticket), HOSTILE), true);
  const dialog = replyDialog(HOSTILE);
  await dialog.waitFor();
  await dialog.getByLabel("Your reply").fill("To the other ticket.");
  await dialog.getByRole("button", { name: "Send reply" }).click();
  await dialog.locator(".fw-reply__sent").getByText(`Your reply was added to ticket ${HOSTILE}.`).waitFor();
  const [arrived] = await sandbox.arrived("klantportaal");
  assert.equal(arrived.ticketId, HOSTILE);
  assert.equal(arrived.message, "<p>To the other ticket.</p>");
  assert.equal(await dialog.locator(".fw-thread__author").first().textContent(), "<i>Mallory</i>");
  assert.deepEqual((await page.evaluate(() => window.replied)).map((d) => [d.backend, d.ticketId]), [["klantportaal", HOSTILE]]);

  // A target the backend can't use leaves the ticket as it was.
  assert.equal(await page.evaluate(() => FeedbackWidget.setTicket({ ticketId: "..", staffUserId: "x" })), false);
  const errors = await page.evaluate(() => window.errors);
  assert.deepEqual(errors.map((e) => e.code), ["config"]);
  assert.match(errors[0].message, /staffUserId is not a whole number/);
  assert.equal(await dialog.isVisible(), true, "still replying to the same ticket");
});

test("setTicket with a Series target replies as that staff member", async () => {
  const { page, sandbox } = env;
  await demo();
  assert.equal(
    await page.evaluate(() => FeedbackWidget.setBackend("series", { ticketId: "TICKET-1234567890-OPEN", staffUserId: 987654321, apiBase: "/api/series" })),
    true,
  );
  assert.equal(
    await page.evaluate(() => FeedbackWidget.setTicket({ ticketId: "TICKET-1234567890-ABCD", staffUserId: "987654321" })),
    true,
  );
  await page.evaluate(() => FeedbackWidget.open());
  const dialog = replyDialog("TICKET-1234567890-ABCD");
  await dialog.waitFor();
  await dialog.getByLabel("Your reply").fill("Claimed, so this goes.");
  await dialog.getByRole("button", { name: "Send reply" }).click();
  await dialog.locator(".fw-reply__sent").getByText("Your reply was added to ticket TICKET-1234567890-ABCD.").waitFor();
  const [arrived] = await sandbox.arrived("series");
  assert.deepEqual([arrived.ticketId, arrived.staffUserId, arrived.content], ["TICKET-1234567890-ABCD", 987654321, "Claimed, so this goes."]);
  assert.deepEqual(await page.evaluate(() => window.replied), [
    { channel: "feedback", backend: "series", ticketId: "TICKET-1234567890-ABCD" },
  ]);
});

test("a widget set up with data-backend has no feedback form to go back to", async () => {
  const { page, sandbox } = env;
  await openHost(page, sandbox.url, hostPage({
    loader: HELPDESKS,
    head: `<script>window.errors = []; addEventListener("feedback:error", (e) => errors.push(e.detail));</script>`,
    attributes: `data-backend="klantportaal" data-api-base="/api/klantportaal/v1" data-ticket-id="${KLANTPORTAAL.ticketId}" data-token="demo-token"`,
  }));
  await page.evaluate(() => FeedbackWidget.ready);
  assert.equal(await page.evaluate(() => FeedbackWidget.setBackend(null)), false);
  const errors = await page.evaluate(() => window.errors);
  assert.deepEqual(errors.map((e) => e.code), ["config"]);
  assert.match(errors[0].message, /no form for new\s+tickets/);
  await page.getByRole("button", { name: "Feedback" }).click();
  await replyDialog(KLANTPORTAAL.ticketId).waitFor();
});

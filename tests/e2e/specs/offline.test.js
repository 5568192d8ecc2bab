// Tickets written offline wait in the outbox and go out once, when the connection is back: on
// the online event or at the next page load. The user sees that a ticket waits and can stop it.
import { test } from "node:test";
import assert from "node:assert/strict";
import { useWidget, recordPosts, waitUntil, STORE } from "../lib/harness.js";
import { WidgetPage } from "../lib/widget.js";

const env = useWidget();

async function queueOffline(widget, context, subject) {
  await widget.goto();
  // The widget loads when the browser is idle after the page has loaded; offline before that,
  // there would be no widget to write in.
  await widget.page.evaluate(() => FeedbackWidget.ready.then(() => true));
  await context.setOffline(true);
  await widget.open();
  await widget.fill({ subject, message: "Written on a train." });
  await widget.send.click();
  await widget.view.getByText("You are offline. Your feedback waits here").waitFor();
}

test("an offline ticket waits, then goes out exactly once when the connection is back", async () => {
  const { page, context, widget, sandbox } = env;
  const posts = recordPosts(page, STORE);
  await queueOffline(widget, context, "Sent from offline");
  assert.equal(await widget.dialog.locator(".fw-queued__subject").textContent(), "Sent from offline");
  await page.waitForTimeout(500);
  assert.equal(posts.length, 0, "nothing is sent while offline");

  await context.setOffline(false);
  await widget.view.getByText("Thank you!").waitFor();
  await page.waitForTimeout(1000);
  const tickets = await sandbox.tickets();
  assert.equal(tickets.filter((t) => t.subject === "Sent from offline").length, 1);
  assert.equal(posts.length, 1);
  assert.equal(await widget.dialog.locator(".fw-ticket").textContent(), tickets[0].ticket_number);
});

test("a waiting ticket can be stopped, and its text comes back to the form", async () => {
  const { page, context, widget, sandbox } = env;
  const before = (await sandbox.tickets()).length;
  await queueOffline(widget, context, "Never mind");
  await widget.dialog.getByRole("button", { name: "Don't send it" }).click();
  assert.equal(await widget.subject.inputValue(), "Never mind");
  assert.equal(await widget.message.inputValue(), "Written on a train.");
  await context.setOffline(false);
  await page.waitForTimeout(1500);
  assert.equal((await sandbox.tickets()).length, before);
});

test("a ticket left waiting goes out at the next page load", async () => {
  const { page, context, widget, sandbox } = env;
  await queueOffline(widget, context, "Sent at the next load");
  await page.close();
  await context.setOffline(false);

  const next = new WidgetPage(await context.newPage(), sandbox.url);
  await next.goto();
  await waitUntil(
    async () => (await sandbox.tickets()).some((t) => t.subject === "Sent at the next load"),
    "the waiting ticket to arrive",
  );
  await next.open();
  await next.view.getByText("Thank you!").waitFor();
  assert.equal(
    (await sandbox.tickets()).filter((t) => t.subject === "Sent at the next load").length,
    1,
  );
});

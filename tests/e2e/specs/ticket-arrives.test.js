// A ticket sent from the real demo page lands in the sandbox's SQLite file with page, user_agent
// and tool_key filled in, and a follow-up lands on the same ticket.
import { test } from "node:test";
import assert from "node:assert/strict";
import { useWidget, recordPosts, STORE, REPLY } from "../lib/harness.js";

const env = useWidget();

test("a ticket from the page arrives with everything the widget fills in", async () => {
  const { page, widget, sandbox } = env;
  const posts = recordPosts(page, STORE);
  await widget.goto("/?session=s3cret#section");
  await widget.open();
  await widget.fill({
    subject: "  Export button does nothing  ",
    message: "Clicking Export on the dashboard shows no file. 😀",
    rating: 2,
    type: "bug",
    priority: "high",
  });
  await widget.send.click();
  await widget.view.getByText("Thank you!").waitFor();

  const [ticket] = await sandbox.tickets();
  assert.equal(ticket.subject, "Export button does nothing");
  assert.equal(ticket.message, "Clicking Export on the dashboard shows no file. 😀");
  assert.equal(ticket.rating, 2);
  assert.equal(ticket.type, "bug");
  assert.equal(ticket.priority, "high");
  assert.equal(ticket.channel_slug, "feedback");
  assert.equal(ticket.tool_key, "ads_protection");
  assert.equal(ticket.page, `${sandbox.url}/`, "no query string, no fragment");
  const userAgent = await page.evaluate(() => navigator.userAgent);
  assert.equal(ticket.user_agent, userAgent);
  assert.equal(posts.length, 1);
  assert.equal(posts[0].user_agent, userAgent, "the widget sent the user agent itself");
  assert.equal(posts[0].page, `${sandbox.url}/`);

  const shown = await widget.dialog.locator(".fw-ticket").textContent();
  assert.equal(shown, ticket.ticket_number);
  assert.equal(
    await widget.live.textContent(),
    `Your feedback was received as ticket ${ticket.ticket_number}.`,
    "the live region says it",
  );
  assert.equal(await widget.live.getAttribute("aria-live"), "polite");
});

test("details added afterwards go to the same ticket, never as internal notes", async () => {
  const { page, widget, sandbox } = env;
  const replies = recordPosts(page, REPLY);
  await widget.goto();
  await widget.open();
  await widget.fill({ subject: "Slow charts", message: "The charts take ten seconds." });
  await widget.send.click();
  const number = await widget.dialog.locator(".fw-ticket").textContent();

  const details = widget.dialog.getByLabel("Add details");
  await details.fill("It happens on Mondays.");
  await widget.dialog.getByRole("button", { name: "Add to ticket" }).click();
  await widget.view.getByText(`Your details were added to ticket ${number}.`).waitFor();
  assert.equal(await details.inputValue(), "", "the box empties for the next reply");

  const ticket = (await sandbox.tickets()).find((t) => t.ticket_number === number);
  assert.deepEqual(
    ticket.replies.map((reply) => [reply.message, reply.is_internal]),
    [["It happens on Mondays.", false]],
  );
  assert.deepEqual(replies, [{ ticket_id: ticket.id, message: "It happens on Mondays.", is_internal: false }]);
});

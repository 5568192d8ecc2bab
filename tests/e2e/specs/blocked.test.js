// A request the browser blocks (as an ad blocker does) is never shown as sent: the form names the
// ad blocker, keeps the text, and sends again only when the user asks.
import { test } from "node:test";
import assert from "node:assert/strict";
import { useWidget, STORE } from "../lib/harness.js";

const env = useWidget();

test("a blocked request gets the ad-blocker message and the user's choice", async () => {
  const { page, widget, sandbox } = env;
  await page.route(`**${STORE}`, (route) => route.abort("blockedbyclient"));
  await widget.goto();
  await widget.open();
  await widget.fill({ subject: "Blocked", message: "By an extension." });
  await widget.send.click();

  const status = widget.dialog.locator(".fw-status");
  await status.getByText("an ad blocker may have blocked it", { exact: false }).waitFor();
  assert.doesNotMatch(await widget.dialog.textContent(), /Thank you/);
  assert.equal(await widget.subject.inputValue(), "Blocked");
  const again = widget.dialog.getByRole("button", { name: "Send again", exact: true });
  const dont = widget.dialog.getByRole("button", { name: "Don't send again" });
  await again.waitFor();
  assert.equal(await widget.view.getByText("sending again makes a second ticket", { exact: false }).count(), 1);

  // Choosing not to send leaves an ordinary form; with the block gone, Send sends once.
  await dont.click();
  await page.unroute(`**${STORE}`);
  await widget.send.click();
  await widget.view.getByText("Thank you!").waitFor();
  assert.equal((await sandbox.tickets()).length, 1);
});

test("a refused connection keeps the ticket, and Send again once the server is back makes one", async () => {
  const { page, widget, sandbox } = env;
  // As a server that is down does; browsers that can't go offline under their driver show
  // the way back from a lost connection this way.
  const before = (await sandbox.tickets()).length;
  await page.route(`**${STORE}`, (route) => route.abort("connectionrefused"));
  await widget.goto();
  await widget.open();
  await widget.fill({ subject: "Server down", message: "Try again later." });
  await widget.send.click();
  const again = widget.dialog.getByRole("button", { name: "Send again", exact: true });
  await again.waitFor();
  assert.equal((await sandbox.tickets()).length, before);
  assert.equal(await widget.subject.inputValue(), "Server down");

  await page.unroute(`**${STORE}`);
  await again.click();
  await widget.view.getByText("Thank you!").waitFor();
  const tickets = await sandbox.tickets();
  assert.equal(tickets.length, before + 1);
  assert.equal(tickets[0].subject, "Server down");
});

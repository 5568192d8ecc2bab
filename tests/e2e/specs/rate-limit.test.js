// A 429 says when the user can send again, keeps the text, and sending works once it is over.
import { test } from "node:test";
import assert from "node:assert/strict";
import { useWidget } from "../lib/harness.js";

const env = useWidget({ sandboxArgs: ["--store-limit", "2", "--store-window", "4"] });

test("after a 429 the form says when to retry and counts down to it", async () => {
  const { widget, sandbox } = env;
  for (let n = 0; n < 2; n++) {
    const answer = await sandbox.post("store", { channel_slug: "feedback", subject: "s", message: "m" });
    assert.equal(answer.status, 200);
  }
  await widget.goto();
  await widget.open();
  await widget.fill({ subject: "One too many", message: "Still important." });
  await widget.send.click();

  const status = widget.dialog.locator(".fw-status");
  await status.getByText(/Too many messages in a short time\. You can send again in 0:0[1-4]\./).first().waitFor();
  assert.equal(await widget.send.getAttribute("aria-disabled"), "true");
  assert.match(await status.locator(".fw-status__countdown").textContent(), /in 0:0[0-4]\./);
  assert.equal(await widget.subject.inputValue(), "One too many");
  assert.equal((await sandbox.tickets()).length, 2);

  await status.getByText("You can send again now.").waitFor();
  assert.equal(await widget.send.getAttribute("aria-disabled"), "false");
  await widget.send.click();
  await widget.view.getByText("Thank you!").waitFor();
  const tickets = await sandbox.tickets();
  assert.equal(tickets.length, 3);
  assert.equal(tickets[0].subject, "One too many");
});

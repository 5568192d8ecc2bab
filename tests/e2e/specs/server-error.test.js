// A 500 keeps the text and says it was not confirmed; sending again makes exactly one ticket.
import { test } from "node:test";
import assert from "node:assert/strict";
import { useWidget, STORE } from "../lib/harness.js";

const env = useWidget();

test("a 500 keeps the text, and a retry makes one ticket", async () => {
  const { page, widget, sandbox } = env;
  await page.route(`**${STORE}`, (route) =>
    route.fulfill({
      status: 500,
      contentType: "application/json",
      body: JSON.stringify({ error: true, message: "Server Error", data: [] }),
    }),
  );
  await widget.goto();
  await widget.open();
  await widget.fill({ subject: "Keep me", message: "Every word of me.", rating: 5 });
  await widget.send.click();

  const status = widget.dialog.locator(".fw-status");
  await status.getByText("The feedback service had a problem (error 500)", { exact: false }).waitFor();
  assert.match(await status.textContent(), /Your text is still here\./);
  assert.match(await status.textContent(), /The service said: Server Error/);
  assert.equal(await widget.subject.inputValue(), "Keep me");
  assert.equal(await widget.message.inputValue(), "Every word of me.");
  assert.equal(await widget.dialog.getByRole("radio", { name: "5 of 5" }).isChecked(), true);
  assert.equal((await sandbox.tickets()).length, 0);

  await page.unroute(`**${STORE}`);
  await widget.send.click();
  await widget.view.getByText("Thank you!").waitFor();
  const tickets = await sandbox.tickets();
  assert.equal(tickets.length, 1);
  assert.equal(tickets[0].message, "Every word of me.");
  assert.equal(tickets[0].rating, 5);
});

// What the user types survives a reload, in the form and in the reply box, and is cleared only
// by a confirmed ticket.
import { test } from "node:test";
import assert from "node:assert/strict";
import { useWidget } from "../lib/harness.js";

const env = useWidget();

test("a reload while typing keeps every field", async () => {
  const { page, widget } = env;
  await widget.goto();
  await widget.open();
  await widget.fill({
    subject: "Half-written 😀",
    message: "I was typing when the tab reloaded",
    rating: 3,
    type: "suggestion",
    priority: "low",
  });
  await page.reload();
  await widget.trigger.waitFor();
  await widget.open();
  assert.equal(await widget.subject.inputValue(), "Half-written 😀");
  assert.equal(await widget.message.inputValue(), "I was typing when the tab reloaded");
  assert.equal(await widget.dialog.getByRole("radio", { name: "3 of 5" }).isChecked(), true);
  assert.equal(await widget.type.inputValue(), "suggestion");
  assert.equal(await widget.priority.inputValue(), "low");

  // Only a confirmed ticket clears it.
  await widget.send.click();
  await widget.view.getByText("Thank you!").waitFor();
  const left = await page.evaluate(() =>
    Object.keys(localStorage).filter((key) => key.includes(":draft:")),
  );
  assert.deepEqual(left, []);
});

test("a reload keeps the details being added to a ticket", async () => {
  const { page, widget } = env;
  await widget.goto();
  await widget.open();
  await widget.fill({ subject: "With details", message: "More to come" });
  await widget.send.click();
  const number = await widget.dialog.locator(".fw-ticket").textContent();
  await widget.dialog.getByLabel("Add details").fill("Half a detail");
  await page.reload();
  await widget.trigger.waitFor();
  await widget.open();
  assert.equal(await widget.dialog.locator(".fw-ticket").textContent(), number);
  assert.equal(await widget.dialog.getByLabel("Add details").inputValue(), "Half a detail");
});

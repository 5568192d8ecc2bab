// The Leptos example app (examples/leptos-app), which renders the widget as a component of its
// own: its own button opens the form through the widget's controls, the ticket reaches the
// sandbox's SQLite file, and the app hears of it through the widget's events.
import { test } from "node:test";
import assert from "node:assert/strict";
import { useWidget } from "../lib/harness.js";
import { LEPTOS_APP_DIR } from "../lib/sandbox.js";

const env = useWidget({ site: LEPTOS_APP_DIR });

test("the app's own button opens the form, and the ticket arrives", async () => {
  const { page, widget, sandbox } = env;
  await page.goto(sandbox.url);
  const open = page.getByRole("button", { name: "Tell us what you think" });
  await open.waitFor();
  assert.equal(await widget.trigger.count(), 0, "no button of the widget's own");
  assert.equal(await page.locator("feedback-widget").count(), 0, "no script tag's host element");

  // The widget's stylesheet stays inside the widget: the app's button keeps the browser's own
  // focus ring.
  await page.keyboard.press("Tab");
  assert.equal(await open.evaluate((button) => button === document.activeElement), true);
  assert.equal(await open.evaluate((button) => getComputedStyle(button).outlineStyle), "auto");

  await open.click();
  await widget.dialog.waitFor();
  await widget.fill({ subject: "Sent from Leptos", message: "Through the component.", rating: 5 });
  // The crate's stylesheet is applied, with the accent colour the app's CSS sets.
  assert.equal(await widget.dialog.evaluate((dialog) => getComputedStyle(dialog).boxSizing), "border-box");
  assert.equal(await widget.send.evaluate((send) => getComputedStyle(send).backgroundColor), "rgb(106, 31, 176)");
  await widget.send.click();
  await widget.view.getByText("Thank you!").waitFor();

  const [ticket] = await sandbox.tickets();
  assert.equal(ticket.subject, "Sent from Leptos");
  assert.equal(ticket.message, "Through the component.");
  assert.equal(ticket.rating, 5);
  assert.equal(ticket.channel_slug, "feedback");
  assert.equal(ticket.tool_key, "leptos_app");
  assert.equal(ticket.page, `${sandbox.url}/`);
  // The app's on_event saw the confirmed ticket.
  await page.locator(".app-sent li").getByText(ticket.ticket_number, { exact: true }).waitFor();
});

// Two tabs of one site share the outbox; when the connection comes back both try to send, and
// the entry still makes exactly one ticket.
import { test } from "node:test";
import assert from "node:assert/strict";
import { useWidget } from "../lib/harness.js";
import { WidgetPage } from "../lib/widget.js";

// A slow answer keeps the first tab's send going while the second tab tries.
const env = useWidget({ sandboxArgs: ["--answer-delay", "1.5"] });

test("two tabs with one outbox entry make one ticket", async () => {
  const { context, widget, sandbox } = env;
  const other = new WidgetPage(await context.newPage(), sandbox.url);
  await widget.goto();
  await other.goto();
  for (const tab of [widget, other]) await tab.page.evaluate(() => FeedbackWidget.ready);
  await context.setOffline(true);
  await widget.open();
  await widget.fill({ subject: "Two tabs", message: "Only once, please." });
  await widget.send.click();
  await widget.view.getByText("You are offline.", { exact: false }).waitFor();

  // Both tabs get the online event at once.
  await context.setOffline(false);
  await widget.view.getByText("Thank you!").waitFor();
  await other.page.waitForTimeout(3000);
  const tickets = (await sandbox.tickets()).filter((t) => t.subject === "Two tabs");
  assert.equal(tickets.length, 1);
});

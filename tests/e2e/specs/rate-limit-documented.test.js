// With the documented limit (10 per user per 5 minutes), the 11th ticket is refused and the form
// names the wait the sandbox's Retry-After gives.
import { test } from "node:test";
import assert from "node:assert/strict";
import { useWidget } from "../lib/harness.js";

const env = useWidget();

test("the eleventh ticket in five minutes gets the wait in minutes and seconds", async () => {
  const { widget, sandbox } = env;
  const first = Date.now();
  for (let n = 0; n < 10; n++) {
    await sandbox.post("store", { channel_slug: "feedback", subject: `s${n}`, message: "m" });
  }
  await widget.goto();
  await widget.open();
  await widget.fill({ subject: "Eleventh", message: "Please read me." });
  await widget.send.click();
  const notice = widget.view.getByText(/You can send again in \d+:\d\d\./).first();
  await notice.waitFor();
  // The sandbox's Retry-After counts from the first of the ten tickets, five minutes before it
  // ends: the wait shown is what is left of that, however long the test took to get here.
  const [, minutes, seconds] = (await notice.textContent()).match(/send again in (\d+):(\d\d)\./);
  const shown = Number(minutes) * 60 + Number(seconds);
  const left = (first + 300000 - Date.now()) / 1000;
  assert.ok(shown <= 300 && shown >= Math.floor(left) - 1, `the wait shown is ${shown} s, ${left} s were left`);
  assert.equal(await widget.message.inputValue(), "Please read me.");
  assert.equal((await sandbox.tickets()).length, 10);
});

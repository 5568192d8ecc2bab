// With the documented limit (10 per user per 5 minutes), the 11th ticket is refused and the form
// names the wait the sandbox's Retry-After gives.
import { test } from "node:test";
import assert from "node:assert/strict";
import { useWidget } from "../lib/harness.js";

const env = useWidget();

test("the eleventh ticket in five minutes gets the wait in minutes and seconds", async () => {
  const { widget, sandbox } = env;
  for (let n = 0; n < 10; n++) {
    await sandbox.post("store", { channel_slug: "feedback", subject: `s${n}`, message: "m" });
  }
  await widget.goto();
  await widget.open();
  await widget.fill({ subject: "Eleventh", message: "Please read me." });
  await widget.send.click();
  await widget.view
    .getByText(/You can send again in (5:00|4:5\d)\./)
    .first()
    .waitFor();
  assert.equal(await widget.message.inputValue(), "Please read me.");
  assert.equal((await sandbox.tickets()).length, 10);
});

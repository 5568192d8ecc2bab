// A 422 from the sandbox shows next to the field it names, and the text stays.
import { test } from "node:test";
import assert from "node:assert/strict";
import { useWidget, STORE } from "../lib/harness.js";

const env = useWidget();

test("the sandbox's 422 for a field shows next to that field", async () => {
  const { page, widget, sandbox } = env;
  // The widget never sends an overlong subject, so the request is changed on its way out: the
  // sandbox then answers with its real 422.
  await page.route(`**${STORE}`, (route) => {
    const body = JSON.parse(route.request().postData());
    body.subject = "x".repeat(256);
    route.continue({ postData: JSON.stringify(body) });
  });
  await widget.goto();
  await widget.open();
  await widget.fill({ subject: "Short subject", message: "A message" });
  await widget.send.click();

  const errors = widget.errorsOf("Subject");
  await errors.first().waitFor();
  assert.deepEqual(await errors.allTextContents(), [
    "The subject field must not be greater than 255 characters.",
  ]);
  assert.equal(await widget.subject.getAttribute("aria-invalid"), "true");
  assert.equal(await widget.errorsOf("Message").count(), 0);
  assert.equal(await widget.subject.inputValue(), "Short subject");
  assert.equal(await widget.message.inputValue(), "A message");
  assert.equal((await sandbox.tickets()).length, 0);
});

// Only a 2xx that says error: false with a ticket id is a success: an HTML page from a proxy is
// not, and neither is a 2xx that says error: true.
import { test } from "node:test";
import assert from "node:assert/strict";
import { useWidget, STORE } from "../lib/harness.js";

const env = useWidget();

const answers = {
  "an HTML page from a proxy": { status: 200, contentType: "text/html", body: "<html><body>Welcome to the hotel Wi-Fi</body></html>" },
  "a 200 that says error: true": { status: 200, contentType: "application/json", body: JSON.stringify({ error: true, message: "No", data: { id: 9 } }) },
  "a 200 without a ticket id": { status: 200, contentType: "application/json", body: JSON.stringify({ error: false, message: "ok", data: [] }) },
};

for (const [name, answer] of Object.entries(answers)) {
  test(`${name} is no success`, async () => {
    const { page, widget } = env;
    await page.route(`**${STORE}`, (route) => route.fulfill(answer));
    await widget.goto();
    await widget.open();
    await widget.fill({ subject: "Arrived?", message: "Prove it." });
    await widget.send.click();
    await widget.view.getByText("we can't confirm your feedback arrived", { exact: false }).waitFor();
    assert.equal(await widget.view.getByText("Thank you!").count(), 0);
    assert.equal(await widget.subject.inputValue(), "Arrived?");
  });
}

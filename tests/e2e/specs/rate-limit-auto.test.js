// A 429 with Retry-After: 3 counts down, and sends by itself when the wait is over if the user
// asked for that. Before an 11th ticket in five minutes the widget says so without sending.
import { test } from "node:test";
import assert from "node:assert/strict";
import { useWidget, recordPosts, STORE } from "../lib/harness.js";

const env = useWidget();

test("a 429 counts down and then sends by itself, once", async () => {
  const { page, widget, sandbox } = env;
  const posts = recordPosts(page, STORE);
  let refused = false;
  await page.route(`**${STORE}`, (route) => {
    if (refused) return route.continue();
    refused = true;
    return route.fulfill({
      status: 429,
      headers: { "retry-after": "3", "x-ratelimit-limit": "60", "x-ratelimit-remaining": "0" },
      contentType: "application/json",
      body: JSON.stringify({ error: true, message: "Too Many Attempts." }),
    });
  });
  await widget.goto();
  await widget.open();
  await widget.fill({ subject: "Patience", message: "I can wait three seconds." });
  await widget.send.click();
  const countdown = widget.dialog.locator(".fw-status__countdown");
  await countdown.waitFor();
  assert.match(await countdown.textContent(), /You can send again in 0:0[1-3]\./);
  await widget.dialog.getByLabel("Send automatically when the wait is over").check();

  await widget.view.getByText("Thank you!").waitFor({ timeout: 8000 });
  const tickets = await sandbox.tickets();
  assert.equal(tickets.length, 1);
  assert.equal(tickets[0].subject, "Patience");
  assert.equal(posts.length, 2, "the refused request and the one after the wait");
});

test("the widget refuses an 11th ticket in five minutes by itself", async () => {
  const { page, widget, sandbox } = env;
  const posts = recordPosts(page, STORE);
  const before = (await sandbox.tickets()).length;
  // Nine tickets from this browser in the last minute, the oldest 60 s before `seeded`.
  const seeded = Date.now();
  await page.addInitScript(
    ({ apiBase, seeded }) => {
      const sent = Array.from({ length: 9 }, (_, n) => seeded - 60000 + n * 1000);
      localStorage.setItem(`feedback-widget:v1:sent:${apiBase}`, JSON.stringify({ sent_at: sent }));
    },
    { apiBase: `${sandbox.url}/api`, seeded },
  );
  await widget.goto();
  await widget.open();
  await widget.fill({ subject: "Tenth", message: "Still allowed." });
  await widget.send.click();
  await widget.view.getByText("Thank you!").waitFor();
  await widget.dialog.getByRole("button", { name: "Send other feedback" }).click();
  await widget.fill({ subject: "Eleventh", message: "One too many." });
  await widget.send.click();
  const notice = widget.view
    .getByText(/You have sent 10 messages from this browser in 5 minutes.*You can send again in \d+:\d\d\./)
    .first();
  await notice.waitFor();
  // The oldest ticket leaves the five minutes 240 s after `seeded`: the wait shown is what is
  // left of that, however long the test took to get here.
  const [, minutes, seconds] = (await notice.textContent()).match(/send again in (\d+):(\d\d)\./);
  const shown = Number(minutes) * 60 + Number(seconds);
  const left = (seeded + 240000 - Date.now()) / 1000;
  assert.ok(shown <= 240 && shown >= Math.floor(left), `the wait shown is ${shown} s, ${left} s were left`);
  assert.equal(posts.length, 1, "the 11th was never sent");
  assert.equal((await sandbox.tickets()).length, before + 1);
  assert.equal(await widget.subject.inputValue(), "Eleventh");
});

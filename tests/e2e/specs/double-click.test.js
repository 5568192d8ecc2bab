// However fast Send is clicked, one click makes one ticket.
import { test } from "node:test";
import assert from "node:assert/strict";
import { useWidget, recordPosts, STORE } from "../lib/harness.js";

const env = useWidget();

for (const clicks of [2, 3]) {
  test(`${clicks} quick clicks on Send make one ticket`, async () => {
    const { page, widget, sandbox } = env;
    const posts = recordPosts(page, STORE);
    const before = (await sandbox.tickets()).length;
    await widget.goto();
    await widget.open();
    await widget.fill({ subject: `Clicked ${clicks} times`, message: "Once is enough." });
    await widget.send.click({ clickCount: clicks, delay: 0 });
    await widget.view.getByText("Thank you!").waitFor();
    await page.waitForTimeout(300);
    assert.equal(posts.length, 1);
    const tickets = await sandbox.tickets();
    assert.equal(tickets.length, before + 1);
    assert.equal(tickets[0].subject, `Clicked ${clicks} times`);
  });
}

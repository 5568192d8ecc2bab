// The widget with the keyboard alone: Tab, Shift+Tab, the arrow keys, Space, Enter and Escape.
import { test } from "node:test";
import assert from "node:assert/strict";
import { useWidget, recordPosts, STORE } from "../lib/harness.js";
import { inView } from "../lib/widget.js";

const env = useWidget();

/** The id, or else the tag and text, of what has focus, looking into the widget's shadow root. */
function focused(page) {
  return page.evaluate(() => {
    let active = document.activeElement;
    const inWidget = active?.tagName === "FEEDBACK-WIDGET";
    if (inWidget) active = active.shadowRoot.activeElement;
    if (!active) return { inWidget, inDialog: false, name: "none" };
    const inDialog = inWidget && !!active.closest("dialog");
    const name = active.id || `${active.tagName.toLowerCase()}:${(active.getAttribute("aria-label") || active.textContent || active.value || "").trim().slice(0, 30)}`;
    return { inWidget, inDialog, name };
  });
}

async function tabToTrigger(page) {
  for (let n = 0; n < 20; n++) {
    await page.keyboard.press("Tab");
    const now = await focused(page);
    if (now.inWidget && now.name.startsWith("button:Feedback")) return;
  }
  throw new Error("Tab never reached the Feedback button");
}

test("a ticket filled in and sent with the keyboard alone", async () => {
  const { page, widget, sandbox } = env;
  const posts = recordPosts(page, STORE);
  await widget.goto();
  await tabToTrigger(page);
  await page.keyboard.press("Enter");
  await widget.dialog.waitFor();
  assert.equal((await focused(page)).name, "fw-subject", "focus moves into the dialog");
  await page.keyboard.type("Keyboard only");
  await page.keyboard.press("Tab");
  assert.equal((await focused(page)).name, "fw-message");
  await page.keyboard.type("No mouse was used.");
  await page.keyboard.press("Tab");
  // The first star takes focus; the arrows choose, and choosing sends nothing.
  for (let n = 0; n < 3; n++) await page.keyboard.press("ArrowRight");
  assert.equal(await widget.dialog.getByRole("radio", { name: "4 of 5" }).isChecked(), true);
  await page.keyboard.press("ArrowLeft");
  await page.keyboard.press("Space");
  assert.equal(await widget.dialog.getByRole("radio", { name: "3 of 5" }).isChecked(), true);
  assert.equal(posts.length, 0, "browsing the stars sends nothing");
  await page.keyboard.press("Tab");
  assert.equal((await focused(page)).name, "button:Clear rating");
  await page.keyboard.press("Tab");
  assert.equal((await focused(page)).name, "fw-type");
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("Tab");
  assert.equal((await focused(page)).name, "fw-priority");
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("Tab");
  assert.equal((await focused(page)).name, "button:Send");
  await page.keyboard.press("Enter");
  await inView(widget.dialog).getByText("Thank you!").waitFor();

  const [ticket] = await sandbox.tickets();
  assert.equal(ticket.subject, "Keyboard only");
  assert.equal(ticket.message, "No mouse was used.");
  assert.equal(ticket.rating, 3);
  assert.equal(ticket.type, "bug");
  assert.equal(ticket.priority, "normal");
  assert.equal(ticket.channel_slug, "feedback");
  assert.equal(ticket.tool_key, "ads_protection");
  assert.equal(ticket.page, `${sandbox.url}/`);
  assert.equal(ticket.user_agent, await page.evaluate(() => navigator.userAgent), "this browser's own user agent");
  assert.equal(posts.length, 1);
});

test("focus never leaves the open dialog, either way round", async () => {
  const { page, widget } = env;
  await widget.goto();
  await widget.open();
  await widget.fill({ subject: "Trap", message: "Stay inside", rating: 2 });
  const seen = new Set();
  for (const key of ["Tab", "Shift+Tab"]) {
    for (let n = 0; n < 25; n++) {
      await page.keyboard.press(key);
      const now = await focused(page);
      assert.ok(now.inDialog, `${key} #${n + 1} left the dialog for ${now.name}`);
      seen.add(now.name);
    }
  }
  for (const stop of ["fw-subject", "fw-message", "fw-type", "fw-priority", "button:Send", "button:Close"]) {
    assert.ok(seen.has(stop), `Tab reached ${stop}: ${[...seen].join(", ")}`);
  }
});

test("Escape closes the dialog, keeps the text and gives focus back to the button", async () => {
  const { page, widget } = env;
  await widget.goto();
  await tabToTrigger(page);
  await page.keyboard.press("Space");
  await widget.dialog.waitFor();
  await page.keyboard.type("Kept after Escape");
  await page.keyboard.press("Escape");
  await widget.dialog.waitFor({ state: "hidden" });
  const now = await focused(page);
  assert.ok(now.inWidget && now.name.startsWith("button:Feedback"), `focus is on ${now.name}`);
  await widget.page.locator('feedback-widget .fw-trigger[aria-expanded="false"]').waitFor();
  await page.keyboard.press("Enter");
  await widget.dialog.waitFor();
  assert.equal(await widget.subject.inputValue(), "Kept after Escape");
});

test("the rating can be cleared, and focus stays in the group", async () => {
  const { page, widget } = env;
  await widget.goto();
  await widget.open();
  await widget.dialog.getByRole("radio", { name: "5 of 5" }).check();
  await widget.dialog.getByRole("button", { name: "Clear rating" }).click();
  const checked = await widget.dialog.locator("input[type=radio]:checked").count();
  assert.equal(checked, 0);
  assert.equal((await focused(page)).name, "input:1");
});

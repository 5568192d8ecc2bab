// Where the widget sits and how it fits: corners, no button with the host's own opener, the
// page's scroll, narrow screens, 200% zoom and right-to-left pages.
import { test } from "node:test";
import assert from "node:assert/strict";
import { useWidget } from "../lib/harness.js";
import { hostPage, openHost } from "../lib/host.js";

const env = useWidget({ sandboxArgs: ["--store-limit", "100"] });
const BASE = `data-api-base="/api" data-channel="feedback" data-token="demo-token"`;

async function host(page, sandbox, { attributes = "", head = "", body = "", html } = {}) {
  let markup = hostPage({ head, body, attributes: `${BASE} ${attributes}` });
  if (html) markup = markup.replace('<html lang="en">', html);
  await openHost(page, sandbox.url, markup);
  await page.evaluate(() => FeedbackWidget.ready);
  return page.locator("feedback-widget");
}

test("the button sits bottom right by default and bottom left when asked", async () => {
  const { page, sandbox } = env;
  const viewport = page.viewportSize();
  let widget = await host(page, sandbox);
  let box = await widget.locator(".fw-trigger").boundingBox();
  assert.ok(box.x + box.width > viewport.width - 40 && box.y + box.height > viewport.height - 40, JSON.stringify(box));
  widget = await host(page, sandbox, { attributes: `data-position="bottom-left"` });
  box = await widget.locator(".fw-trigger").boundingBox();
  assert.ok(box.x < 40 && box.y + box.height > viewport.height - 40, JSON.stringify(box));
});

test("with no button, the host's own element opens the form and gets focus back", async () => {
  const { page, sandbox } = env;
  const widget = await host(page, sandbox, {
    attributes: `data-position="none" data-open-selector=".help-link"`,
    body: `<button class="help-link" id="opener">Tell us</button>`,
  });
  assert.equal(await widget.locator(".fw-trigger").count(), 0);
  // Elements added later open it too.
  await page.evaluate(() => {
    const later = document.createElement("a");
    later.href = "#help";
    later.className = "help-link";
    later.id = "later";
    later.textContent = "Help";
    document.body.append(later);
  });
  await page.click("#opener");
  const dialog = widget.getByRole("dialog");
  await dialog.waitFor();
  await page.keyboard.press("Escape");
  await dialog.waitFor({ state: "hidden" });
  assert.equal(await page.evaluate(() => document.activeElement.id), "opener");
  await page.click("#later");
  await dialog.waitFor();
  assert.equal(new URL(page.url()).hash, "", "the link's own navigation was stopped");
});

test("the page behind does not scroll, and its overflow comes back exactly", async () => {
  const { page, sandbox } = env;
  const widget = await host(page, sandbox, { body: `<div style="height: 4000px"><p id="spot" style="margin-top: 700px">Here</p></div>` });
  const spot = () => page.evaluate(() => document.getElementById("spot").getBoundingClientRect().top);
  await page.evaluate(() => {
    document.documentElement.style.setProperty("overflow-x", "hidden");
    document.body.style.setProperty("background", "rgb(250, 250, 240)");
    window.scrollTo(0, 500);
  });
  const seen = await spot();
  await widget.locator(".fw-trigger").click();
  await widget.locator("dialog[open]").waitFor();
  assert.equal(await page.evaluate(() => getComputedStyle(document.documentElement).overflow), "hidden");
  assert.equal(await spot(), seen, "opening does not move the page");
  await page.mouse.move(20, 200);
  await page.mouse.wheel(0, 800);
  await page.waitForTimeout(200);
  assert.equal(await spot(), seen, "no scroll while open");
  await page.keyboard.press("Escape");
  const after = await page.evaluate(() => ({
    html: document.documentElement.getAttribute("style"),
    body: document.body.getAttribute("style"),
    y: window.scrollY,
  }));
  assert.deepEqual(after, { html: "overflow-x: hidden;", body: "background: rgb(250, 250, 240);", y: 500 });
});

test("on a narrow screen the form is a full-width sheet", async () => {
  const { page, sandbox } = env;
  await page.setViewportSize({ width: 375, height: 700 });
  const widget = await host(page, sandbox);
  await widget.locator(".fw-trigger").click();
  const box = await widget.locator("dialog[open]").boundingBox();
  assert.equal(Math.round(box.width), 375);
  assert.equal(Math.round(box.x), 0);
  assert.equal(Math.round(box.y + box.height), 700, "it sits on the bottom edge");
});

test("at 200% zoom everything is reachable and sends", async () => {
  const { page, sandbox } = env;
  // A 1280 x 800 screen at 200% zoom is a 640 x 400 CSS viewport.
  await page.setViewportSize({ width: 640, height: 400 });
  const widget = await host(page, sandbox);
  await widget.locator(".fw-trigger").click();
  const dialog = widget.locator("dialog[open]");
  const box = await dialog.boundingBox();
  assert.ok(box.x >= 0 && box.x + box.width <= 640 && box.y >= 0 && box.y + box.height <= 400, JSON.stringify(box));
  await dialog.locator("#fw-subject").fill("Zoomed");
  await dialog.locator("#fw-message").fill("At 200%.");
  await dialog.getByRole("radio", { name: "5 of 5" }).check();
  await dialog.locator("button[type=submit]").click();
  await dialog.locator(".fw-success").waitFor();
});

test("a right-to-left page gets a right-to-left form", async () => {
  const { page, sandbox } = env;
  const widget = await host(page, sandbox, { html: `<html lang="en" dir="rtl">` });
  await widget.locator(".fw-trigger").click();
  const dialog = widget.locator("dialog[open]");
  await dialog.waitFor();
  assert.equal(await widget.locator(".fw-root:has(dialog)").getAttribute("dir"), "rtl");
  const label = await dialog.locator("label[for=fw-subject]").boundingBox();
  const counter = await dialog.locator("#fw-subject-count").boundingBox();
  const input = await dialog.locator("#fw-subject").boundingBox();
  assert.ok(label.x > counter.x, "the label starts on the right, the counter is on the left");
  assert.ok(Math.abs(label.x + label.width - (input.x + input.width)) < 2, "labels line up on the right");
});

// Themes, the host's custom properties and ::part, and the texts: English, Dutch, the page's
// language, and labels the integrator puts in place.
import { test } from "node:test";
import assert from "node:assert/strict";
import { useWidget } from "../lib/harness.js";
import { hostPage, openHost } from "../lib/host.js";

const env = useWidget();
const BASE = `data-api-base="/api" data-channel="feedback" data-token="demo-token"`;

async function host(page, sandbox, { attributes = "", head = "", lang = "en" } = {}) {
  const markup = hostPage({ head, attributes: `${BASE} ${attributes}` }).replace('<html lang="en">', `<html lang="${lang}">`);
  await openHost(page, sandbox.url, markup);
  await page.evaluate(() => FeedbackWidget.ready);
  const widget = page.locator("feedback-widget");
  await widget.locator(".fw-trigger").click();
  await widget.locator("dialog[open]").waitFor();
  return widget;
}

const background = (widget) => widget.locator("dialog").evaluate((d) => getComputedStyle(d).backgroundColor);

test("light is the default, dark and auto follow the attribute and the reader", async () => {
  const { page, sandbox } = env;
  assert.equal(await background(await host(page, sandbox)), "rgb(255, 255, 255)");
  assert.equal(await background(await host(page, sandbox, { attributes: `data-theme="dark"` })), "rgb(30, 32, 36)");
  await page.emulateMedia({ colorScheme: "dark" });
  assert.equal(await background(await host(page, sandbox, { attributes: `data-theme="auto"` })), "rgb(30, 32, 36)");
  await page.emulateMedia({ colorScheme: "light" });
  assert.equal(await background(await host(page, sandbox, { attributes: `data-theme="auto"` })), "rgb(255, 255, 255)");
});

test("the host sets colours, radius and font, and styles parts", async () => {
  const { page, sandbox } = env;
  const widget = await host(page, sandbox, {
    head: `<style>
      feedback-widget { --fw-accent: rgb(200, 0, 100); --fw-radius: 3px; --fw-font: monospace; }
      feedback-widget::part(send) { text-transform: uppercase; }
    </style>`,
  });
  const send = widget.locator("button[type=submit]");
  const style = await send.evaluate((button) => {
    const s = getComputedStyle(button);
    return { bg: s.backgroundColor, radius: s.borderTopLeftRadius, font: s.fontFamily, transform: s.textTransform };
  });
  assert.deepEqual(style, { bg: "rgb(200, 0, 100)", radius: "3px", font: "monospace", transform: "uppercase" });
});

test("Dutch from data-locale or from the page's language, English otherwise", async () => {
  const { page, sandbox } = env;
  const title = (widget) => widget.locator("#fw-title").textContent();
  assert.equal(await title(await host(page, sandbox, { attributes: `data-locale="nl"` })), "Feedback sturen");
  assert.equal(await title(await host(page, sandbox, { lang: "nl-BE" })), "Feedback sturen");
  assert.equal(await title(await host(page, sandbox, { lang: "fr" })), "Send feedback");
  const widget = await host(page, sandbox, { attributes: `data-locale="nl"` });
  await widget.locator("button[type=submit]").click();
  assert.equal(await widget.locator("#fw-subject-errors").textContent(), "⚠ Vul het veld onderwerp in.".replace("⚠ ", ""));
  assert.equal(await widget.locator("label[for=fw-message]").textContent(), "Bericht (verplicht)");
});

test("every text can be replaced, by attribute and by the API", async () => {
  const { page, sandbox } = env;
  const labels = JSON.stringify({ trigger: "Ideas?", send: "Submit it", title: "Your idea", nonsense: "x" }).replace(/"/g, "&quot;");
  const head = `<script>window.errors = []; addEventListener("feedback:error", (e) => errors.push(e.detail.message));</script>`;
  const widget = await host(page, sandbox, { attributes: `data-labels="${labels}"`, head });
  assert.equal(await widget.locator(".fw-trigger").textContent(), "Ideas?");
  assert.equal(await widget.locator("#fw-title").textContent(), "Your idea");
  assert.equal(await widget.locator("button[type=submit]").textContent(), "Submit it");
  const errors = await page.evaluate(() => window.errors);
  assert.ok(errors.some((message) => message.includes("nonsense")), JSON.stringify(errors));

  await page.evaluate(() => FeedbackWidget.setLabels({ send: "Go" }));
  await widget.locator("button[type=submit]").filter({ hasText: "Go" }).waitFor();
  assert.equal(await widget.locator("#fw-title").textContent(), "Send feedback", "new labels replace the old");
  await page.evaluate(() => FeedbackWidget.setLocale("nl"));
  await widget.locator("#fw-title").filter({ hasText: "Feedback sturen" }).waitFor();
  assert.equal(await widget.locator("button[type=submit]").textContent(), "Go");
});

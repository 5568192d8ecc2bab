// Host pages with aggressive CSS can't break the widget, and the widget can't change them: the
// form opens, is filled in and sends, and the host's own element looks the same afterwards.
import { test } from "node:test";
import assert from "node:assert/strict";
import { useWidget } from "../lib/harness.js";
import { hostPage, openHost } from "../lib/host.js";

const env = useWidget({ sandboxArgs: ["--store-limit", "100"] });

const hosts = {
  "* { all: unset }": "* { all: unset; }",
  "button { display: none !important }": "button { display: none !important; }",
  "div { position: absolute }": "div { position: absolute; }",
  "html { font-size: 8px }": "html { font-size: 8px; }",
  "a huge z-index overlay": "#overlay { position: fixed; inset: 0; z-index: 2147483647; background: rgb(255 0 0 / 0.1); }",
};

const MARKER_STYLES = ["display", "position", "font-size", "font-family", "color", "background-color", "margin-top", "padding-left", "width", "height"];

async function marker(page) {
  return page.evaluate((names) => {
    const element = document.getElementById("marker");
    const style = getComputedStyle(element);
    const box = element.getBoundingClientRect();
    return {
      styles: Object.fromEntries(names.map((name) => [name, style.getPropertyValue(name)])),
      box: [box.x, box.y, box.width, box.height],
      html: document.documentElement.getAttribute("style"),
      body: document.body.getAttribute("style"),
    };
  }, MARKER_STYLES);
}

for (const [name, css] of Object.entries(hosts)) {
  test(`the widget works on a host page with ${name}`, async () => {
    const { page, sandbox } = env;
    await openHost(page, sandbox.url, hostPage({
      head: `<style>${css} #marker { color: rgb(10, 20, 30); padding-left: 7px; }</style>`,
      body: `<p id="marker">The host's own paragraph.</p><div id="overlay"></div>`,
      attributes: `data-api-base="/api" data-channel="feedback" data-token="demo-token"`,
    }));
    await page.evaluate(() => FeedbackWidget.ready);
    const before = await marker(page);
    const shotBefore = await page.locator("#marker").screenshot();

    const widget = page.locator("feedback-widget");
    const trigger = widget.getByRole("button", { name: "Feedback" });
    const box = await trigger.boundingBox();
    assert.ok(box && box.height >= 44 && box.width >= 44, `the button keeps its size: ${JSON.stringify(box)}`);
    await trigger.click();
    const dialog = widget.getByRole("dialog", { name: "Send feedback" });
    await dialog.waitFor();
    const fontSize = await widget.locator("#fw-subject").evaluate((input) => getComputedStyle(input).fontSize);
    assert.equal(fontSize, "16px", "the page's root font size does not shrink the form");
    await dialog.getByLabel("Subject").fill(`Hostile host: ${name}`);
    await dialog.getByLabel("Message").fill("Still works.");
    await dialog.getByRole("button", { name: "Send" }).click();
    await dialog.locator(".fw-success").waitFor();
    await dialog.getByRole("button", { name: "Close" }).first().click();
    await dialog.waitFor({ state: "hidden" });

    assert.ok((await sandbox.tickets()).some((t) => t.subject === `Hostile host: ${name}`));
    const after = await marker(page);
    console.log(JSON.stringify({ before, after }));
    assert.deepEqual(after, before, "the host's element is as it was");
    assert.ok(shotBefore.equals(await page.locator("#marker").screenshot()), "and looks the same");
  });
}

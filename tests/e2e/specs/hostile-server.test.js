// Whatever the server sends back is shown as inert text: HTML, script tags, javascript: URLs,
// 100 KB strings and bidi controls neither run script nor break the layout.
import { test } from "node:test";
import assert from "node:assert/strict";
import { useWidget, STORE } from "../lib/harness.js";

const env = useWidget();

const HOSTILE = [
  `<img src=x onerror="window.__pwned.push('img')">`,
  `<script>window.__pwned.push('script')</script>`,
  `javascript:window.__pwned.push('url')`,
  `<a href="javascript:window.__pwned.push('link')">click</a>`,
  `\u202Egnp.exe\u202C \u2067isolate\u2069 \u200Fmark`,
  "W".repeat(100 * 1024),
].join(" ");

const answers = {
  "a confirmed ticket with a hostile number": {
    status: 200,
    body: { error: false, message: HOSTILE, data: { id: 5, ticket_number: HOSTILE } },
  },
  "a 422 with hostile field errors": {
    status: 422,
    body: { message: HOSTILE, errors: { subject: [HOSTILE], [HOSTILE.slice(0, 200)]: [HOSTILE] } },
  },
  "a 500 with a hostile message": {
    status: 500,
    body: { error: true, message: HOSTILE },
  },
  "a 401 with a hostile message": {
    status: 401,
    body: { error: true, message: HOSTILE },
  },
};

for (const [name, answer] of Object.entries(answers)) {
  test(`${name} stays text and keeps its place`, async () => {
    const { page, widget } = env;
    await page.addInitScript(() => {
      window.__pwned = [];
    });
    await page.route(`**${STORE}`, (route) =>
      route.fulfill({ status: answer.status, contentType: "application/json", body: JSON.stringify(answer.body) }),
    );
    await widget.goto();
    const widthBefore = await page.evaluate(() => document.documentElement.scrollWidth);
    await widget.open();
    await widget.fill({ subject: "Hostile", message: "Answers" });
    await widget.send.click();
    await widget.dialog.locator(".fw-status--error, .fw-success").first().waitFor();
    await page.waitForTimeout(300);

    const report = await page.evaluate(() => {
      const root = document.querySelector("feedback-widget").shadowRoot;
      const dialog = root.querySelector("dialog").getBoundingClientRect();
      return {
        pwned: window.__pwned,
        elements: root.querySelectorAll("img, script, a, iframe, object").length,
        controls: /[\u202A-\u202E\u2066-\u2069\u200E\u200F]/.test(root.textContent),
        longest: Math.max(...Array.from(root.querySelectorAll("p, li, strong, q")).map((e) => e.textContent.length)),
        dialog: { left: dialog.left, right: dialog.right, width: dialog.width },
        viewport: window.innerWidth,
        pageWidth: document.documentElement.scrollWidth,
      };
    });
    assert.deepEqual(report.pwned, [], "no script ran");
    assert.equal(report.elements, 0, "no element came from server text");
    assert.equal(report.controls, false, "no bidi control is shown");
    assert.ok(report.longest <= 420, `server text is cut (longest ${report.longest})`);
    assert.ok(report.dialog.left >= 0 && report.dialog.right <= report.viewport, JSON.stringify(report.dialog));
    assert.equal(report.pageWidth, widthBefore, "the page did not grow sideways");
  });
}

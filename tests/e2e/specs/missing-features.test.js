// Browsers without the newer features the widget can do without still send tickets:
// AbortSignal.timeout (Safari before 16), for which a timer aborts the request instead, and
// requestIdleCallback (Safari), for which the loader waits with a timer instead.
import { test } from "node:test";
import assert from "node:assert/strict";
import { useWidget } from "../lib/harness.js";
import { hostPage, openHost } from "../lib/host.js";

const env = useWidget();

const MISSING = {
  "AbortSignal.timeout": { remove: "delete AbortSignal.timeout;", check: () => typeof AbortSignal.timeout },
  requestIdleCallback: {
    remove: "delete window.requestIdleCallback; delete Window.prototype.requestIdleCallback;",
    check: () => typeof window.requestIdleCallback,
  },
};

for (const [feature, { remove, check }] of Object.entries(MISSING)) {
  test(`without ${feature} the widget loads by itself and a ticket goes out`, async () => {
    const { page, widget, sandbox } = env;
    await openHost(page, sandbox.url, hostPage({
      head: `<script>${remove}</script>`,
      attributes: `data-api-base="/api" data-token="demo-token" data-channel="feedback"`,
    }));
    assert.equal(await page.evaluate(check), "undefined", `the page has no ${feature}`);
    // Loaded with no intent shown: the loader's wait for an idle browser has its fallback.
    assert.equal(await page.evaluate(() => FeedbackWidget.ready.then(() => "mounted")), "mounted");
    await widget.open();
    await widget.fill({ subject: `Without ${feature}`, message: "An older browser." });
    await widget.send.click();
    await widget.view.getByText("Thank you!").waitFor();
    assert.ok((await sandbox.tickets()).some((ticket) => ticket.subject === `Without ${feature}`));
  });
}

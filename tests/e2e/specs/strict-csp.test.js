// The widget works under a strict Content-Security-Policy (README, Content-Security-Policy) and
// under a nonce policy, through the loader and through the ES module, with no violation: no
// inline script or style, no eval.
import { test } from "node:test";
import assert from "node:assert/strict";
import { useWidget, waitUntil } from "../lib/harness.js";
import { VERSION, hostPage } from "../lib/host.js";

const env = useWidget();
const BASE = `data-api-base="/api" data-token="demo-token"`;
const STRICT = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; connect-src 'self'";
const NONCE = "default-src 'self'; script-src 'nonce-r4nd0m' 'wasm-unsafe-eval'; style-src 'self'; connect-src 'self'";

// The page's own listener, a script from its origin (the policy allows no inline one), that
// keeps every violation in window.violations.
const LISTENER = `window.violations = [];
document.addEventListener("securitypolicyviolation", (e) => violations.push(e.violatedDirective + " " + e.blockedURI));`;

/** A host page with the loader's script tag, its listener and its loader given `attributes`. */
const loaderHost = (attributes) =>
  hostPage({
    head: `<script src="/violations.js" ${attributes}></script>`,
    attributes: `${BASE} data-channel="feedback" ${attributes}`,
  });

// The ES module under a nonce policy: the page's module script has the nonce, and the module's
// import of the glue module inherits it, as every import from a nonced module script does.
const moduleHost = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Host</title>
<script src="/violations.js" nonce="r4nd0m"></script></head><body><h1>Host page</h1>
<script type="module" nonce="r4nd0m">
  import { init } from "/feedback-widget/${VERSION}/feedback-widget.mjs";
  init({ apiBase: "/api", channel: "feedback", token: "demo-token" });
</script></body></html>`;

for (const [name, policy, html] of [
  ["a strict policy", STRICT, loaderHost("")],
  ["a nonce policy", NONCE, loaderHost(`nonce="r4nd0m"`)],
  ["a nonce policy, through the ES module,", NONCE, moduleHost],
]) {
  test(`the widget works under ${name} with no violation`, async () => {
    const { page, sandbox } = env;
    await page.route(`${sandbox.url}/violations.js`, (route) =>
      route.fulfill({ contentType: "text/javascript", body: LISTENER }),
    );
    await page.route(`${sandbox.url}/csp.html`, (route) =>
      route.fulfill({
        contentType: "text/html",
        headers: { "content-security-policy": policy },
        body: html,
      }),
    );
    await page.goto(`${sandbox.url}/csp.html`);
    const widget = page.locator("feedback-widget");
    await widget.locator(".fw-trigger").click();
    const dialog = widget.getByRole("dialog");
    await dialog.locator("#fw-subject").fill("Under CSP");
    await dialog.locator("#fw-message").fill("No inline anything.");
    await dialog.getByRole("radio", { name: "4 of 5" }).check();
    await dialog.locator("button[type=submit]").click();
    await dialog.locator(".fw-success").waitFor();
    await dialog.locator(".fw-dialog__close").click();
    assert.deepEqual(await page.evaluate(() => window.violations), []);
    assert.ok((await sandbox.tickets()).some((ticket) => ticket.subject === "Under CSP"));

    // The listener does hear a violation: an inline style, which the policy refuses.
    await page.evaluate(() => document.head.append(Object.assign(document.createElement("style"), { textContent: "h1 {}" })));
    await waitUntil(
      async () => (await page.evaluate(() => window.violations)).some((entry) => entry.startsWith("style-src")),
      "the listener to report the inline style",
    );
  });
}

// The Vite example app (examples/vite-app), built from the packed npm package: `import { init }`
// shows the widget with the options as one object, Vite copies the glue, wasm and stylesheet into
// the app's build under names of its own, and the ticket reaches the sandbox's SQLite file. The
// app's first load carries none of the widget's code, and a strict Content-Security-Policy holds.
import { test } from "node:test";
import assert from "node:assert/strict";
import { useWidget, waitUntil } from "../lib/harness.js";
import { TOKEN, VITE_APP_DIR } from "../lib/sandbox.js";
import { afterIdle, widgetRequests } from "../lib/host.js";

const env = useWidget({ site: VITE_APP_DIR });
const STRICT = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; connect-src 'self'";

test("the first load holds none of the widget's code; the app's button sends a ticket", async () => {
  const { page, widget, sandbox } = env;
  const loaded = widgetRequests(page);
  await widget.goto();
  // preload: "intent" in the app: after load and idle, nothing but the app's own files.
  await afterIdle(page);
  assert.deepEqual(loaded, [], "no glue or wasm before intent");
  assert.equal(await page.evaluate(() => FeedbackWidget.all.length), 1, "init() defined window.FeedbackWidget");

  await page.getByRole("button", { name: "Tell us what you think" }).click();
  await widget.dialog.waitFor();
  // Vite's own file names, hashed, in its assets folder, and each file loaded once.
  assert.equal(loaded.length, 2, loaded.join(", "));
  // The glue is the glue module, which Vite took in as one of the app's own chunks.
  assert.match(loaded.find((name) => name.endsWith(".js")), /^feedback_widget\.glue-[\w-]+\.js$/);
  assert.match(loaded.find((name) => name.endsWith(".wasm")), /^feedback_widget_bg-[\w-]+\.wasm$/);
  // The options object's labels (JSON in the element init() gives mount) and prefill.
  await widget.dialog.getByText("What works for you, and what gets in your way?").waitFor();
  assert.equal(await widget.type.inputValue(), "suggestion");

  await widget.fill({ subject: "Sent from Vite", message: "Through the npm package.", rating: 4 });
  await widget.send.click();
  await widget.view.getByText("Thank you!").waitFor();
  const [ticket] = await sandbox.tickets();
  assert.equal(ticket.subject, "Sent from Vite");
  assert.equal(ticket.message, "Through the npm package.");
  assert.equal(ticket.rating, 4);
  assert.equal(ticket.type, "suggestion");
  assert.equal(ticket.channel_slug, "feedback");
  assert.equal(ticket.tool_key, "vite_app");
  assert.equal(ticket.page, `${sandbox.url}/`);
  // The app heard of it through the API object init() returned.
  await page.locator(".app-sent li").getByText(ticket.ticket_number, { exact: true }).waitFor();
  // The token went through setToken: the sandbox took it, and the page's DOM never held it.
  const html = await page.evaluate(() => document.documentElement.outerHTML + document.querySelector("feedback-widget").shadowRoot.innerHTML);
  assert.ok(!html.includes(TOKEN), "the token is not in the DOM");
});

test("under a strict Content-Security-Policy the bundled widget works with no violation", async () => {
  const { page, widget, sandbox } = env;
  await page.addInitScript(() => {
    window.violations = [];
    document.addEventListener("securitypolicyviolation", (e) => violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  await page.route(`${sandbox.url}/`, async (route) => {
    const response = await route.fetch();
    await route.fulfill({ response, headers: { ...response.headers(), "content-security-policy": STRICT } });
  });
  await widget.goto();
  await widget.open();
  await widget.fill({ subject: "Vite under CSP", message: "No inline anything." });
  await widget.send.click();
  await widget.view.getByText("Thank you!").waitFor();
  assert.deepEqual(await page.evaluate(() => window.violations), []);
  assert.ok((await sandbox.tickets()).some((ticket) => ticket.subject === "Vite under CSP"));
  // The policy is in force: an inline style is refused, and the listener hears of it.
  await page.evaluate(() => document.head.append(Object.assign(document.createElement("style"), { textContent: "h1 {}" })));
  await waitUntil(
    async () => (await page.evaluate(() => window.violations)).some((entry) => entry.startsWith("style-src")),
    "the listener to report the inline style",
  );
});

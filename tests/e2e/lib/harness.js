// One sandbox and one browser per spec file, a fresh page per test. A script error on the page
// fails the test. ENGINE chooses the browser (lib/browser.js); a browser driven over WebDriver
// reaches the sandbox through a front server, whose address is then `env.sandbox.url`.
import { after, before, beforeEach, afterEach } from "node:test";
import assert from "node:assert/strict";
import { startSandbox } from "./sandbox.js";
import { launch, ENGINE } from "./browser.js";
import { WidgetPage } from "./widget.js";

/** Sets up the hooks of a spec file, with a sandbox serving `site`; returns an object filled in
 * before each test. */
export function useWidget({ sandboxArgs = [], site } = {}) {
  const env = { engine: ENGINE };
  let browser;
  before(async () => {
    const sandbox = await startSandbox(sandboxArgs, site);
    env.sandbox = sandbox;
    browser = await launch();
    if (browser.serve) env.sandbox = await browser.serve(sandbox);
  });
  after(async () => {
    await browser?.close();
    await env.sandbox?.stop();
  });
  beforeEach(async () => {
    env.context = await browser.newContext();
    env.page = await env.context.newPage();
    env.pageErrors = [];
    env.page.on("pageerror", (error) => env.pageErrors.push(error.message));
    env.widget = new WidgetPage(env.page, env.sandbox.url);
  });
  afterEach(async () => {
    await env.context.close();
    assert.deepEqual(env.pageErrors, [], "no script error on the page");
  });
  return env;
}

/** The JSON bodies the page posted to an API path, collected as they go out. */
export function recordPosts(page, path) {
  const bodies = [];
  page.on("request", (request) => {
    if (request.method() === "POST" && request.url().endsWith(path)) {
      bodies.push(JSON.parse(request.postData()));
    }
  });
  return bodies;
}

export const STORE = "/services/platforms/v1/support/tickets/store";
export const REPLY = "/services/platforms/v1/support/tickets/reply";

/** Waits until `check` resolves truthy, polling; fails after `ms` with what it waited for. */
export async function waitUntil(check, what, ms = 10000) {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((done) => setTimeout(done, 50));
  }
}

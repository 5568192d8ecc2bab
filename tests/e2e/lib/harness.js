// One sandbox and one browser per spec file, a fresh page per test. A script error on the page
// fails the test.
import { after, before, beforeEach, afterEach } from "node:test";
import assert from "node:assert/strict";
import { startSandbox } from "./sandbox.js";
import { launch } from "./browser.js";
import { WidgetPage } from "./widget.js";

/** Sets up the hooks of a spec file, with a sandbox serving `site`; returns an object filled in
 * before each test. */
export function useWidget({ sandboxArgs = [], site } = {}) {
  const env = {};
  let browser;
  before(async () => {
    env.sandbox = await startSandbox(sandboxArgs, site);
    browser = await launch();
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

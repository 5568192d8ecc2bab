// The Vite example app in Vite's development server, as a developer runs it (`npm run dev`), with
// the npm package excluded from pre-bundling (examples/vite-app/vite.config.ts): the package's
// module imports the glue module from its own folder, the glue fetches the wasm beside itself
// against its hash, and a ticket sent through the dev server's proxy reaches the sandbox.
import { after, test } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { createServer } from "node:net";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { useWidget, waitUntil } from "../lib/harness.js";
import { widgetRequests } from "../lib/host.js";
import { WidgetPage } from "../lib/widget.js";

const app = resolve(fileURLToPath(import.meta.url), "../../../../examples/vite-app");
const env = useWidget();
let vite;
let url;

/** A port nothing listens on now. */
const freePort = () =>
  new Promise((done, fail) => {
    const server = createServer().once("error", fail);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => done(port));
    });
  });

/** Starts Vite's dev server on the app, its /api proxied to `sandboxUrl`; resolves once it
 * answers. */
async function startVite(sandboxUrl) {
  const port = await freePort();
  url = `http://127.0.0.1:${port}`;
  let output = "";
  vite = spawn(process.execPath, [join(app, "node_modules/vite/bin/vite.js"), "--host", "127.0.0.1", "--port", String(port), "--strictPort"], {
    cwd: app,
    env: { ...process.env, SANDBOX_URL: sandboxUrl },
    stdio: ["ignore", "pipe", "pipe"],
  });
  vite.stdout.on("data", (chunk) => (output += chunk));
  vite.stderr.on("data", (chunk) => (output += chunk));
  const exited = new Promise((done) => vite.once("exit", (code) => done(code)));
  // Ready when it answers; a server that exits early fails with what it said.
  await waitUntil(
    async () => {
      if (vite.exitCode !== null) throw new Error(`vite exited with ${await exited}:\n${output}`);
      return fetch(url).then((answer) => answer.ok, () => false);
    },
    "Vite's dev server to answer",
    180_000,
  );
}

after(() => vite?.kill());

test("in Vite's dev server the app's button opens the form and a ticket reaches the sandbox", async () => {
  const { page, sandbox } = env;
  await startVite(sandbox.url);
  const widget = new WidgetPage(page, url);
  const loaded = widgetRequests(page);
  const failed = [];
  page.on("requestfailed", (request) => failed.push(request.url()));
  page.on("response", (response) => response.status() >= 400 && failed.push(`${response.status()} ${response.url()}`));
  await widget.goto();
  await page.getByRole("button", { name: "Tell us what you think" }).click();
  await widget.dialog.waitFor();
  // The package's own files, from its folder rather than Vite's pre-bundled copies.
  assert.deepEqual(loaded.sort(), ["feedback_widget.glue.mjs", "feedback_widget_bg.wasm"]);

  await widget.fill({ subject: "Sent from Vite's dev server", message: "Through the proxy." });
  await widget.send.click();
  await widget.view.getByText("Thank you!").waitFor();
  const [ticket] = await sandbox.tickets();
  assert.equal(ticket.subject, "Sent from Vite's dev server");
  assert.equal(ticket.tool_key, "vite_app");
  assert.equal(ticket.page, `${url}/`);
  await page.locator(".app-sent li").getByText(ticket.ticket_number, { exact: true }).waitFor();
  assert.deepEqual(failed, [], "no request failed");
});

// Starts a real sandbox server for one test file: its own SQLite file, its own port, the built
// site from dist/ (or another, such as the Leptos example's). Read the tickets back through its
// inbox JSON, which reads the SQLite file.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(fileURLToPath(import.meta.url), "../../../..");
export const SANDBOX_BIN = process.env.SANDBOX_BIN || join(root, "target/debug/sandbox");
export const SITE_DIR = process.env.SITE_DIR || join(root, "dist");
/** The Leptos example app (examples/leptos-app), as scripts/test.sh builds it. */
export const LEPTOS_APP_DIR = process.env.LEPTOS_APP_DIR || join(root, "target/leptos-app-site");
/** The Vite example app (examples/vite-app) on the npm package, as scripts/test.sh builds it. */
export const VITE_APP_DIR = process.env.VITE_APP_DIR || join(root, "target/vite-app-site");
export const TOKEN = "demo-token";

/** Starts a sandbox serving the built `site`; `args` are extra command-line options. */
export async function startSandbox(args = [], site = SITE_DIR) {
  for (const [what, path] of [["sandbox binary", SANDBOX_BIN], ["built site", join(site, "index.html")]]) {
    if (!existsSync(path)) throw new Error(`${what} missing at ${path}; run scripts/test.sh`);
  }
  const dir = mkdtempSync(join(tmpdir(), "fw-e2e-"));
  const db = join(dir, "tickets.sqlite");
  const child = spawn(
    SANDBOX_BIN,
    ["--addr", "127.0.0.1:0", "--db", db, "--site", site, ...args],
    { stdio: ["ignore", "pipe", "pipe"] },
  );
  let log = "";
  child.stderr.on("data", (chunk) => (log += chunk));
  const url = await new Promise((done, fail) => {
    let out = "";
    const timer = setTimeout(() => fail(new Error(`sandbox did not start: ${out}${log}`)), 15000);
    child.stdout.on("data", (chunk) => {
      out += chunk;
      const match = out.match(/sandbox listening on (http:\/\/\S+)/);
      if (match) {
        clearTimeout(timer);
        done(match[1]);
      }
    });
    child.on("exit", (code) => fail(new Error(`sandbox exited with ${code}: ${out}${log}`)));
  });
  return {
    url,
    db,
    log: () => log,
    /** Every stored ticket, newest first, with its replies. */
    async tickets() {
      const response = await fetch(`${url}/inbox.json`);
      return (await response.json()).tickets;
    },
    /** What arrived at another help desk's endpoint (klantportaal, series or whmcs), newest
     * first, as the sandbox stored it. */
    async arrived(backend) {
      const response = await fetch(`${url}/inbox.json`);
      const list = (await response.json())[backend];
      if (!Array.isArray(list)) throw new Error(`/inbox.json has no ${backend} list`);
      return list;
    },
    /** The stored bytes of a file that came with a reply, by its inbox `url`. */
    async attachment(path) {
      const response = await fetch(`${url}${path}`);
      if (!response.ok) throw new Error(`${path}: ${response.status}`);
      return Buffer.from(await response.arrayBuffer());
    },
    /** Posts straight to the API, as another client would. */
    async post(path, body, token = TOKEN) {
      const response = await fetch(`${url}/api/services/platforms/v1/support/tickets/${path}`, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
        body: JSON.stringify(body),
      });
      return { status: response.status, headers: response.headers, body: await response.json() };
    },
    async stop() {
      child.kill("SIGINT");
      await new Promise((done) => (child.exitCode !== null ? done() : child.on("exit", done)));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

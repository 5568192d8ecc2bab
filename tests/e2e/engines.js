// The cross-engine tier: the specs of what every engine must do, in Firefox ESR (geckodriver)
// and in WebKitGTK (WebKitWebDriver, under xvfb-run), against the real sandbox. The same spec
// files run in Chromium in the end-to-end tier. Exits non-zero when any spec fails in any engine.
//   node engines.js [firefox|webkit]...
import { spawnSync } from "node:child_process";

/** The specs every engine runs, one behaviour each. */
const COMMON = [
  "keyboard", // a ticket sent with the keyboard alone; the focus trap; Escape
  "ticket-arrives", // every field and the user agent in SQLite; a reply after success
  "field-error", // a 422 next to its field, the text kept
  "blocked", // a refused connection, then one ticket when it is back
  "reload", // a reload restores the draft
  "rate-limit", // a 429 counts down
  "strict-csp", // the strict and nonce policies, with no violation
  "backend-whmcs", // replies into WHMCS, with an attachment
  "missing-features", // fallbacks for AbortSignal.timeout and requestIdleCallback
  "open-form", // the open form, and its screenshot
];

/** Where the specs differ: only Firefox's driver can switch the network off. */
const ENGINES = {
  firefox: { specs: [...COMMON, "offline"], command: [] },
  webkit: { specs: COMMON, command: ["xvfb-run", "--auto-servernum", "--server-args=-screen 0 1280x1024x24"] },
};

const chosen = process.argv.slice(2);
for (const name of chosen) if (!(name in ENGINES)) throw new Error(`unknown engine ${name}; expected ${Object.keys(ENGINES).join(" or ")}`);
const failed = [];
for (const name of chosen.length ? chosen : Object.keys(ENGINES)) {
  const { specs, command } = ENGINES[name];
  const started = Date.now();
  console.log(`\n--- ${name}: ${specs.length} spec files ---`);
  const args = [...command, process.execPath, "--test", "--test-concurrency=1", ...specs.map((spec) => `specs/${spec}.test.js`)];
  const run = spawnSync(args[0], args.slice(1), { stdio: "inherit", env: { ...process.env, ENGINE: name } });
  console.log(`--- ${name}: ${run.status === 0 ? "passed" : "FAILED"} in ${Math.round((Date.now() - started) / 1000)} s ---`);
  if (run.error) console.error(run.error.message);
  if (run.status !== 0) failed.push(name);
}
if (failed.length) {
  console.error(`cross-engine tier failed in ${failed.join(", ")}`);
  process.exit(1);
}

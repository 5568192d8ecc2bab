// The sizes of what a host page loads: the loader, and the form (glue, wasm, stylesheet), raw,
// gzip and brotli. With --check, fails when a budget in size-budget.json is exceeded, and when
// the form shrank below its budget by more than the headroom: the budget is a ratchet that only
// goes down, so a smaller form must be written into it.
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import { readFileSync } from "node:fs";
import { join } from "node:path";

const root = new URL("..", import.meta.url).pathname;
const version = readFileSync(join(root, "Cargo.toml"), "utf8").match(/^version = "([^"]+)"/m)[1];
const folder = join(root, process.argv.find((arg) => arg.startsWith("--dist="))?.slice(7) || "dist", "feedback-widget", version);
const budget = JSON.parse(readFileSync(join(root, "scripts/size-budget.json"), "utf8"));

const measure = (name) => {
  const bytes = readFileSync(join(folder, name));
  return {
    name,
    raw: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
};
const loader = measure("feedback-widget.js");
const parts = ["feedback_widget.js", "feedback_widget_bg.wasm", "feedback-widget.css"].map(measure);
const form = parts.reduce((sum, part) => ({ ...sum, raw: sum.raw + part.raw, gzip: sum.gzip + part.gzip, brotli: sum.brotli + part.brotli }), { name: "form (glue + wasm + css)", raw: 0, gzip: 0, brotli: 0 });

const row = (r) => `${r.name.padEnd(28)} ${String(r.raw).padStart(9)} ${String(r.gzip).padStart(9)} ${String(r.brotli).padStart(9)}`;
console.log(`${"file".padEnd(28)} ${"raw".padStart(9)} ${"gzip".padStart(9)} ${"brotli".padStart(9)}`);
for (const r of [loader, ...parts, form]) console.log(row(r));
console.log(`budgets (brotli): loader ${budget.loader_brotli}, form ${budget.form_brotli} (${budget.headroom * 100}% headroom)`);

if (process.argv.includes("--check")) {
  const problems = [];
  if (loader.brotli > budget.loader_brotli) problems.push(`the loader is ${loader.brotli} bytes brotli, over its budget of ${budget.loader_brotli}`);
  if (form.brotli > budget.form_brotli) problems.push(`the form is ${form.brotli} bytes brotli, over its budget of ${budget.form_brotli}`);
  const ratchet = Math.ceil(form.brotli * (1 + budget.headroom));
  if (ratchet < budget.form_brotli) problems.push(`the form shrank to ${form.brotli} bytes brotli: lower form_brotli in scripts/size-budget.json to ${ratchet}`);
  if (problems.length) {
    for (const problem of problems) console.error(`size budget: ${problem}`);
    process.exit(1);
  }
  console.log("size budget: within budget");
}

// The sizes of what a host page loads, for each build of the widget: its loader (or, in an app
// built with a bundler, its ES module), and its form (glue, wasm and the shared stylesheet), raw,
// gzip and brotli. With --check, fails when a budget in size-budget.json is exceeded, and when a form shrank below its budget by more than the
// headroom: a form's budget is a ratchet that only goes down, so a smaller form must be written
// into it.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { BUILDS, VERSION as version } from "./builds.mjs";
import { brotli, gzip } from "./compress.mjs";

const root = new URL("..", import.meta.url).pathname;
const folder = join(root, process.argv.find((arg) => arg.startsWith("--dist="))?.slice(7) || "dist", "feedback-widget", version);
const budget = JSON.parse(readFileSync(join(root, "scripts/size-budget.json"), "utf8"));

const measure = (name) => {
  const bytes = readFileSync(join(folder, name));
  return {
    name,
    raw: bytes.length,
    gzip: gzip(bytes).length,
    brotli: brotli(bytes).length,
  };
};
const row = (r) => `${r.name.padEnd(34)} ${String(r.raw).padStart(9)} ${String(r.gzip).padStart(9)} ${String(r.brotli).padStart(9)}`;
const problems = [];

console.log(`${"file".padEnd(34)} ${"raw".padStart(9)} ${"gzip".padStart(9)} ${"brotli".padStart(9)}`);
for (const build of BUILDS) {
  const loader = measure(build.loader);
  const module = measure(build.module);
  const parts = [`${build.files}.js`, `${build.files}_bg.wasm`, "feedback-widget.css"].map(measure);
  const form = parts.reduce(
    (sum, part) => ({ ...sum, raw: sum.raw + part.raw, gzip: sum.gzip + part.gzip, brotli: sum.brotli + part.brotli }),
    { name: "  form (glue + wasm + css)", raw: 0, gzip: 0, brotli: 0 },
  );
  for (const r of [loader, module, ...parts, form]) console.log(row(r));

  const formBudget = budget.form_brotli[build.loader];
  if (typeof formBudget != "number") problems.push(`scripts/size-budget.json has no form_brotli for ${build.loader}`);
  console.log(
    `  budgets (brotli): loader ${budget.loader_brotli}, module ${budget.module_brotli}, form ${formBudget} (${budget.headroom * 100}% headroom)`,
  );
  if (loader.brotli > budget.loader_brotli) {
    problems.push(`${build.loader} is ${loader.brotli} bytes brotli, over its budget of ${budget.loader_brotli}`);
  }
  if (module.brotli > budget.module_brotli) {
    problems.push(`${build.module} is ${module.brotli} bytes brotli, over its budget of ${budget.module_brotli}`);
  }
  if (form.brotli > formBudget) {
    problems.push(`the form of ${build.loader} is ${form.brotli} bytes brotli, over its budget of ${formBudget}`);
  }
  const ratchet = Math.ceil(form.brotli * (1 + budget.headroom));
  if (ratchet < formBudget) {
    problems.push(`the form of ${build.loader} shrank to ${form.brotli} bytes brotli: lower its form_brotli in scripts/size-budget.json to ${ratchet}`);
  }
}

if (process.argv.includes("--check")) {
  if (problems.length) {
    for (const problem of problems) console.error(`size budget: ${problem}`);
    process.exit(1);
  }
  console.log("size budget: within budget");
}

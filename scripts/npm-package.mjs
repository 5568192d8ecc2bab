// The npm package, built from a release build's folder (dist/feedback-widget/<version>/, or the
// one --dist names) and packed with `npm pack` into --out (default target/npm):
// feedback-widget-<version>.tgz. It holds each build's loader (the script tag's), ES module (an
// app's bundler imports it: `import { init } from "feedback-widget"`), glue and wasm, the
// stylesheet, integrity.json, the types, npm/README.md and the licences; npm/package.json with the
// crate's version. No compressed copies: a bundler or server compresses as it likes.
//
// The packed file list must be exactly that: nothing missing, and no source map, test or other
// stray file. `--check=<tgz>` checks an existing tarball's list the same way.
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { BUILDS, VERSION as version } from "./builds.mjs";

const root = new URL("..", import.meta.url).pathname;
const arg = (name, fallback) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? fallback;

/** The files of the widget's folder the package holds, then its own. */
const WIDGET = [
  ...BUILDS.flatMap((build) => [build.loader, build.module, `${build.files}.js`, `${build.files}.glue.mjs`, `${build.files}_bg.wasm`]),
  "feedback-widget.css",
  "feedback-widget.d.ts",
  "integrity.json",
];
const OWN = { "package.json": null, "README.md": "npm/README.md", "LICENSE-MIT": "LICENSE-MIT", "LICENSE-APACHE": "LICENSE-APACHE" };
export const EXPECTED = [...WIDGET, ...Object.keys(OWN)].sort();

/** Fails unless `files` (paths inside the package) are exactly the expected ones. */
function check(files, what) {
  const listed = [...files].sort();
  const missing = EXPECTED.filter((name) => !listed.includes(name));
  const extra = listed.filter((name) => !EXPECTED.includes(name));
  const problems = [
    ...missing.map((name) => `missing ${name}`),
    ...extra.map((name) => `${name} should not be in it${/\.map$/.test(name) ? " (a source map)" : ""}`),
  ];
  if (problems.length) {
    console.error(`${what}: the npm package's file list is wrong:\n  ${problems.join("\n  ")}`);
    process.exit(1);
  }
  console.log(`${what}: the npm package holds exactly its ${listed.length} files:\n  ${listed.join("\n  ")}`);
}

const checked = arg("check");
if (checked) {
  const listing = execFileSync("tar", ["--list", "--gzip", "--file", checked], { encoding: "utf8" });
  check(
    listing.split("\n").filter(Boolean).map((path) => path.replace(/^package\//, "")),
    checked,
  );
  process.exit(0);
}

const folder = resolve(root, arg("dist", "dist"), "feedback-widget", version);
const out = resolve(root, arg("out", "target/npm"));
const stage = mkdtempSync(join(tmpdir(), "feedback-widget-npm-"));
try {
  for (const name of WIDGET) copyFileSync(join(folder, name), join(stage, name));
  for (const [name, from] of Object.entries(OWN)) if (from) copyFileSync(join(root, from), join(stage, name));
  const manifest = JSON.parse(readFileSync(join(root, "npm/package.json"), "utf8"));
  manifest.version = version;
  manifest.files = [...WIDGET, "LICENSE-MIT", "LICENSE-APACHE"];
  writeFileSync(join(stage, "package.json"), JSON.stringify(manifest, null, 2) + "\n");

  mkdirSync(out, { recursive: true });
  const [packed] = JSON.parse(
    execFileSync("npm", ["pack", "--json", "--pack-destination", out], { cwd: stage, encoding: "utf8" }),
  );
  check(packed.files.map((file) => file.path), packed.filename);
  console.log(`npm package: ${join(out, packed.filename)} (${packed.size} bytes, ${packed.unpackedSize} unpacked)`);
} finally {
  rmSync(stage, { recursive: true, force: true });
}

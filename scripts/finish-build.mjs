// Trunk's post-build step for the widget's folder in the staging dist:
// - writes feedback-widget.css, the widget's stylesheet, from the CSS beside the components;
// - renames the glue's global (wasm-bindgen's no-modules output) to one per version, adds the
//   wasm's integrity hash to it and minifies it;
// - fills in the loader's placeholders (the glue's global, the hashes of the CSS and the glue)
//   and minifies it;
// - writes integrity.json and prints the subresource-integrity hashes for the embed snippet.
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync, existsSync } from "node:fs";
import { join } from "node:path";
import { transformSync } from "esbuild";

const root = new URL("..", import.meta.url).pathname;
const version = readFileSync(join(root, "Cargo.toml"), "utf8").match(/^version = "([^"]+)"/m)[1];
const staging = process.env.TRUNK_STAGING_DIR || join(root, "dist");
const folder = join(staging, "feedback-widget", version);
if (!existsSync(join(folder, "feedback-widget.js"))) {
  throw new Error(`no ${folder}/feedback-widget.js: index.html's data-target-path must be feedback-widget/${version}`);
}

const sri = (bytes) => "sha384-" + createHash("sha384").update(bytes).digest("base64");
const read = (name) => readFileSync(join(folder, name), "utf8");
const global = `__feedbackWidget_${version.replace(/\W/g, "_")}`;

// The glue, under a global of its own and knowing the wasm's hash: the loader checks the glue,
// the glue's hash vouches for the wasm's.
const wasm = readFileSync(join(folder, "feedback_widget_bg.wasm"));
let glue = read("feedback_widget.js");
const declaration = /^let wasm_bindgen\s*=\s*/;
if (!declaration.test(glue)) throw new Error("the glue does not start with wasm-bindgen's no-modules global");
glue = glue.replace(declaration, `let ${global} = `) + `\n${global}.wasmIntegrity = ${JSON.stringify(sri(wasm))};\n`;
glue = transformSync(glue, { minify: true }).code;
writeFileSync(join(folder, "feedback_widget.js"), glue);

// The stylesheet: the CSS files in the order the widget's STYLES lists them (src/ui/mod.rs).
const ui = join(root, "src/ui");
const order = [...readFileSync(join(ui, "mod.rs"), "utf8").matchAll(/include_str!\("([\w.]+\.css)"\)/g)].map((m) => m[1]);
const css = transformSync(order.map((name) => readFileSync(join(ui, name), "utf8")).join("\n"), {
  loader: "css",
  minify: true,
}).code;
writeFileSync(join(folder, "feedback-widget.css"), css);

let loader = read("feedback-widget.js");
for (const [placeholder, value] of [
  ["__GLUE__", global],
  ["__GLUE_SRI__", sri(glue)],
]) {
  if (!loader.includes(placeholder)) throw new Error(`the loader has no ${placeholder}`);
  loader = loader.replaceAll(placeholder, value);
}
loader = transformSync(loader, { minify: true, target: "es2021", legalComments: "none" }).code;
writeFileSync(join(folder, "feedback-widget.js"), loader);

const hashes = {
  "feedback-widget.js": sri(loader),
  "feedback-widget.css": sri(css),
  "feedback_widget.js": sri(glue),
  "feedback_widget_bg.wasm": sri(wasm),
};
writeFileSync(join(folder, "integrity.json"), JSON.stringify(hashes, null, 2) + "\n");
console.log(`feedback-widget ${version}: subresource integrity`);
for (const [name, hash] of Object.entries(hashes)) console.log(`  ${name}  ${hash}`);

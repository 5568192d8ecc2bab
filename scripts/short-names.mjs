// Short names for what the glue and the wasm call each other by. wasm-bindgen names each import
// after its JS function and a 16-digit hash (`__wbg_set_e4b9a833d288759a`), and each closure's
// export after its Rust types; the names sit in the wasm's import and export sections and again
// in the glue, and the hashes are digits brotli can't shrink. binaryen's own pass
// (--minify-imports-and-exports-and-modules, from the wasm-opt that trunk runs) gives every import
// and export a name of a letter or two and the imports one module, "a", and prints what it
// renamed; the glue then gets the same names. The glue reaches the imports as the keys of its
// import object and the exports as `wasm.<name>`; a name found otherwise stops the build.
import { spawnSync } from "node:child_process";
import { join } from "node:path";

const root = new URL("..", import.meta.url).pathname;
const wasmOpt = join(root, "scripts/node_modules/.bin/wasm-opt");
// The features the widget's wasm uses, as index.html gives them to wasm-opt.
const FEATURES = ["reference-types", "bulk-memory", "sign-ext", "nontrapping-float-to-int", "mutable-globals", "multivalue"];
// What index.html tells wasm-opt about the memory: zero at start, and the low 1 KB never read.
const MEMORY = ["--zero-filled-memory", "--low-memory-unused"];

const escape = (text) => text.replace(/[$]/g, "\\$&");
const count = (text, pattern) => text.match(pattern)?.length ?? 0;

/** Renames the imports and exports of the wasm at `path` in place, and returns its glue with the
 * same names, and the export names as a map (the crash guard reads the memory's). */
export function shortenNames(path, glue) {
  const run = spawnSync(
    wasmOpt,
    [
      path,
      "-o",
      path,
      ...FEATURES.map((f) => `--enable-${f}`),
      ...MEMORY,
      "--minify-imports-and-exports-and-modules",
      // With the short names in place, one more round finds functions that became alike (the
      // closures that differed only in the names they call) and folds them: 0.5 to 1.3 KB brotli.
      "--code-folding",
      "-Oz",
    ],
    { encoding: "utf8", maxBuffer: 1 << 26 }
  );
  if (run.status !== 0) throw new Error(`wasm-opt could not shorten the names in ${path}: ${run.stderr}`);
  const { imports, exports } = JSON.parse(run.stdout);
  const modules = new Set(imports.map(([module]) => module));
  if (modules.size != 1) throw new Error(`${path} imports from ${modules.size} modules, not one`);
  for (const [, old, renamed] of imports) {
    const key = new RegExp(`(?<![\\w$])${escape(old)}(?=: function)`, "g");
    const found = count(glue, key);
    if (found != 1) throw new Error(`the glue has the import ${old} ${found} times, not once`);
    glue = glue.replace(key, renamed);
  }
  for (const [old, renamed] of exports) {
    glue = glue.replace(new RegExp(`(?<![\\w$])wasm\\.${escape(old)}(?![\\w$])`, "g"), `wasm.${renamed}`);
  }
  const [module] = modules;
  const moduleKey = `${JSON.stringify(module)}: import0,`;
  if (glue.split(moduleKey).length != 2) throw new Error(`the glue does not hand its imports over once as ${moduleKey}`);
  glue = glue.replace(moduleKey, `"a": import0,`);
  return { glue, exports: new Map(exports) };
}

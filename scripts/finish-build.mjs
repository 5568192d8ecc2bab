// Trunk's post-build step for the widget's folder in the staging dist. The widget comes in two
// builds, each with its own loader, glue and wasm, and one stylesheet for both:
// - feedback-widget.js: this API's tickets and replies (builds/widget);
// - feedback-widget-helpdesks.js: the same with the three other help desks (builds/helpdesks).
// For each build it
// - names the glue and wasm as host pages load them, and gives the two short names for each
//   other's functions (scripts/short-names.mjs);
// - renames the glue's global (wasm-bindgen's no-modules output) to one per build and version,
//   gives it start() (fetch the wasm against its hash, instantiate, yield), the crash guard
//   (www/crash-guard.js) and performance measures, and minifies it; and writes the same glue as
//   an ES module (<files>.glue.mjs), which the ES module imports and a bundler takes in;
// - bundles the loader's body (www/loader.js) into the classic loader (www/feedback-widget.js)
//   and into the ES module for bundlers (www/feedback-widget.mjs, the npm package's entry), fills
//   in their placeholders (the glue's global, file name and hash) and minifies them.
// It writes feedback-widget.css from the CSS beside the components, then integrity.json, and
// prints the subresource-integrity hashes for the embed snippets. Last, it writes each file's
// brotli and gzip beside it, for servers and CDNs to send as they are (scripts/compress.mjs).
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync, existsSync, renameSync } from "node:fs";
import { join } from "node:path";
import { buildSync, transformSync } from "esbuild";
import { BUILDS, VERSION as version, globalOf } from "./builds.mjs";
import { precompress } from "./compress.mjs";
import { shortenNames } from "./short-names.mjs";
import { dropDeadClasses } from "./dead-classes.mjs";

const root = new URL("..", import.meta.url).pathname;
const staging = process.env.TRUNK_STAGING_DIR || join(root, "dist");
const folder = join(staging, "feedback-widget", version);
if (!existsSync(join(folder, "feedback-widget.js"))) {
  throw new Error(`no ${folder}/feedback-widget.js: index.html's data-target-path must be feedback-widget/${version}`);
}

const sri = (bytes, algorithm = "sha384") => `${algorithm}-${createHash(algorithm).update(bytes).digest("base64")}`;
const read = (name) => readFileSync(join(folder, name), "utf8");
const hashes = {};

// The stylesheet: the CSS files in the order the widget's STYLES lists them (src/ui/mod.rs).
const ui = join(root, "src/ui");
const order = [...readFileSync(join(ui, "mod.rs"), "utf8").matchAll(/include_str!\("([\w.]+\.css)"\)/g)].map((m) => m[1]);
// The crash panel's CSS comes last; it lives beside the Rust side of the crash panel (src/embed/crash.rs).
order.push("../embed/crash.css");
const css = transformSync(order.map((name) => readFileSync(join(ui, name), "utf8")).join("\n"), {
  loader: "css",
  minify: true,
}).code;
writeFileSync(join(folder, "feedback-widget.css"), css);
hashes["feedback-widget.css"] = sri(css);

// The widget's phases as performance.measure entries, for the benchmark and for a page's own
// performance tools: the glue's fetch and run, the wasm's fetch, compile and instantiation, and
// the mounting (from reading the options to the handle).
// None of it may stop the widget: a page without the User Timing API just has no entries.
const timing = {
  wasm: `try { performance.measure("feedback-widget:wasm", "feedback-widget:glue-ran"); } catch {}`,
  glue: (global) => `
try {
  performance.measure("feedback-widget:glue", { start: performance.getEntriesByName(document.currentScript.src)[0]?.startTime || 0 });
  performance.mark("feedback-widget:glue-ran");
} catch {}
{
  const { mount } = ${global};
  ${global}.mount = (...args) => {
    const start = performance.now();
    return mount(...args).finally(() => {
      try { performance.measure("feedback-widget:mount", { start }); } catch {}
    });
  };
}
`,
};
// The glue's start(), which the loader calls once the glue has run: it fetches the wasm from
// beside the glue (the module form finds it through import.meta.url, which a bundler rewrites to
// the name it copies the wasm under), checked against its hash (the loader checked the classic
// glue's), and compiles it from its bytes. Then it yields to the page, instantiates the module,
// and yields again before the loader mounts the widget: compiling, instantiating and mounting
// are separate tasks rather than one long one. (Compiling while the wasm streams in would decode
// it on the page's main thread as it arrives, in one long task when it arrives at once; compiling
// from the bytes decodes it on a background thread, and V8 compiles each function when it is
// first called either way.)
const start = (global, wasmName, integrity) => `
{
  const wasm = new URL(${JSON.stringify("./" + wasmName)}, document.currentScript.src);
  const pause = () => (self.scheduler?.yield ? scheduler.yield() : new Promise((resume) => setTimeout(resume)));
  ${global}.start = () =>
    fetch(wasm, { integrity: ${JSON.stringify(integrity)} })
      .then((response) => {
        if (!response.ok) throw new Error(\`feedback-widget: \${response.status} fetching \${response.url}\`);
        return response.arrayBuffer();
      })
      .then((bytes) => WebAssembly.compile(bytes))
      .then((module) => pause().then(() => ${global}({ module_or_path: module })))
      .then(pause);
}
`;
// The loader's two forms, each with the loader's body bundled in, before their placeholders are
// filled: the classic script (an IIFE) and the ES module.
// MODULE keeps one of the loader body's two ways to the glue in each (www/loader.js); the ES
// module's import of the glue module stays an import, for the app's bundler to follow.
const bundle = (entry, format) =>
  buildSync({
    entryPoints: [join(root, "www", entry)],
    bundle: true,
    format,
    target: "es2021",
    write: false,
    define: { MODULE: String(format == "esm") },
    external: ["./__FILES__.glue.mjs"],
  }).outputFiles[0].text;
const sources = { loader: bundle("feedback-widget.js", "iife"), module: bundle("feedback-widget.mjs", "esm") };
const crashGuard = readFileSync(join(root, "www/crash-guard.js"), "utf8").replace(/^\/\*[\s\S]*?\*\/\s*/, "");
for (const build of BUILDS) {
  const glueName = `${build.files}.js`;
  const wasmName = `${build.files}_bg.wasm`;
  if (build.crate != build.files) {
    renameSync(join(folder, `${build.crate}.js`), join(folder, glueName));
    renameSync(join(folder, `${build.crate}_bg.wasm`), join(folder, wasmName));
  }
  const global = globalOf(build, version);

  // The glue, under a global of its own and knowing the wasm's hash: the loader checks the glue,
  // the glue vouches for the wasm.
  let glue = read(glueName);
  // Short names between the two, before either is hashed (scripts/short-names.mjs).
  const { glue: renamed, exports } = shortenNames(join(folder, wasmName), glue);
  // Without the classes of types the linker left out (scripts/dead-classes.mjs).
  glue = dropDeadClasses(renamed, exports);
  const wasm = readFileSync(join(folder, wasmName));
  // The ES module form below replaces each document.currentScript.src with import.meta.url. In
  // wasm-bindgen's own glue that is the one line that finds the glue's address; a glue that
  // finds it another way would leave the module form looking for a script that isn't there.
  const addresses = glue.split("document.currentScript.src").length - 1;
  if (addresses != 1) throw new Error(`${glueName} reads document.currentScript.src ${addresses} times, not once`);
  const declaration = /^let wasm_bindgen\s*=\s*/;
  if (!declaration.test(glue)) throw new Error(`${glueName} does not start with wasm-bindgen's no-modules global`);
  glue = glue.replace(declaration, `let ${global} = `) + start(global, wasmName, sri(wasm));
  // Every call into the wasm goes through the crash guard, which draws the crash panel when the
  // wasm traps (www/crash-guard.js).
  const exportsTaken = "wasm = instance.exports;";
  if (glue.split(exportsTaken).length != 2) throw new Error(`${glueName} does not take the exports once as \`${exportsTaken}\``);
  // The guard knows the module by its memory, under the memory's short name.
  if (crashGuard.split("exports.memory").length != 2) throw new Error("the crash guard does not read exports.memory once");
  const guard = crashGuard.trim().replace(/;$/, "").replaceAll("exports.memory", `exports.${exports.get("memory")}`);
  glue = glue.replace(exportsTaken, () => `wasm = (${guard})(instance.exports);${timing.wasm}`);
  glue += timing.glue(global);
  // The ES module form: where the classic script looks at its own address, the module looks at
  // import.meta.url (so a bundler finds the wasm beside it and copies it), and it sets the same
  // global the loader's body calls.
  const moduleGlueName = `${build.files}.glue.mjs`;
  const moduleGlue = glue.replaceAll("document.currentScript.src", "import.meta.url") + `\nglobalThis.${global} = ${global};\n`;
  glue = transformSync(glue, { minify: true }).code;
  writeFileSync(join(folder, glueName), glue);
  const moduleGlueCode = transformSync(moduleGlue, { minify: true, format: "esm" }).code;
  writeFileSync(join(folder, moduleGlueName), moduleGlueCode);

  for (const form of ["loader", "module"]) {
    let code = sources[form];
    for (const [placeholder, value] of [
      ["__GLUE__", global],
      // sha256 for the loader's one hash: 20 characters less of what every page load pays for.
      // (The ES module has none: the app's bundler takes the glue module in as its own.)
      ...(form == "loader" ? [["__GLUE_SRI__", sri(glue, "sha256")]] : []),
      ["__FILES__", build.files],
    ]) {
      if (!code.includes(placeholder)) throw new Error(`the ${form} has no ${placeholder}`);
      code = code.replaceAll(placeholder, value);
    }
    // An ES module's own top-level names may be shortened; a classic script's are the page's.
    code = transformSync(code, { minify: true, target: "es2021", legalComments: "none", format: form == "module" ? "esm" : undefined }).code;
    writeFileSync(join(folder, build[form]), code);
    hashes[build[form]] = sri(code);
  }
  Object.assign(hashes, { [glueName]: sri(glue), [moduleGlueName]: sri(moduleGlueCode), [wasmName]: sri(wasm) });
}

writeFileSync(join(folder, "integrity.json"), JSON.stringify(hashes, null, 2) + "\n");
console.log(`feedback-widget ${version}: subresource integrity`);
for (const [name, hash] of Object.entries(hashes)) console.log(`  ${name}  ${hash}`);

precompress(folder);

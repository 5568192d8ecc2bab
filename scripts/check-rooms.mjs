// Keeps the rooms of the widget (src/) and of the sandbox (sandbox/src/) apart (README, Layout):
// fails, naming the files and lines, when
//   1. a file under src/contract/ uses web-sys, js-sys, Leptos, wasm-bindgen or gloo: the contract
//      is plain Rust, checked with natively and used by the sandbox on the server;
//   2. a room of src/ imports one above it: the arrows run embed -> ui -> api -> browser -> contract;
//   3. modules of either crate import each other in a circle.
// Each file is a module; an import is any `use`, and any `crate::`, `super::`, `self::` or
// child-module path in the code. A name a module re-exports counts as an import of the module
// that defines it, and a module's `pub use` of its own children (its front door) is no import.
// Tests inside a file (`#[cfg(test)] mod tests { … }`) are left out of the graph.
//
//   node scripts/check-rooms.mjs            check both crates
//   node scripts/check-rooms.mjs --graph    also print their module graphs
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";

const root = new URL("..", import.meta.url).pathname;

// What the contract must not name, and the rooms from the bottom up.
const BROWSER_CRATES = /\b(web_sys|js_sys|leptos\w*|wasm_bindgen\w*|serde_wasm_bindgen|gloo\w*)\b/g;
const LAYERS = ["contract", "browser", "api", "ui", "embed"];


/** The code without comments, and with every string and char literal emptied; lines stay. */
const stripped = (text) => {
  let out = "";
  for (let i = 0; i < text.length; ) {
    const rest = text.slice(i, i + 3);
    if (rest.startsWith("//")) {
      while (i < text.length && text[i] !== "\n") i++;
    } else if (rest.startsWith("/*")) {
      let depth = 0;
      do {
        if (text.startsWith("/*", i)) (depth++, (i += 2));
        else if (text.startsWith("*/", i)) (depth--, (i += 2));
        else out += text[i++] === "\n" ? "\n" : "";
      } while (depth > 0 && i < text.length);
    } else if (!/\w/.test(text[i - 1] ?? "") && /^b?r#*"/.test(text.slice(i, i + 40))) {
      const open = text.slice(i).match(/^b?r(#*)"/);
      const end = text.indexOf('"' + open[1], i + open[0].length);
      const stop = end < 0 ? text.length : end + 1 + open[1].length;
      out += '""' + text.slice(i, stop).replace(/[^\n]/g, "");
      i = stop;
    } else if (text[i] === '"' || (text[i] === "b" && text[i + 1] === '"' && !/\w/.test(text[i - 1] ?? ""))) {
      let j = text[i] === "b" ? i + 2 : i + 1;
      while (j < text.length && text[j] !== '"') j += text[j] === "\\" ? 2 : 1;
      out += '""' + text.slice(i, j + 1).replace(/[^\n]/g, "");
      i = j + 1;
    } else if (text[i] === "'") {
      // A char literal ('x', '\n', '\u{2060}'); anything else is a lifetime.
      const char = text.slice(i).match(/^'(\\u\{[0-9a-fA-F]+\}|\\.|[^\\'])'/);
      out += char ? "' '" : "'";
      i += char ? char[0].length : 1;
    } else {
      out += text[i++];
    }
  }
  return out;
};

/** The code without its test modules: `#[cfg(test)]` then `mod name { … }`. */
const withoutTests = (code) => {
  const start = /#\[cfg\([^\]]*\btest\b[^\]]*\)\]\s*(pub(\([^)]*\))?\s+)?mod\s+\w+\s*\{/g;
  let match;
  while ((match = start.exec(code))) {
    let depth = 1;
    let i = match.index + match[0].length;
    for (; i < code.length && depth > 0; i++) depth += code[i] === "{" ? 1 : code[i] === "}" ? -1 : 0;
    code = code.slice(0, match.index) + code.slice(match.index, i).replace(/[^\n]/g, "") + code.slice(i);
    start.lastIndex = match.index + 1;
  }
  return code;
};

/** The paths of a use tree such as `a::{b, c::{d, e as f}, self}`: each path's segments, and
 * the name it binds (the last segment, or what `as` renames it to). */
const expandTree = (tree) => {
  tree = tree.replace(/\s+as\s+/g, "\u0001").replace(/\s+/g, "");
  const paths = [];
  const walkTree = (prefix, text) => {
    const brace = text.indexOf("{");
    if (brace < 0) {
      const [written, alias] = text.split("\u0001");
      const path = [...prefix, ...written.split("::").filter(Boolean)];
      if (path.at(-1) === "self") path.pop();
      if (path.length) paths.push({ path, name: alias ?? path.at(-1) });
      return;
    }
    const head = text.slice(0, brace).split("::").filter(Boolean);
    const inner = text.slice(brace + 1, text.lastIndexOf("}"));
    let depth = 0;
    let part = "";
    for (const c of inner + ",") {
      if (c === "," && depth === 0) {
        if (part) walkTree([...prefix, ...head], part);
        part = "";
        continue;
      }
      depth += c === "{" ? 1 : c === "}" ? -1 : 0;
      part += c;
    }
  };
  walkTree([], tree);
  return paths;
};


/** The module graph of the crate under `src`, and its problems; `rooms` are its layers from the
 * bottom up, and `pure` the room that names no browser crate, when it has them. */
const checkCrate = (src, { rooms = [], pure = null } = {}) => {
  const files = [];
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith(".rs")) files.push(path);
    }
  };
  walk(src);

  /** The module path of a file: src/a/mod.rs and src/a.rs are crate::a, src/lib.rs is crate. */
  const moduleOf = (file) => {
    const parts = relative(src, file).replace(/\.rs$/, "").split("/");
    if (parts.at(-1) === "mod" || parts.at(-1) === "lib") parts.pop();
    return ["crate", ...parts].join("::");
  };

  // Each module: its file, its code, its child modules, the names it defines and re-exports.
  const modules = new Map();
  for (const file of files) {
    const text = readFileSync(file, "utf8");
    const code = stripped(text);
    const graphCode = withoutTests(code);
    const name = moduleOf(file);
    const children = new Set([...graphCode.matchAll(/\bmod\s+(\w+)\s*;/g)].map((m) => m[1]));
    modules.set(name, { file, code, graphCode, children, bindings: new Map(), uses: [] });
  }

  const lineAt = (code, index) => code.slice(0, index).split("\n").length;

  /** `segments` (from a `use` or a path in module `from`) as an absolute path, or null if external. */
  const absolute = (from, segments) => {
    const here = from.split("::");
    const [first, ...rest] = segments;
    if (first === "crate") return segments;
    if (first === "self") return [...here, ...rest];
    if (first === "super") {
      let up = here.slice();
      let i = 0;
      while (segments[i] === "super") (up = up.slice(0, -1), i++);
      return [...up, ...segments.slice(i)];
    }
    if (modules.get(from)?.children.has(first)) return [...here, ...segments];
    return null;
  };

  // The `use` statements of each module, with their re-exports.
  for (const [name, module] of modules) {
    for (const match of module.graphCode.matchAll(/(\bpub(\([^)]*\))?\s+)?\buse\s+([^;]+);/g)) {
      const reexport = Boolean(match[1]);
      for (const { path: segments, name: bound } of expandTree(match[3])) {
        const path = absolute(name, segments);
        if (!path) continue;
        const line = lineAt(module.graphCode, match.index);
        // Every `use` binds a name in the module, `pub` or not: children can name it through `super`.
        if (bound !== "*") module.bindings.set(bound, path);
        module.uses.push({ path, line, reexport, text: segments.join("::") });
      }
    }
    // Paths in the code itself: crate::a::b, super::c, self::d, child::e.
    const heads = ["crate", "super", "self", ...module.children].join("|");
    const inline = new RegExp(`(?<![\\w:])(?:${heads})(?:::(?:super|\\w+))+`, "g");
    const code = module.graphCode.replace(/(\bpub(\([^)]*\))?\s+)?\buse\s+[^;]+;/g, (m) => m.replace(/[^\n]/g, ""));
    for (const match of code.matchAll(inline)) {
      const path = absolute(name, match[0].split("::"));
      if (path) module.uses.push({ path, line: lineAt(code, match.index), reexport: false, text: match[0] });
    }
  }

  /** The module a path ends in: the longest prefix that is a module, followed through re-exports. */
  const target = (path, seen = new Set()) => {
    for (let n = path.length; n > 0; n--) {
      const name = path.slice(0, n).join("::");
      const module = modules.get(name);
      if (!module) continue;
      const next = path[n];
      const reexport = next && module.bindings.get(next);
      if (reexport && !seen.has(name + "::" + next)) {
        seen.add(name + "::" + next);
        return target([...reexport, ...path.slice(n + 1)], seen);
      }
      return name;
    }
    return null;
  };

  const problems = [];
  const rel = (file) => relative(root, file);
  const layer = (name) => rooms.indexOf(name.split("::")[1]);

  // 1. The contract names no browser crate.
  for (const [name, module] of modules) {
    if (!pure || !name.startsWith(`crate::${pure}`)) continue;
    for (const match of module.code.matchAll(BROWSER_CRATES)) {
      problems.push(`${rel(module.file)}:${lineAt(module.code, match.index)}: the contract uses ${match[1]}; it stays free of the browser and of Leptos`);
    }
  }

  // The graph: module -> module, with where each edge comes from.
  const edges = new Map([...modules.keys()].map((name) => [name, new Map()]));
  for (const [name, module] of modules) {
    for (const use of module.uses) {
      const to = target(use.path);
      if (!to || to === name) continue;
      // A module's `pub use` of its own descendants is its front door, not a dependency.
      if (use.reexport && to.startsWith(name + "::")) continue;
      if (!edges.get(name).has(to)) edges.get(name).set(to, `${rel(module.file)}:${use.line} (${use.text})`);
    }
  }

  // 2. Rooms only import rooms below them.
  for (const [from, tos] of edges) {
    for (const [to, where] of tos) {
      const [a, b] = [layer(from), layer(to)];
      if (a >= 0 && b >= 0 && b > a) {
        problems.push(`${where}: ${from} imports ${to}, a room above it (the order is ${rooms.join(" < ")})`);
      }
    }
  }

  // 3. No cycles: Tarjan's strongly connected components, each bigger one shown as one cycle.
  let index = 0;
  const stack = [];
  const state = new Map();
  const components = [];
  const connect = (v) => {
    state.set(v, { index, low: index, onStack: true });
    index++;
    stack.push(v);
    for (const w of edges.get(v).keys()) {
      if (!state.has(w)) {
        connect(w);
        state.get(v).low = Math.min(state.get(v).low, state.get(w).low);
      } else if (state.get(w).onStack) {
        state.get(v).low = Math.min(state.get(v).low, state.get(w).index);
      }
    }
    if (state.get(v).low === state.get(v).index) {
      const component = [];
      let w;
      do {
        w = stack.pop();
        state.get(w).onStack = false;
        component.push(w);
      } while (w !== v);
      if (component.length > 1) components.push(component);
    }
  };
  for (const v of edges.keys()) if (!state.has(v)) connect(v);

  for (const component of components) {
    // One cycle through the component: a shortest way from its first module back to itself.
    const inside = new Set(component);
    const start = component[0];
    const from = new Map([[start, null]]);
    const queue = [start];
    let end = null;
    while (queue.length && !end) {
      const v = queue.shift();
      for (const w of edges.get(v).keys()) {
        if (!inside.has(w)) continue;
        if (w === start) {
          end = v;
          break;
        }
        if (!from.has(w)) (from.set(w, v), queue.push(w));
      }
    }
    const cycle = [];
    for (let v = end; v; v = from.get(v)) cycle.unshift(v);
    const steps = cycle.map((v, i) => `  ${v} -> ${cycle[i + 1] ?? start}  at ${edges.get(v).get(cycle[i + 1] ?? start)}`);
    problems.push(`an import cycle between ${component.length} modules:\n${steps.join("\n")}`);
  }

  return { modules, edges, problems };
};

const crates = [
  checkCrate(join(root, "src"), { rooms: LAYERS, pure: "contract" }),
  checkCrate(join(root, "sandbox", "src")),
];
const problems = crates.flatMap((crate) => crate.problems);
if (process.argv.includes("--graph")) {
  for (const { edges } of crates) {
    for (const [from, tos] of [...edges].sort()) {
      if (tos.size) console.log(`${from} -> ${[...tos.keys()].sort().join(", ")}`);
    }
  }
}
if (problems.length) {
  for (const problem of problems) console.error(`check-rooms: ${problem}`);
  process.exit(1);
}
const [widget, sandbox] = crates.map((crate) => crate.modules.size);
console.log(`check-rooms: ${widget} modules in src/ and ${sandbox} in sandbox/src/, no cycles, the contract is plain Rust, every import goes down`);

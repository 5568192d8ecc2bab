import { readFileSync } from "node:fs";

/** The widget's version (Cargo.toml's), which names the folder its files are served from. */
export const VERSION = readFileSync(new URL("../Cargo.toml", import.meta.url), "utf8").match(/^version = "([^"]+)"/m)[1];

// The widget's builds, as the build, the size check and the end-to-end tests name them: the
// crate trunk builds (its files are named after it), the loader a host page includes, the ES
// module a bundler imports (the npm package's), the stem of the glue's and wasm's names, and the
// prefix of the glue's global (the version follows; named like the files, since every byte of the
// loader counts and brotli finds the name it has just seen).
export const BUILDS = [
  {
    crate: "feedback_widget_embed",
    loader: "feedback-widget.js",
    module: "feedback-widget.mjs",
    files: "feedback_widget",
    global: "__feedback_widget",
  },
  {
    crate: "feedback_widget_helpdesks",
    loader: "feedback-widget-helpdesks.js",
    module: "feedback-widget-helpdesks.mjs",
    files: "feedback_widget_helpdesks",
    global: "__feedback_widget_helpdesks",
  },
];

/** The glue's global of `build` at `version`. */
export const globalOf = (build, version) => `${build.global}_${version.replace(/\W/g, "_")}`;

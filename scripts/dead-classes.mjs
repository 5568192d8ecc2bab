// The glue's classes for Rust types whose exports the linker left out (scripts/wasm-ld.sh).
// wasm-bindgen writes a class for every exported type it finds described in the wasm, and the
// descriptions of wasm-streams' IntoUnderlying* types stay in the wasm although the linker drops
// their code and exports. So the glue declares three classes, with a finalization registry each,
// that nothing can make and whose methods call exports the wasm doesn't have. Each class's `free`
// calls its type's `__wbg_<type>_free` export; a class whose free export is missing is dropped,
// with the three statements about it that wasm-bindgen writes. A class that is referred to
// anywhere else stops the build.

/** The glue `glue` without the classes whose free export is not among `exportNames` (the wasm's
 * export names, as wasm-bindgen named them). */
export function dropDeadClasses(glue, exportNames) {
  const classes = [...glue.matchAll(/^ {4}class (\w+) \{$/gm)].map((match) => match[1]);
  for (const name of classes) {
    const free = `__wbg_${name.toLowerCase()}_free`;
    if (exportNames.has(free)) continue;
    const parts = [
      // The class: its closing brace is the first line after it at its indentation.
      new RegExp(`^ {4}class ${name} \\{\\n[\\s\\S]*?^ {4}\\}\\n`, "m"),
      new RegExp(`^ {4}if \\(Symbol\\.dispose\\) ${name}\\.prototype\\[Symbol\\.dispose\\] = ${name}\\.prototype\\.free;\\n`, "m"),
      new RegExp(`^ {4}exports\\.${name} = ${name};\\n`, "m"),
      new RegExp(`^ {4}const ${name}Finalization = \\(typeof FinalizationRegistry === 'undefined'\\)\\n[^;]*;\\n`, "m"),
    ];
    for (const part of parts) {
      if (!part.test(glue)) throw new Error(`the glue's dead class ${name} has no ${part}`);
      glue = glue.replace(part, "");
    }
    if (new RegExp(`(?<![\\w$])(${name}|${free})(?![\\w$])`).test(glue)) {
      throw new Error(`the glue still refers to ${name}, whose free export the wasm has not`);
    }
  }
  return glue;
}

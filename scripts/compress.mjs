// The compression a CDN serves the widget with: brotli at its best quality and gzip at level 9.
// The build writes each file's `.br` and `.gz` beside it (precompress), so that a server sends
// the bytes it has rather than compressing each request; the size report measures with the same
// settings.
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

export const brotli = (bytes) => brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY } });
export const gzip = (bytes) => gzipSync(bytes, { level: 9 });

/** The files a browser loads: scripts, stylesheets and wasm. */
const LOADED = /\.(m?js|css|wasm)$/;

/** Writes `name.br` and `name.gz` beside each file in `folder` that a browser loads. */
export function precompress(folder) {
  for (const name of readdirSync(folder).filter((name) => LOADED.test(name))) {
    const bytes = readFileSync(join(folder, name));
    writeFileSync(join(folder, `${name}.br`), brotli(bytes));
    writeFileSync(join(folder, `${name}.gz`), gzip(bytes));
  }
}

// The widget's versioned files are served as a CDN should serve them: cached for a year as
// immutable, open to pages of any origin, and sent precompressed in the best encoding the browser accepts (brotli, else gzip,
// else as they are), each decoding to exactly the file the build wrote.
import { test } from "node:test";
import assert from "node:assert/strict";
import { request } from "node:http";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { useWidget } from "../lib/harness.js";
import { SITE_DIR } from "../lib/sandbox.js";
import { VERSION } from "../lib/host.js";
import { BUILDS } from "../../../scripts/builds.mjs";

const env = useWidget();
const FOLDER = `/feedback-widget/${VERSION}`;
const IMMUTABLE = "public, max-age=31536000, immutable";
const [MAIN] = BUILDS;
const FILES = {
  [MAIN.loader]: "text/javascript",
  [`${MAIN.files}.js`]: "text/javascript",
  [`${MAIN.files}_bg.wasm`]: "application/wasm",
  "feedback-widget.css": "text/css",
};
const DECODE = { br: brotliDecompressSync, gzip: gunzipSync, identity: (bytes) => bytes };

/** GETs `path` from the sandbox as it is sent, without decoding it: status, headers, bytes. */
function get(path, acceptEncoding) {
  const headers = acceptEncoding === undefined ? {} : { "accept-encoding": acceptEncoding };
  return new Promise((done, fail) => {
    request(`${env.sandbox.url}${path}`, { headers }, (response) => {
      const chunks = [];
      response.on("data", (chunk) => chunks.push(chunk));
      response.on("end", () => done({ status: response.statusCode, headers: response.headers, body: Buffer.concat(chunks) }));
    })
      .on("error", fail)
      .end();
  });
}

for (const [accepted, encoding] of [
  ["gzip, deflate, br, zstd", "br"],
  ["gzip, deflate", "gzip"],
  ["br;q=0, gzip", "gzip"],
  ["identity", "identity"],
  [undefined, "identity"],
]) {
  test(`Accept-Encoding ${JSON.stringify(accepted ?? "(none)")}: each file comes ${encoding}, immutable`, async () => {
    for (const [name, type] of Object.entries(FILES)) {
      const response = await get(`${FOLDER}/${name}`, accepted);
      assert.equal(response.status, 200, name);
      assert.equal(response.headers["content-encoding"], encoding === "identity" ? undefined : encoding, name);
      assert.equal(response.headers["content-type"], type, name);
      assert.equal(response.headers["cache-control"], IMMUTABLE, name);
      assert.equal(response.headers["vary"], "accept-encoding", name);
      assert.equal(response.headers["access-control-allow-origin"], "*", name);
      const original = readFileSync(join(SITE_DIR, "feedback-widget", VERSION, name));
      assert.ok(DECODE[encoding](response.body).equals(original), `${name} decodes to the built file`);
      if (encoding !== "identity") assert.ok(response.body.length < original.length, `${name} is smaller ${encoding}`);
    }
  });
}

test("only a version's files are immutable: not the pages, not a missing file", async () => {
  const page = await get("/", "br");
  assert.equal(page.status, 200);
  assert.equal(page.headers["cache-control"], undefined);
  const missing = await get(`${FOLDER}/missing.js`, "br");
  assert.equal(missing.status, 404);
  assert.equal(missing.headers["cache-control"], undefined);
});

test("the browser gets the wasm compressed as application/wasm, and the widget runs from it", async () => {
  const { page, widget } = env;
  const wasm = page.waitForResponse((response) => response.url().endsWith(`${FOLDER}/${MAIN.files}_bg.wasm`));
  await widget.goto();
  // The widget's files load when the reader comes near the button (or the page is idle).
  await widget.trigger.hover();
  const response = await wasm;
  const accepted = (await response.request().allHeaders())["accept-encoding"];
  const headers = await response.allHeaders();
  assert.equal(headers["content-encoding"], /\bbr\b/.test(accepted) ? "br" : "gzip", `accepted: ${accepted}`);
  assert.equal(headers["content-type"], "application/wasm");
  assert.equal(headers["cache-control"], IMMUTABLE);
  await widget.open();
  await widget.subject.waitFor();
});

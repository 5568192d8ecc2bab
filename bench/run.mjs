// The benchmark: our widget, Sentry's feedback widget (npm, bundled with esbuild, its backend on
// 127.0.0.1) and a bare page, each on the same page shape, in headless Chromium, over several
// runs. Writes BENCHMARKS.md. Run after a release build, with the packages installed once
// (`npm ci --prefix bench`): `node bench/run.mjs [--runs=9]`.
import { createServer } from "node:http";
import { readFileSync, writeFileSync, existsSync } from "node:fs";
import { join, extname } from "node:path";
import { brotliCompressSync, constants } from "node:zlib";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { chromium } from "playwright-core";
import { VERSION as version } from "../scripts/builds.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));
const runs = Number(process.argv.find((arg) => arg.startsWith("--runs="))?.slice(7) || 9);
const widgetDir = join(root, "dist/feedback-widget", version);
if (!existsSync(join(widgetDir, "feedback-widget.js"))) throw new Error("build first: scripts/build.sh");

// Sentry's smallest npm setup, built the way an app would build it.
const sentryBundle = await build({
  entryPoints: [join(root, "bench/sentry-entry.js")],
  bundle: true,
  minify: true,
  format: "iife",
  target: "es2020",
  write: false,
  define: { __SENTRY_DEBUG__: "false", __SENTRY_TRACING__: "false" },
});
const sentryJs = sentryBundle.outputFiles[0].contents;

// The same page for everyone: a header, some text, and the widget's script (or a plain button).
const page = (extra) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Host</title>
<meta name="viewport" content="width=device-width, initial-scale=1"></head><body>
<header><strong>Acme Reports</strong></header><main><h1>Campaign dashboard</h1>
<p>${"The host page's own content. ".repeat(40)}</p></main>${extra}</body></html>`;
const pages = {
  "/bare.html": page(`<button id="plain" style="position:fixed;right:20px;bottom:20px">Feedback</button>`),
  "/widget.html": page(`<script src="/feedback-widget/${version}/feedback-widget.js" defer data-api-base="/api" data-channel="feedback"></script>`),
  "/sentry.html": page(`<script>window.SENTRY_DSN = location.origin.replace("//", "//public@") + "/1";</script><script src="/sentry.js" defer></script>`),
};

const types = { ".js": "text/javascript", ".css": "text/css", ".wasm": "application/wasm", ".html": "text/html" };
// Every file compressed once, ahead of the runs, as a CDN would serve it.
const compressed = new Map();
const bodies = new Map();
for (const [path, html] of Object.entries(pages)) bodies.set(path, Buffer.from(html));
bodies.set("/sentry.js", Buffer.from(sentryJs));
for (const name of ["feedback-widget.js", "feedback-widget.css", "feedback_widget.js", "feedback_widget_bg.wasm"]) {
  bodies.set(`/feedback-widget/${version}/${name}`, readFileSync(join(widgetDir, name)));
}
for (const [path, body] of bodies) {
  compressed.set(path, brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
}
const server = createServer((request, response) => {
  const path = new URL(request.url, "http://x").pathname;
  let body = bodies.get(path);
  if (request.method == "POST") {
    // Sentry's envelope endpoint, and anything else posted: accepted and dropped.
    response.writeHead(200, { "content-type": "application/json" }).end("{}");
    return;
  }
  if (!body) return response.writeHead(404).end();
  const headers = { "content-type": types[extname(path)] || "application/octet-stream", "cache-control": "no-store" };
  if (/\bbr\b/.test(request.headers["accept-encoding"] || "")) {
    body = compressed.get(path);
    headers["content-encoding"] = "br";
  }
  response.writeHead(200, headers).end(body);
});
await new Promise((done) => server.listen(0, "127.0.0.1", done));
const origin = `http://127.0.0.1:${server.address().port}`;

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  headless: true,
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync"],
});

// Where each variant's button and form are, looking into open shadow roots.
const finders = `
  window.__find = (variant) => {
    if (variant == "bare") return { trigger: document.getElementById("plain") };
    const host = document.querySelector(variant == "widget" ? "feedback-widget" : "#sentry-feedback");
    const shadow = host && host.shadowRoot;
    if (!shadow) return {};
    return variant == "widget"
      ? { trigger: shadow.querySelector(".fw-trigger"), field: shadow.querySelector("dialog[open] #fw-subject") }
      : { trigger: shadow.querySelector("button"), field: shadow.querySelector("dialog textarea, form textarea") };
  };
  window.__visible = (element) => !!element && element.getBoundingClientRect().width > 0 && getComputedStyle(element).visibility != "hidden";
  // Every wasm memory the page creates, to read its size after opening.
  window.__memories = [];
  for (const name of ["instantiate", "instantiateStreaming"]) {
    const original = WebAssembly[name];
    WebAssembly[name] = (...args) =>
      original.apply(WebAssembly, args).then((result) => {
        const exports = (result.instance || result).exports || {};
        for (const value of Object.values(exports)) if (value instanceof WebAssembly.Memory) __memories.push(value);
        return result;
      });
  }
  window.__longTasks = [];
  new PerformanceObserver((list) => list.getEntries().forEach((entry) => __longTasks.push(entry.duration)))
    .observe({ type: "longtask", buffered: true });
`;

const transferred = (page) =>
  page.evaluate(() =>
    [...performance.getEntriesByType("navigation"), ...performance.getEntriesByType("resource")].reduce(
      (sum, entry) => sum + (entry.transferSize || 0),
      0,
    ),
  );

async function measure(variant, { idle }) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.addInitScript(finders);
  if (!idle) await page.addInitScript(() => (window.requestIdleCallback = () => 0));
  const cdp = await context.newCDPSession(page);
  await page.goto(`${origin}/${variant}.html`);
  const visibleAt = await page.waitForFunction((v) => __visible(__find(v).trigger) && performance.now(), variant, { polling: "raf" });
  const result = { visible: await visibleAt.jsonValue(), bytesAtButton: await transferred(page) };
  if (variant == "bare") {
    await context.close();
    return result;
  }
  if (idle) {
    // Warm: the widget's code is in (after idle) before the click.
    if (variant == "widget") await page.evaluate(() => FeedbackWidget.ready);
    await page.waitForTimeout(300);
  } else {
    await page.waitForTimeout(300);
  }
  result.bytesBeforeOpen = await transferred(page);
  const trigger = await page.evaluateHandle((v) => __find(v).trigger, variant);
  const box = await trigger.boundingBox();
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.evaluate(() => {
    window.__clickAt = 0;
    addEventListener("pointerdown", () => (__clickAt = performance.now()), { capture: true, once: true });
  });
  await page.mouse.down();
  await page.mouse.up();
  const readyAt = await page.waitForFunction((v) => __visible(__find(v).field) && performance.now(), variant, { polling: "raf", timeout: 15000 });
  result.clickToForm = (await readyAt.jsonValue()) - (await page.evaluate(() => __clickAt));
  await page.waitForTimeout(500);
  result.bytesAfterOpen = await transferred(page);
  const tasks = await page.evaluate(() => __longTasks);
  result.longTasks = tasks.length;
  result.longTaskMs = tasks.reduce((sum, d) => sum + d, 0);
  await cdp.send("HeapProfiler.collectGarbage");
  const heap = await cdp.send("Runtime.getHeapUsage");
  result.jsHeap = heap.usedSize;
  result.wasmMemory = await page.evaluate(() => __memories.reduce((sum, memory) => sum + memory.buffer.byteLength, 0));
  await context.close();
  return result;
}

const variants = ["bare", "widget", "sentry"];
const samples = Object.fromEntries(variants.map((v) => [v, { cold: [], warm: [] }]));
for (let run = 0; run < runs; run++) {
  for (const variant of variants) {
    samples[variant].cold.push(await measure(variant, { idle: false }));
    if (variant != "bare") samples[variant].warm.push(await measure(variant, { idle: true }));
  }
  process.stdout.write(`run ${run + 1}/${runs}\n`);
}
await browser.close();
server.close();

const stats = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * (sorted.length - 1) + 0.5))];
  return { median: at(0.5), min: sorted[0], max: sorted[sorted.length - 1] };
};
const pick = (variant, kind, key) => stats(samples[variant][kind].map((sample) => sample[key]));
const fmt = (s, unit, digits = 1) => `${s.median.toFixed(digits)} ${unit} (${s.min.toFixed(digits)}–${s.max.toFixed(digits)})`;
const kb = (s) => ({ median: s.median / 1024, min: s.min / 1024, max: s.max / 1024 });
const ratio = (a, b) => (b ? (a / b).toFixed(2) + "×" : "–");

const brotli = (bytes) => brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
const files = ["feedback-widget.js", "feedback_widget.js", "feedback_widget_bg.wasm", "feedback-widget.css"].map((name) => [
  name,
  brotli(readFileSync(join(widgetDir, name))),
]);
const rows = [
  ["button visible after navigation start", (v) => pick(v, "cold", "visible"), "ms"],
  ["click to interactive form, cold (code not loaded)", (v) => pick(v, "cold", "clickToForm"), "ms"],
  ["click to interactive form, warm (code loaded)", (v) => pick(v, "warm", "clickToForm"), "ms"],
  ["bytes transferred when the button shows", (v) => kb(pick(v, "cold", "bytesAtButton")), "KB"],
  ["bytes transferred before opening, browser idle", (v) => kb(pick(v, "warm", "bytesBeforeOpen")), "KB"],
  ["bytes transferred after opening", (v) => kb(pick(v, "cold", "bytesAfterOpen")), "KB"],
  ["long tasks (load and open)", (v) => pick(v, "cold", "longTasks"), ""],
  ["long-task time (load and open)", (v) => pick(v, "cold", "longTaskMs"), "ms"],
  ["JS heap after opening", (v) => kb(pick(v, "cold", "jsHeap")), "KB"],
  ["wasm memory after opening", (v) => kb(pick(v, "cold", "wasmMemory")), "KB"],
];
const chromiumVersion = browser.version();
let md = `# Benchmarks

A fresh run of \`node bench/run.mjs --runs=${runs}\` on ${new Date().toISOString().slice(0, 10)}: headless Chromium ${chromiumVersion},
${runs} runs per variant, files served from 127.0.0.1 with brotli (quality 11), a fresh browser
context (empty cache) per run. Figures are medians with the range over the runs in brackets.

- **widget**: this widget, through its loader (\`feedback-widget.js\`), on the page shape below.
- **sentry**: \`@sentry/browser\` 11.12.0 with only \`feedbackIntegration\` (no default
  integrations), bundled and minified with esbuild, its DSN pointing at the benchmark's server.
  ${(sentryJs.length / 1024).toFixed(1)} KB minified, ${(brotli(sentryJs) / 1024).toFixed(1)} KB brotli.
- **bare**: the same page with a plain HTML button in the corner: the floor.

"Cold" runs stop the browser from ever being idle, so that the click finds the widget's code not
yet loaded; "warm" runs let it load when the page is idle, before the click. Bytes are the
page's own transfer sizes (the HTML included). Memory is Chromium's heap use after a garbage
collection, with the page and the open form in it.

| | widget | sentry | bare | widget / sentry | widget / bare |
|---|---|---|---|---|---|
`;
for (const [label, get, unit] of rows) {
  const cells = variants.map((v) => {
    if (v == "bare" && !["button visible after navigation start", "bytes transferred when the button shows"].includes(label)) return { text: "–" };
    const s = get(v);
    return { text: fmt(s, unit, unit == "" ? 0 : 1), median: s.median };
  });
  md += `| ${label} | ${cells[1].text} | ${cells[2].text} | ${cells[0].text} | ${ratio(cells[1].median, cells[2].median)} | ${cells[0].median ? ratio(cells[1].median, cells[0].median) : "–"} |\n`;
}
md += `
The widget's files, brotli: ${files.map(([name, size]) => `\`${name}\` ${(size / 1024).toFixed(1)} KB`).join(", ")}.
Until the reader shows intent or the browser is idle, a page pays for the loader and the
stylesheet only.
`;
writeFileSync(join(root, "BENCHMARKS.md"), md);
console.log(md);

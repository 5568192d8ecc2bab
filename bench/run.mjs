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
  // Each script tag as README's snippet has it (async), Sentry's bundle in the same way.
  "/widget.html": page(`<script src="/feedback-widget/${version}/feedback-widget.js" async data-api-base="/api" data-channel="feedback"></script>`),
  "/sentry.html": page(`<script>window.SENTRY_DSN = location.origin.replace("//", "//public@") + "/1";</script><script src="/sentry.js" async></script>`),
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

// Where each variant's button and form are, looking into open shadow roots. The widget's form
// counts as there once its Subject field is shown and has focus.
const finders = `
  window.__find = (variant) => {
    if (variant == "bare") return { trigger: document.getElementById("plain") };
    const host = document.querySelector(variant == "widget" ? "feedback-widget" : "#sentry-feedback");
    const shadow = host && host.shadowRoot;
    if (!shadow) return {};
    if (variant == "sentry") return { trigger: shadow.querySelector("button"), field: shadow.querySelector("dialog textarea, form textarea") };
    const field = shadow.querySelector("dialog[open] #fw-subject");
    return { trigger: shadow.querySelector(".fw-trigger"), field: field && shadow.activeElement == field ? field : null };
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
  // Every task of 50 ms or more from navigation on: this runs before any of the page's scripts.
  window.__longTasks = [];
  new PerformanceObserver((list) => list.getEntries().forEach((entry) => __longTasks.push({ start: entry.startTime, duration: entry.duration })))
    .observe({ type: "longtask", buffered: true });
  // Which scripts ran in each long animation frame (of 50 ms or more), and when: a long task is
  // the widget's (or Sentry's) when one of its files ran in it.
  window.__scripts = [];
  new PerformanceObserver((list) => list.getEntries().forEach((frame) => frame.scripts.forEach((script) =>
    __scripts.push({ start: script.startTime, end: script.startTime + script.duration, url: script.sourceURL, invoker: script.invoker }))))
    .observe({ type: "long-animation-frame", buffered: true });
`;

// The files of each variant, as script URLs.
const own = { widget: /\/feedback-widget\//, sentry: /\/sentry\.js/ };

const transferred = (page) =>
  page.evaluate(() =>
    [...performance.getEntriesByType("navigation"), ...performance.getEntriesByType("resource")].reduce(
      (sum, entry) => sum + (entry.transferSize || 0),
      0,
    ),
  );

// A list of long tasks in figures.
const longTasks = (tasks) => ({
  count: tasks.length,
  longest: Math.max(0, ...tasks.map((task) => task.duration)),
  total: tasks.reduce((sum, task) => sum + task.duration, 0),
});

// One page load of `variant`. Cold: the browser is never idle, so the widget's code loads on the
// click. Warm: the code loads when the page is idle, before the click. `cpu` slows the CPU
// down that many times (Chromium's CPU throttling), as a mid-range phone runs.
async function measure(variant, { idle, cpu }) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.addInitScript(finders);
  if (!idle) await page.addInitScript(() => (window.requestIdleCallback = () => 0));
  const cdp = await context.newCDPSession(page);
  if (cpu > 1) await cdp.send("Emulation.setCPUThrottlingRate", { rate: cpu });
  await page.goto(`${origin}/${variant}.html`);
  const visibleAt = await page.waitForFunction((v) => __visible(__find(v).trigger) && performance.now(), variant, { polling: "raf" });
  const result = { visible: await visibleAt.jsonValue(), bytesAtButton: await transferred(page) };
  if (variant == "widget" && idle) await page.evaluate(() => FeedbackWidget.ready);
  // Time for whatever the page does after load (Sentry sets itself up, the widget loads at idle).
  await page.waitForTimeout(1000);
  if (variant == "bare") {
    result.loadTasks = longTasks(await page.evaluate(() => __longTasks));
    await context.close();
    return result;
  }
  result.bytesBeforeOpen = await transferred(page);
  const trigger = await page.evaluateHandle((v) => __find(v).trigger, variant);
  const box = await trigger.boundingBox();
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  // Hovering starts the widget's loading: a cold run's click comes right after it, as a
  // reader's does.
  const clickAt = await page.evaluate(() => {
    window.__clickAt = 0;
    addEventListener("pointerdown", () => (__clickAt = performance.now()), { capture: true, once: true });
    return performance.now();
  });
  await page.mouse.down();
  await page.mouse.up();
  const readyAt = await page.waitForFunction((v) => __visible(__find(v).field) && performance.now(), variant, { polling: "raf", timeout: 60000 });
  result.clickToForm = (await readyAt.jsonValue()) - (await page.evaluate(() => __clickAt));
  await page.waitForTimeout(500);
  result.bytesAfterOpen = await transferred(page);
  const tasks = await page.evaluate(() => __longTasks);
  result.loadTasks = longTasks(tasks.filter((task) => task.start < clickAt));
  result.openTasks = longTasks(tasks.filter((task) => task.start >= clickAt));
  // The long tasks in which the variant's own files ran.
  // An idle callback is the variant's too: the widget hands the browser a promise's own resolve
  // function, which has no URL, and neither the page nor the harness asks for idle callbacks.
  const scripts = (await page.evaluate(() => __scripts)).filter((script) => own[variant].test(script.url) || script.invoker == "IdleRequestCallback");
  const theirs = tasks.filter((task) => scripts.some((script) => script.start < task.start + task.duration && script.end > task.start));
  result.ownLoadTasks = longTasks(theirs.filter((task) => task.start < clickAt));
  result.ownOpenTasks = longTasks(theirs.filter((task) => task.start >= clickAt));
  result.phases = await page.evaluate(() =>
    Object.fromEntries(performance.getEntriesByType("measure").filter((m) => m.name.startsWith("feedback-widget:")).map((m) => [m.name.slice(16), m.duration])),
  );
  await cdp.send("HeapProfiler.collectGarbage");
  const heap = await cdp.send("Runtime.getHeapUsage");
  result.jsHeap = heap.usedSize;
  result.wasmMemory = await page.evaluate(() => __memories.reduce((sum, memory) => sum + memory.buffer.byteLength, 0));
  await context.close();
  return result;
}

const variants = ["bare", "widget", "sentry"];
const kinds = [
  ["cold", { idle: false, cpu: 1 }],
  ["warm", { idle: true, cpu: 1 }],
  ["cold4", { idle: false, cpu: 4 }],
  ["warm4", { idle: true, cpu: 4 }],
];
const samples = Object.fromEntries(variants.map((v) => [v, Object.fromEntries(kinds.map(([kind]) => [kind, []]))]));
for (let run = 0; run < runs; run++) {
  for (const variant of variants) {
    for (const [kind, how] of kinds) {
      if (variant == "bare" && !how.idle) continue;
      samples[variant][kind].push(await measure(variant, how));
    }
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
const path = (sample, key) => key.split(".").reduce((value, part) => value?.[part], sample);
const pick = (variant, kind, key) => {
  const values = samples[variant][kind].map((sample) => path(sample, key)).filter((value) => value !== undefined);
  return values.length ? stats(values) : null;
};
const fmt = (s, unit, digits = 1) => (s ? `${s.median.toFixed(digits)}${unit ? " " + unit : ""} (${s.min.toFixed(digits)}–${s.max.toFixed(digits)})` : "–");
const kb = (s) => s && { median: s.median / 1024, min: s.min / 1024, max: s.max / 1024 };
const ratio = (a, b) => (a && b && b.median ? (a.median / b.median).toFixed(2) + "×" : "–");

const brotli = (bytes) => brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
const files = ["feedback-widget.js", "feedback_widget.js", "feedback_widget_bg.wasm", "feedback-widget.css"].map((name) => [
  name,
  brotli(readFileSync(join(widgetDir, name))),
]);
// [label, kind of run, measure, unit, digits, transform]
const rows = [
  ["**No throttling**"],
  ["button visible after navigation start", "warm", "visible", "ms"],
  ["long tasks after load, idle load (count)", "warm", "loadTasks.count", "", 0],
  ["longest task after load, idle load", "warm", "loadTasks.longest", "ms"],
  ["long-task time after load, idle load", "warm", "loadTasks.total", "ms"],
  ["click to focused form, cold (code not loaded)", "cold", "clickToForm", "ms"],
  ["click to focused form, warm (code loaded)", "warm", "clickToForm", "ms"],
  ["longest task during a warm open", "warm", "openTasks.longest", "ms"],
  ["bytes transferred when the button shows", "cold", "bytesAtButton", "KB", 1, kb],
  ["bytes transferred before opening, browser idle", "warm", "bytesBeforeOpen", "KB", 1, kb],
  ["bytes transferred after opening", "cold", "bytesAfterOpen", "KB", 1, kb],
  ["JS heap after opening", "cold", "jsHeap", "KB", 1, kb],
  ["wasm memory after opening", "cold", "wasmMemory", "KB", 1, kb],
  ["**CPU throttled 4×**"],
  ["button visible after navigation start", "warm4", "visible", "ms"],
  ["long tasks after load, idle load (count)", "warm4", "loadTasks.count", "", 0],
  ["longest task after load, idle load", "warm4", "loadTasks.longest", "ms"],
  ["long-task time after load, idle load", "warm4", "loadTasks.total", "ms"],
  ["its own long tasks after load, idle load (count)", "warm4", "ownLoadTasks.count", "", 0],
  ["its own longest task after load, idle load", "warm4", "ownLoadTasks.longest", "ms"],
  ["longest task from navigation to open, cold", "cold4", "loadTasks.longest", "ms"],
  ["click to focused form, cold (code not loaded)", "cold4", "clickToForm", "ms"],
  ["click to focused form, warm (code loaded)", "warm4", "clickToForm", "ms"],
  ["longest task during a warm open", "warm4", "openTasks.longest", "ms"],
  ["its own longest task during a warm open", "warm4", "ownOpenTasks.longest", "ms"],
  ["longest task during a cold open", "cold4", "openTasks.longest", "ms"],
];
const phaseNames = [...new Set(samples.widget.warm.flatMap((sample) => Object.keys(sample.phases || {})))];
const chromiumVersion = browser.version();
let md = `# Benchmarks

A fresh run of \`node bench/run.mjs --runs=${runs}\` on ${new Date().toISOString().slice(0, 10)}: headless Chromium ${chromiumVersion},
${runs} runs per variant, files served from 127.0.0.1 with brotli (quality 11), a fresh browser
context (empty cache) per run. Figures are medians with the range over the runs in brackets.
Absolute times depend on the machine, throttled ones four times over: compare runs by the bare
page's and Sentry's figures from the same run, not by the times alone.

- **widget**: this widget, through its loader (\`feedback-widget.js\`, \`async\` as README has
  it), on the page shape below.
- **sentry**: \`@sentry/browser\` 11.12.0 with only \`feedbackIntegration\` (no default
  integrations), bundled and minified with esbuild, its DSN pointing at the benchmark's server,
  loaded \`async\` as well.
  ${(sentryJs.length / 1024).toFixed(1)} KB minified, ${(brotli(sentryJs) / 1024).toFixed(1)} KB brotli.
- **bare**: the same page with a plain HTML button in the corner: the floor.

"Cold" runs stop the browser from ever being idle, so that the click finds the widget's code not
yet loaded; "warm" runs let it load when the page is idle, before the click. Bytes are the
page's own transfer sizes (the HTML included). Memory is Chromium's heap use after a garbage
collection, with the page and the open form in it. Long tasks are the tasks of 50 ms or more that
a \`longtask\` PerformanceObserver, set up before any of the page's scripts, sees from navigation
to the click ("after load": a warm run waits for the widget to load at idle, and a second more) and
from the click on ("during open"). A variant's "own" long tasks are those in which one of its
files ran, as the \`long-animation-frame\` entries' script timings tell (a frame of 50 ms or more
lists each script of 5 ms or more that ran in it, with its URL), or an idle callback (which only
the variant asks for). The throttled runs slow Chromium's CPU down 4× (CDP's
\`Emulation.setCPUThrottlingRate\`), as a mid-range phone runs. "Focused form" is the widget's
dialog open with focus in Subject, and Sentry's form shown.

| | widget | sentry | bare | widget / sentry |
|---|---|---|---|---|
`;
for (const [label, kind, key, unit, digits = 1, transform = (x) => x] of rows) {
  if (!kind) {
    md += `| ${label} | | | | |\n`;
    continue;
  }
  const [bare, widget, sentry] = variants.map((v) => transform(pick(v, kind, key)));
  md += `| ${label} | ${fmt(widget, unit, digits)} | ${fmt(sentry, unit, digits)} | ${fmt(bare, unit, digits)} | ${ratio(widget, sentry)} |\n`;
}
md += `
The widget's own phases (\`performance.measure\` entries named \`feedback-widget:*\`), from the warm
runs: the glue is fetched and run, then the wasm is fetched, compiled and instantiated, and the
widget mounts (entering the wasm, reading its options, checking them, reading the last visit from
storage and putting it in signals, each in a task of its own; the widget is then drawn in a task,
and built in eleven idle tasks, or at once on opening).

| phase | no throttling | CPU throttled 4× |
|---|---|---|
${phaseNames.map((name) => `| ${name} | ${fmt(pick("widget", "warm", `phases.${name}`), "ms")} | ${fmt(pick("widget", "warm4", `phases.${name}`), "ms")} |`).join("\n")}

The widget's files, brotli: ${files.map(([name, size]) => `\`${name}\` ${(size / 1024).toFixed(1)} KB`).join(", ")}.
Until the reader shows intent or the browser is idle, a page pays for the loader and the
stylesheet only.
`;
writeFileSync(join(root, "BENCHMARKS.md"), md);
console.log(md);

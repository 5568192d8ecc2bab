// Where the widget's main-thread time goes: records a Chromium performance trace (CDP Tracing) of
// the benchmark's widget page, from navigation through the idle load to a click that opens the
// form, and prints the main thread's tasks of 10 ms or more with what took their time. Run after
// a release build: `node bench/trace.mjs [--cpu=4] [--cold] [--out=trace.json]`.
import { createServer } from "node:http";
import { readFileSync, writeFileSync } from "node:fs";
import { join, extname } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { VERSION as version } from "../scripts/builds.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));
const arg = (name) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split("=")[1];
const cpu = Number(arg("cpu") || 1);
const cold = process.argv.includes("--cold");
// With --opens=N the form is opened and closed N times; the tasks shown are from the last open.
const opens = Number(arg("opens") || 1);
const widgetDir = join(root, "dist/feedback-widget", version);

const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Host</title></head><body>
<h1>Campaign dashboard</h1><p>${"The host page's own content. ".repeat(40)}</p>
<script src="/feedback-widget/${version}/feedback-widget.js" async data-api-base="/api" data-channel="feedback"></script></body></html>`;
const types = { ".js": "text/javascript", ".css": "text/css", ".wasm": "application/wasm" };
const server = createServer((request, response) => {
  const path = new URL(request.url, "http://x").pathname;
  if (path == "/") return response.writeHead(200, { "content-type": "text/html" }).end(html);
  try {
    const body = readFileSync(join(widgetDir, path.split("/").pop()));
    response.writeHead(200, { "content-type": types[extname(path)] || "application/octet-stream" }).end(body);
  } catch {
    response.writeHead(404).end();
  }
});
await new Promise((done) => server.listen(0, "127.0.0.1", done));

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync"],
});
const context = await browser.newContext();
const page = await context.newPage();
if (cold) await page.addInitScript(() => (window.requestIdleCallback = () => 0));
const cdp = await context.newCDPSession(page);
if (cpu > 1) await cdp.send("Emulation.setCPUThrottlingRate", { rate: cpu });
const events = [];
cdp.on("Tracing.dataCollected", ({ value }) => events.push(...value));
const done = new Promise((resolve) => cdp.once("Tracing.tracingComplete", resolve));
await cdp.send("Tracing.start", {
  categories: ["devtools.timeline", "v8", "v8.wasm", "disabled-by-default-devtools.timeline", "blink.user_timing", "loading"].join(","),
  transferMode: "ReportEvents",
});
await page.goto(`http://127.0.0.1:${server.address().port}/`);
if (!cold) await page.evaluate(() => FeedbackWidget.ready);
await page.waitForTimeout(1000);
for (let n = 0; n < opens; n++) {
  if (n > 0) {
    await page.keyboard.press("Escape");
    await page.locator("feedback-widget dialog[open]").waitFor({ state: "detached" }).catch(() => {});
    await page.waitForTimeout(1000);
  }
  await page.evaluate(() => performance.mark("trace:click"));
  await page.locator("feedback-widget .fw-trigger").click();
  await page.locator("feedback-widget dialog[open] #fw-subject").waitFor();
  await page.waitForTimeout(500);
}
await cdp.send("Tracing.end");
await done;
await browser.close();
server.close();
if (arg("out")) writeFileSync(arg("out"), JSON.stringify({ traceEvents: events }));

// The renderer's main thread, and its top-level tasks.
const main = events.find((e) => e.name == "thread_name" && e.args?.name == "CrRendererMain");
const onMain = events.filter((e) => e.pid == main.pid && e.tid == main.tid && e.ph == "X" && e.dur);
const tasks = onMain.filter((e) => e.name == "RunTask" || e.name == "ThreadControllerImpl::RunTask");
const origin = Math.min(...onMain.map((e) => e.ts));
const click = events.filter((e) => e.name == "trace:click").pop();
console.log(`CPU ${cpu}×, ${cold ? "cold" : "warm"}; ${tasks.length} tasks; times in ms from the first main-thread event`);
for (const task of tasks.filter((t) => t.dur >= 10000)) {
  const inside = onMain.filter((e) => e !== task && e.ts >= task.ts && e.ts + e.dur <= task.ts + task.dur);
  // Self time by event name: each event's duration less its children's.
  const self = new Map();
  for (const event of inside) {
    const children = inside.filter((c) => c !== event && c.ts >= event.ts && c.ts + c.dur <= event.ts + event.dur);
    const direct = children.filter((c) => !children.some((p) => p !== c && c.ts >= p.ts && c.ts + c.dur <= p.ts + p.dur));
    const own = event.dur - direct.reduce((sum, c) => sum + c.dur, 0);
    const key = event.name + (event.args?.data?.url ? ` ${event.args.data.url.split("/").pop()}` : "");
    self.set(key, (self.get(key) || 0) + own);
  }
  const top = [...self].sort((a, b) => b[1] - a[1]).slice(0, 8);
  const when = click && task.ts >= click.ts ? "after the click" : "before the click";
  console.log(`\n${((task.ts - origin) / 1000).toFixed(0)} ms: task of ${(task.dur / 1000).toFixed(1)} ms, ${when}`);
  for (const [name, us] of top) console.log(`  ${(us / 1000).toFixed(1).padStart(7)} ms  ${name}`);
}
const measures = events.filter((e) => e.cat?.includes("blink.user_timing") && e.name.startsWith("feedback-widget:") && e.ph == "b");
for (const m of measures) {
  const end = events.find((e) => e.name == m.name && e.ph == "e" && e.id == m.id);
  if (end) console.log(`measure ${m.name}: ${((end.ts - m.ts) / 1000).toFixed(1)} ms`);
}

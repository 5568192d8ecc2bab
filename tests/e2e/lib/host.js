// Host pages made up for a test, served on the sandbox's own origin through request routing,
// so that they load the real built widget from the sandbox.
import { BUILDS, VERSION, globalOf } from "../../../scripts/builds.mjs";

/** The widget's version, which names its folder. */
export { VERSION };
const [MAIN, WITH_HELPDESKS] = BUILDS;
/** The loader's address on the sandbox. */
export const LOADER = `/feedback-widget/${VERSION}/${MAIN.loader}`;
/** The address of the loader of the build with the other help desks. */
export const HELPDESKS = `/feedback-widget/${VERSION}/${WITH_HELPDESKS.loader}`;
/** The name of the glue's global in the page, for feedback-widget.js. */
export const GLUE = globalOf(MAIN, VERSION);
/** The same for feedback-widget-helpdesks.js. */
export const HELPDESKS_GLUE = globalOf(WITH_HELPDESKS, VERSION);

/** A page with `head` and `body` HTML around the widget's script tag, `loader` with `attributes`,
 * loaded the way README's snippet loads it (`async`) unless `how` says otherwise ("defer", or ""
 * for a plain script), at the end of the body, or at the end of the head with `inHead`. */
export function hostPage({ attributes = "", head = "", body = "", loader = LOADER, how = "async", inHead = false }) {
  const tag = `<script src="${loader}" ${how} ${attributes}></script>`;
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Host</title>${head}${inHead ? tag : ""}</head>
<body><h1>Host page</h1>${body}
${inHead ? "" : tag}
</body></html>`;
}

/** Serves `html` at `path` on the sandbox's origin and opens it. */
export async function openHost(page, sandboxUrl, html, path = "/host.html") {
  await page.route(`${sandboxUrl}${path}`, (route) =>
    route.fulfill({ contentType: "text/html", body: html }),
  );
  await page.goto(`${sandboxUrl}${path}`);
}

/** The file names of the widget's glue and wasm (either build's, under any name a bundler gives
 * them: `feedback_widget-1a2b3c.js`) in the order the page requests them, from now on. */
export function widgetRequests(page) {
  const seen = [];
  page.on("request", (request) => {
    const name = new URL(request.url()).pathname.split("/").pop();
    if (/^feedback_widget\w*?(_bg|\.glue)?(-[\w-]+)?\.(wasm|m?js)$/.test(name)) seen.push(name);
  });
  return seen;
}

/** Resolves once the page has loaded and the browser has been idle twice since: by then the
 * loader's own idle callback, asked for at load, has run. */
export const afterIdle = (page) =>
  page.evaluate(async () => {
    if (document.readyState != "complete") await new Promise((done) => addEventListener("load", done));
    for (let n = 0; n < 2; n++) await new Promise((done) => requestIdleCallback(done));
  });

/* feedback-widget.mjs: the npm package's ES module, for apps built with a bundler.
 *
 *   import { init } from "feedback-widget";
 *   const widget = init({ apiBase: "/api", channel: "feedback", token: "…" });
 *
 * init() takes the script tag's data-* attributes as one object with camelCase keys (labels as an
 * object) and does what the script tag does, with the same loader body (www/loader.js): the
 * button at once, the glue and wasm only at intent or idle, the glue checked against its
 * integrity hash and the wasm against the glue's. It returns the same API object as
 * window.FeedbackWidget. Importing the module does nothing by itself.
 *
 * The stylesheet, glue and wasm are found beside this file, through `new URL("./…",
 * import.meta.url)` with literal names, which bundlers (Vite, webpack, Parcel, Rollup with its
 * URL plugin) recognise: they copy each file into the app's output, under a name of their own. So
 * the glue is given the wasm's address rather than looking beside itself.
 *
 * The build (scripts/finish-build.mjs) fills in the placeholders of www/loader.js and __FILES__
 * here once for each build of the widget. */
import { embed } from "./loader.js";

/** Shows the widget that `options` configure (the data-* attributes by their dataset names:
 * apiBase, channel, toolKey, locale, keepQuery, position, openSelector, theme, labels, preload,
 * backend, ticketId, …) and returns its API object. `token` goes to setToken() and `nonce` to the
 * glue's script tag; neither is ever written into the DOM. */
export function init({ token, nonce, ...options } = {}) {
  // The glue's mount() reads its options from a script element's data-* attributes, as the
  // loader's own tag gives them: here an element that is never put into the page.
  const script = document.createElement("script");
  for (const [key, value] of Object.entries(options)) {
    if (value != null) script.dataset[key] = typeof value == "object" ? JSON.stringify(value) : value;
  }
  if (nonce) script.nonce = nonce;
  const known = window.FeedbackWidget?.all?.slice();
  embed(
    script,
    new URL("./feedback-widget.css", import.meta.url),
    new URL("./__FILES__.js", import.meta.url),
    new URL("./__FILES___bg.wasm", import.meta.url),
  );
  // A second init() for the same API base and channel gets the first one's widget, as a second
  // script tag does, and changes nothing of it.
  const key = script.dataset.apiBase + script.dataset.channel;
  const api = FeedbackWidget.all.find((widget) => widget.key == key);
  if (token !== undefined && !known?.includes(api)) api.setToken(token);
  return api;
}

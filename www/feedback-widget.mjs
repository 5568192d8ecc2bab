/* feedback-widget.mjs: the npm package's ES module, for apps built with a bundler.
 *
 *   import { init } from "feedback-widget";
 *   const widget = init({ apiBase: "/api", channel: "feedback", token: "…" });
 *
 * init() takes the script tag's data-* attributes as one object with camelCase keys (labels as an
 * object) and does what the script tag does, with the same loader body (www/loader.js): the
 * button at once, the glue and wasm only at intent or idle. It returns the same API object as
 * window.FeedbackWidget. Importing the module does nothing by itself.
 *
 * The glue is an ES module of its own (__FILES__.glue.mjs), imported when the widget loads: a
 * bundler takes it in as one of the app's chunks, so the app's build vouches for it as for its
 * own code, and under a nonce policy it inherits the importing script's nonce. The glue checks
 * the wasm against its hash. The stylesheet here and the wasm in the glue are found through
 * `new URL("./…", import.meta.url)` with literal names, which bundlers (Vite, webpack, Parcel,
 * Rollup with its URL plugin) recognise: they copy each file into the app's output, under a name
 * of their own.
 *
 * The build (scripts/finish-build.mjs) fills in the placeholders of www/loader.js and __FILES__
 * here once for each build of the widget. */
import { embed } from "./loader.js";

/** Shows the widget that `options` configure (the data-* attributes by their dataset names:
 * apiBase, channel, toolKey, locale, keepQuery, position, openSelector, theme, labels, preload,
 * backend, ticketId, …) and returns its API object. `token` goes to setToken(), and is never
 * written into the DOM. */
export function init({ token, ...options } = {}) {
  // The glue's mount() reads its options from a script element's data-* attributes, as the
  // loader's own tag gives them: here an element that is never put into the page.
  const script = document.createElement("script");
  for (const [key, value] of Object.entries(options)) {
    if (value != null) script.dataset[key] = typeof value == "object" ? JSON.stringify(value) : value;
  }
  const known = window.FeedbackWidget?.all?.slice();
  // The glue as an ES module: a bundler takes it into the app as one of its own chunks, loaded
  // only when the widget loads. It defines the same global as the classic glue.
  embed(script, new URL("./feedback-widget.css", import.meta.url), () => import("./__FILES__.glue.mjs"));
  // A second init() for the same API base and channel gets the first one's widget, as a second
  // script tag does, and changes nothing of it.
  const key = script.dataset.apiBase + script.dataset.channel;
  const api = FeedbackWidget.all.find((widget) => widget.key == key);
  if (token !== undefined && !known?.includes(api)) api.setToken(token);
  return api;
}

/* The loader's body, shared by the script tag's loader (feedback-widget.js, an IIFE) and the npm
 * package's ES module (feedback-widget.mjs, whose init() takes an options object): esbuild
 * bundles it into both (scripts/finish-build.mjs).
 *
 * It shows the Feedback button at once, styled by feedback-widget.css, and defines
 * window.FeedbackWidget, queueing calls. The widget itself (glue and wasm, each checked against
 * its integrity hash, the wasm compiled off the main thread) loads only when the reader shows
 * intent (hover, focus, touch, click) or when the browser is idle after the page has loaded (not
 * at idle with data-preload="intent", or when the reader's browser asks to save data). A click
 * before then opens the form once it is ready; the widget takes this button over.
 *
 * The build (scripts/finish-build.mjs) fills in __GLUE__ (the glue's global), __GLUE_SRI__ (its
 * sha256 integrity) and __FILES__ (the glue's name) once for each build of the widget, then
 * minifies it. Each filled copy of the classic loader must stay within 1 KB brotli: every byte
 * here is one the host page pays for on every load. Script is checked (the glue, which checks the
 * wasm); the stylesheet is not, to keep within that budget: it can restyle the widget, not run
 * code. */

/** Shows the widget that `script`'s data-* attributes configure, once per API base and channel: a
 * second call for a configuration the page has already does nothing. The stylesheet is `css`, by
 * default beside `script`. The glue is, in the classic loader, the script at `glue` (beside
 * `script`), checked against its hash and given `script`'s nonce; in the ES module (the build
 * defines MODULE), what the function `glue` imports. Either glue's start() fetches the wasm from
 * beside itself, checked against the wasm's hash. `script` goes to the glue's mount(), which
 * reads the same attributes. */
export function embed(
  script,
  css = new URL("feedback-widget.css", script.src),
  glue = new URL("__FILES__.js", script.src)
) {
  const doc = document;
  const data = script.dataset;
  const key = data.apiBase + data.channel;
  const first = window.FeedbackWidget;
  let queue = [];
  let handle, loading, settle;
  if (first?.all?.some((other) => other.key == key)) return;

  // The API queues calls until the widget is mounted. The first widget is window.FeedbackWidget,
  // taking over the calls a host stub queued in its `q`; every widget is in FeedbackWidget.all.
  const api = { key, ready: new Promise((resolve) => (settle = resolve)) };
  api.ready.catch(Object);
  for (const name of "open close setToken setToolKey setLocale setLabels setBackend setTicket on off".split(" ")) {
    api[name] = (...args) => {
      if (handle) return handle[name](...args);
      queue.push([name, args]);
      if (name == "open") load();
    };
  }
  if (first?.all) first.all.push(api);
  else {
    queue = first?.q || queue;
    api.all = [api];
    window.FeedbackWidget = api;
  }

  const element = (tag, properties) => Object.assign(doc.createElement(tag), properties);

  // The widget's own element with the button, hidden until its styles are in (they show a hidden
  // .fw-root, the browser's own style doesn't). Without an API base
  // and a channel (or a backend to reply through) the widget only reports what is missing, once
  // loaded: no button.
  const host = element("feedback-widget");
  const wrap = element("div", { className: "fw-root", hidden: true });
  wrap.dataset.theme = data.theme;
  host.attachShadow({ mode: "open" }).append(
    element("link", { rel: "stylesheet", href: css }),
    wrap
  );
  if (data.position != "none" && data.apiBase && (data.channel || data.backend)) {
    const button = element("button", {
      className: "fw-trigger fw-trigger--" + data.position,
      popover: "manual",
      ariaHasPopup: "dialog",
      ariaExpanded: "false",
      onclick: api.open,
      // Pointer events cover touch as well.
      onpointerenter: load,
      onfocus: load,
    });
    try {
      // Without labels, JSON.parse reads "0" rather than throwing: a first exception costs a slow
      // phone milliseconds.
      button.textContent = JSON.parse(data.labels || 0).trigger;
    } catch {}
    button.textContent ||= "Feedback";
    wrap.append(button);
  }

  // In the page once it has a body, and back in it when a single-page app re-renders the body.
  // The first placing waits for a task of its own: showing the popover styles the page, which is
  // then not added to the page's own task that runs this script.
  const place = () => {
    if (!host.isConnected && doc.body) {
      doc.body.append(host);
      wrap.firstChild?.showPopover?.();
      handle?.placedAgain();
    }
  };
  new MutationObserver(place).observe(doc.documentElement, { childList: true, subtree: true });
  setTimeout(place);

  // Clicks on the host's own openers, before the widget takes them over.
  doc.addEventListener(
    "click",
    (event) => {
      try {
        if (!handle && event.target.closest(data.openSelector)) {
          event.preventDefault();
          api.open();
        }
      } catch {}
    },
    true
  );

  // The widget itself, once: the glue, whose start() fetches the wasm beside it against the
  // wasm's hash, both shared by the page's widgets of this version, then mounting into the
  // element, which resolves to the widget's handle in a later task. (The build leaves only one
  // of the two ways to the glue in each form.) `ready` takes on the outcome, failure included;
  // settling returns nothing, so `loading` is true from then on.
  function load() {
    loading ||= !settle((FeedbackWidget["__GLUE__"] ||= MODULE
      ? glue().then(() => __GLUE__.start())
      : new Promise((resolve, reject) =>
          doc.head.append(
            element("script", {
              src: glue,
              integrity: "__GLUE_SRI__",
              crossOrigin: "",
              // A page with a nonce policy gives the loader's tag its nonce; the glue gets the same.
              nonce: script.nonce,
              onerror: reject,
              // start()'s promise, which the loader's then settles with.
              onload: () => resolve(__GLUE__.start()),
            })
          )
        ))
      .then(() => __GLUE__.mount(script, host))
      .then((mounted) => {
        handle = mounted;
        for (const [name, args] of queue) handle[name](...args);
        return api;
      }));
  }

  // Otherwise when open() was queued, or when the page has loaded and the browser is idle:
  // unless the site asked for intent only (data-preload="intent"), or the reader saves data.
  queue.some(([name]) => name == "open") && load();
  const net = navigator.connection;
  const idle = () => (self.requestIdleCallback || setTimeout)(load, { timeout: 1e4 });
  data.preload == "intent" || net?.saveData || /2g/.test(net?.effectiveType) ||
    (doc.readyState == "complete" ? idle() : addEventListener("load", idle));
}

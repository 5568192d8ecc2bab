/* feedback-widget.js: the one script a host page includes. It defines window.FeedbackWidget at
 * once, queues calls until the widget is ready, and loads the widget's glue and wasm from beside
 * itself, handing them this script tag, whose data-* attributes configure it. */
(function () {
  "use strict";
  var script = document.currentScript;
  if (!script) return;
  var data = script.dataset;
  var base = new URL(".", script.src).href;
  var key = (data.apiBase || "") + "|" + (data.channel || "");
  var existing = window.FeedbackWidget;
  var widgets = (existing && existing.all) || [];
  for (var i = 0; i < widgets.length; i++) {
    if (widgets[i].key === key) {
      console.warn("feedback-widget: included twice for " + key + "; the second is ignored");
      return;
    }
  }

  var queue = [], handlers = {}, handle, settle;
  var api = { key: key, channel: data.channel };
  api.ready = new Promise(function (resolve, reject) {
    settle = { resolve: resolve, reject: reject };
  });
  api.ready["catch"](function () {});
  ["open", "close", "setToken", "setToolKey", "setLocale", "setLabels"].forEach(function (name) {
    api[name] = function () {
      if (handle) return handle[name].apply(handle, arguments);
      queue.push([name, arguments]);
    };
  });
  api.on = function (name, fn) {
    (handlers[name] = handlers[name] || []).push(fn);
  };
  api.off = function (name, fn) {
    handlers[name] = (handlers[name] || []).filter(function (f) { return f !== fn; });
  };

  // The first widget is window.FeedbackWidget; calls a host stub queued there ({q: [[name,
  // args], ...]}) are replayed on it. Every widget is in FeedbackWidget.all.
  if (existing && existing.all) {
    existing.all.push(api);
  } else {
    if (existing && existing.q) queue = existing.q.slice();
    api.all = [api];
    window.FeedbackWidget = api;
  }

  function emit(name, detail) {
    detail.channel = data.channel;
    window.dispatchEvent(new CustomEvent("feedback:" + name, { detail: detail }));
    (handlers[name] || []).slice().forEach(function (fn) {
      try { fn(detail); } catch (error) { console.error(error); }
    });
  }

  function fail(error) {
    var message = "could not start: " + (error && error.message ? error.message : error);
    console.error("feedback-widget: " + message);
    emit("error", { code: "load", message: message });
    settle.reject(new Error(message));
  }

  function start() {
    import(base + "feedback_widget.js")
      .then(function (glue) {
        return glue.default({ module_or_path: base + "feedback_widget_bg.wasm" }).then(function () {
          handle = glue.mount(script, emit);
          if (!handle) return settle.reject(new Error("feedback-widget: not configured"));
          queue.forEach(function (call) { api[call[0]].apply(api, call[1]); });
          queue = [];
          settle.resolve(api);
        });
      })
      ["catch"](fail);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();

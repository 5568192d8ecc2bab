/* feedback-widget.js: the one script a host page includes. It loads the widget's glue and wasm
 * from beside itself and hands them this script tag, whose data-* attributes configure it. */
(function () {
  "use strict";
  var script = document.currentScript;
  if (!script) return;
  var base = new URL(".", script.src).href;

  function fail(error) {
    var message = "could not start: " + (error && error.message ? error.message : error);
    console.error("feedback-widget: " + message);
    window.dispatchEvent(
      new CustomEvent("feedback:error", { detail: { code: "load", message: message } })
    );
  }

  function start() {
    import(base + "feedback_widget.js")
      .then(function (glue) {
        return glue
          .default({ module_or_path: base + "feedback_widget_bg.wasm" })
          .then(function () {
            glue.mount(script);
          });
      })
      .catch(fail);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();

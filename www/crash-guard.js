/* crash-guard.js: what a crashed widget leaves behind, drawn from JavaScript.
 *
 * The release wasm is built with panics that abort at once (-Cpanic=immediate-abort): a panic,
 * like running out of memory, is a trap (`WebAssembly.RuntimeError`) and no Rust code runs after
 * it. scripts/finish-build.mjs puts this function into the wasm-bindgen glue, where the glue
 * takes the module's exports: `wasm = (this function)(instance.exports)`. Every export then goes
 * through a guard. On the first trap the guard, for each widget this module mounted:
 * - logs the error and sends `feedback:error` (code `crash`) to the window and to the widget's
 *   `on("error")` handlers;
 * - replaces the widget with a panel that says so and shows what the user wrote (the drafts the
 *   widget saved in localStorage as they typed), to copy.
 * The trapping call still throws, as any trap does. Later calls into the dead module do nothing
 * and return undefined, so that the page's own scripts and the widget's leftover listeners go on
 * without errors.
 *
 * The widget's element holds, as `feedbackWidget`, what this needs of it (src/embed/record.rs):
 * the module's memory (to tell this module's widgets from another build's), the channel, the
 * handlers, the drafts' key prefix and the panel's two texts in the widget's language. */
(exports) => {
  let dead;
  const crashed = (error) => {
    for (const host of document.querySelectorAll("feedback-widget")) {
      const widget = host.feedbackWidget;
      if (!widget || widget.memory !== exports.memory || !host.shadowRoot) continue;
      const message = "the widget stopped working: " + error;
      console.error("feedback-widget: " + message);
      const detail = { channel: widget.channel, code: "crash", message };
      dispatchEvent(new CustomEvent("feedback:error", { detail }));
      for (const [name, handler] of widget.handlers) {
        try {
          if (name == "error") handler(detail);
        } catch (thrown) {
          console.error(thrown);
        }
      }
      // The loader's stylesheet link stays; a shadow root's adopted sheets stay by themselves.
      const root = host.shadowRoot;
      root.replaceChildren(...root.querySelectorAll("link[rel=stylesheet]"), panel(widget));
    }
  };
  const saved = (prefix) => {
    const texts = [];
    try {
      for (let index = 0; index < localStorage.length; index++) {
        const key = localStorage.key(index);
        if (!key.startsWith(prefix)) continue;
        try {
          const draft = JSON.parse(localStorage.getItem(key));
          texts.push(`${draft.subject || ""}\n\n${draft.message || ""}`.trim());
        } catch {}
      }
    } catch {}
    return texts.filter(Boolean).join("\n\n---\n\n");
  };
  const panel = (widget) => {
    const element = (tag, properties) => Object.assign(document.createElement(tag), properties);
    const root = element("div", { className: "fw-root fw-crash" });
    root.setAttribute("role", "alert");
    root.append(element("p", { textContent: widget.crashed }));
    const text = saved(widget.draftPrefix);
    if (text) {
      const label = element("label", { className: "fw-crash__label", textContent: widget.crashedText });
      label.append(
        element("textarea", { readOnly: true, value: text, className: "fw-field__control fw-field__control--multiline" })
      );
      root.append(label);
    }
    return root;
  };
  const guarded = {};
  for (const [name, value] of Object.entries(exports)) {
    guarded[name] =
      typeof value != "function"
        ? value
        : (...args) => {
            if (dead) return;
            try {
              return value(...args);
            } catch (error) {
              if (error instanceof WebAssembly.RuntimeError) {
                dead = error;
                crashed(error);
              }
              throw error;
            }
          };
  }
  return guarded;
};

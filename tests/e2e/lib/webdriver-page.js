// Scripts that run inside the page for lib/webdriver.js. They are sent as source text, so they
// use nothing from outside themselves.

/** Finds the elements of a locator's steps, as Playwright's selectors do: CSS looks into open
 * shadow roots; role and label match the accessible name (a substring, ignoring case, unless
 * exact); text matches the smallest elements holding it. Returns `{ element, visible }`s. */
function resolve(steps) {
  const normal = (text) => (text || "").replace(/\s+/g, " ").trim();
  const matches = (wanted, text) => {
    if (wanted.regex !== undefined) return new RegExp(wanted.regex, wanted.flags).test(normal(text));
    return wanted.exact ? normal(text) === normal(wanted.text) : normal(text).toLowerCase().includes(normal(wanted.text).toLowerCase());
  };
  const visible = (element) => {
    if (!element.isConnected) return false;
    if (element.checkVisibility && !element.checkVisibility({ visibilityProperty: true })) return false;
    const box = element.getBoundingClientRect();
    return box.width > 0 && box.height > 0 && getComputedStyle(element).visibility !== "hidden";
  };
  // Every element under a scope, in the light tree and in the open shadow roots below it.
  const deep = (scope, css) => {
    const found = [];
    const visit = (root) => {
      if (root.querySelectorAll) for (const element of root.querySelectorAll(css)) found.push(element);
      for (const element of root.querySelectorAll("*")) if (element.shadowRoot) visit(element.shadowRoot);
    };
    if (scope.shadowRoot) visit(scope.shadowRoot);
    visit(scope);
    return found;
  };
  // Descendant combinators cross shadow roots too, as in Playwright: "feedback-widget .fw-trigger"
  // is a .fw-trigger anywhere inside the element, its shadow root included. So a selector is
  // split at its top-level spaces and each part looked for inside what the one before found.
  const parts = (css) => {
    const out = [];
    let depth = 0;
    let current = "";
    for (let n = 0; n < css.length; n++) {
      const char = css[n];
      if ("([".includes(char)) depth++;
      if (")]".includes(char)) depth--;
      if (char === "," && depth === 0) return [css];
      const joins = /[>+~]\s*$/.test(current) || /^\s*[>+~]/.test(css.slice(n));
      if (/\s/.test(char) && depth === 0 && !joins && current.trim()) {
        out.push(current.trim());
        current = "";
      } else current += char;
    }
    if (current.trim()) out.push(current.trim());
    return out;
  };
  const deepCss = (scope, css) => {
    let found = [scope];
    for (const part of parts(css)) found = [...new Set(found.flatMap((element) => deep(element, part)))];
    return found;
  };
  const byId = (element, id) => element.getRootNode().getElementById?.(id) ?? document.getElementById(id);
  const implicit = (element) => {
    const tag = element.localName;
    const type = (element.getAttribute("type") || "").toLowerCase();
    if (tag === "button" || (tag === "input" && ["button", "submit", "reset", "image"].includes(type))) return "button";
    if (tag === "input" && type === "radio") return "radio";
    if (tag === "input" && type === "checkbox") return "checkbox";
    if (tag === "input" && !["hidden", "file", "range", "color"].includes(type)) return "textbox";
    if (tag === "textarea") return "textbox";
    if (tag === "select") return element.multiple ? "listbox" : "combobox";
    if (tag === "dialog") return "dialog";
    if (tag === "a" && element.hasAttribute("href")) return "link";
    if (/^h[1-6]$/.test(tag)) return "heading";
    if (tag === "fieldset") return "group";
    if (tag === "ul" || tag === "ol") return "list";
    if (tag === "li") return "listitem";
    if (tag === "output") return "status";
    if (tag === "form") return "form";
    return null;
  };
  const roleOf = (element) => (element.getAttribute("role") || "").trim().split(/\s+/)[0] || implicit(element);
  const hiddenText = (element) => element.getAttribute("aria-hidden") === "true";
  const textOf = (element) => {
    if (element.nodeType === Node.TEXT_NODE) return element.textContent;
    if (element.nodeType !== Node.ELEMENT_NODE || hiddenText(element)) return "";
    if (element.hasAttribute("aria-label")) return element.getAttribute("aria-label");
    return [...element.childNodes].map(textOf).join("");
  };
  const labelOf = (element) => {
    const ids = element.getAttribute("aria-labelledby");
    if (ids) return ids.split(/\s+/).map((id) => byId(element, id)).filter(Boolean).map(textOf).join(" ");
    if (element.hasAttribute("aria-label")) return element.getAttribute("aria-label");
    if (element.labels && element.labels.length) return [...element.labels].map(textOf).join(" ");
    return null;
  };
  const nameOf = (element) => {
    const label = labelOf(element);
    if (label !== null) return label;
    if (["button", "link", "radio", "checkbox", "heading", "listitem"].includes(roleOf(element)) || element.localName === "option") {
      return element.localName === "input" ? element.value : textOf(element);
    }
    return element.getAttribute("title") || "";
  };

  let scopes = [document];
  for (const step of steps) {
    let next = [];
    for (const scope of scopes) {
      const root = scope === document ? document.documentElement : scope;
      if (step.css !== undefined) {
        next.push(...deepCss(scope, step.css));
      } else if (step.role !== undefined) {
        next.push(...deep(root, "*").filter((element) =>
          roleOf(element) === step.role && visible(element) && (step.name === undefined || matches(step.name, nameOf(element)))));
      } else if (step.label !== undefined) {
        next.push(...deep(root, "input, textarea, select, button, [role], [aria-label], [aria-labelledby]").filter((element) => {
          const label = labelOf(element);
          return label !== null && matches(step.label, label);
        }));
      } else if (step.textMatch !== undefined) {
        const holds = (element) =>
          !["script", "style", "template", "head"].includes(element.localName) && matches(step.textMatch, element.textContent);
        // As in Playwright, the scope itself may be what holds the text.
        const candidates = scope === document ? deep(root, "*") : [scope, ...deep(scope, "*")];
        next.push(...candidates.filter((element) => holds(element) && ![...element.children].some(holds)));
      } else if (step.nth !== undefined) {
        const all = [...new Set(scopes)];
        const picked = all.at(step.nth);
        next = picked ? [picked] : [];
        break;
      }
    }
    if (step.nth === undefined) next = [...new Set(next)];
    scopes = next;
  }
  return scopes.filter((scope) => scope !== document).map((element) => ({ element, visible: visible(element) }));
}

/** Keeps the page's script errors and unhandled rejections in `window.__fwErrors`. */
function watchErrors() {
  if (window.__fwErrors) return;
  window.__fwErrors = [];
  addEventListener("error", (event) => window.__fwErrors.push(event.message || String(event.error)));
  addEventListener("unhandledrejection", (event) => window.__fwErrors.push(String(event.reason?.message ?? event.reason)));
}

export const RESOLVE = resolve.toString();
export const WATCH_ERRORS = watchErrors.toString();

//! The modal dialog around the form: a native `<dialog>`, so the browser gives it the top layer,
//! an inert page behind it and Escape to close. On top of that it keeps Tab inside, keeps the page
//! behind from scrolling, and holds the live region that announces what happens.

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};

use super::context::{effect, widget_context};

/// What can take focus inside `root`, in tab order as far as the DOM order goes: only one radio
/// of a group counts, and only what is shown.
fn tab_stops(root: &Element) -> Vec<HtmlElement> {
    let Ok(list) = root.query_selector_all(
        "button:not([disabled]), input:not([disabled]), select:not([disabled]), \
         textarea:not([disabled]), [href], [tabindex]:not([tabindex='-1'])",
    ) else {
        return Vec::new();
    };
    (0..list.length())
        .filter_map(|index| list.item(index)?.dyn_into::<HtmlElement>().ok())
        .filter(|element| element.get_client_rects().length() > 0)
        .filter(|element| {
            // Tab stops at the checked radio of a group, or at its first when none is checked.
            let Some(radio) = element.dyn_ref::<web_sys::HtmlInputElement>() else {
                return true;
            };
            if radio.type_() != "radio" || radio.checked() {
                return true;
            }
            let group = format!("input[type=radio][name=\"{}\"]", radio.name());
            let checked = root
                .query_selector(&format!("{group}:checked"))
                .ok()
                .flatten();
            let first = root.query_selector(&group).ok().flatten();
            checked.is_none() && first.is_some_and(|first| first == ***radio)
        })
        .collect()
}

/// Moves focus from the last tab stop to the first (Tab) or from the first to the last
/// (Shift+Tab), so that it never leaves the dialog.
fn keep_focus_inside(event: &web_sys::KeyboardEvent, dialog: &Element) {
    if event.key() != "Tab" {
        return;
    }
    let stops = tab_stops(dialog);
    let (Some(first), Some(last)) = (stops.first(), stops.last()) else {
        return;
    };
    let active = dialog
        .get_root_node()
        .dyn_ref::<web_sys::ShadowRoot>()
        .and_then(|root| root.active_element());
    let at = |element: &HtmlElement| active.as_ref().is_some_and(|active| active == &**element);
    let inside = active
        .as_ref()
        .is_some_and(|active| dialog.contains(Some(active)));
    let target = match (event.shift_key(), inside) {
        (false, true) if at(last) => first,
        (true, true) if at(first) => last,
        (false, false) => first,
        (true, false) => last,
        _ => return,
    };
    event.prevent_default();
    let _ = target.focus();
}

/// The overflow properties the scroll lock sets; the page's own values are kept longhand by
/// longhand, since a page may set only one of them.
const OVERFLOW: [&str; 2] = ["overflow-x", "overflow-y"];

/// An element's own inline overflow values and priorities, and whether it had a `style`
/// attribute at all.
#[derive(Clone, Default)]
struct InlineOverflow {
    values: [(String, String); 2],
    had_style: bool,
}

/// The page's own overflow on `<html>` and `<body>`, kept while the dialog is open so that it can
/// be put back exactly as it was.
#[derive(Clone, Default)]
struct PageOverflow {
    html: InlineOverflow,
    body: InlineOverflow,
}

fn page_parts() -> Option<(HtmlElement, HtmlElement)> {
    let document = web_sys::window()?.document()?;
    let html = document
        .document_element()?
        .dyn_into::<HtmlElement>()
        .ok()?;
    Some((html, document.body()?))
}

fn inline_overflow(element: &HtmlElement) -> InlineOverflow {
    let style = element.style();
    InlineOverflow {
        values: OVERFLOW.map(|name| {
            (
                style.get_property_value(name).unwrap_or_default(),
                style.get_property_priority(name),
            )
        }),
        had_style: element.has_attribute("style"),
    }
}

fn set_overflow(element: &HtmlElement, saved: &InlineOverflow) {
    let style = element.style();
    for (name, (value, priority)) in OVERFLOW.iter().zip(&saved.values) {
        let _ = match value.is_empty() {
            true => style.remove_property(name).map(drop),
            false => style.set_property_with_priority(name, value, priority),
        };
    }
    // Setting a property adds a style attribute; one that was not there goes again. Chromium
    // writes CSSOM changes into the attribute lazily, when it is next read: reading it first
    // keeps that late write from bringing back an empty attribute after the removal.
    if !saved.had_style && style.css_text().is_empty() {
        let _ = element.get_attribute("style");
        let _ = element.remove_attribute("style");
    }
}

/// Stops the page behind from scrolling, returning what to put back.
fn lock_page_scroll() -> Option<PageOverflow> {
    let (html, body) = page_parts()?;
    let saved = PageOverflow {
        html: inline_overflow(&html),
        body: inline_overflow(&body),
    };
    let hidden = ("hidden".to_owned(), "important".to_owned());
    let locked = InlineOverflow {
        values: [hidden.clone(), hidden],
        had_style: true,
    };
    set_overflow(&html, &locked);
    set_overflow(&body, &locked);
    Some(saved)
}

fn unlock_page_scroll(saved: &PageOverflow) {
    if let Some((html, body)) = page_parts() {
        set_overflow(&html, &saved.html);
        set_overflow(&body, &saved.body);
    }
}

/// A modal dialog, open while `open` is true. Closing only hides it: what the user typed stays.
/// Its content is built after mounting, in the first idle slice, or when it first opens.
#[component]
pub fn Dialog(
    /// Whether the dialog is shown; Escape and the close button set it to false.
    open: RwSignal<bool>,
    /// The heading, which is also the dialog's accessible name.
    #[prop(into)]
    title: Signal<String>,
    children: Children,
) -> impl IntoView {
    let context = widget_context();
    let texts = context.texts;
    let announcement = context.announcement;
    let placed = context.placed;
    let dialog = NodeRef::<leptos::html::Dialog>::new();
    let page = StoredValue::new_local(None::<PageOverflow>);
    effect(move || {
        let Some(element) = dialog.get() else {
            return;
        };
        placed.track();
        // Taken out of the page and put back, an open dialog is no longer modal: show it again.
        if open.get_untracked() && element.open() && !element.matches(":modal").unwrap_or(true) {
            element.close();
        }
        match (open.get(), element.open()) {
            (true, false) => {
                if let Err(error) = element.show_modal() {
                    web_sys::console::error_2(&"feedback-widget: cannot open".into(), &error);
                    return;
                }
                if page.with_value(Option::is_none) {
                    page.set_value(lock_page_scroll());
                }
            }
            (false, true) => element.close(),
            _ => {}
        }
        if !open.get() {
            if let Some(saved) = page.try_update_value(Option::take).flatten() {
                unlock_page_scroll(&saved);
            }
        }
    });
    on_cleanup(move || {
        if let Some(saved) = page.try_update_value(Option::take).flatten() {
            unlock_page_scroll(&saved);
        }
    });
    // What the dialog holds is built after the widget mounts, while the page is idle, or when it
    // first opens, whichever comes first (see stages.rs). `wanted` turns true once and stays so,
    // so the content is built once.
    let built = context.stage.reached(1);
    let wanted = Memo::new(move |was: Option<&bool>| {
        was.copied().unwrap_or(false) || open.get() || built.get()
    });
    let mut children = Some(children);
    let content = move || {
        wanted
            .get()
            .then(|| children.take().map(|children| children()))
    };
    view! {
        <dialog
            node_ref=dialog
            id="fw-dialog"
            class="fw-dialog"
            part="dialog"
            aria-labelledby="fw-title"
            on:keydown=move |event| {
                if let Some(element) = dialog.get() {
                    keep_focus_inside(&event, &element);
                }
            }
            on:close=move |_| {
                // A close event can arrive after the dialog was opened again (close() then
                // open() in one go); only a dialog that is really closed counts.
                if dialog.get().is_some_and(|element| !element.open()) {
                    open.set(false);
                }
            }
        >
            <div class="fw-dialog__header">
                <h2 id="fw-title" class="fw-dialog__title" part="title">
                    {move || title.get()}
                </h2>
                <button
                    type="button"
                    class="fw-dialog__close"
                    part="close"
                    aria-label=texts.close
                    on:click=move |_| open.set(false)
                >
                    <svg viewBox="0 0 24 24" aria-hidden="true">
                        <path d="M6 6l12 12M18 6L6 18" />
                    </svg>
                </button>
            </div>
            {content}
            <div class="fw-sr" role="status" aria-live="polite" aria-atomic="true">
                {move || announcement.get()}
            </div>
        </dialog>
    }
}

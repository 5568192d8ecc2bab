//! The modal dialog around the form: a native `<dialog>`, so the browser gives it the top layer,
//! an inert page behind it and Escape to close. On top of that it keeps Tab inside (the focus
//! trap, `hooks/focus_trap.rs`), keeps the page behind from scrolling (`browser/scroll_lock.rs`),
//! and holds the live region that announces what happens.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::context::widget_context;
use super::effect::effect;
use super::hooks::focus_trap::keep_focus_inside;
use super::hooks::stages::{part, staged};
use super::reactive::reactive;
use super::texts::CANNOT_OPEN;
use crate::browser::scroll_lock::{lock_page_scroll, unlock_page_scroll, PageOverflow};

/// A modal dialog, open while `open` is true. Closing only hides it: what the user typed stays.
/// It is built in one of the form's idle parts after mounting, its header in the next and its
/// content in the one after, or all of them when it first opens.
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
    // Whether showModal waits for the next frame.
    let showing = StoredValue::new(false);
    effect(move || {
        let Some(element) = dialog.get() else {
            return;
        };
        placed.track();
        let show = {
            let element = element.clone();
            move || {
                let _ = showing.try_set_value(false);
                if open.try_get_untracked() != Some(true) || element.open() {
                    return;
                }
                if let Err(error) = element.show_modal() {
                    web_sys::console::error_2(&CANNOT_OPEN.into(), &error);
                    return;
                }
                // showModal focuses the `autofocus` field; WebKit may judge the fields by the
                // style they had while the dialog was closed, or had not yet had, and focus
                // nothing or another field (the Message, on a busy machine).
                focus_autofocus(&element);
                if page.try_with_value(Option::is_none) == Some(true) {
                    page.set_value(lock_page_scroll());
                }
            }
        };
        // Taken out of the page and put back, an open dialog is no longer modal: show it again,
        // at once, so that it is open again when its close event comes.
        let again =
            open.get_untracked() && element.open() && !element.matches(":modal").unwrap_or(true);
        if again {
            element.close();
        }
        match (open.get(), element.open()) {
            (true, false) if again => show(),
            // Otherwise shown in a task of its own, neither in the task that asked (a click's,
            // which has run the widget's handlers) nor in the frame's animation callbacks (whose
            // task then also styles, lays out and paints the page): showModal works out the style
            // and layout of the whole form at once, which on a slow phone is most of what opening
            // costs, and each of the three tasks stays short. The frame after it paints the
            // dialog with little left to do.
            (true, false) => {
                showing.set_value(true);
                set_timeout(show, std::time::Duration::ZERO);
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
    let built = context.stage.reached(part::CONTENT);
    let wanted = Memo::new(move |was: Option<&bool>| {
        was.copied().unwrap_or(false) || open.get() || built.get()
    });
    let header = staged(context.stage, part::HEADER, move || {
        view! {
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
        }
    });
    let mut children = Some(children);
    let content = reactive(move || {
        wanted
            .get()
            .then(|| children.take().map(|children| children()))
            .flatten()
    });
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
                // open() in one go); only a dialog that is really closed, and not about to be
                // shown again, counts.
                let shown_soon = showing.try_get_value() == Some(true);
                if !shown_soon && dialog.get().is_some_and(|element| !element.open()) {
                    open.set(false);
                }
            }
        >
            {header}
            {content}
            <div class="fw-sr" role="status" aria-live="polite" aria-atomic="true">
                {move || announcement.get()}
            </div>
        </dialog>
    }
}

/// Focuses the field in `dialog` that asks for focus, if there is one and it has no focus yet.
fn focus_autofocus(dialog: &web_sys::HtmlDialogElement) {
    let field = dialog
        .query_selector("[autofocus]:not(:focus)")
        .ok()
        .flatten();
    if let Some(field) = field.and_then(|field| field.dyn_into::<web_sys::HtmlElement>().ok()) {
        let _ = field.focus();
    }
}

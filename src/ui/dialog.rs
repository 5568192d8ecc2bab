//! The modal dialog around the form: a native `<dialog>`, so the browser gives it the top layer,
//! an inert page behind it and Escape to close.

use leptos::prelude::*;

use super::widget_context;

/// A modal dialog, open while `open` is true. Closing only hides it: what the user typed stays.
#[component]
pub fn Dialog(
    /// Whether the dialog is shown; Escape and the close button set it to false.
    open: RwSignal<bool>,
    /// The heading, which is also the dialog's accessible name.
    title: &'static str,
    children: Children,
) -> impl IntoView {
    let texts = widget_context().texts;
    let dialog = NodeRef::<leptos::html::Dialog>::new();
    Effect::new(move |_| {
        let Some(element) = dialog.get() else {
            return;
        };
        match (open.get(), element.open()) {
            (true, false) => {
                if let Err(error) = element.show_modal() {
                    web_sys::console::error_2(&"feedback-widget: cannot open".into(), &error);
                }
            }
            (false, true) => element.close(),
            _ => {}
        }
    });
    view! {
        <dialog
            node_ref=dialog
            id="fw-dialog"
            class="fw-dialog"
            part="dialog"
            aria-labelledby="fw-title"
            on:close=move |_| {
                // A close event can arrive after the dialog was opened again (close() then
                // open() in one go); only a dialog that is really closed counts.
                if dialog.get().is_some_and(|element| !element.open()) {
                    open.set(false);
                }
            }
        >
            <div class="fw-dialog__header">
                <h2 id="fw-title" class="fw-dialog__title">{title}</h2>
                <button
                    type="button"
                    class="fw-dialog__close"
                    aria-label=texts.close
                    on:click=move |_| open.set(false)
                >
                    <svg viewBox="0 0 24 24" aria-hidden="true">
                        <path d="M6 6l12 12M18 6L6 18" />
                    </svg>
                </button>
            </div>
            {children()}
        </dialog>
    }
}

//! The floating "Feedback" button that opens the dialog.

use leptos::prelude::*;

use super::context::widget_context;
use super::effect::effect;

/// The button in the page's corner. It says whether the dialog is open and which one it opens.
/// It is a manual popover, so that it sits in the top layer, above whatever the host page stacks
/// with z-index.
#[component]
pub fn Trigger(
    /// Whether the dialog is open; clicking sets it.
    open: RwSignal<bool>,
    /// In the bottom-left corner instead of the bottom-right one.
    left: bool,
) -> impl IntoView {
    let context = widget_context();
    let (texts, placed) = (context.texts, context.placed);
    let button = NodeRef::<leptos::html::Button>::new();
    effect(move || {
        placed.track();
        if let Some(button) = button.get() {
            // Without popover support it stays an ordinary fixed button.
            let _ = button.show_popover();
        }
    });
    view! {
        <button
            node_ref=button
            type="button"
            popover="manual"
            class="fw-trigger"
            class:fw-trigger--bottom-left=left
            part="trigger"
            aria-haspopup="dialog"
            aria-controls="fw-dialog"
            aria-expanded=move || open.get().to_string()
            on:click=move |_| open.set(true)
        >
            {texts.trigger}
        </button>
    }
}

/// Makes a button the page already has (the loader's) the trigger: its text, whether the dialog
/// is open, and its place in the top layer. Clicking it is the page's to wire, to `open()`.
pub fn adopt(button: web_sys::HtmlElement, open: RwSignal<bool>) {
    let context = widget_context();
    button.set_text_content(Some(context.texts.trigger));
    let _ = button.set_attribute("aria-haspopup", "dialog");
    let _ = button.set_attribute("aria-controls", "fw-dialog");
    let placed = context.placed;
    let shown = button.clone();
    effect(move || {
        let _ = button.set_attribute("aria-expanded", &open.get().to_string());
    });
    effect(move || {
        placed.track();
        let _ = shown.show_popover();
    });
}

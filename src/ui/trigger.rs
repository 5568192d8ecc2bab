//! The floating "Feedback" button that opens the dialog.

use leptos::prelude::*;

use super::widget_context;

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
    let texts = widget_context().texts;
    let button = NodeRef::<leptos::html::Button>::new();
    Effect::new(move |_| {
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
            class:fw-trigger--left=left
            part="trigger"
            aria-haspopup="dialog"
            aria-controls="fw-dialog"
            aria-expanded=move || open.get().to_string()
            on:click=move |_| open.set(true)
        >
            <svg class="fw-trigger__icon" viewBox="0 0 24 24" aria-hidden="true">
                <path d="M4 4h16a1 1 0 0 1 1 1v11a1 1 0 0 1-1 1H9l-5 4v-4H4a1 1 0 0 1-1-1V5a1 1 0 0 1 1-1z" />
            </svg>
            <span>{texts.trigger}</span>
        </button>
    }
}

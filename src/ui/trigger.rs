//! The floating "Feedback" button that opens the dialog.

use leptos::prelude::*;

use super::widget_context;

/// The button in the page's corner. It says whether the dialog is open and which one it opens.
#[component]
pub fn Trigger(
    /// Whether the dialog is open; clicking sets it.
    open: RwSignal<bool>,
) -> impl IntoView {
    let texts = widget_context().texts;
    view! {
        <button
            type="button"
            class="fw-trigger"
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

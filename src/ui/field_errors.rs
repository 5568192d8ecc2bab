//! The list of problems under a field, tied to it by id.

use leptos::prelude::*;

/// The problems of one field, as text. Hidden when there are none; the field points at it with
/// `aria-describedby`.
#[component]
pub fn FieldErrors(
    /// The id the field's `aria-describedby` names.
    id: String,
    #[prop(into)] notices: Signal<Vec<String>>,
) -> impl IntoView {
    view! {
        <ul
            id=id
            class="fw-field__errors"
            part="error"
            hidden=move || notices.with(Vec::is_empty)
        >
            {move || {
                notices
                    .get()
                    .into_iter()
                    .map(|notice| view! { <li>{notice}</li> }.into_any())
                    .collect_view()
            }}
        </ul>
    }
}

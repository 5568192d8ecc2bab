//! A labelled drop-down for a field with a closed list of values, which may be left unset.

use leptos::prelude::*;

use super::field_errors::FieldErrors;
use super::widget_context;

/// A drop-down. The first option, "Not set", leaves the field out of the request.
#[component]
pub fn SelectField(
    id: &'static str,
    label: &'static str,
    /// API word and label of each choice.
    choices: Vec<(&'static str, &'static str)>,
    /// The chosen API word, or empty.
    #[prop(into)]
    value: Signal<String>,
    on_change: Callback<String>,
    #[prop(into)] notices: Signal<Vec<String>>,
) -> impl IntoView {
    let texts = widget_context().texts;
    let errors_id = format!("{id}-errors");
    let invalid = move || !notices.with(Vec::is_empty);
    view! {
        <div class="fw-field" class:fw-field--invalid=invalid>
            <label class="fw-field__label" for=id>
                {label}
                " "
                <span class="fw-field__marker">"(" {texts.optional} ")"</span>
            </label>
            <select
                id=id
                class="fw-field__control fw-select"
                aria-invalid=move || invalid().to_string()
                aria-describedby=errors_id.clone()
                prop:value=move || value.get()
                on:change=move |event| on_change.run(event_target_value(&event))
            >
                <option value="">{texts.not_set}</option>
                {choices
                    .into_iter()
                    .map(|(word, text)| {
                        view! {
                            <option value=word selected=move || value.with(|value| value == word)>
                                {text}
                            </option>
                        }
                    })
                    .collect_view()}
            </select>
            <FieldErrors id=errors_id notices />
        </div>
    }
}

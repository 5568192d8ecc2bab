//! A labelled drop-down for a field with a closed list of values, which may be left unset.

use leptos::prelude::*;

use super::context::widget_context;
use super::field_errors::FieldErrors;
use super::texts::Texts;
use crate::contract::Choice;

/// A drop-down over every value of `T`. The first option, "Not set", leaves the field out of the
/// request.
#[component]
pub fn SelectField<T: Choice + PartialEq + Send + Sync>(
    id: &'static str,
    label: &'static str,
    /// The words shown for a value.
    label_of: fn(&Texts, T) -> &'static str,
    #[prop(into)] value: Signal<Option<T>>,
    on_change: Callback<Option<T>>,
    #[prop(into)] notices: Signal<Vec<String>>,
) -> impl IntoView {
    let texts = widget_context().texts;
    let errors_id = format!("{id}-errors");
    let invalid = move || !notices.with(Vec::is_empty);
    let options = T::ALL
        .iter()
        .map(|&choice| {
            view! {
                <option value=choice.as_str() selected=move || value.get() == Some(choice)>
                    {label_of(texts, choice)}
                </option>
            }
        })
        .collect_view();
    view! {
        <div class="fw-field" part="field" class:fw-field--invalid=invalid>
            <label class="fw-field__label" part="label" for=id>
                {label}
                " "
                <span class="fw-field__marker">"(" {texts.optional} ")"</span>
            </label>
            <select
                id=id
                class="fw-field__control fw-select"
                part="input select"
                aria-invalid=move || invalid().to_string()
                aria-describedby=errors_id.clone()
                prop:value=move || value.get().map_or("", Choice::as_str)
                on:change=move |event| on_change.run(T::parse(&event_target_value(&event)))
            >
                <option value="">{texts.not_set}</option>
                {options}
            </select>
            <FieldErrors id=errors_id notices />
        </div>
    }
}

//! A labelled drop-down for a field with a closed list of values, which may be left unset.

use leptos::prelude::*;

use super::context::widget_context;
use super::field_errors::FieldErrors;
use super::texts::Texts;
use crate::contract::Choice;

/// What a drop-down offers for `T`: each value's API word, and the words shown for it.
pub fn choices<T: Choice>(
    texts: &Texts,
    label_of: fn(&Texts, T) -> &'static str,
) -> Vec<(&'static str, &'static str)> {
    T::ALL
        .iter()
        .map(|&choice| (choice.as_str(), label_of(texts, choice)))
        .collect()
}

/// A drop-down over a closed list of values, by their API words. The first option, "Not set",
/// leaves the field out of the request. The drop-down knows the values only as words, so that
/// one copy of it serves every kind of value.
#[component]
pub fn SelectField(
    id: &'static str,
    label: &'static str,
    /// The values, in order, from [`choices`].
    choices: Vec<(&'static str, &'static str)>,
    /// The chosen value's API word.
    #[prop(into)]
    value: Signal<Option<&'static str>>,
    /// Called with the word the user chose: empty for "Not set".
    on_change: Callback<String>,
    #[prop(into)] notices: Signal<Vec<String>>,
) -> impl IntoView {
    let texts = widget_context().texts;
    let errors_id = format!("{id}-errors");
    let invalid = move || !notices.with(Vec::is_empty);
    let options = choices
        .into_iter()
        .map(|(word, shown)| {
            view! {
                <option value=word selected=move || value.get() == Some(word)>
                    {shown}
                </option>
            }
            .into_any()
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
                prop:value=move || value.get().unwrap_or_default().to_owned()
                on:change=move |event| on_change.run(event_target_value(&event))
            >
                <option value="">{texts.not_set}</option>
                {options}
            </select>
            <FieldErrors id=errors_id notices />
        </div>
    }
}

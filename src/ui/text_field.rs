//! A labelled text input or text area with a live counter and its problems beneath it.

use leptos::prelude::*;

use super::context::widget_context;
use super::effect::effect;
use super::field_errors::FieldErrors;
use super::hooks::stages::{part, staged};
use crate::contract::{code_points, server_trim};

/// A text field. The counter counts as the server does: code points, without surrounding
/// whitespace.
#[component]
pub fn TextField(
    /// The input's id; the counter and the problem list derive theirs from it.
    id: &'static str,
    label: &'static str,
    /// "required" or "optional", shown beside the label in words.
    marker: &'static str,
    /// The server's limit in code points; without one there is no counter.
    #[prop(into)]
    max: Option<usize>,
    /// A text area instead of a one-line input.
    #[prop(optional)]
    multiline: bool,
    #[prop(into)] value: Signal<String>,
    on_input: Callback<String>,
    /// What is wrong with the value, in words; empty when nothing is.
    #[prop(into)]
    notices: Signal<Vec<String>>,
    /// Focus this field when the dialog opens.
    #[prop(optional)]
    autofocus: bool,
) -> impl IntoView {
    let context = widget_context();
    let (texts, stage) = (context.texts, context.stage);
    let counter_id = format!("{id}-count");
    let errors_id = format!("{id}-errors");
    let count = Memo::new(move |_| value.with(|text| code_points(server_trim(text))));
    let invalid = move || !notices.with(Vec::is_empty);
    let described_by = {
        let (counter_id, errors_id) = (counter_id.clone(), errors_id.clone());
        move || {
            let ids = [
                max.map(|_| counter_id.as_str()),
                invalid().then_some(errors_id.as_str()),
            ];
            ids.into_iter().flatten().collect::<Vec<_>>().join(" ")
        }
    };
    let input = move |event| on_input.run(event_target_value(&event));
    let line_ref = NodeRef::<leptos::html::Input>::new();
    let area_ref = NodeRef::<leptos::html::Textarea>::new();
    // The dialog focuses an `autofocus` field when it opens; this covers the field appearing in
    // an open dialog, as after "Send other feedback".
    effect(move || {
        if !autofocus {
            return;
        }
        if let Some(line) = line_ref.get() {
            let _ = line.focus();
        } else if let Some(area) = area_ref.get() {
            let _ = area.focus();
        }
    });
    let control = if multiline {
        view! {
            <textarea
                node_ref=area_ref
                id=id
                class="fw-field__control fw-field__control--multiline"
                part="input"
                rows="5"
                autofocus=autofocus
                aria-invalid=move || invalid().to_string()
                aria-describedby=described_by
                prop:value=move || value.get()
                on:input=input
            ></textarea>
        }
        .into_any()
    } else {
        view! {
            <input
                node_ref=line_ref
                id=id
                type="text"
                class="fw-field__control"
                part="input"
                autocomplete="off"
                autofocus=autofocus
                aria-invalid=move || invalid().to_string()
                aria-describedby=described_by
                prop:value=move || value.get()
                on:input=input
            />
        }
        .into_any()
    };
    view! {
        <div class="fw-field" part="field" class:fw-field--invalid=invalid>
            <div class="fw-field__top">
                <label class="fw-field__label" part="label" for=id>
                    {label}
                    " "
                    <span class="fw-field__marker">"(" {marker} ")"</span>
                </label>
                {staged(stage, part::FIELD_DETAILS, move || max
                    .map(|max| {
                        view! {
                            <span
                                id=counter_id.clone()
                                class="fw-counter"
                                part="counter"
                                class:fw-counter--over=move || { count.get() > max }
                            >
                                <span aria-hidden="true">{move || count.get().to_string()} " / " {max.to_string()}</span>
                                <span class="fw-sr">
                                    {move || texts.counter_text(count.get(), max)}
                                </span>
                            </span>
                        }
                    }))}
            </div>
            {control}
            {staged(stage, part::FIELD_DETAILS, move || view! { <FieldErrors id=errors_id.clone() notices /> })}
        </div>
    }
}

//! Files to send with a reply, for backends that take attachments: a file input, the limits in
//! words before anything is sent, the chosen files with their sizes, and why a file was left out.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::context::widget_context;
use super::texts::name;
use crate::browser::files::Chosen;
use crate::contract::backends::AttachmentRules;
use crate::contract::file_size;

/// The files chosen so far. Files are not `Send`, so the list lives on this thread only.
pub(crate) type ChosenFiles = RwSignal<Vec<Chosen>, LocalStorage>;

/// The file input and the list of chosen files. A file that breaks a rule is not added; the
/// reason is shown under the input. `unreadable` names a file that could not be read when sending.
#[component]
pub fn AttachmentPicker(
    rules: AttachmentRules,
    files: ChosenFiles,
    #[prop(into)] unreadable: Signal<Option<String>>,
) -> impl IntoView {
    let texts = widget_context().texts;
    let problems = RwSignal::new(Vec::<String>::new());
    let limits = texts.attachment_limits_text(&rules);
    let accept = rules.accept();
    let choose = move |event: leptos::ev::Event| {
        let Some(input) = event
            .target()
            .and_then(|target| target.dyn_into::<web_sys::HtmlInputElement>().ok())
        else {
            return;
        };
        let mut said = Vec::new();
        if let Some(list) = input.files() {
            files.update(|files| {
                for file in (0..list.length()).filter_map(|index| list.item(index)) {
                    let (name, size) = (file.name(), file.size() as u64);
                    let chosen: Vec<(String, u64)> = files
                        .iter()
                        .map(|file| (file.name.clone(), file.size))
                        .collect();
                    match rules.check(&chosen, &name, size) {
                        Ok(()) => files.push(Chosen { file, name, size }),
                        Err(problem) => said.push(texts.attachment_problem(&rules, &problem)),
                    }
                }
            });
        }
        problems.set(said);
        // The same file can be chosen again after it was removed.
        input.set_value("");
    };
    let remove = move |at: usize| {
        files.update(|files| {
            if at < files.len() {
                files.remove(at);
            }
        });
        problems.set(Vec::new());
    };
    let shown_problems = move || {
        let mut all = problems.get();
        if let Some(name) = unreadable.get() {
            all.push(texts.attachment_unreadable_text(&name));
        }
        all
    };
    view! {
        <div class="fw-files" part="attachments">
            <label class="fw-field__label" for="fw-files">
                {texts.attachments}
                " "
                <span class="fw-field__marker">"(" {texts.optional} ")"</span>
            </label>
            <p id="fw-files-limits" class="fw-files__limits">{limits}</p>
            <input
                id="fw-files"
                class="fw-files__input"
                type="file"
                multiple
                accept=accept
                aria-describedby="fw-files-limits fw-files-errors"
                on:change=choose
            />
            <ul class="fw-files__list" hidden=move || files.with(Vec::is_empty)>
                {move || {
                    files
                        .get()
                        .into_iter()
                        .enumerate()
                        .map(|(at, chosen)| {
                            let label = texts.remove_file_label(&chosen.name);
                            let name = name(&chosen.name);
                            view! {
                                <li class="fw-files__item">
                                    <span class="fw-files__name">{name}</span>
                                    <span class="fw-files__size">{file_size(chosen.size)}</span>
                                    <button
                                        type="button"
                                        class="fw-files__remove"
                                        aria-label=label
                                        on:click=move |_| remove(at)
                                    >
                                        "×"
                                    </button>
                                </li>
                            }
                            .into_any()
                        })
                        .collect_view()
                }}
            </ul>
            // Always in the page, so that screen readers hear a file being left out.
            <div role="status">
                <ul
                    id="fw-files-errors"
                    class="fw-field__errors"
                    hidden=move || shown_problems().is_empty()
                >
                    {move || {
                        shown_problems()
                            .into_iter()
                            .map(|text| view! { <li>{text}</li> }.into_any())
                            .collect_view()
                    }}
                </ul>
            </div>
        </div>
    }
}

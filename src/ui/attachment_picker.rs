//! Files to send with a reply, for backends that take attachments: a file input, the limits in
//! words before anything is sent, the chosen files with their sizes, and why a file was left out.

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use super::texts::{fill, Texts};
use super::widget_context;
use crate::contract::backends::{Attachment, AttachmentProblem, AttachmentRules};
use crate::contract::{display_text, file_size};

/// The most characters of a file name the form shows.
const NAME_MAX: usize = 80;

/// A file the user chose; its bytes are read only when the reply is sent.
#[derive(Clone)]
pub(crate) struct Chosen {
    file: web_sys::File,
    name: String,
    size: u64,
}

/// The files chosen so far. Files are not `Send`, so the list lives on this thread only.
pub(crate) type ChosenFiles = RwSignal<Vec<Chosen>, LocalStorage>;

/// The bytes of every chosen file, or the name of the first one that could not be read (it was
/// moved or deleted since it was chosen, say).
pub(crate) async fn read_all(files: &[Chosen]) -> Result<Vec<Attachment>, String> {
    let mut attachments = Vec::with_capacity(files.len());
    for chosen in files {
        let bytes = JsFuture::from(chosen.file.array_buffer())
            .await
            .map_err(|_| chosen.name.clone())?;
        attachments.push(Attachment {
            name: chosen.name.clone(),
            mime: chosen.file.type_(),
            data: js_sys::Uint8Array::new(&bytes).to_vec(),
        });
    }
    Ok(attachments)
}

/// The sentence for a file that can't be attached.
fn problem_text(texts: &Texts, rules: &AttachmentRules, problem: &AttachmentProblem) -> String {
    let (template, name) = match problem {
        AttachmentProblem::Type { name } => (texts.attachment_type, name),
        AttachmentProblem::TooLarge { name } => (texts.attachment_too_large, name),
        AttachmentProblem::Empty { name } => (texts.attachment_empty, name),
        AttachmentProblem::TotalTooLarge { name } => (texts.attachment_total, name),
        AttachmentProblem::TooMany { name } => (texts.attachment_too_many, name),
    };
    fill(
        template,
        &[
            ("name", &display_text(name, NAME_MAX)),
            ("types", &types(rules)),
            ("size", &file_size(rules.max_bytes)),
            ("total", &file_size(rules.max_total_bytes)),
            ("count", &rules.max_files.to_string()),
        ],
    )
}

/// The allowed types as the reader knows them: `JPG, PNG, PDF`.
fn types(rules: &AttachmentRules) -> String {
    rules
        .extensions
        .iter()
        .map(|extension| extension.to_ascii_uppercase())
        .collect::<Vec<_>>()
        .join(", ")
}

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
    let limits = fill(
        texts.attachment_limits,
        &[
            ("types", &types(&rules)),
            ("size", &file_size(rules.max_bytes)),
            ("total", &file_size(rules.max_total_bytes)),
            ("count", &rules.max_files.to_string()),
        ],
    );
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
                        Err(problem) => said.push(problem_text(texts, &rules, &problem)),
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
            all.push(fill(
                texts.attachment_unreadable,
                &[("name", &display_text(&name, NAME_MAX))],
            ));
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
                            let name = display_text(&chosen.name, NAME_MAX);
                            let label = fill(texts.remove_file, &[("name", &name)]);
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
                            .map(|text| view! { <li>{text}</li> })
                            .collect_view()
                    }}
                </ul>
            </div>
        </div>
    }
}

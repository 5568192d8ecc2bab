//! A ticket's messages as a help desk sent them back: who posted, when, the text and the names
//! and sizes of attachments. Everything is shown as text; the contract already turned any HTML
//! into text, and nothing here is ever parsed as markup.

use leptos::prelude::*;
use wasm_bindgen::JsValue;

use super::context::widget_context;
use super::texts::name;
use crate::contract::backends::ThreadMessage;
use crate::contract::{display_text, file_size};

/// The most characters of one message the thread shows.
const TEXT_MAX: usize = 2_000;

/// `posted_at` in the reader's language and time zone, or as the server wrote it when it is not
/// a date the browser reads.
fn when(posted_at: &str, lang: &str) -> String {
    let date = js_sys::Date::new(&JsValue::from_str(posted_at));
    if date.get_time().is_nan() {
        return name(posted_at);
    }
    let options = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&options, &"dateStyle".into(), &"medium".into());
    let _ = js_sys::Reflect::set(&options, &"timeStyle".into(), &"short".into());
    String::from(date.to_locale_string(lang, &options))
}

/// The thread, oldest message first.
#[component]
pub fn Thread(messages: Vec<ThreadMessage>) -> impl IntoView {
    let context = widget_context();
    let texts = context.texts;
    let lang = context.lang;
    let items = messages
        .into_iter()
        .map(|message| {
            let files = message
                .attachments
                .iter()
                .map(|(file, size)| {
                    let file = name(file);
                    view! {
                        <li>
                            <span class="fw-thread__file">{file}</span>
                            " "
                            <span class="fw-thread__size">{file_size(*size)}</span>
                        </li>
                    }
                    .into_any()
                })
                .collect_view();
            let has_files = !message.attachments.is_empty();
            view! {
                <li
                    class="fw-thread__message"
                    class:fw-thread__message--customer=message.from_customer
                >
                    <p class="fw-thread__meta">
                        <span class="fw-thread__author">
                            {name(&message.posted_by)}
                        </span>
                        " · "
                        <time datetime=message.posted_at.clone()>
                            {when(&message.posted_at, lang)}
                        </time>
                    </p>
                    <p class="fw-thread__text">{display_text(&message.text, TEXT_MAX)}</p>
                    {has_files.then(|| view! { <ul class="fw-thread__files">{files}</ul> })}
                </li>
            }
            .into_any()
        })
        .collect_view();
    view! {
        <section class="fw-thread" part="thread" aria-labelledby="fw-thread-title">
            <h3 id="fw-thread-title" class="fw-thread__title">{texts.thread_title}</h3>
            <ol class="fw-thread__list">{items}</ol>
        </section>
    }
}

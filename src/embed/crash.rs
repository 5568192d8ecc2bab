//! What a crashed widget leaves behind: a panel that says so and shows what the user wrote. It is
//! built with plain DOM calls, since after a panic the widget's own code can no longer run.

use wasm_bindgen::JsCast;
use web_sys::{Document, Element};

use crate::storage::PREFIX;
use crate::ui::{Locale, Texts};

/// Replaces the content of every widget on the page with the crash panel.
pub fn show() {
    let Some(document) = web_sys::window().and_then(|window| window.document()) else {
        return;
    };
    let locale = document
        .document_element()
        .and_then(|html| html.get_attribute("lang"))
        .and_then(|tag| Locale::from_tag(&tag))
        .unwrap_or_default();
    let saved = saved_text();
    let Ok(hosts) = document.query_selector_all(super::HOST_TAG) else {
        return;
    };
    for index in 0..hosts.length() {
        let root = hosts
            .item(index)
            .and_then(|host| host.dyn_into::<Element>().ok())
            .and_then(|host| host.shadow_root());
        if let (Some(root), Some(panel)) = (root, panel(&document, locale.texts(), &saved)) {
            root.replace_children_with_node_1(&panel);
        }
    }
}

/// The drafts the widget saved as the user typed, as one text to copy.
fn saved_text() -> String {
    let Some(storage) = web_sys::window().and_then(|window| window.local_storage().ok().flatten())
    else {
        return String::new();
    };
    let draft_prefix = format!("{PREFIX}draft:");
    let length = storage.length().unwrap_or(0);
    let field = |draft: &wasm_bindgen::JsValue, name: &str| {
        js_sys::Reflect::get(draft, &name.into())
            .ok()
            .and_then(|value| value.as_string())
            .unwrap_or_default()
    };
    (0..length)
        .filter_map(|index| storage.key(index).ok().flatten())
        .filter(|key| key.starts_with(&draft_prefix))
        .filter_map(|key| storage.get_item(&key).ok().flatten())
        .filter_map(|text| js_sys::JSON::parse(&text).ok())
        .map(|draft| {
            format!(
                "{}\n\n{}",
                field(&draft, "subject"),
                field(&draft, "message")
            )
        })
        .collect::<Vec<_>>()
        .join("\n\n---\n\n")
}

fn panel(document: &Document, texts: &Texts, saved: &str) -> Option<Element> {
    let panel = document.create_element("div").ok()?;
    panel.set_class_name("fw-root fw-crash");
    panel.set_attribute("role", "alert").ok()?;
    let message = document.create_element("p").ok()?;
    message.set_text_content(Some(texts.crashed));
    panel.append_child(&message).ok()?;
    if !saved.trim().is_empty() {
        let label = document.create_element("label").ok()?;
        label.set_class_name("fw-crash__label");
        label.set_text_content(Some(texts.crashed_text));
        let text: web_sys::HtmlTextAreaElement =
            document.create_element("textarea").ok()?.dyn_into().ok()?;
        text.set_read_only(true);
        text.set_value(saved.trim());
        text.set_class_name("fw-field__control fw-field__control--multiline");
        label.append_child(&text).ok()?;
        panel.append_child(&label).ok()?;
    }
    Some(panel)
}

//! Stopping the host page from scrolling behind a modal, and putting its own overflow back
//! exactly as it was.

use wasm_bindgen::JsCast;
use web_sys::HtmlElement;

/// The overflow properties the scroll lock sets; the page's own values are kept longhand by
/// longhand, since a page may set only one of them.
const OVERFLOW: [&str; 2] = ["overflow-x", "overflow-y"];

/// An element's own inline overflow values and priorities, and whether it had a `style`
/// attribute at all.
#[derive(Clone, Default)]
struct InlineOverflow {
    values: [(String, String); 2],
    had_style: bool,
}

/// The page's own overflow on `<html>` and `<body>`, kept while the dialog is open so that it can
/// be put back exactly as it was.
#[derive(Clone, Default)]
pub struct PageOverflow {
    html: InlineOverflow,
    body: InlineOverflow,
}

fn page_parts() -> Option<(HtmlElement, HtmlElement)> {
    let document = web_sys::window()?.document()?;
    let html = document
        .document_element()?
        .dyn_into::<HtmlElement>()
        .ok()?;
    Some((html, document.body()?))
}

fn inline_overflow(element: &HtmlElement) -> InlineOverflow {
    let style = element.style();
    InlineOverflow {
        values: OVERFLOW.map(|name| {
            (
                style.get_property_value(name).unwrap_or_default(),
                style.get_property_priority(name),
            )
        }),
        had_style: element.has_attribute("style"),
    }
}

fn set_overflow(element: &HtmlElement, saved: &InlineOverflow) {
    let style = element.style();
    for (name, (value, priority)) in OVERFLOW.iter().zip(&saved.values) {
        let _ = match value.is_empty() {
            true => style.remove_property(name).map(drop),
            false => style.set_property_with_priority(name, value, priority),
        };
    }
    // Setting a property adds a style attribute; one that was not there goes again. Chromium
    // writes CSSOM changes into the attribute lazily, when it is next read: reading it first
    // keeps that late write from bringing back an empty attribute after the removal.
    if !saved.had_style && style.css_text().is_empty() {
        let _ = element.get_attribute("style");
        let _ = element.remove_attribute("style");
    }
}

/// Stops the page behind from scrolling, returning what to put back.
pub fn lock_page_scroll() -> Option<PageOverflow> {
    let (html, body) = page_parts()?;
    let saved = PageOverflow {
        html: inline_overflow(&html),
        body: inline_overflow(&body),
    };
    let hidden = ("hidden".to_owned(), "important".to_owned());
    let locked = InlineOverflow {
        values: [hidden.clone(), hidden],
        had_style: true,
    };
    set_overflow(&html, &locked);
    set_overflow(&body, &locked);
    Some(saved)
}

pub fn unlock_page_scroll(saved: &PageOverflow) {
    if let Some((html, body)) = page_parts() {
        set_overflow(&html, &saved.html);
        set_overflow(&body, &saved.body);
    }
}

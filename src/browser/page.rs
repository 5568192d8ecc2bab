//! What the host page says about itself, read at the moment it is asked for.

use wasm_bindgen::JsValue;

/// The page's document.
pub fn document() -> Result<web_sys::Document, JsValue> {
    web_sys::window()
        .and_then(|window| window.document())
        .ok_or_else(|| JsValue::from_str("no document"))
}

/// The page's address, as `location.href` has it now.
pub fn href() -> String {
    web_sys::window()
        .and_then(|window| window.location().href().ok())
        .unwrap_or_default()
}

/// The browser's `navigator.userAgent`.
pub fn user_agent() -> String {
    web_sys::window()
        .and_then(|window| window.navigator().user_agent().ok())
        .unwrap_or_default()
}

/// The page's writing direction, from `<body dir>` or `<html dir>`: `"rtl"` or `"ltr"`.
pub fn direction() -> &'static str {
    let document = web_sys::window().and_then(|window| window.document());
    let dir = |element: Option<web_sys::Element>| element.and_then(|e| e.get_attribute("dir"));
    let page = document.as_ref().and_then(|document| {
        dir(document.body().map(Into::into)).or_else(|| dir(document.document_element()))
    });
    match page.as_deref().map(str::to_ascii_lowercase).as_deref() {
        Some("rtl") => "rtl",
        _ => "ltr",
    }
}

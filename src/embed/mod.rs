//! Embedding through the script tag: reading its `data-*` attributes, mounting the widget into
//! an open shadow root, and telling the host page what happens through DOM events.

use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{CustomEvent, CustomEventInit, HtmlElement, ShadowRootInit, ShadowRootMode};

use crate::options::Options;
use crate::ui::{FeedbackWidget, Locale, WidgetEvent, STYLES};

/// The element the widget renders into, appended to the page's body.
const HOST_TAG: &str = "feedback-widget";

/// Mounts a widget configured by `script`, the `<script>` element that loaded it. Called by the
/// loader (`feedback-widget.js`); never throws into the page.
#[wasm_bindgen]
pub fn mount(script: HtmlElement) {
    install_panic_hook();
    if let Err(error) = try_mount(&script) {
        report(
            "mount",
            &format!("the widget could not be shown: {error:?}"),
        );
    }
}

fn try_mount(script: &HtmlElement) -> Result<(), JsValue> {
    attach(options_from(script), Callback::new(dispatch)).map(drop)
}

/// Renders a widget into a new `<feedback-widget>` element at the end of the page's body, inside
/// an open shadow root that has adopted the widget's stylesheet. Returns that host element.
pub fn attach(
    options: Options,
    on_event: Callback<WidgetEvent>,
) -> Result<web_sys::Element, JsValue> {
    let document = gloo_document()?;
    let host = document.create_element(HOST_TAG)?;
    let shadow = host.attach_shadow(&ShadowRootInit::new(ShadowRootMode::Open))?;
    let sheet = web_sys::CssStyleSheet::new()?;
    sheet.replace_sync(STYLES)?;
    shadow.set_adopted_style_sheets(&js_sys::Array::of1(&sheet));
    let container: HtmlElement = document.create_element("div")?.unchecked_into();
    shadow.append_child(&container)?;
    document
        .body()
        .ok_or_else(|| JsValue::from_str("the page has no body"))?
        .append_child(&host)?;
    leptos::mount::mount_to(
        container,
        move || view! { <FeedbackWidget options on_event /> },
    )
    .forget();
    Ok(host)
}

fn gloo_document() -> Result<web_sys::Document, JsValue> {
    web_sys::window()
        .and_then(|window| window.document())
        .ok_or_else(|| JsValue::from_str("no document"))
}

/// The options in the script tag's attributes.
fn options_from(script: &HtmlElement) -> Options {
    let data = script.dataset();
    let text = |name: &str| data.get(name).filter(|value| !value.trim().is_empty());
    let page_lang = gloo_document()
        .ok()
        .and_then(|document| document.document_element())
        .and_then(|html| html.get_attribute("lang"));
    let locale = text("locale")
        .and_then(|tag| Locale::from_tag(&tag))
        .or_else(|| page_lang.and_then(|tag| Locale::from_tag(&tag)))
        .unwrap_or_default();
    Options {
        api_base: text("apiBase").unwrap_or_default(),
        channel: text("channel").unwrap_or_default(),
        tool_key: text("toolKey"),
        token: text("token"),
        locale,
        keep_query: data.get("keepQuery").is_some_and(|value| value != "false"),
    }
}

/// Tells the host page about a widget event with a `feedback:*` CustomEvent on `window`.
fn dispatch(event: WidgetEvent) {
    let detail = js_sys::Object::new();
    let set = |key: &str, value: JsValue| {
        let _ = js_sys::Reflect::set(&detail, &key.into(), &value);
    };
    let name = match event {
        WidgetEvent::Open => "feedback:open",
        WidgetEvent::Close => "feedback:close",
        WidgetEvent::Submitted(ticket) => {
            set("id", JsValue::from_f64(ticket.id as f64));
            set(
                "ticketNumber",
                ticket.number.map_or(JsValue::NULL, JsValue::from),
            );
            "feedback:submitted"
        }
        WidgetEvent::Error { code, message } => {
            set("code", code.into());
            set("message", message.into());
            "feedback:error"
        }
    };
    let init = CustomEventInit::new();
    init.set_detail(&detail);
    if let (Some(window), Ok(event)) = (
        web_sys::window(),
        CustomEvent::new_with_event_init_dict(name, &init),
    ) {
        let _ = window.dispatch_event(&event);
    }
}

/// Logs a problem and reports it as a `feedback:error` event.
fn report(code: &'static str, message: &str) {
    web_sys::console::error_1(&format!("feedback-widget: {message}").into());
    dispatch(WidgetEvent::Error {
        code,
        message: message.to_owned(),
    });
}

/// A panic ends the widget, not the page: it is logged and reported, and the host's own scripts
/// go on.
fn install_panic_hook() {
    std::panic::set_hook(Box::new(|info| {
        report("crash", &format!("the widget stopped working: {info}"));
    }));
}

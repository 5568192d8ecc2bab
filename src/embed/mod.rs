//! Embedding through the script tag: reading its `data-*` attributes, mounting the widget into
//! an open shadow root, and the handle behind the page's `window.FeedbackWidget` API.
//!
//! The loader (`www/feedback-widget.js`) owns the API object, queues calls made before the wasm
//! is ready, and turns the events this module reports into DOM events and `on()` callbacks.

mod crash;

use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{HtmlElement, ShadowRootInit, ShadowRootMode};

use crate::api::TokenSource;
use crate::contract::{Choice, Edit, Priority, TicketType};
use crate::options::{Options, Position, Theme};
use crate::ui::{FeedbackWidget, Labels, Locale, WidgetControls, WidgetEvent, STYLES};

/// The element the widget renders into, appended to the page's body.
const HOST_TAG: &str = "feedback-widget";

/// A mounted widget, as the loader holds it. Every method is safe to call with any value: bad
/// input is reported on the console and as an `error` event, never thrown.
#[wasm_bindgen]
pub struct WidgetHandle {
    controls: WidgetControls,
    emit: js_sys::Function,
}

#[wasm_bindgen]
impl WidgetHandle {
    /// Opens the form; `prefill` may set `subject`, `message`, `rating`, `type` and `priority`.
    pub fn open(&self, prefill: JsValue) {
        self.controls.open(prefill_edits(&prefill));
    }

    pub fn close(&self) {
        self.controls.close();
    }

    /// A token string, a function that returns one (or a promise of one), or null for none.
    #[wasm_bindgen(js_name = setToken)]
    pub fn set_token(&self, token: JsValue) {
        self.controls.set_token(TokenSource::from_js(&token));
    }

    /// A new tool key for the next tickets, or null for none. Returns whether it was taken.
    #[wasm_bindgen(js_name = setToolKey)]
    pub fn set_tool_key(&self, key: JsValue) -> bool {
        let key = key.as_string();
        match self.controls.set_tool_key(key.as_deref()) {
            Ok(()) => true,
            Err(problems) => {
                report(&self.emit, "config", &problems.join(" "));
                false
            }
        }
    }

    /// Texts in place of the built-in ones, as an object of texts by key; replaces earlier labels.
    /// Returns whether every key named a text.
    #[wasm_bindgen(js_name = setLabels)]
    pub fn set_labels(&self, labels: JsValue) -> bool {
        let labels = match labels_from_object(&labels) {
            Ok(labels) => labels,
            Err(problem) => {
                report(&self.emit, "config", &format!("setLabels: {problem}"));
                return false;
            }
        };
        let unknown = self.controls.set_labels(labels);
        if !unknown.is_empty() {
            let keys = unknown.join(", ");
            report(
                &self.emit,
                "config",
                &format!("setLabels: no text is named {keys}."),
            );
        }
        unknown.is_empty()
    }

    /// `en` or `nl` (a tag such as `nl-BE` is fine). Returns whether the language is built in.
    #[wasm_bindgen(js_name = setLocale)]
    pub fn set_locale(&self, tag: JsValue) -> bool {
        match tag.as_string().as_deref().and_then(Locale::from_tag) {
            Some(locale) => {
                self.controls.set_locale(locale);
                true
            }
            None => {
                report(&self.emit, "config", "setLocale takes \"en\" or \"nl\".");
                false
            }
        }
    }
}

/// Mounts a widget configured by `script`, the `<script>` element that loaded it, and returns
/// its handle; `emit(name, detail)` receives its events. Returns nothing when the options are
/// broken (the reasons went to the console and to `emit`). Never throws into the page.
#[wasm_bindgen]
pub fn mount(script: HtmlElement, emit: js_sys::Function) -> Option<WidgetHandle> {
    install_panic_hook(emit.clone());
    let handle = std::sync::Arc::new(std::sync::OnceLock::new());
    let on_ready = {
        let handle = handle.clone();
        Callback::new(move |controls| {
            let _ = handle.set(controls);
        })
    };
    let on_event = {
        let emit = emit.clone();
        Callback::new(move |event| send(&emit, event))
    };
    let (options, warnings) = options_from(&script);
    for warning in &warnings {
        report(&emit, "config", warning);
    }
    if let Err(error) = attach(options, on_event, on_ready) {
        report(
            &emit,
            "mount",
            &format!("the widget could not be shown: {error:?}"),
        );
    }
    handle
        .get()
        .map(|&controls| WidgetHandle { controls, emit })
}

/// Renders a widget into a new `<feedback-widget>` element at the end of the page's body, inside
/// an open shadow root that has adopted the widget's stylesheet. Returns that host element.
pub fn attach(
    options: Options,
    on_event: Callback<WidgetEvent>,
    on_ready: Callback<WidgetControls>,
) -> Result<web_sys::Element, JsValue> {
    let document = document()?;
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
    leptos::mount::mount_to(container, move || {
        view! { <FeedbackWidget options on_event on_ready /> }
    })
    .forget();
    Ok(host)
}

fn document() -> Result<web_sys::Document, JsValue> {
    web_sys::window()
        .and_then(|window| window.document())
        .ok_or_else(|| JsValue::from_str("no document"))
}

/// The options in the script tag's attributes, and what was wrong with any of them.
fn options_from(script: &HtmlElement) -> (Options, Vec<String>) {
    let data = script.dataset();
    let text = |name: &str| data.get(name).filter(|value| !value.trim().is_empty());
    let mut warnings = Vec::new();
    let page_lang = document()
        .ok()
        .and_then(|document| document.document_element())
        .and_then(|html| html.get_attribute("lang"));
    let locale = word(
        text("locale"),
        "data-locale",
        "en, nl",
        Locale::from_tag,
        &mut warnings,
    )
    .or_else(|| page_lang.and_then(|tag| Locale::from_tag(&tag)))
    .unwrap_or_default();
    let position = word(
        text("position"),
        "data-position",
        "bottom-right, bottom-left, none",
        Position::parse,
        &mut warnings,
    )
    .unwrap_or_default();
    let theme = word(
        text("theme"),
        "data-theme",
        "light, dark, auto",
        Theme::parse,
        &mut warnings,
    )
    .unwrap_or_default();
    let labels = text("labels")
        .map(|json| {
            labels_from(&json).unwrap_or_else(|problem| {
                warnings.push(problem);
                Labels::default()
            })
        })
        .unwrap_or_default();
    let options = Options {
        api_base: text("apiBase").unwrap_or_default(),
        channel: text("channel").unwrap_or_default(),
        tool_key: text("toolKey"),
        token: text("token"),
        locale,
        keep_query: data.get("keepQuery").is_some_and(|value| value != "false"),
        position,
        open_selector: text("openSelector"),
        theme,
        labels,
    };
    (options, warnings)
}

/// What an attribute's word names. An unknown word is reported, and `None` lets the caller use
/// the default.
fn word<T>(
    value: Option<String>,
    attribute: &str,
    allowed: &str,
    parse: impl Fn(&str) -> Option<T>,
    warnings: &mut Vec<String>,
) -> Option<T> {
    let value = value?;
    let parsed = parse(&value);
    if parsed.is_none() {
        warnings.push(format!(
            "{attribute}=\"{value}\" is not one of {allowed}; the default is used."
        ));
    }
    parsed
}

/// Labels from a JSON object of texts by key, as `data-labels` and `setLabels` take them.
fn labels_from(json: &str) -> Result<Labels, String> {
    let value = js_sys::JSON::parse(json)
        .map_err(|_| "data-labels is not JSON; the built-in texts are used.".to_string())?;
    labels_from_object(&value)
}

fn labels_from_object(value: &JsValue) -> Result<Labels, String> {
    if !value.is_object() || js_sys::Array::is_array(value) {
        return Err("labels must be an object of texts by key.".into());
    }
    let entries = js_sys::Object::entries(value.unchecked_ref());
    let mut labels = Vec::new();
    for entry in entries.iter() {
        let pair: js_sys::Array = entry.unchecked_into();
        let key = pair.get(0).as_string().unwrap_or_default();
        match pair.get(1).as_string() {
            Some(text) => labels.push((key, text)),
            None => return Err(format!("the label {key:?} is not a string.")),
        }
    }
    Ok(Labels(labels))
}

/// The form changes an `open(prefill)` object asks for; unknown or unusable values are skipped.
fn prefill_edits(prefill: &JsValue) -> Vec<Edit> {
    if !prefill.is_object() {
        return Vec::new();
    }
    let get = |key: &str| js_sys::Reflect::get(prefill, &key.into()).unwrap_or(JsValue::UNDEFINED);
    let mut edits = Vec::new();
    if let Some(subject) = get("subject").as_string() {
        edits.push(Edit::Subject(subject));
    }
    if let Some(message) = get("message").as_string() {
        edits.push(Edit::Message(message));
    }
    if let Some(stars) = get("rating")
        .as_f64()
        .filter(|stars| (1.0..=5.0).contains(stars))
    {
        edits.push(Edit::Rating(Some(stars.round() as u8)));
    }
    if let Some(kind) = get("type")
        .as_string()
        .and_then(|word| TicketType::parse(&word))
    {
        edits.push(Edit::Type(Some(kind)));
    }
    if let Some(level) = get("priority")
        .as_string()
        .and_then(|word| Priority::parse(&word))
    {
        edits.push(Edit::Priority(Some(level)));
    }
    edits
}

/// Hands a widget event to the loader as `emit(name, detail)`.
fn send(emit: &js_sys::Function, event: WidgetEvent) {
    let detail = js_sys::Object::new();
    let set = |key: &str, value: JsValue| {
        let _ = js_sys::Reflect::set(&detail, &key.into(), &value);
    };
    let name = match event {
        WidgetEvent::Open => "open",
        WidgetEvent::Close => "close",
        WidgetEvent::Submitted(ticket) => {
            set("id", JsValue::from_f64(ticket.id as f64));
            set(
                "ticketNumber",
                ticket.number.map_or(JsValue::NULL, JsValue::from),
            );
            "submitted"
        }
        WidgetEvent::Error { code, message } => {
            set("code", code.into());
            set("message", message.into());
            "error"
        }
    };
    let _ = emit.call2(&JsValue::NULL, &name.into(), &detail);
}

/// Logs a problem and reports it as an `error` event.
fn report(emit: &js_sys::Function, code: &'static str, message: &str) {
    web_sys::console::error_1(&format!("feedback-widget: {message}").into());
    send(
        emit,
        WidgetEvent::Error {
            code,
            message: message.to_owned(),
        },
    );
}

/// A panic ends the widget, not the page: it is logged and reported, the widget shows what the
/// user wrote, and the host's own scripts go on.
fn install_panic_hook(emit: js_sys::Function) {
    std::panic::set_hook(Box::new(move |info| {
        report(
            &emit,
            "crash",
            &format!("the widget stopped working: {info}"),
        );
        crash::show();
    }));
}

/// Panics on purpose, for the end-to-end test of what a crash leaves behind. Only in builds with
/// the `test-hooks` feature.
#[cfg(feature = "test-hooks")]
#[wasm_bindgen(js_name = __crashForTests)]
pub fn crash_for_tests() {
    panic!("a crash the tests asked for");
}

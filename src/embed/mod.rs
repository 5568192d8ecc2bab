//! Embedding through the script tag: reading its `data-*` attributes, mounting the widget into
//! an open shadow root, and the handle behind the page's `window.FeedbackWidget` API.
//!
//! The loader (`www/feedback-widget.js`) owns the API object, queues calls made before the wasm
//! is ready, and turns the events this module reports into DOM events and `on()` callbacks.

mod events;

pub use events::Events;

use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{HtmlElement, ShadowRootInit, ShadowRootMode};

use crate::api::TokenSource;
use crate::contract::backends::{BackendKind, Target};
use crate::contract::{Choice, Edit, Priority, TicketType};
use crate::options::{resolve_api_base, Options, Position, Theme};
use crate::ui::{FeedbackWidget, Labels, Locale, WidgetControls, WidgetEvent, STYLES};

/// The element the widget renders into, appended to the page's body.
const HOST_TAG: &str = "feedback-widget";

/// A mounted widget, as the loader holds it. Every method is safe to call with any value: bad
/// input is reported on the console and as an `error` event, never thrown.
#[wasm_bindgen]
pub struct WidgetHandle {
    controls: WidgetControls,
    events: Events,
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

    /// Calls `handler(detail)` for each `name` event: open, close, submitted, replied or error.
    pub fn on(&self, name: String, handler: js_sys::Function) {
        self.events.on(name, handler);
    }

    pub fn off(&self, name: String, handler: js_sys::Function) {
        self.events.off(&name, &handler);
    }

    /// The page removed the widget's element and the loader put it back.
    #[wasm_bindgen(js_name = placedAgain)]
    pub fn placed_again(&self) {
        self.controls.placed_again();
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
                self.events.report("config", &problems.join(" "));
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
                self.events
                    .report("config", &format!("setLabels: {problem}"));
                return false;
            }
        };
        let unknown = self.controls.set_labels(labels);
        if !unknown.is_empty() {
            let keys = unknown.join(", ");
            self.events
                .report("config", &format!("setLabels: no text is named {keys}."));
        }
        unknown.is_empty()
    }

    /// Sends replies through the backend `name` (default, klantportaal, series or whmcs) to the
    /// ticket `target` names: a ticket id, or an object with `ticketId` and the backend's own
    /// fields (`staffUserId`, `contactId`, `name`, `email`, `markdown`) and maybe `apiBase`.
    /// Without `target`, the current ticket stays. `null` goes back to the form for new tickets.
    /// Returns whether the widget took it.
    #[wasm_bindgen(js_name = setBackend)]
    pub fn set_backend(&self, name: JsValue, target: JsValue) -> bool {
        if name.is_null() || name.is_undefined() {
            return self.taken(self.controls.clear_reply().map_err(|problem| vec![problem]));
        }
        let Some(word) = name.as_string() else {
            self.events
                .report("config", "setBackend takes a backend's name, or null.");
            return false;
        };
        let Some(backend) = BackendKind::parse(&word) else {
            let problem = BackendKind::unknown(&word);
            self.events
                .report("config", &format!("setBackend: {problem}"));
            return false;
        };
        let parsed = match target.is_undefined() {
            true => Ok((self.current_target(), None)),
            false => target_from(&target),
        };
        self.taken(
            parsed
                .and_then(|(target, api_base)| self.controls.set_reply(backend, api_base, target)),
        )
    }

    /// Sends replies to another ticket through the current backend (the default one, if none
    /// was set): a ticket id, or an object as `setBackend` takes it. Returns whether the widget
    /// took it.
    #[wasm_bindgen(js_name = setTicket)]
    pub fn set_ticket(&self, target: JsValue) -> bool {
        let backend = self
            .controls
            .reply_to()
            .map_or(BackendKind::Default, |reply| reply.backend);
        self.taken(
            target_from(&target)
                .and_then(|(target, api_base)| self.controls.set_reply(backend, api_base, target)),
        )
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
                self.events
                    .report("config", "setLocale takes \"en\" or \"nl\".");
                false
            }
        }
    }
}

impl WidgetHandle {
    fn current_target(&self) -> Target {
        self.controls
            .reply_to()
            .map(|reply| reply.target)
            .unwrap_or_default()
    }

    /// Reports what was refused, if anything, and says whether all was taken.
    fn taken(&self, outcome: Result<(), Vec<String>>) -> bool {
        match outcome {
            Ok(()) => true,
            Err(problems) => {
                self.events.report("config", &problems.join(" "));
                false
            }
        }
    }
}

/// Mounts a widget configured by `script`, the `<script>` element that loaded it, into `host`, the
/// loader's `<feedback-widget>` element, whose shadow root holds the stylesheet and maybe the
/// button. Returns the widget's handle, or nothing when the options are broken: the reasons went
/// to the console and out as `feedback:error` events. Never throws into the page.
#[wasm_bindgen]
pub fn mount(script: HtmlElement, host: web_sys::Element) -> Option<WidgetHandle> {
    let (options, warnings) = options_from(&script);
    let events = Events::new(&host, &options.channel);
    let handle = std::sync::Arc::new(std::sync::OnceLock::new());
    let on_ready = {
        let handle = handle.clone();
        Callback::new(move |controls: WidgetControls| {
            let _ = handle.set(controls);
            // A crash leaves a panel in the language the widget shows at the time.
            crate::ui::effect(move || events.set_texts(controls.texts()));
        })
    };
    for warning in &warnings {
        events.report("config", warning);
    }
    let on_event = Callback::new(move |event| events.send(event));
    let trigger = trigger_of(&host);
    let rendered = host
        .shadow_root()
        .ok_or_else(|| JsValue::from_str("the element has no shadow root"))
        .and_then(|shadow| render(&shadow, options, on_event, on_ready, trigger));
    if let Err(error) = rendered {
        events.report(
            "mount",
            &format!(
                "the widget could not be shown: {}",
                error.as_string().unwrap_or_default()
            ),
        );
    }
    let handle = handle
        .get()
        .map(|&controls| WidgetHandle { controls, events });
    // A widget that can't work shows no button: the loader's goes. (Its element stays: the
    // loader keeps that in the page.)
    if handle.is_none() {
        if let Some(button) = trigger_of(&host) {
            button.remove();
        }
    }
    handle
}

/// Renders a widget into a new `<feedback-widget>` element at the end of the page's body, inside
/// an open shadow root that has adopted the widget's stylesheet. Returns the host element. This is
/// for pages without the loader, such as tests; the loader's page has the stylesheet as a file.
pub fn attach(
    options: Options,
    on_event: Callback<WidgetEvent>,
    on_ready: Callback<WidgetControls>,
) -> Result<web_sys::Element, JsValue> {
    let document = document()?;
    let host = document.create_element(HOST_TAG)?;
    document
        .body()
        .ok_or_else(|| JsValue::from_str("the page has no body"))?
        .append_child(&host)?;
    let shadow = host.attach_shadow(&ShadowRootInit::new(ShadowRootMode::Open))?;
    let sheet = web_sys::CssStyleSheet::new()?;
    sheet.replace_sync(STYLES)?;
    shadow.set_adopted_style_sheets(&js_sys::Array::of1(&sheet));
    render(&shadow, options, on_event, on_ready, None)?;
    Ok(host)
}

/// The button the loader drew in `host`'s shadow root, if it drew one.
fn trigger_of(host: &web_sys::Element) -> Option<HtmlElement> {
    let button = host.shadow_root()?.query_selector(".fw-trigger").ok()??;
    Some(button.unchecked_into())
}

/// Mounts the widget into `shadow`, with `trigger` as its button when the page drew one.
fn render(
    shadow: &web_sys::ShadowRoot,
    options: Options,
    on_event: Callback<WidgetEvent>,
    on_ready: Callback<WidgetControls>,
    trigger: Option<HtmlElement>,
) -> Result<(), JsValue> {
    let container: HtmlElement = document()?.create_element("div")?.unchecked_into();
    shadow.append_child(&container)?;
    leptos::mount::mount_to(container, move || {
        view! { <FeedbackWidget options on_event on_ready trigger /> }
    })
    .forget();
    Ok(())
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
    // When the wasm loads is the loader's to decide; here a word it doesn't know is reported
    // (the loader then loads at idle, the default).
    word(
        text("preload"),
        "data-preload",
        "idle, intent",
        |word| matches!(word, "idle" | "intent").then_some(()),
        &mut warnings,
    );
    let labels = text("labels")
        .map(|json| {
            labels_from(&json).unwrap_or_else(|problem| {
                warnings.push(problem);
                Labels::default()
            })
        })
        .unwrap_or_default();
    let backend = text("backend").and_then(|word| {
        let backend = BackendKind::parse(&word);
        if backend.is_none() {
            let instead = match text("channel") {
                Some(_) => " The widget makes new tickets instead.",
                None => "",
            };
            warnings.push(format!(
                "data-backend: {}{instead}",
                BackendKind::unknown(&word)
            ));
        }
        backend
    });
    let target = Target {
        ticket: text("ticketId").unwrap_or_default(),
        staff_user_id: id_number(text("staffUserId"), "data-staff-user-id", &mut warnings),
        contact_id: id_number(text("contactId"), "data-contact-id", &mut warnings),
        name: text("replyName"),
        email: text("replyEmail"),
        markdown: data.get("markdown").is_some_and(|value| value != "false"),
    };
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
        backend,
        target,
    };
    (options, warnings)
}

/// A whole number from an id attribute; anything else is reported and left out.
fn id_number(value: Option<String>, attribute: &str, warnings: &mut Vec<String>) -> Option<i64> {
    let value = value?;
    let number = value.trim().parse().ok();
    if number.is_none() {
        warnings.push(format!("{attribute}=\"{value}\" is not a whole number."));
    }
    number
}

/// A reply target, and maybe an API base, from what the host passed to `setBackend` or
/// `setTicket`: a ticket id (a string or a number) or an object of fields.
fn target_from(value: &JsValue) -> Result<(Target, Option<String>), Vec<String>> {
    // A whole number is written by way of i64: formatting the f64 itself would bring the float
    // formatting code into the wasm.
    let text = |value: &JsValue| match value.as_f64() {
        Some(number) if number.fract() == 0.0 && number.abs() < 9.2e18 => {
            Some((number as i64).to_string())
        }
        _ => value.as_string(),
    };
    if !value.is_object() {
        return match text(value) {
            Some(ticket) => Ok((
                Target {
                    ticket,
                    ..Target::default()
                },
                None,
            )),
            None => Err(vec![
                "a ticket is a ticket id or an object with a ticketId.".into(),
            ]),
        };
    }
    let get = |key: &str| js_sys::Reflect::get(value, &key.into()).unwrap_or(JsValue::UNDEFINED);
    let mut problems = Vec::new();
    let mut number = |key: &str| {
        let field = get(key);
        if field.is_undefined() || field.is_null() {
            return None;
        }
        let parsed = text(&field).and_then(|text| text.trim().parse().ok());
        if parsed.is_none() {
            problems.push(format!("{key} is not a whole number."));
        }
        parsed
    };
    let (staff_user_id, contact_id) = (number("staffUserId"), number("contactId"));
    let api_base = get("apiBase")
        .as_string()
        .map(|base| resolve_api_base(&base))
        .transpose()
        .map_err(|problem| problems.push(problem))
        .ok()
        .flatten();
    let target = Target {
        ticket: text(&get("ticketId")).unwrap_or_default(),
        staff_user_id,
        contact_id,
        name: get("name").as_string(),
        email: get("email").as_string(),
        markdown: get("markdown").is_truthy(),
    };
    match problems.is_empty() {
        true => Ok((target, api_base)),
        false => Err(problems),
    }
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
            None => return Err(format!("the label \"{key}\" is not a string.")),
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

/// Panics on purpose, for the end-to-end test of what a crash leaves behind (a trap, in the
/// release build: the glue's crash guard, `www/crash-guard.js`, draws the panel). Only in builds with
/// the `test-hooks` feature.
#[cfg(feature = "test-hooks")]
#[wasm_bindgen(js_name = __crashForTests)]
pub fn crash_for_tests() {
    panic!("a crash the tests asked for");
}

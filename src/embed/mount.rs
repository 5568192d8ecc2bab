//! Mounting: the widget rendered into the loader's `<feedback-widget>` element (its shadow root,
//! with the loader's button), or into a new one on a page without the loader.

use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{HtmlElement, ShadowRootInit, ShadowRootMode};

use super::attributes::options_from;
use super::crash::CRASH_STYLES;
use super::events::Events;
use super::handle::WidgetHandle;
use crate::browser::page::document;
use crate::ui::context::effect;
use crate::ui::texts::{config_text, MOUNT_FAILED, NO_BODY, NO_SHADOW_ROOT};
use crate::ui::{FeedbackWidget, Options, WidgetControls, WidgetEvent, STYLES};

/// The element the widget renders into, appended to the page's body.
const HOST_TAG: &str = "feedback-widget";

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
            effect(move || events.set_crash_texts(controls.texts()));
        })
    };
    for warning in &warnings {
        events.report("config", &config_text(warning));
    }
    let on_event = Callback::new(move |event| events.send(event));
    let trigger = trigger_of(&host);
    let rendered = host
        .shadow_root()
        .ok_or_else(|| JsValue::from_str(NO_SHADOW_ROOT))
        .and_then(|shadow| render(&shadow, options, on_event, on_ready, trigger));
    if let Err(error) = rendered {
        events.report(
            "mount",
            &format!("{MOUNT_FAILED}{}", error.as_string().unwrap_or_default()),
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
        .ok_or_else(|| JsValue::from_str(NO_BODY))?
        .append_child(&host)?;
    let shadow = host.attach_shadow(&ShadowRootInit::new(ShadowRootMode::Open))?;
    let sheet = web_sys::CssStyleSheet::new()?;
    sheet.replace_sync(&format!("{STYLES}{CRASH_STYLES}"))?;
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

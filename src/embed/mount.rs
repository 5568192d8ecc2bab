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
use crate::browser::clock::next_task;
use crate::browser::page::document;
use crate::ui::effect::effect;
use crate::ui::texts::{config_text, MOUNT_FAILED, NO_BODY, NO_SHADOW_ROOT};
use crate::ui::{Checked, FeedbackWidget, Options, WidgetControls, WidgetEvent, STYLES};

/// The element the widget renders into, appended to the page's body.
const HOST_TAG: &str = "feedback-widget";

/// Mounts a widget configured by `script`, the `<script>` element that loaded it, into `host`, the
/// loader's `<feedback-widget>` element, whose shadow root holds the stylesheet and maybe the
/// button. Resolves to the widget's handle, or to nothing when the options are broken: the
/// reasons went to the console and out as `feedback:error` events. Never rejects.
///
/// Mounting takes six tasks, so that none of them holds up the page for long (see
/// `ui/hooks/stages.rs`): entering the wasm; reading the script tag's options; reporting what
/// was wrong with them and checking them; reading what the last visit left from storage; putting
/// it in signals; and drawing the widget. The first two are the first wasm code to run, and so
/// compile the most. The handle works as soon as it is there. Each part is a function of its own
/// that is not inlined here: V8 compiles a wasm function when it first runs, so with all of them
/// inlined into this one, the first task would compile them all.
#[wasm_bindgen]
pub async fn mount(script: HtmlElement, host: web_sys::Element) -> Option<WidgetHandle> {
    // Entering the wasm for the first time compiles its futures, its queue and its first
    // conversions, about as much as reading the options does: they come in the next task.
    next_task().await;
    let (options, warnings) = options_from(&script);
    next_task().await;
    let events = Events::new(&host, &options.channel);
    for warning in &warnings {
        events.report("config", &config_text(warning));
    }
    let on_event = Callback::new(move |event| events.send(event));
    let trigger = trigger_of(&host);
    let container = host
        .shadow_root()
        .ok_or_else(|| JsValue::from_str(NO_SHADOW_ROOT))
        .and_then(|shadow| container_in(&shadow));
    let widget = match container {
        Ok(container) => Checked::new(options, on_event).map(|widget| (widget, container)),
        Err(error) => {
            events.report(
                "mount",
                &format!("{MOUNT_FAILED}{}", error.as_string().unwrap_or_default()),
            );
            None
        }
    };
    // A widget that can't work shows no button: the loader's goes. (Its element stays: the
    // loader keeps that in the page.)
    let Some((widget, container)) = widget else {
        if let Some(button) = trigger {
            button.remove();
        }
        return None;
    };
    next_task().await;
    let widget = widget.recall();
    next_task().await;
    let widget = widget.prepare();
    let controls = widget.controls;
    // A crash leaves a panel in the language the widget shows at the time.
    events.set_crash_texts(controls.texts());
    wasm_bindgen_futures::spawn_local(async move {
        next_task().await;
        leptos::mount::mount_to(container, move || {
            effect(move || events.set_crash_texts(controls.texts()));
            widget.view(trigger)
        })
        .forget();
    });
    Some(WidgetHandle { controls, events })
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
    let container = container_in(&shadow)?;
    leptos::mount::mount_to(container, move || {
        view! { <FeedbackWidget options on_event on_ready /> }
    })
    .forget();
    Ok(host)
}

/// The button the loader drew in `host`'s shadow root, if it drew one.
fn trigger_of(host: &web_sys::Element) -> Option<HtmlElement> {
    let button = host.shadow_root()?.query_selector(".fw-trigger").ok()??;
    Some(button.unchecked_into())
}

/// A new element at the end of `shadow`, for a widget to render into.
fn container_in(shadow: &web_sys::ShadowRoot) -> Result<HtmlElement, JsValue> {
    let container: HtmlElement = document()?.create_element("div")?.unchecked_into();
    shadow.append_child(&container)?;
    Ok(container)
}

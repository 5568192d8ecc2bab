//! Telling the host page what a widget does: `feedback:*` CustomEvents on `window`, and the
//! handlers the page registered with `FeedbackWidget.on()`.
//!
//! The handlers live in the widget's record, a plain object on its `<feedback-widget>` element
//! (`element.feedbackWidget`), beside what the crash guard in the glue (`www/crash-guard.js`)
//! needs when the wasm traps and no Rust code can run: the module's memory, the channel, the
//! drafts' key prefix and the crash panel's texts.

use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{CustomEvent, CustomEventInit};

use super::crash::crash_texts;
use crate::browser::storage::PREFIX;
use crate::ui::controls::WidgetEvent;
use crate::ui::texts::Texts;

/// The listeners of one widget. Cheap to copy.
#[derive(Clone, Copy)]
pub struct Events {
    channel: StoredValue<String>,
    record: StoredValue<js_sys::Object, LocalStorage>,
}

impl Events {
    /// The events of the widget that renders into `host`, for `channel`'s tickets.
    pub fn new(host: &web_sys::Element, channel: &str) -> Self {
        let record = js_sys::Object::new();
        let set = |key: &str, value: &JsValue| {
            let _ = js_sys::Reflect::set(&record, &key.into(), value);
        };
        set("memory", &wasm_bindgen::memory());
        set("channel", &channel.into());
        set("handlers", &js_sys::Array::new());
        set("draftPrefix", &format!("{PREFIX}draft:").into());
        let _ = js_sys::Reflect::set(host, &"feedbackWidget".into(), &record);
        Events {
            channel: StoredValue::new(channel.to_owned()),
            record: StoredValue::new_local(record),
        }
    }

    /// The crash panel's texts, in the language the widget shows now.
    pub fn set_crash_texts(&self, texts: &Texts) {
        self.record.with_value(|record| {
            for (key, text) in crash_texts(texts) {
                let _ = js_sys::Reflect::set(record, &key.into(), &text.into());
            }
        });
    }

    /// The `[name, handler]` pairs the page registered, in order.
    fn handlers(&self) -> js_sys::Array {
        self.record.with_value(|record| {
            js_sys::Reflect::get(record, &"handlers".into())
                .ok()
                .and_then(|handlers| handlers.dyn_into().ok())
                .unwrap_or_default()
        })
    }

    /// Calls `handler(detail)` for each event named `name` (open, close, submitted, replied, error).
    pub fn on(&self, name: String, handler: js_sys::Function) {
        self.handlers()
            .push(&js_sys::Array::of2(&name.into(), &handler));
    }

    pub fn off(&self, name: &str, handler: &js_sys::Function) {
        let handler: &JsValue = handler.as_ref();
        let kept = self.handlers().filter(&mut |pair, _, _| {
            let pair: js_sys::Array = pair.unchecked_into();
            pair.get(0).as_string().as_deref() != Some(name) || &pair.get(1) != handler
        });
        self.record.with_value(|record| {
            let _ = js_sys::Reflect::set(record, &"handlers".into(), &kept);
        });
    }

    /// Dispatches `feedback:<name>` on `window` and calls the handlers for it. A handler that
    /// throws is logged; the others still run.
    pub fn send(&self, event: WidgetEvent) {
        let detail = js_sys::Object::new();
        let set = |key: &str, value: JsValue| {
            let _ = js_sys::Reflect::set(&detail, &key.into(), &value);
        };
        set("channel", self.channel.get_value().into());
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
            WidgetEvent::Replied { backend, ticket } => {
                set("backend", backend.name().into());
                set("ticketId", ticket.into());
                "replied"
            }
            WidgetEvent::Error { code, message } => {
                set("code", code.into());
                set("message", message.into());
                "error"
            }
        };
        let init = CustomEventInit::new();
        init.set_detail(&detail);
        if let (Some(window), Ok(dom_event)) = (
            web_sys::window(),
            CustomEvent::new_with_event_init_dict(&format!("feedback:{name}"), &init),
        ) {
            let _ = window.dispatch_event(&dom_event);
        }
        // A copy, so that a handler that calls on() or off() changes only the next event's list.
        let handlers: Vec<js_sys::Function> = self
            .handlers()
            .iter()
            .map(JsCast::unchecked_into::<js_sys::Array>)
            .filter(|pair| pair.get(0).as_string().as_deref() == Some(name))
            .map(|pair| pair.get(1).unchecked_into())
            .collect();
        for handler in handlers {
            if let Err(error) = handler.call1(&JsValue::NULL, &detail) {
                web_sys::console::error_1(&error);
            }
        }
    }

    /// Logs a problem and reports it as an `error` event.
    pub fn report(&self, code: &'static str, message: &str) {
        web_sys::console::error_1(&format!("feedback-widget: {message}").into());
        self.send(WidgetEvent::Error {
            code,
            message: message.to_owned(),
        });
    }
}

//! Telling the host page what a widget does: `feedback:*` CustomEvents on `window`, and the
//! handlers the page registered with `FeedbackWidget.on()`.

use leptos::prelude::*;
use wasm_bindgen::JsValue;
use web_sys::{CustomEvent, CustomEventInit};

use crate::ui::WidgetEvent;

/// The listeners of one widget. Cheap to copy.
#[derive(Clone, Copy)]
pub struct Events {
    channel: StoredValue<String>,
    handlers: StoredValue<Vec<(String, js_sys::Function)>>,
}

impl Events {
    pub fn new(channel: &str) -> Self {
        Events {
            channel: StoredValue::new(channel.to_owned()),
            handlers: StoredValue::new(Vec::new()),
        }
    }

    /// Calls `handler(detail)` for each event named `name` (open, close, submitted, replied, error).
    pub fn on(&self, name: String, handler: js_sys::Function) {
        self.handlers
            .update_value(|handlers| handlers.push((name, handler)));
    }

    pub fn off(&self, name: &str, handler: &js_sys::Function) {
        self.handlers
            .update_value(|handlers| handlers.retain(|(n, h)| n != name || h != handler));
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
        let handlers = self.handlers.with_value(|handlers| {
            handlers
                .iter()
                .filter(|(n, _)| n == name)
                .map(|(_, handler)| handler.clone())
                .collect::<Vec<_>>()
        });
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

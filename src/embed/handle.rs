//! The handle behind the page's `window.FeedbackWidget`: each JS call checked, turned into a call
//! on the widget's controls, and any refusal reported as an `error` event.

use wasm_bindgen::prelude::*;

use super::events::Events;
use super::js_args::{labels_from_object, prefill_edits, target_from, token_source};
use crate::api::TokenSource;
use crate::contract::backends::{BackendKind, Target};
use crate::contract::{token_sendable, ConfigProblem};
use crate::ui::texts::{config_texts, Locale};
use crate::ui::WidgetControls;

/// A mounted widget, as the loader holds it. Every method is safe to call with any value: bad
/// input is reported on the console and as an `error` event, never thrown.
#[wasm_bindgen]
pub struct WidgetHandle {
    pub(super) controls: WidgetControls,
    pub(super) events: Events,
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
    /// Returns whether it was taken: a string that can't go into a header is refused, and the
    /// old token stays.
    #[wasm_bindgen(js_name = setToken)]
    pub fn set_token(&self, token: JsValue) -> bool {
        let source = token_source(&token);
        if matches!(&source, TokenSource::Fixed(token) if !token_sendable(token)) {
            return self.refused("setToken", ConfigProblem::TokenNotSendable);
        }
        self.controls.set_token(source);
        true
    }

    /// A new tool key for the next tickets, or null for none. Returns whether it was taken.
    #[wasm_bindgen(js_name = setToolKey)]
    pub fn set_tool_key(&self, key: JsValue) -> bool {
        let key = key.as_string();
        self.taken(self.controls.set_tool_key(key.as_deref()))
    }

    /// Texts in place of the built-in ones, as an object of texts by key; replaces earlier labels.
    /// Returns whether every key named a text.
    #[wasm_bindgen(js_name = setLabels)]
    pub fn set_labels(&self, labels: JsValue) -> bool {
        let labels = match labels_from_object(&labels) {
            Ok(labels) => labels,
            Err(problem) => return self.refused("setLabels", problem),
        };
        let keys = self.controls.set_labels(labels);
        match keys.is_empty() {
            true => true,
            false => self.refused("setLabels", ConfigProblem::UnknownLabels { keys }),
        }
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
            return self.refused("setBackend", ConfigProblem::BackendNotAName);
        };
        let Some(backend) = BackendKind::parse(&word) else {
            let problem = ConfigProblem::UnknownBackend {
                word,
                tickets_instead: false,
            };
            return self.refused("setBackend", problem);
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
            None => self.refused("setLocale", ConfigProblem::UnknownLocale),
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
    fn taken(&self, outcome: Result<(), Vec<ConfigProblem>>) -> bool {
        match outcome {
            Ok(()) => true,
            Err(problems) => {
                self.events
                    .report("config", &config_texts(&problems).join(" "));
                false
            }
        }
    }

    /// Reports `problem` with the call `place` and says it was not taken.
    fn refused(&self, place: &'static str, problem: ConfigProblem) -> bool {
        self.taken(Err(vec![ConfigProblem::At {
            place,
            problem: Box::new(problem),
        }]))
    }
}

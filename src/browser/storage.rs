//! The browser's localStorage, for drafts, the outbox and the widget's request count. The token
//! is never written here. A storage that is full, blocked or holds unreadable data behaves as an
//! empty one: the widget goes on without it.

use serde::Serialize;
use wasm_bindgen::JsValue;

use crate::contract::FromJson;

/// Every key the widget writes starts with this.
pub const PREFIX: &str = "feedback-widget:v1:";

/// One value's place in localStorage.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Slot(String);

fn local_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

impl Slot {
    /// The slot for a `kind` of value belonging to `owner` (such as an API base and channel).
    pub fn new(kind: &str, owner: &[&str]) -> Slot {
        Slot(format!("{PREFIX}{kind}:{}", owner.join("|")))
    }

    pub fn key(&self) -> &str {
        &self.0
    }

    pub fn load<T: FromJson>(&self) -> Option<T> {
        let text = local_storage()?.get_item(&self.0).ok().flatten()?;
        T::from_json(&super::json::parse(&text)?)
    }

    pub fn save<T: Serialize>(&self, value: &T) {
        let text = serde_wasm_bindgen::to_value(value)
            .ok()
            .and_then(|value| js_sys::JSON::stringify(&value).ok())
            .and_then(|text| text.as_string());
        if let (Some(storage), Some(text)) = (local_storage(), text) {
            let _ = storage.set_item(&self.0, &text);
        }
    }

    pub fn clear(&self) {
        if let Some(storage) = local_storage() {
            let _ = storage.remove_item(&self.0);
        }
    }
}

/// Whether a `storage` event from another tab is about this slot.
pub fn concerns(event: &JsValue, slot: &Slot) -> bool {
    js_sys::Reflect::get(event, &"key".into())
        .ok()
        .and_then(|key| key.as_string())
        .is_none_or(|key| key == slot.0)
}

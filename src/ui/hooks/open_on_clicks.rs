//! `data-open-selector`: clicks on the page's own elements open the form.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Opens the form on clicks on page elements that match `selector`, also elements added later.
pub(crate) fn open_on_clicks(selector: &str, open: RwSignal<bool>) {
    let selector = selector.to_owned();
    let listener = window_event_listener(leptos::ev::click, move |event| {
        let opener = event
            .target()
            .and_then(|target| target.dyn_into::<web_sys::Element>().ok())
            .and_then(|target| target.closest(&selector).ok().flatten());
        if opener.is_some() {
            event.prevent_default();
            open.set(true);
        }
    });
    on_cleanup(move || listener.remove());
}

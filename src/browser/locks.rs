//! Web Locks: work that one tab at a time may do, such as sending the outbox.

use std::future::Future;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// Runs `work` while holding the Web Lock `name`, or not at all when another tab holds it. Where
/// the browser has no Web Locks, `work` runs unguarded.
pub async fn with_lock(name: &str, work: impl Future<Output = ()> + 'static) {
    let locks = web_sys::window()
        .and_then(|window| js_sys::Reflect::get(&window.navigator(), &"locks".into()).ok())
        .filter(|locks| locks.is_object());
    let request = locks.as_ref().and_then(|locks| {
        js_sys::Reflect::get(locks, &"request".into())
            .ok()?
            .dyn_into::<js_sys::Function>()
            .ok()
    });
    let (Some(locks), Some(request)) = (locks, request) else {
        work.await;
        return;
    };
    let options = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&options, &"ifAvailable".into(), &JsValue::TRUE);
    let callback = Closure::once_into_js(move |lock: JsValue| -> js_sys::Promise {
        if lock.is_null() {
            return js_sys::Promise::resolve(&JsValue::NULL);
        }
        wasm_bindgen_futures::future_to_promise(async move {
            work.await;
            Ok(JsValue::NULL)
        })
    });
    if let Ok(promise) = request.call3(&locks, &name.into(), &options, &callback) {
        let _ = JsFuture::from(js_sys::Promise::from(promise)).await;
    }
}

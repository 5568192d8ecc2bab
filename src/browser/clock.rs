//! The widget's one clock, and waiting on it.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// Milliseconds since the epoch, from the browser's clock (`Date.now()`, whole milliseconds).
pub fn now_ms() -> u64 {
    js_sys::Date::now() as u64
}

/// A fresh id for an outbox entry: the time, and a random part so that two tabs don't collide.
pub fn new_id() -> String {
    format!(
        "{:x}-{:x}",
        now_ms(),
        (js_sys::Math::random() * 1e12) as u64
    )
}

/// Resolves after `ms` milliseconds, on the window's timer.
pub async fn sleep(ms: u64) {
    let ms = ms.min(i32::MAX as u64) as i32;
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(window) = web_sys::window() {
            let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms);
        }
    });
    let _ = JsFuture::from(promise).await;
}

/// Resolves in a task of its own, soon: through `scheduler.yield()` where the browser has it
/// (which lets input and rendering go first), otherwise a timer of no delay.
pub async fn next_task() {
    let scheduler = js_sys::Reflect::get(&js_sys::global(), &"scheduler".into())
        .ok()
        .filter(JsValue::is_object);
    let yielded = scheduler.and_then(|scheduler| {
        let yield_now = js_sys::Reflect::get(&scheduler, &"yield".into()).ok()?;
        let promise = yield_now
            .dyn_ref::<js_sys::Function>()?
            .call0(&scheduler)
            .ok()?;
        promise.dyn_into::<js_sys::Promise>().ok()
    });
    match yielded {
        Some(promise) => drop(JsFuture::from(promise).await),
        None => sleep(0).await,
    }
}

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_name = requestIdleCallback)]
    fn request_idle_callback(callback: &js_sys::Function) -> JsValue;
}

/// Resolves in a new task once the browser is idle (`requestIdleCallback`), or in the next task
/// where it has no idle callbacks (Safari).
pub async fn idle() {
    let has_idle =
        js_sys::Reflect::has(&js_sys::global(), &"requestIdleCallback".into()).unwrap_or(false);
    if !has_idle {
        return sleep(0).await;
    }
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        request_idle_callback(&resolve);
    });
    let _ = JsFuture::from(promise).await;
}

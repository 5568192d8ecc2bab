//! Building the form in slices. Mounting draws only the button and the dialog's frame; the form
//! inside is built afterwards, one part per task while the page is idle, so that no single task
//! of the widget's holds up the host page (on a slow phone a form built in one go is one long
//! task). Opening the dialog builds whatever is left at once.

use leptos::prelude::*;
use wasm_bindgen::prelude::*;

/// How many parts the form is built in.
pub(crate) const STAGES: u8 = 5;

/// How far the form is built: part `n` is there once the stage is `n` or more.
#[derive(Clone, Copy)]
pub(crate) struct Stage(RwSignal<u8>);

impl Stage {
    pub fn new() -> Self {
        Stage(RwSignal::new(0))
    }

    /// Builds everything that is left, now: the dialog is opening.
    pub fn finish(&self) {
        if self.0.get_untracked() < STAGES {
            self.0.set(STAGES);
        }
    }

    /// Whether part `n` is built. Tracked, but it changes once, from false to true.
    pub fn reached(&self, n: u8) -> Memo<bool> {
        let stage = self.0;
        Memo::new(move |_| stage.get() >= n)
    }

    /// Builds the parts one by one, each in a task of its own when the browser is idle.
    pub fn build_when_idle(&self) {
        let stage = self.0;
        leptos::task::spawn_local(async move {
            loop {
                idle().await;
                let Some(now) = stage.try_get_untracked() else {
                    return;
                };
                if now >= STAGES {
                    return;
                }
                stage.set(now + 1);
            }
        });
    }
}

/// `view` once part `n` of the form is built, and nothing before.
pub(crate) fn staged<V: IntoView + 'static>(
    stage: Stage,
    n: u8,
    view: impl Fn() -> V + Send + Sync + 'static,
) -> impl IntoView {
    let reached = stage.reached(n);
    move || reached.get().then(&view)
}

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_name = requestIdleCallback)]
    fn request_idle_callback(callback: &js_sys::Function) -> JsValue;
    #[wasm_bindgen(js_name = setTimeout)]
    fn set_timeout(callback: &js_sys::Function) -> JsValue;
}

/// Resolves in a new task once the browser is idle (`requestIdleCallback`), or in the next task
/// where it has no idle callbacks (Safari).
async fn idle() {
    let has_idle =
        js_sys::Reflect::has(&js_sys::global(), &"requestIdleCallback".into()).unwrap_or(false);
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        match has_idle {
            true => request_idle_callback(&resolve),
            false => set_timeout(&resolve),
        };
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

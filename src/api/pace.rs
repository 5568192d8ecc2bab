//! Keeps requests to a help desk that limits requests per second within its limit.

use std::cell::RefCell;

use wasm_bindgen_futures::JsFuture;

use crate::contract::backends::Pace;

thread_local! {
    /// The pace of requests to each help desk that limits requests per second, by API base,
    /// shared by every widget on the page.
    static PACES: RefCell<Vec<(String, Pace)>> = const { RefCell::new(Vec::new()) };
}

/// Waits until one more request to `api_base` keeps within `limit` a second.
pub(super) async fn keep_pace(api_base: &str, limit: u32) {
    let now = || js_sys::Date::now() as u64;
    loop {
        let wait = PACES.with_borrow_mut(|paces| {
            let at = match paces.iter().position(|(base, _)| base == api_base) {
                Some(at) => at,
                None => {
                    paces.push((api_base.to_owned(), Pace::per_second(limit)));
                    paces.len() - 1
                }
            };
            let pace = &mut paces[at].1;
            let wait = pace.wait(now());
            if wait == 0 {
                pace.record(now());
            }
            wait
        });
        if wait == 0 {
            return;
        }
        sleep(wait as i32).await;
    }
}

async fn sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(window) = web_sys::window() {
            let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms);
        }
    });
    let _ = JsFuture::from(promise).await;
}

//! Keeps requests to a help desk that limits requests per second within its limit.

use std::cell::RefCell;

use crate::browser::clock::{now_ms, sleep};
use crate::contract::backends::Pace;

thread_local! {
    /// The pace of requests to each help desk that limits requests per second, by API base,
    /// shared by every widget on the page.
    static PACES: RefCell<Vec<(String, Pace)>> = const { RefCell::new(Vec::new()) };
}

/// Waits until one more request to `api_base` keeps within `limit` a second.
pub(super) async fn keep_pace(api_base: &str, limit: u32) {
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
            let wait = pace.wait(now_ms());
            if wait == 0 {
                pace.record(now_ms());
            }
            wait
        });
        if wait == 0 {
            return;
        }
        sleep(wait).await;
    }
}

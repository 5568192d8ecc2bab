//! Keeps requests to a help desk that limits requests per second within its limit.

use std::cell::{Cell, RefCell};

use crate::browser::clock::{now_ms, sleep};
use crate::contract::backends::Pace;

thread_local! {
    /// The pace of requests to each help desk that limits requests per second, by API base,
    /// shared by every widget on the page.
    static PACES: RefCell<Vec<(String, Pace)>> = const { RefCell::new(Vec::new()) };
}

/// Waits until one more request to `api_base` keeps within `limit` a second, and takes its turn.
pub(super) async fn keep_pace(api_base: &str, limit: u32) -> Turn {
    loop {
        let now = now_ms();
        let wait = with_pace(api_base, limit, |pace| {
            let wait = pace.wait(now);
            if wait == 0 {
                pace.record(now);
            }
            wait
        });
        if wait == 0 {
            return Turn {
                api_base: api_base.to_owned(),
                limit,
                at: Cell::new(now),
            };
        }
        sleep(wait).await;
    }
}

/// A request's place among the last ones to its help desk.
pub(super) struct Turn {
    api_base: String,
    limit: u32,
    at: Cell<u64>,
}

impl Turn {
    /// Notes that the request goes out now: it counts from here, not from when it took its
    /// turn, since fetching a token and building it take time on a busy page.
    pub(super) fn going_out(&self) {
        let now = now_ms();
        with_pace(&self.api_base, self.limit, |pace| {
            pace.restamp(self.at.get(), now)
        });
        self.at.set(now.max(self.at.get()));
    }
}

fn with_pace<T>(api_base: &str, limit: u32, job: impl FnOnce(&mut Pace) -> T) -> T {
    PACES.with_borrow_mut(|paces| {
        let at = match paces.iter().position(|(base, _)| base == api_base) {
            Some(at) => at,
            None => {
                paces.push((api_base.to_owned(), Pace::per_second(limit)));
                paces.len() - 1
            }
        };
        job(&mut paces[at].1)
    })
}

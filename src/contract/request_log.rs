//! The widget's own count of store requests, so that it tells the user about the limit instead of
//! sending an 11th request in 5 minutes.

use serde::{Deserialize, Serialize};

/// Store requests the endpoint allows per user in [`WINDOW_MS`].
pub const LIMIT: usize = 10;
/// The store endpoint's window: five minutes.
pub const WINDOW_MS: u64 = 300_000;

/// When this browser sent store requests, in milliseconds since the epoch.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct RequestLog {
    pub sent_at: Vec<u64>,
}

impl RequestLog {
    /// Seconds to wait before another request may be sent, or `None` when it may go now.
    pub fn wait_before_next(&self, now: u64) -> Option<u32> {
        let recent: Vec<u64> = self
            .sent_at
            .iter()
            .copied()
            .filter(|time| in_window(*time, now))
            .collect();
        // The window frees a place when the oldest of the last LIMIT requests leaves it.
        let oldest = oldest_of_last(&recent, LIMIT)?;
        let wait_ms = oldest + WINDOW_MS - now;
        Some(wait_ms.div_ceil(1000).max(1) as u32)
    }

    /// Notes a request sent at `now`, forgetting what left the window.
    pub fn record(&mut self, now: u64) {
        self.sent_at.retain(|time| in_window(*time, now));
        self.sent_at.push(now);
    }
}

/// The oldest of the last `limit` of `times`, in any order: the latest time with at least `limit`
/// times at or after it. `None` when there are fewer than `limit`. A window that holds `times`
/// frees a place for one more request when this time leaves it. Counting instead of sorting keeps
/// the standard sort's code out of the wasm; the lists hold a few dozen times.
pub(crate) fn oldest_of_last(times: &[u64], limit: usize) -> Option<u64> {
    times
        .iter()
        .copied()
        .filter(|&time| times.iter().filter(|&&other| other >= time).count() >= limit)
        .max()
}

/// Whether a request sent at `time` still counts at `now`. Times after `now` (a clock that
/// jumped back) don't.
fn in_window(time: u64, now: u64) -> bool {
    time <= now && now - time < WINDOW_MS
}

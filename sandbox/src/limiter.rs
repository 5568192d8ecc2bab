//! Fixed-window rate limits, as Laravel's throttle middleware counts them: a window starts with
//! the first request and every request inside it counts.

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// The state of one caller's window after a request.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Verdict {
    pub limit: u32,
    pub remaining: u32,
    /// Whole seconds until the window ends, when the request was over the limit.
    pub retry_after: Option<u64>,
}

pub struct Limiter {
    limit: u32,
    window: Duration,
    windows: Mutex<HashMap<String, (Instant, u32)>>,
}

impl Limiter {
    pub fn new(limit: u32, window: Duration) -> Self {
        Limiter {
            limit,
            window,
            windows: Mutex::new(HashMap::new()),
        }
    }

    /// Counts a request by `key` and says whether it was within the limit.
    pub fn hit(&self, key: &str) -> Verdict {
        let now = Instant::now();
        let mut windows = self
            .windows
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        windows.retain(|_, (start, _)| now.duration_since(*start) < self.window);
        let (start, count) = windows.entry(key.to_owned()).or_insert((now, 0));
        if *count >= self.limit {
            let left = self.window.saturating_sub(now.duration_since(*start));
            // Round up, so that a client waiting this long is never early.
            let secs = left.as_secs() + u64::from(left.subsec_nanos() > 0);
            return Verdict {
                limit: self.limit,
                remaining: 0,
                retry_after: Some(secs.max(1)),
            };
        }
        *count += 1;
        Verdict {
            limit: self.limit,
            remaining: self.limit - *count,
            retry_after: None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_within_a_window_and_names_the_wait() {
        let limiter = Limiter::new(2, Duration::from_secs(300));
        assert_eq!(limiter.hit("a").remaining, 1);
        assert_eq!(limiter.hit("a").remaining, 0);
        let over = limiter.hit("a");
        assert_eq!(over.remaining, 0);
        assert!(matches!(over.retry_after, Some(299..=300)));
        // Other callers have their own window.
        assert_eq!(limiter.hit("b").retry_after, None);
    }

    #[test]
    fn a_new_window_starts_after_the_old_one() {
        let limiter = Limiter::new(1, Duration::from_millis(30));
        assert_eq!(limiter.hit("a").retry_after, None);
        assert!(limiter.hit("a").retry_after.is_some());
        std::thread::sleep(Duration::from_millis(40));
        assert_eq!(limiter.hit("a").retry_after, None);
    }
}

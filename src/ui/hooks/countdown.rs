//! A rate limit's wait, counting down.

use leptos::prelude::*;

use crate::browser::clock::now_ms;

/// Seconds left until a rate limit ends, counting down from each new `retry_after`. A new value,
/// even the same number again, starts the count anew; `None` ends it.
pub(crate) fn countdown(retry_after: Signal<Option<u32>>) -> Signal<Option<u32>> {
    let left = RwSignal::new(None::<u32>);
    Effect::new(move |previous: Option<Option<IntervalHandle>>| {
        if let Some(Some(handle)) = previous {
            handle.clear();
        }
        let seconds = retry_after.get();
        left.set(seconds);
        let deadline = now_ms() + u64::from(seconds?) * 1000;
        set_interval_with_handle(
            move || {
                let remaining = deadline.saturating_sub(now_ms()).div_ceil(1000) as u32;
                left.set(Some(remaining));
            },
            std::time::Duration::from_millis(250),
        )
        .ok()
    });
    left.into()
}

//! Keeps requests to a help desk that limits requests per second within its limit.

use std::cell::RefCell;

use crate::browser::clock::{now_ms, sleep};
use crate::contract::backends::{Pace, Wait};

/// The pace of requests to one help desk that limits requests per second, shared by every widget
/// on the page, with the requests waiting for an answer to free a place.
struct Desk {
    api_base: String,
    pace: Pace,
    waiting: Vec<js_sys::Function>,
}

thread_local! {
    static DESKS: RefCell<Vec<Desk>> = const { RefCell::new(Vec::new()) };
}

/// Waits until one more request to `api_base` keeps within `limit` a second, and takes its turn.
/// The request counts until a second after its [`Turn`] is dropped.
pub(super) async fn keep_pace(api_base: &str, limit: u32) -> Turn {
    loop {
        let now = now_ms();
        let wait = with_desk(api_base, limit, |desk| match desk.pace.wait(now) {
            Wait::Nothing => Ok(desk.pace.start(now)),
            wait => Err(wait),
        });
        match wait {
            Ok(number) => {
                return Turn {
                    api_base: api_base.to_owned(),
                    limit,
                    number,
                }
            }
            Err(Wait::Ms(ms)) => sleep(ms).await,
            Err(_) => answer_to(api_base, limit).await,
        }
    }
}

/// Resolves when a request to `api_base` is done.
async fn answer_to(api_base: &str, limit: u32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        with_desk(api_base, limit, |desk| desk.waiting.push(resolve));
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// A request's place among the ones that count against its help desk's limit, from when it took
/// its turn until a second after it is dropped: the help desk has the request by then.
pub(super) struct Turn {
    api_base: String,
    limit: u32,
    number: u64,
}

impl Drop for Turn {
    fn drop(&mut self) {
        let now = now_ms();
        let waiting = with_desk(&self.api_base, self.limit, |desk| {
            desk.pace.answered(self.number, now);
            std::mem::take(&mut desk.waiting)
        });
        // Each one looks again at what it has to wait for.
        for resolve in waiting {
            let _ = resolve.call0(&wasm_bindgen::JsValue::UNDEFINED);
        }
    }
}

fn with_desk<T>(api_base: &str, limit: u32, job: impl FnOnce(&mut Desk) -> T) -> T {
    DESKS.with_borrow_mut(|desks| {
        let at = match desks.iter().position(|desk| desk.api_base == api_base) {
            Some(at) => at,
            None => {
                desks.push(Desk {
                    api_base: api_base.to_owned(),
                    pace: Pace::per_second(limit),
                    waiting: Vec::new(),
                });
                desks.len() - 1
            }
        };
        job(&mut desks[at])
    })
}

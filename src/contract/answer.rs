//! Reading the help desk's answers into one typed outcome.
//!
//! Only a 2xx whose body says `error: false` (and, for the store endpoint, carries `data.id`) is a
//! success. Everything else is a [`Failure`] the widget can put into words.

use serde::{Deserialize, Serialize};
use serde_json::Value;

/// The rate-limit headers of an answer.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RateLimit {
    /// `X-RateLimit-Limit`: requests allowed per minute.
    pub limit: Option<u32>,
    /// `X-RateLimit-Remaining`: requests left in the current minute.
    pub remaining: Option<u32>,
    /// `Retry-After`: seconds until the next request may be sent.
    pub retry_after: Option<u32>,
}

impl RateLimit {
    /// Reads the three headers, given a way to look a header up by its lower-case name. A value
    /// that is not a whole number of seconds (an HTTP date, say) counts as absent.
    pub fn from_headers(header: impl Fn(&str) -> Option<String>) -> Self {
        let number = |name: &str| header(name).and_then(|value| value.trim().parse().ok());
        RateLimit {
            limit: number("x-ratelimit-limit"),
            remaining: number("x-ratelimit-remaining"),
            retry_after: number("retry-after"),
        }
    }
}

/// A 422 message for one field, under the name the server used.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ServerFieldError {
    pub field: String,
    pub messages: Vec<String>,
}

/// Why a request did not succeed. `message` is the server's own text, when it sent one.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Failure {
    /// 422: the server refused some fields.
    Invalid {
        message: Option<String>,
        errors: Vec<ServerFieldError>,
    },
    /// 401: no token, or one the server does not know.
    Unauthenticated { message: Option<String> },
    /// 403: the token may not do this.
    Forbidden { message: Option<String> },
    /// 404: the endpoint, the channel or the ticket does not exist.
    NotFound { message: Option<String> },
    /// The help desk refused the request and said why: a 400, say, or an answer that reports
    /// an error with a success status. Nothing was added.
    Refused { message: Option<String> },
    /// 429: too many requests; the headers say when to try again.
    RateLimited(RateLimit),
    /// 5xx: the server failed.
    ServerError {
        status: u16,
        message: Option<String>,
    },
    /// The browser was offline, so nothing was sent.
    Offline,
    /// No answer: the request was blocked (by an ad blocker, say), the service could not be
    /// reached, or the connection dropped. The browser does not say which, so the request may
    /// have arrived.
    Network,
    /// No answer in time; the request may still have arrived.
    Timeout,
    /// The widget's own count: this browser already sent as many tickets as the store endpoint
    /// allows in its window. Nothing was sent; sending is possible after `retry_after` seconds.
    TooManySent { retry_after: u32 },
    /// An answer that fits none of the above: another status, or a 2xx that does not say
    /// `error: false` with the expected data.
    Unexpected {
        status: u16,
        message: Option<String>,
    },
}

impl Failure {
    /// Whether the request may have arrived although no success came back: a dropped
    /// connection, a timeout, or a gateway's 502 or 504. Such a request is never sent again
    /// without the user's say.
    pub fn is_ambiguous(&self) -> bool {
        matches!(
            self,
            Failure::Network
                | Failure::Timeout
                | Failure::ServerError {
                    status: 502 | 504,
                    ..
                }
        )
    }

    /// The stable code a host page reads in `feedback:error`'s `detail.code`, one per kind of
    /// failure, so that it can tell a 429 from a 401 without reading the English message.
    pub fn code(&self) -> &'static str {
        match self {
            Failure::Invalid { .. } => "invalid",
            Failure::Unauthenticated { .. } => "unauthenticated",
            Failure::Forbidden { .. } => "forbidden",
            Failure::NotFound { .. } => "not_found",
            Failure::Refused { .. } => "refused",
            Failure::RateLimited(_) => "rate_limited",
            Failure::TooManySent { .. } => "too_many_sent",
            Failure::ServerError { .. } if self.is_ambiguous() => "gateway",
            Failure::ServerError { .. } => "server",
            Failure::Offline => "offline",
            Failure::Network => "blocked_or_network",
            Failure::Timeout => "timeout",
            Failure::Unexpected { .. } => "unreadable",
        }
    }

    /// Seconds until sending is allowed again, for a rate limit that names them.
    pub fn retry_after(&self) -> Option<u32> {
        match self {
            Failure::RateLimited(rate) => rate.retry_after,
            Failure::TooManySent { retry_after } => Some(*retry_after),
            _ => None,
        }
    }
}

/// A ticket the server confirmed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Ticket {
    pub id: i64,
    pub number: Option<String>,
}

impl Ticket {
    /// What to show the user: the ticket number, or `#id` when the server gave none.
    pub fn label(&self) -> String {
        match &self.number {
            Some(number) => number.clone(),
            None => format!("#{}", self.id),
        }
    }
}

/// Reads the store endpoint's answer. `body` is `None` when it was empty or not JSON.
pub fn read_store_answer(
    status: u16,
    rate: RateLimit,
    body: Option<&Value>,
) -> Result<Ticket, Failure> {
    read_answer(status, rate, body, |data| {
        let id = data.get("id")?.as_i64().filter(|id| *id > 0)?;
        let number = match data.get("ticket_number") {
            None | Some(Value::Null) => None,
            Some(Value::String(number)) if !number.trim().is_empty() => Some(number.clone()),
            Some(Value::String(_)) => None,
            Some(_) => return None,
        };
        Some(Ticket { id, number })
    })
}

/// Reads the reply endpoint's answer. `body` is `None` when it was empty or not JSON.
pub fn read_reply_answer(
    status: u16,
    rate: RateLimit,
    body: Option<&Value>,
) -> Result<(), Failure> {
    read_answer(status, rate, body, |_| Some(()))
}

fn read_answer<T>(
    status: u16,
    rate: RateLimit,
    body: Option<&Value>,
    success: impl FnOnce(&Value) -> Option<T>,
) -> Result<T, Failure> {
    let message = body
        .and_then(|body| body.get("message"))
        .and_then(Value::as_str)
        .map(str::to_owned);
    match status {
        200..=299 => {
            let confirmed = body
                .filter(|body| body.get("error") == Some(&Value::Bool(false)))
                .and_then(|body| success(body.get("data").unwrap_or(&Value::Null)));
            confirmed.ok_or(Failure::Unexpected { status, message })
        }
        401 => Err(Failure::Unauthenticated { message }),
        403 => Err(Failure::Forbidden { message }),
        404 => Err(Failure::NotFound { message }),
        422 => Err(Failure::Invalid {
            message,
            errors: body.map(field_errors).unwrap_or_default(),
        }),
        429 => Err(Failure::RateLimited(rate)),
        500..=599 => Err(Failure::ServerError { status, message }),
        _ => Err(Failure::Unexpected { status, message }),
    }
}

/// The `errors` object of a 422, keeping every entry that is a string or a list of strings.
pub(super) fn field_errors(body: &Value) -> Vec<ServerFieldError> {
    let Some(errors) = body.get("errors").and_then(Value::as_object) else {
        return Vec::new();
    };
    errors
        .iter()
        .filter_map(|(field, messages)| {
            let messages: Vec<String> = match messages {
                Value::String(message) => vec![message.clone()],
                Value::Array(list) => list
                    .iter()
                    .filter_map(Value::as_str)
                    .map(str::to_owned)
                    .collect(),
                _ => Vec::new(),
            };
            (!messages.is_empty()).then(|| ServerFieldError {
                field: field.clone(),
                messages,
            })
        })
        .collect()
}

//! Reading back what the widget stored (drafts, the outbox, the request log) and the JSON values
//! it keeps, without serde's derived deserializers.
//!
//! The values are written with their derived `Serialize`; this reads exactly that shape. The
//! derived `Deserialize` would do the same, but in the wasm serde's deserializers, with their
//! error texts and the float formatting behind them, cost about 13 KB brotli (README, Size).
//! `tests/stored.rs` checks both readings agree on every variant, so an outbox written by one
//! version is read by the next.

use serde_json::{Map, Value};

use super::answer::{Failure, RateLimit, ServerFieldError, Ticket};
use super::field::{Choice, Priority, TicketType};
use super::outbox::{Entry, Outbox, Outcome};
use super::request_log::RequestLog;
use super::store::{Draft, StoreRequest};

/// A value read from JSON in the shape its derived `Serialize` writes; `None` when it has another
/// shape. Unknown object fields are ignored, as serde's derived code ignores them.
pub trait FromJson: Sized {
    fn from_json(value: &Value) -> Option<Self>;
}

/// An object's fields. An absent field reads as `null`, which is `None` for an `Option`, as
/// with serde.
struct Fields<'a>(&'a Map<String, Value>);

impl<'a> Fields<'a> {
    fn of(value: &'a Value) -> Option<Self> {
        value.as_object().map(Fields)
    }

    fn get<T: FromJson>(&self, key: &str) -> Option<T> {
        T::from_json(self.0.get(key).unwrap_or(&Value::Null))
    }
}

/// An externally tagged enum value, as serde writes one: a unit variant is its name, any other
/// variant an object with the name as its one key.
fn variant(value: &Value) -> Option<(&str, &Value)> {
    match value {
        Value::String(name) => Some((name, &Value::Null)),
        Value::Object(map) if map.len() == 1 => map.iter().next().map(|(k, v)| (k.as_str(), v)),
        _ => None,
    }
}

impl<T: FromJson> FromJson for Option<T> {
    fn from_json(value: &Value) -> Option<Self> {
        match value {
            Value::Null => Some(None),
            value => T::from_json(value).map(Some),
        }
    }
}

impl<T: FromJson> FromJson for Vec<T> {
    fn from_json(value: &Value) -> Option<Self> {
        value.as_array()?.iter().map(T::from_json).collect()
    }
}

impl FromJson for String {
    fn from_json(value: &Value) -> Option<Self> {
        value.as_str().map(str::to_owned)
    }
}

impl FromJson for u64 {
    fn from_json(value: &Value) -> Option<Self> {
        value.as_u64()
    }
}

impl FromJson for i64 {
    fn from_json(value: &Value) -> Option<Self> {
        value.as_i64()
    }
}

/// The smaller whole numbers: out of range is another shape, as with serde.
macro_rules! narrow_from_json {
    ($($number:ty),*) => {$(
        impl FromJson for $number {
            fn from_json(value: &Value) -> Option<Self> {
                value.as_u64().and_then(|number| number.try_into().ok())
            }
        }
    )*};
}
narrow_from_json!(u8, u16, u32);

impl FromJson for Priority {
    fn from_json(value: &Value) -> Option<Self> {
        Priority::parse(value.as_str()?)
    }
}

impl FromJson for TicketType {
    fn from_json(value: &Value) -> Option<Self> {
        TicketType::parse(value.as_str()?)
    }
}

impl FromJson for Draft {
    fn from_json(value: &Value) -> Option<Self> {
        let fields = Fields::of(value)?;
        Some(Draft {
            subject: fields.get("subject")?,
            message: fields.get("message")?,
            rating: fields.get("rating")?,
            kind: fields.get("type")?,
            priority: fields.get("priority")?,
        })
    }
}

impl FromJson for StoreRequest {
    fn from_json(value: &Value) -> Option<Self> {
        let fields = Fields::of(value)?;
        Some(StoreRequest {
            channel_slug: fields.get("channel_slug")?,
            subject: fields.get("subject")?,
            message: fields.get("message")?,
            priority: fields.get("priority")?,
            rating: fields.get("rating")?,
            kind: fields.get("type")?,
            tool_key: fields.get("tool_key")?,
            page: fields.get("page")?,
            user_agent: fields.get("user_agent")?,
        })
    }
}

impl FromJson for Ticket {
    fn from_json(value: &Value) -> Option<Self> {
        let fields = Fields::of(value)?;
        Some(Ticket {
            id: fields.get("id")?,
            number: fields.get("number")?,
        })
    }
}

impl FromJson for RateLimit {
    fn from_json(value: &Value) -> Option<Self> {
        let fields = Fields::of(value)?;
        Some(RateLimit {
            limit: fields.get("limit")?,
            remaining: fields.get("remaining")?,
            retry_after: fields.get("retry_after")?,
        })
    }
}

impl FromJson for ServerFieldError {
    fn from_json(value: &Value) -> Option<Self> {
        let fields = Fields::of(value)?;
        Some(ServerFieldError {
            field: fields.get("field")?,
            messages: fields.get("messages")?,
        })
    }
}

impl FromJson for Failure {
    fn from_json(value: &Value) -> Option<Self> {
        let (name, body) = variant(value)?;
        let fields = || Fields::of(body);
        let message = || fields()?.get("message");
        Some(match name {
            "Invalid" => Failure::Invalid {
                message: message()?,
                errors: fields()?.get("errors")?,
            },
            "Unauthenticated" => Failure::Unauthenticated {
                message: message()?,
            },
            "Forbidden" => Failure::Forbidden {
                message: message()?,
            },
            "NotFound" => Failure::NotFound {
                message: message()?,
            },
            "Refused" => Failure::Refused {
                message: message()?,
            },
            "RateLimited" => Failure::RateLimited(RateLimit::from_json(body)?),
            "ServerError" => Failure::ServerError {
                status: fields()?.get("status")?,
                message: message()?,
            },
            "Offline" => Failure::Offline,
            "Network" => Failure::Network,
            "Timeout" => Failure::Timeout,
            "TooManySent" => Failure::TooManySent {
                retry_after: fields()?.get("retry_after")?,
            },
            "Unexpected" => Failure::Unexpected {
                status: fields()?.get("status")?,
                message: message()?,
            },
            _ => return None,
        })
    }
}

impl FromJson for Outcome {
    fn from_json(value: &Value) -> Option<Self> {
        match variant(value)? {
            ("Delivered", ticket) => Ticket::from_json(ticket).map(Outcome::Delivered),
            ("Returned", failure) => Failure::from_json(failure).map(Outcome::Returned),
            _ => None,
        }
    }
}

impl FromJson for Entry {
    fn from_json(value: &Value) -> Option<Self> {
        let fields = Fields::of(value)?;
        Some(Entry {
            id: fields.get("id")?,
            request: fields.get("request")?,
            queued_at: fields.get("queued_at")?,
            attempts: fields.get("attempts")?,
            next_at: fields.get("next_at")?,
            sending_since: fields.get("sending_since")?,
            outcome: fields.get("outcome")?,
        })
    }
}

impl FromJson for Outbox {
    fn from_json(value: &Value) -> Option<Self> {
        Some(Outbox {
            entries: Fields::of(value)?.get("entries")?,
        })
    }
}

impl FromJson for RequestLog {
    fn from_json(value: &Value) -> Option<Self> {
        Some(RequestLog {
            sent_at: Fields::of(value)?.get("sent_at")?,
        })
    }
}

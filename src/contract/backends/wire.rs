//! What the backends share on the wire: the Bearer header, path segments, the ticket id in a
//! path, the usual statuses and reading a string out of an answer.

#[cfg(feature = "helpdesks")]
use serde_json::Value;

#[cfg(feature = "helpdesks")]
use super::target::{Target, TargetProblem};
#[cfg(feature = "helpdesks")]
use crate::contract::answer::{Failure, RateLimit};

/// The `Authorization` header for a Bearer token, when there is one.
pub fn bearer(token: Option<&str>) -> Vec<(&'static str, String)> {
    token
        .map(|token| ("Authorization", format!("Bearer {token}")))
        .into_iter()
        .collect()
}

/// Characters a path segment keeps as they are: letters, digits and the unreserved `-._~`.
#[cfg(feature = "helpdesks")]
const SEGMENT: &percent_encoding::AsciiSet = &percent_encoding::NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~');

/// `value` as one path segment of a URL.
#[cfg(feature = "helpdesks")]
pub(super) fn segment(value: &str) -> String {
    percent_encoding::utf8_percent_encode(value, SEGMENT).to_string()
}

/// The problems with a ticket id that goes into a URL path: it must be there, and it must not
/// be `.` or `..`, which URLs read as "this folder" and "the folder above".
#[cfg(feature = "helpdesks")]
pub(super) fn check_path_ticket(target: &Target, example: &'static str) -> Vec<TargetProblem> {
    match target.ticket.trim() {
        "" => vec![TargetProblem::TicketMissing { example }],
        "." | ".." => vec![TargetProblem::NotATicketId {
            ticket: target.ticket.clone(),
        }],
        _ => Vec::new(),
    }
}

/// A failure for a status that is not a success, with the server's own message.
#[cfg(feature = "helpdesks")]
pub(super) fn failure_for(status: u16, rate: RateLimit, message: Option<String>) -> Failure {
    match status {
        400 | 409 | 422 => Failure::Refused { message },
        401 => Failure::Unauthenticated { message },
        403 => Failure::Forbidden { message },
        404 => Failure::NotFound { message },
        429 => Failure::RateLimited(rate),
        500..=599 => Failure::ServerError { status, message },
        _ => Failure::Unexpected { status, message },
    }
}

/// The string at `path` in `body`.
#[cfg(feature = "helpdesks")]
pub(super) fn text_at(body: Option<&Value>, path: &[&str]) -> Option<String> {
    let mut value = body?;
    for key in path {
        value = value.get(key)?;
    }
    value.as_str().map(str::to_owned)
}

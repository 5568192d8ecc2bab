//! What can be wrong with the integrator's configuration, as data: the UI words it
//! (`ui/texts/config.rs`), for the console and the `error` event.

use super::backends::{BackendKind, TargetProblem};
use super::rules::FieldError;

/// A setting of the integrator's that the widget can't work with.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ConfigProblem {
    /// The channel (`data-channel`) or the tool key (`data-tool-key`) breaks the API's rule.
    Integration(FieldError),
    /// No API base (`data-api-base`).
    ApiBaseMissing,
    /// The API base is not a URL.
    ApiBaseNotUrl { raw: String },
    /// The API base is a URL, but not an http or https one.
    ApiBaseNotHttp { raw: String },
    /// The token has characters that can't be sent in a header.
    TokenNotSendable,
    /// The reply target doesn't suit the backend.
    Target {
        backend: BackendKind,
        problem: TargetProblem,
    },
    /// An attribute holds a word it doesn't take (`allowed` lists those it does); the default
    /// is used.
    NotAWord {
        attribute: &'static str,
        value: String,
        allowed: &'static str,
    },
    /// An id, in an attribute or in a JS argument's field, is not a whole number.
    NotAWholeNumber {
        name: &'static str,
        value: Option<String>,
    },
    /// `data-labels` is not JSON.
    LabelsNotJson,
    /// The labels are not an object of texts by key.
    LabelsNotAnObject,
    /// A label is not a string.
    LabelNotText { key: String },
    /// Label keys that name no text; the other labels still apply.
    UnknownLabels { keys: Vec<String> },
    /// A word that names no backend of this build. `tickets_instead`: the widget goes on making
    /// new tickets, since it has a channel.
    UnknownBackend { word: String, tickets_instead: bool },
    /// `setBackend` was given something other than a backend's name or null.
    BackendNotAName,
    /// `setBackend` or `setTicket` was given neither a ticket id nor an object of fields.
    NotATicket,
    /// The open selector (`data-open-selector`) is not a CSS selector.
    NotASelector { selector: String },
    /// `setToolKey` on a widget that only replies to a ticket, and so sends no tool key.
    NoToolKeyForReplies,
    /// `setBackend(null)` on a widget set up with `data-backend`: there is no form for new
    /// tickets to go back to.
    NoFormToGoBackTo,
    /// `setLocale` with a language that is not built in.
    UnknownLocale,
    /// A problem, after where it was found: an attribute or a call of the JS API.
    At {
        place: &'static str,
        problem: Box<ConfigProblem>,
    },
}

/// Whether `token` can go into an `Authorization: Bearer …` header as it is: visible ASCII only,
/// as a bearer token is written.
pub fn token_sendable(token: &str) -> bool {
    token.bytes().all(|byte| byte.is_ascii_graphic())
}

#[cfg(test)]
mod tests {
    use super::token_sendable;

    #[test]
    fn a_token_is_visible_ascii() {
        for token in ["demo-token", "eyJhbGciOi.J9.x_y~+/=", "a"] {
            assert!(token_sendable(token), "{token:?}");
        }
        for token in ["demo token", "tok\u{e9}n", "line\nbreak", "tab\t", "\u{7f}"] {
            assert!(!token_sendable(token), "{token:?}");
        }
    }
}

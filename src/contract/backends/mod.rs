//! The help desks a reply can go to: this API's own reply endpoint and three others. Each backend
//! builds its HTTP request and reads its answer into the same outcome, so that the form knows no
//! more of a backend than what it shows: a thread where the answer has one, attachments where the
//! backend takes them.
//!
//! The three other help desks are in the `helpdesks` feature, so that a widget which only talks
//! to this API does not carry them.

mod default;
#[cfg(feature = "helpdesks")]
pub mod html;
#[cfg(feature = "helpdesks")]
mod klantportaal;
#[cfg(feature = "helpdesks")]
mod series;
#[cfg(feature = "helpdesks")]
mod whmcs;

use serde_json::Value;

use super::answer::{Failure, RateLimit};
use super::rules::FieldError;

#[cfg(feature = "helpdesks")]
pub use series::Pace;
#[cfg(feature = "helpdesks")]
pub use whmcs::{decode_attachments, encode_attachments, AttachmentProblem, AttachmentRules};

/// Which help desk a widget posts replies to (`data-backend`). The `helpdesks` feature adds
/// variants, so code outside this crate can't count on knowing them all.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub enum BackendKind {
    /// This API's own reply endpoint, `…/support/tickets/reply`.
    #[default]
    Default,
    /// Mijn Klantportaal: `POST {base}/tickets/{id}` with an HTML message.
    #[cfg(feature = "helpdesks")]
    Klantportaal,
    /// Series: `POST {base}/tickets/{id}/reply` as a staff member, with an API key.
    #[cfg(feature = "helpdesks")]
    Series,
    /// WHMCS: `AddTicketReply` as multipart form data, with attachments.
    #[cfg(feature = "helpdesks")]
    Whmcs,
}

impl BackendKind {
    /// The backends this build has.
    pub const ALL: &[BackendKind] = &[
        BackendKind::Default,
        #[cfg(feature = "helpdesks")]
        BackendKind::Klantportaal,
        #[cfg(feature = "helpdesks")]
        BackendKind::Series,
        #[cfg(feature = "helpdesks")]
        BackendKind::Whmcs,
    ];

    /// The `data-backend` words of the other help desks, which only a build with the
    /// `helpdesks` feature has.
    pub const HELPDESKS: [&str; 3] = ["klantportaal", "series", "whmcs"];

    /// The `data-backend` word.
    pub fn name(self) -> &'static str {
        match self {
            BackendKind::Default => "default",
            #[cfg(feature = "helpdesks")]
            BackendKind::Klantportaal => "klantportaal",
            #[cfg(feature = "helpdesks")]
            BackendKind::Series => "series",
            #[cfg(feature = "helpdesks")]
            BackendKind::Whmcs => "whmcs",
        }
    }

    /// The backend a `data-backend` word names, if this build has it.
    pub fn parse(word: &str) -> Option<BackendKind> {
        BackendKind::ALL
            .iter()
            .copied()
            .find(|kind| kind.name() == word.trim())
    }

    /// Why `parse` refused `word`, in English, for the console.
    pub fn unknown(word: &str) -> String {
        let word = word.trim();
        if BackendKind::HELPDESKS.contains(&word) {
            return format!(
                "\"{word}\" is not in this build of the widget: the other help desks are in \
                 feedback-widget-helpdesks.js (for a Rust app, the \"helpdesks\" feature)."
            );
        }
        let names: Vec<&str> = BackendKind::ALL.iter().map(|kind| kind.name()).collect();
        format!("\"{word}\" is not one of {}.", names.join(", "))
    }

    /// The backend itself.
    pub fn backend(self) -> &'static dyn Backend {
        match self {
            BackendKind::Default => &default::Default,
            #[cfg(feature = "helpdesks")]
            BackendKind::Klantportaal => &klantportaal::Klantportaal,
            #[cfg(feature = "helpdesks")]
            BackendKind::Series => &series::Series,
            #[cfg(feature = "helpdesks")]
            BackendKind::Whmcs => &whmcs::Whmcs,
        }
    }
}

/// A request to send, described without sending it.
#[derive(Clone, Debug, PartialEq)]
pub struct HttpRequest {
    /// Always POSTed.
    pub url: String,
    pub headers: Vec<(&'static str, String)>,
    pub body: HttpBody,
}

#[derive(Clone, Debug, PartialEq)]
pub enum HttpBody {
    Json(Value),
    /// `multipart/form-data` fields, all text.
    Form(Vec<(&'static str, String)>),
}

/// A file the user attached.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Attachment {
    pub name: String,
    /// The browser's media type for it; may be empty.
    pub mime: String,
    pub data: Vec<u8>,
}

/// The ticket a reply goes to and who it is from, as the integrator configured it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Target {
    /// The ticket's id (`data-ticket-id`): a number for the default backend and WHMCS.
    pub ticket: String,
    /// Series: the staff member replying (`data-staff-user-id`).
    pub staff_user_id: Option<i64>,
    /// WHMCS: the contact to file the reply under (`data-contact-id`).
    pub contact_id: Option<i64>,
    /// WHMCS: a name and email for a reply from neither an admin nor a client.
    pub name: Option<String>,
    pub email: Option<String>,
    /// WHMCS: render the reply as markdown (`data-markdown`).
    pub markdown: bool,
}

/// One message of a ticket's thread, as a help desk returns it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ThreadMessage {
    pub posted_by: String,
    pub posted_at: String,
    pub from_customer: bool,
    /// The message as text, whatever markup it came in.
    pub text: String,
    /// Name and size in bytes of each attachment.
    pub attachments: Vec<(String, u64)>,
}

/// What a confirmed reply returns.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Receipt {
    /// The ticket's messages, when the help desk sends them back.
    pub thread: Option<Vec<ThreadMessage>>,
}

/// What a backend's form shows beyond the message.
#[derive(Clone, Debug, Default, PartialEq)]
#[non_exhaustive]
pub struct Capabilities {
    /// The attachment limits, when the backend takes attachments.
    #[cfg(feature = "helpdesks")]
    pub attachments: Option<AttachmentRules>,
    /// The most code points a message may have, when the backend documents a limit.
    pub max_chars: Option<usize>,
}

/// A help desk's reply endpoint.
pub trait Backend: Sync {
    fn kind(&self) -> BackendKind;

    fn capabilities(&self) -> Capabilities;

    /// Requests per second the help desk allows, when it documents a limit.
    fn per_second(&self) -> Option<u32> {
        None
    }

    /// What is wrong with the integrator's target for this backend, in English, for the
    /// console. Empty when it is fine.
    fn check_target(&self, target: &Target) -> Vec<String>;

    /// The message as it will be sent, trimmed, or what the help desk would refuse in it.
    fn check_message(&self, message: &str) -> Result<String, Vec<FieldError>> {
        message_text(message, self.capabilities().max_chars)
    }

    /// The request for `message` and `attachments` to `target`, or what is wrong with the
    /// message. `token` is the Bearer token or API key.
    fn request(
        &self,
        api_base: &str,
        target: &Target,
        message: &str,
        attachments: &[Attachment],
        token: Option<&str>,
    ) -> Result<HttpRequest, Vec<FieldError>>;

    /// Reads the answer. `body` is `None` when it was empty or not JSON.
    fn read(&self, status: u16, rate: RateLimit, body: Option<&Value>) -> Result<Receipt, Failure>;
}

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
fn segment(value: &str) -> String {
    percent_encoding::utf8_percent_encode(value, SEGMENT).to_string()
}

/// The problems with a ticket id that goes into a URL path: it must be there, and it must not
/// be `.` or `..`, which URLs read as "this folder" and "the folder above".
#[cfg(feature = "helpdesks")]
fn check_path_ticket(target: &Target, example: &str) -> Vec<String> {
    match target.ticket.trim() {
        "" => vec![format!(
            "the ticket id (data-ticket-id) is missing, such as {example}."
        )],
        "." | ".." => vec![format!(
            "the ticket id (data-ticket-id) \"{}\" is not a ticket id.",
            target.ticket
        )],
        _ => Vec::new(),
    }
}

/// The message of a required, trimmed text, or the problem with it.
fn message_text(message: &str, max: Option<usize>) -> Result<String, Vec<FieldError>> {
    use super::field::Field;
    use super::rules::Problem;
    let problem = |problem| vec![FieldError::new(Field::Message, problem)];
    let text = super::text::server_trim(message);
    if text.is_empty() {
        return Err(problem(Problem::Required));
    }
    match max {
        Some(max) if super::text::code_points(text) > max => Err(problem(Problem::TooLong { max })),
        _ => Ok(text.to_owned()),
    }
}

/// A failure for a status that is not a success, with the server's own message.
#[cfg(feature = "helpdesks")]
fn failure_for(status: u16, rate: RateLimit, message: Option<String>) -> Failure {
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
fn text_at(body: Option<&Value>, path: &[&str]) -> Option<String> {
    let mut value = body?;
    for key in path {
        value = value.get(key)?;
    }
    value.as_str().map(str::to_owned)
}

#[cfg(test)]
mod tests {
    use super::BackendKind;

    #[test]
    fn a_word_this_build_does_not_know_is_named_with_the_words_it_does() {
        assert_eq!(BackendKind::parse(" default "), Some(BackendKind::Default));
        assert_eq!(BackendKind::parse("zendesk"), None);
        let names: Vec<&str> = BackendKind::ALL.iter().map(|kind| kind.name()).collect();
        assert_eq!(
            BackendKind::unknown("zendesk"),
            format!("\"zendesk\" is not one of {}.", names.join(", "))
        );
    }

    #[cfg(feature = "helpdesks")]
    #[test]
    fn the_helpdesks_build_knows_every_backend() {
        for word in BackendKind::HELPDESKS {
            assert_eq!(BackendKind::parse(word).map(BackendKind::name), Some(word));
        }
        assert_eq!(
            BackendKind::unknown("zendesk"),
            "\"zendesk\" is not one of default, klantportaal, series, whmcs."
        );
    }

    #[cfg(not(feature = "helpdesks"))]
    #[test]
    fn the_main_build_points_to_the_helpdesks_build_for_the_other_help_desks() {
        assert_eq!(BackendKind::ALL, &[BackendKind::Default]);
        for word in BackendKind::HELPDESKS {
            assert_eq!(BackendKind::parse(word), None);
            let problem = BackendKind::unknown(word);
            assert!(
                problem.starts_with(&format!("\"{word}\" is not in this build of the widget"))
                    && problem.contains("feedback-widget-helpdesks.js"),
                "{problem}"
            );
        }
    }
}

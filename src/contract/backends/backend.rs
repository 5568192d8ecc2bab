//! What a help desk's reply endpoint is to the widget: the [`Backend`] trait, the request it
//! builds from a reply's parts, and what a confirmed reply returns.

use serde_json::Value;

use super::attachments::Attachment;
#[cfg(feature = "helpdesks")]
use super::attachments::AttachmentRules;
use super::kind::BackendKind;
use super::target::{Target, TargetProblem};
use crate::contract::answer::{Failure, RateLimit};
use crate::contract::field::Field;
use crate::contract::rules::{FieldError, Problem};
use crate::contract::text::{code_points, server_trim};

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

/// Everything a backend builds a reply request from.
#[derive(Clone, Copy, Debug)]
pub struct ReplyParts<'a> {
    /// The help desk's API base, absolute, without a trailing slash.
    pub api_base: &'a str,
    pub target: &'a Target,
    /// The message as the user typed it; the backend checks and trims it.
    pub message: &'a str,
    /// Files to send with it; only backends that take attachments read them.
    pub attachments: &'a [Attachment],
    /// The Bearer token or API key, when there is one.
    pub token: Option<&'a str>,
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

    /// What is wrong with the integrator's target for this backend. Empty when it is fine.
    fn check_target(&self, target: &Target) -> Vec<TargetProblem>;

    /// The message as it will be sent, trimmed, or what the help desk would refuse in it.
    fn check_message(&self, message: &str) -> Result<String, Vec<FieldError>> {
        message_text(message, self.capabilities().max_chars)
    }

    /// The request for `reply`, or what is wrong with its message.
    fn request(&self, reply: &ReplyParts) -> Result<HttpRequest, Vec<FieldError>>;

    /// Reads the answer. `body` is `None` when it was empty or not JSON.
    fn read(&self, status: u16, rate: RateLimit, body: Option<&Value>) -> Result<Receipt, Failure>;
}

/// The message of a required, trimmed text, or the problem with it.
fn message_text(message: &str, max: Option<usize>) -> Result<String, Vec<FieldError>> {
    let problem = |problem| vec![FieldError::new(Field::Message, problem)];
    let text = server_trim(message);
    if text.is_empty() {
        return Err(problem(Problem::Required));
    }
    match max {
        Some(max) if code_points(text) > max => Err(problem(Problem::TooLong { max })),
        _ => Ok(text.to_owned()),
    }
}

//! The reply request: details the user adds to the ticket they just made.

use serde::{Deserialize, Serialize};

use super::field::Field;
use super::rules::{
    check_boolean, check_integer, check_required_text, Checker, FieldError, Input, Problem,
};

/// The body of `POST …/support/tickets/reply`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReplyRequest {
    pub ticket_id: i64,
    pub message: String,
    /// Always false from the widget: a public form never writes staff-only notes.
    pub is_internal: bool,
}

impl ReplyRequest {
    /// A public reply to `ticket_id`, or the errors the server would answer with.
    pub fn public(ticket_id: i64, message: &str) -> Result<Self, Vec<FieldError>> {
        validate_reply(|field| match field {
            Field::TicketId => Input::Integer(ticket_id),
            Field::Message => Input::Text(message),
            Field::IsInternal => Input::Bool(false),
            _ => Input::Absent,
        })
    }
}

/// Checks a reply body field by field, as the server does.
pub fn validate_reply<'a>(
    input: impl Fn(Field) -> Input<'a>,
) -> Result<ReplyRequest, Vec<FieldError>> {
    let mut check = Checker::default();
    let ticket_id = check.take(
        Field::TicketId,
        check_integer(input(Field::TicketId)).and_then(|id| id.ok_or(Problem::Required)),
    );
    let message = check.take(
        Field::Message,
        check_required_text(Field::Message, input(Field::Message)),
    );
    let is_internal = check.take(Field::IsInternal, check_boolean(input(Field::IsInternal)));
    let parts = ticket_id.zip(message).zip(is_internal);
    check
        .finish(parts)
        .map(|((ticket_id, message), is_internal)| ReplyRequest {
            ticket_id,
            message: message.to_owned(),
            is_internal: is_internal.unwrap_or(false),
        })
}

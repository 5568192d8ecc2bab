//! This API's own reply endpoint: `POST {base}/services/platforms/v1/support/tickets/reply`, the
//! same endpoint the form uses to add details to a ticket it just made.

use serde_json::{json, Value};

use super::backend::{Backend, Capabilities, HttpBody, HttpRequest, Receipt, ReplyParts};
use super::kind::BackendKind;
use super::target::{Target, TargetProblem};
use super::wire::bearer;
use crate::contract::answer::{read_reply_answer, Failure, RateLimit};
use crate::contract::field::Field;
use crate::contract::reply::ReplyRequest;
use crate::contract::rules::FieldError;

pub const REPLY_PATH: &str = "/services/platforms/v1/support/tickets/reply";

pub struct Default;

/// The ticket id as the endpoint takes it: a positive integer.
fn ticket_id(target: &Target) -> Option<i64> {
    target.ticket.trim().parse().ok().filter(|id| *id > 0)
}

impl Backend for Default {
    fn kind(&self) -> BackendKind {
        BackendKind::Default
    }

    fn capabilities(&self) -> Capabilities {
        Capabilities {
            max_chars: Field::Message.max_chars(),
            #[cfg(feature = "helpdesks")]
            attachments: None,
        }
    }

    fn check_target(&self, target: &Target) -> Vec<TargetProblem> {
        match ticket_id(target) {
            Some(_) => Vec::new(),
            None => vec![TargetProblem::NotATicketNumber {
                ticket: target.ticket.clone(),
            }],
        }
    }

    fn check_message(&self, message: &str) -> Result<String, Vec<FieldError>> {
        // Any valid id does: only the message depends on the user.
        ReplyRequest::public(1, message).map(|request| request.message)
    }

    fn request(&self, reply: &ReplyParts) -> Result<HttpRequest, Vec<FieldError>> {
        let ReplyParts {
            api_base,
            target,
            message,
            token,
            ..
        } = *reply;
        let id = ticket_id(target).unwrap_or_default();
        let request = ReplyRequest::public(id, message)?;
        Ok(HttpRequest {
            url: format!("{api_base}{REPLY_PATH}"),
            headers: bearer(token),
            body: HttpBody::Json(json!({
                "ticket_id": request.ticket_id,
                "message": request.message,
                "is_internal": request.is_internal,
            })),
        })
    }

    fn read(&self, status: u16, rate: RateLimit, body: Option<&Value>) -> Result<Receipt, Failure> {
        read_reply_answer(status, rate, body).map(|()| Receipt::default())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn target(ticket: &str) -> Target {
        Target {
            ticket: ticket.into(),
            ..Target::default()
        }
    }

    #[test]
    fn builds_the_documented_body() {
        let request = Default
            .request(&ReplyParts {
                api_base: "https://api.example.com/api",
                target: &target("42"),
                message: "  More detail \n",
                attachments: &[],
                token: Some("t0k"),
            })
            .unwrap();
        assert_eq!(
            request.url,
            "https://api.example.com/api/services/platforms/v1/support/tickets/reply"
        );
        assert_eq!(
            request.headers,
            vec![("Authorization", "Bearer t0k".into())]
        );
        assert_eq!(
            request.body,
            HttpBody::Json(
                json!({"ticket_id": 42, "message": "More detail", "is_internal": false})
            )
        );
    }

    #[test]
    fn ticket_ids_are_positive_integers() {
        assert!(Default.check_target(&target("42")).is_empty());
        for bad in ["", "0", "-3", "TICKET-1", "4.5"] {
            assert_eq!(Default.check_target(&target(bad)).len(), 1, "{bad:?}");
        }
    }

    #[test]
    fn reads_the_envelope() {
        let ok = json!({"error": false, "message": "Reply added.", "data": {"id": 7}});
        assert_eq!(
            Default.read(200, RateLimit::default(), Some(&ok)),
            Ok(Receipt::default())
        );
        let refused = json!({"error": true, "message": "Ticket not found.", "data": []});
        assert_eq!(
            Default.read(404, RateLimit::default(), Some(&refused)),
            Err(Failure::NotFound {
                message: Some("Ticket not found.".into())
            })
        );
    }
}

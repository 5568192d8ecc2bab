//! WHMCS: "Add ticket reply" as `multipart/form-data` with `ticketid`, `message`, `markdown` and
//! the optional `contactid`, `name` and `email`, plus attachments as the base64 of a JSON array of
//! `{name, data}` with each file's bytes in base64. The answer is `{result, message}`.
//!
//! The document gives no URL of its own, so the widget posts to the API base as given: the
//! installation's endpoint for the call. It also sends `action=AddTicketReply` and
//! `responsetype=json`, which WHMCS's classic `includes/api.php` needs and other endpoints ignore.

use base64::engine::general_purpose::STANDARD;
use base64::Engine;
use serde_json::{json, Value};

use super::attachments::{Attachment, AttachmentRules};
use super::backend::{Backend, Capabilities, HttpBody, HttpRequest, Receipt, ReplyParts};
use super::kind::BackendKind;
use super::target::{Target, TargetProblem};
use super::wire::{bearer, failure_for, text_at};
use crate::contract::answer::{Failure, RateLimit};
use crate::contract::rules::FieldError;

pub struct Whmcs;

/// The `attachments` field: base64 of the JSON array of `{name, data}`, `data` in base64.
pub fn encode_attachments(attachments: &[Attachment]) -> String {
    let list: Vec<Value> = attachments
        .iter()
        .map(|file| json!({"name": file.name, "data": STANDARD.encode(&file.data)}))
        .collect();
    STANDARD.encode(Value::Array(list).to_string())
}

/// The files of an `attachments` field, or `None` when it is not one.
pub fn decode_attachments(field: &str) -> Option<Vec<(String, Vec<u8>)>> {
    let json = STANDARD.decode(field.trim()).ok()?;
    let list: Value = serde_json::from_slice(&json).ok()?;
    list.as_array()?
        .iter()
        .map(|file| {
            let name = file.get("name")?.as_str()?.to_owned();
            let data = STANDARD.decode(file.get("data")?.as_str()?).ok()?;
            Some((name, data))
        })
        .collect()
}

/// The ticket id as WHMCS takes it: a positive integer.
fn ticket_id(target: &Target) -> Option<i64> {
    target.ticket.trim().parse().ok().filter(|id| *id > 0)
}

impl Backend for Whmcs {
    fn kind(&self) -> BackendKind {
        BackendKind::Whmcs
    }

    fn capabilities(&self) -> Capabilities {
        Capabilities {
            attachments: Some(AttachmentRules::default()),
            max_chars: None,
        }
    }

    fn check_target(&self, target: &Target) -> Vec<TargetProblem> {
        let mut problems = Vec::new();
        if ticket_id(target).is_none() {
            problems.push(TargetProblem::NotAWhmcsTicket {
                ticket: target.ticket.clone(),
            });
        }
        if target.contact_id.is_some_and(|id| id <= 0) {
            problems.push(TargetProblem::ContactNotPositive);
        }
        if target.name.is_some() != target.email.is_some() {
            problems.push(TargetProblem::GuestNeedsNameAndEmail);
        }
        problems
    }

    fn request(&self, reply: &ReplyParts) -> Result<HttpRequest, Vec<FieldError>> {
        let ReplyParts {
            api_base,
            target,
            message,
            attachments,
            token,
        } = *reply;
        let message = self.check_message(message)?;
        let mut fields = vec![
            ("action", "AddTicketReply".to_owned()),
            ("responsetype", "json".to_owned()),
            (
                "ticketid",
                ticket_id(target).unwrap_or_default().to_string(),
            ),
            ("message", message),
            // PHP reads any non-empty string but "0" as true, so not "false".
            (
                "markdown",
                if target.markdown { "1" } else { "0" }.to_owned(),
            ),
        ];
        if let Some(contact) = target.contact_id {
            fields.push(("contactid", contact.to_string()));
        }
        if let (Some(name), Some(email)) = (&target.name, &target.email) {
            fields.push(("name", name.clone()));
            fields.push(("email", email.clone()));
        }
        if !attachments.is_empty() {
            fields.push(("attachments", encode_attachments(attachments)));
        }
        Ok(HttpRequest {
            url: api_base.to_owned(),
            headers: bearer(token),
            body: HttpBody::Form(fields),
        })
    }

    fn read(&self, status: u16, rate: RateLimit, body: Option<&Value>) -> Result<Receipt, Failure> {
        let result = text_at(body, &["result"]);
        let message = text_at(body, &["message"]);
        match (status, result.as_deref()) {
            (200..=299, Some("success")) => Ok(Receipt::default()),
            // WHMCS answers most errors with 200 and `result: error`.
            (200..=299, Some("error")) => Err(Failure::Refused { message }),
            (200..=299, _) => Err(Failure::Unexpected { status, message }),
            _ => Err(failure_for(status, rate, message)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn target() -> Target {
        Target {
            ticket: "1".into(),
            ..Target::default()
        }
    }

    fn field<'a>(request: &'a HttpRequest, name: &str) -> Option<&'a str> {
        match &request.body {
            HttpBody::Form(fields) => fields
                .iter()
                .find(|(key, _)| *key == name)
                .map(|(_, value)| value.as_str()),
            HttpBody::Json(_) => None,
        }
    }

    #[test]
    fn builds_the_documented_fields() {
        let request = Whmcs
            .request(&ReplyParts {
                api_base: "https://billing.example.com/includes/api.php",
                target: &target(),
                message: "This is a sample ticket reply",
                attachments: &[],
                token: Some("eyJ0"),
            })
            .unwrap();
        assert_eq!(request.url, "https://billing.example.com/includes/api.php");
        assert_eq!(
            request.headers,
            vec![("Authorization", "Bearer eyJ0".into())]
        );
        assert_eq!(field(&request, "ticketid"), Some("1"));
        assert_eq!(
            field(&request, "message"),
            Some("This is a sample ticket reply")
        );
        assert_eq!(field(&request, "markdown"), Some("0"));
        for optional in ["contactid", "name", "email", "attachments"] {
            assert_eq!(field(&request, optional), None, "{optional}");
        }
    }

    #[test]
    fn sends_the_optional_fields_it_has() {
        let target = Target {
            contact_id: Some(7),
            name: Some("Ann".into()),
            email: Some("ann@example.com".into()),
            markdown: true,
            ..target()
        };
        let request = Whmcs
            .request(&ReplyParts {
                api_base: "https://h/api",
                target: &target,
                message: "hi",
                attachments: &[],
                token: None,
            })
            .unwrap();
        assert_eq!(field(&request, "contactid"), Some("7"));
        assert_eq!(field(&request, "name"), Some("Ann"));
        assert_eq!(field(&request, "email"), Some("ann@example.com"));
        assert_eq!(field(&request, "markdown"), Some("1"));
        assert!(request.headers.is_empty());
    }

    #[test]
    fn encodes_attachments_as_the_document_does() {
        // The document's PHP: base64_encode(json_encode([['name' => …, 'data' => base64_encode(…)]])).
        let file = Attachment {
            name: "sample_text_file.txt".into(),
            mime: "text/plain".into(),
            data: b"This is a sample text file contents".to_vec(),
        };
        let encoded = encode_attachments(std::slice::from_ref(&file));
        let json = String::from_utf8(STANDARD.decode(&encoded).unwrap()).unwrap();
        assert_eq!(
            json,
            r#"[{"data":"VGhpcyBpcyBhIHNhbXBsZSB0ZXh0IGZpbGUgY29udGVudHM=","name":"sample_text_file.txt"}]"#
        );
        let binary = Attachment {
            name: "pixel.png".into(),
            mime: "image/png".into(),
            data: (0..=255).collect(),
        };
        let request = Whmcs
            .request(&ReplyParts {
                api_base: "https://h/api",
                target: &target(),
                message: "see files",
                attachments: &[file, binary.clone()],
                token: None,
            })
            .unwrap();
        let decoded = decode_attachments(field(&request, "attachments").unwrap()).unwrap();
        assert_eq!(decoded[1], (binary.name, binary.data));
    }

    #[test]
    fn checks_the_target() {
        assert!(Whmcs.check_target(&target()).is_empty());
        for ticket in ["", "0", "abc", "-1"] {
            let target = Target {
                ticket: ticket.into(),
                ..target()
            };
            assert_eq!(Whmcs.check_target(&target).len(), 1, "{ticket:?}");
        }
        let half_guest = Target {
            name: Some("Ann".into()),
            ..target()
        };
        assert_eq!(Whmcs.check_target(&half_guest).len(), 1);
        let bad_contact = Target {
            contact_id: Some(0),
            ..target()
        };
        assert_eq!(Whmcs.check_target(&bad_contact).len(), 1);
    }

    #[test]
    fn reads_result_and_message() {
        assert_eq!(
            Whmcs.read(
                200,
                RateLimit::default(),
                Some(&json!({"result": "success"}))
            ),
            Ok(Receipt::default())
        );
        assert_eq!(
            Whmcs.read(
                200,
                RateLimit::default(),
                Some(&json!({"result": "error", "message": "Ticket ID Not Found"}))
            ),
            Err(Failure::Refused {
                message: Some("Ticket ID Not Found".into())
            })
        );
        assert_eq!(
            Whmcs.read(
                401,
                RateLimit::default(),
                Some(&json!({"result": "error", "message": "Authentication Failed"}))
            ),
            Err(Failure::Unauthenticated {
                message: Some("Authentication Failed".into())
            })
        );
        for body in [json!({}), json!({"result": "ok"}), json!({"result": true})] {
            assert!(
                matches!(
                    Whmcs.read(200, RateLimit::default(), Some(&body)),
                    Err(Failure::Unexpected { .. })
                ),
                "{body}"
            );
        }
    }
}

//! Mijn Klantportaal: `POST {base}/tickets/{ticketId}` with `{message}`, where the message is HTML,
//! and a Bearer token. The answer is the ticket with all its messages.

use serde_json::{json, Value};

use super::backend::{
    Backend, Capabilities, HttpBody, HttpRequest, Receipt, ReplyParts, ThreadMessage,
};
use super::html;
use super::kind::BackendKind;
use super::target::{Target, TargetProblem};
use super::wire::{bearer, check_path_ticket, failure_for, segment, text_at};
use crate::contract::answer::{field_errors, Failure, RateLimit};
use crate::contract::rules::FieldError;

pub struct Klantportaal;

impl Backend for Klantportaal {
    fn kind(&self) -> BackendKind {
        BackendKind::Klantportaal
    }

    fn capabilities(&self) -> Capabilities {
        Capabilities::default()
    }

    fn check_target(&self, target: &Target) -> Vec<TargetProblem> {
        check_path_ticket(target, "tic_abc12345def678")
    }

    fn request(&self, reply: &ReplyParts) -> Result<HttpRequest, Vec<FieldError>> {
        let ReplyParts {
            api_base,
            target,
            message,
            token,
            ..
        } = *reply;
        let text = self.check_message(message)?;
        Ok(HttpRequest {
            url: format!("{api_base}/tickets/{}", segment(target.ticket.trim())),
            headers: bearer(token),
            // The user's text, escaped: nothing they type reaches the help desk as markup.
            body: HttpBody::Json(json!({ "message": html::paragraphs(&text) })),
        })
    }

    fn read(&self, status: u16, rate: RateLimit, body: Option<&Value>) -> Result<Receipt, Failure> {
        let message = text_at(body, &["message"])
            .or_else(|| text_at(body, &["error"]))
            .or_else(|| text_at(body, &["error", "message"]));
        match status {
            200..=299 => body
                .and_then(thread)
                .map(|thread| Receipt {
                    thread: Some(thread),
                })
                .ok_or(Failure::Unexpected { status, message }),
            422 => Err(Failure::Invalid {
                message,
                errors: body.map(field_errors).unwrap_or_default(),
            }),
            _ => Err(failure_for(status, rate, message)),
        }
    }
}

/// The messages of a ticket record, or `None` when the body is not one.
fn thread(ticket: &Value) -> Option<Vec<ThreadMessage>> {
    ticket.get("id")?.as_str()?;
    ticket
        .get("messages")?
        .as_array()?
        .iter()
        .map(message)
        .collect()
}

fn message(message: &Value) -> Option<ThreadMessage> {
    let text = |key: &str| match message.get(key) {
        None | Some(Value::Null) => Some(String::new()),
        Some(value) => value.as_str().map(str::to_owned),
    };
    let attachments = match message.get("attachments") {
        None | Some(Value::Null) => Vec::new(),
        Some(list) => list
            .as_array()?
            .iter()
            .map(|attachment| {
                let name = attachment.get("name")?.as_str()?.to_owned();
                let size = attachment.get("size").and_then(Value::as_u64).unwrap_or(0);
                Some((name, size))
            })
            .collect::<Option<_>>()?,
    };
    Some(ThreadMessage {
        posted_by: text("postedBy")?,
        posted_at: text("postedAt")?,
        from_customer: message
            .get("isPostedByCustomer")
            .and_then(Value::as_bool)
            .unwrap_or(false),
        text: html::to_text(&text("message")?),
        attachments,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The answer from the document.
    fn documented() -> Value {
        json!({
          "id": "tic_abc12345def678",
          "customerId": "cst_abc12354678",
          "title": "Invoice issue",
          "source": "portal",
          "status": "open",
          "messages": [
            {
              "id": "tim_abc12345def678",
              "postedBy": "John Appleseed",
              "isPostedByCustomer": true,
              "message": "<p>Hello, help me with my invoice please</p>",
              "postedAt": "2024-04-29T21:00:00+02:00",
              "attachments": [
                { "id": "tma_abc12345def678", "name": "Screenshot.png", "size": 1256, "mime": "image/png" }
              ]
            }
          ],
          "createdAt": "2024-04-29T21:00:00+02:00"
        })
    }

    #[test]
    fn posts_escaped_paragraphs_with_a_bearer_token() {
        let target = Target {
            ticket: "tic_abc12345def678".into(),
            ..Target::default()
        };
        let request = Klantportaal
            .request(&ReplyParts {
                api_base: "https://api.mijnklantportaal.nl/v1",
                target: &target,
                message: "We will look into it!\n\n<b>Soon</b>",
                attachments: &[],
                token: Some("secret"),
            })
            .unwrap();
        assert_eq!(
            request.url,
            "https://api.mijnklantportaal.nl/v1/tickets/tic_abc12345def678"
        );
        assert_eq!(
            request.headers,
            vec![("Authorization", "Bearer secret".into())]
        );
        assert_eq!(
            request.body,
            HttpBody::Json(
                json!({"message": "<p>We will look into it!</p><p>&lt;b&gt;Soon&lt;/b&gt;</p>"})
            )
        );
    }

    #[test]
    fn a_ticket_id_cannot_leave_its_path_segment() {
        let target = Target {
            ticket: "../admin?x=1#y".into(),
            ..Target::default()
        };
        let request = Klantportaal
            .request(&ReplyParts {
                api_base: "https://h/v1",
                target: &target,
                message: "hi",
                attachments: &[],
                token: None,
            })
            .unwrap();
        assert_eq!(request.url, "https://h/v1/tickets/..%2Fadmin%3Fx%3D1%23y");
        assert!(request.headers.is_empty());
    }

    #[test]
    fn an_empty_message_or_ticket_is_refused_before_sending() {
        let target = Target {
            ticket: "tic_1".into(),
            ..Target::default()
        };
        assert!(Klantportaal
            .request(&ReplyParts {
                api_base: "https://h/v1",
                target: &target,
                message: " \n ",
                attachments: &[],
                token: None
            })
            .is_err());
        assert_eq!(Klantportaal.check_target(&Target::default()).len(), 1);
        assert!(Klantportaal.check_target(&target).is_empty());
        for dots in [".", " .. "] {
            let target = Target {
                ticket: dots.into(),
                ..Target::default()
            };
            assert_eq!(Klantportaal.check_target(&target).len(), 1, "{dots:?}");
        }
    }

    #[test]
    fn reads_the_documented_thread() {
        let receipt = Klantportaal
            .read(200, RateLimit::default(), Some(&documented()))
            .unwrap();
        assert_eq!(
            receipt.thread,
            Some(vec![ThreadMessage {
                posted_by: "John Appleseed".into(),
                posted_at: "2024-04-29T21:00:00+02:00".into(),
                from_customer: true,
                text: "Hello, help me with my invoice please".into(),
                attachments: vec![("Screenshot.png".into(), 1256)],
            }])
        );
    }

    #[test]
    fn hostile_html_comes_back_as_text() {
        let mut ticket = documented();
        ticket["messages"][0]["message"] =
            json!("<p>Hi</p><script>alert(1)</script><img src=x onerror=alert(2)><a href=\"javascript:alert(3)\">there</a>");
        let receipt = Klantportaal
            .read(201, RateLimit::default(), Some(&ticket))
            .unwrap();
        assert_eq!(receipt.thread.unwrap()[0].text, "Hi\nthere");
    }

    #[test]
    fn a_success_without_a_ticket_is_not_a_success() {
        for body in [
            json!({}),
            json!({"id": "tic_1"}),
            json!({"id": "tic_1", "messages": [{"message": 5}]}),
            json!([]),
        ] {
            assert!(
                matches!(
                    Klantportaal.read(200, RateLimit::default(), Some(&body)),
                    Err(Failure::Unexpected { status: 200, .. })
                ),
                "{body}"
            );
        }
        assert!(matches!(
            Klantportaal.read(204, RateLimit::default(), None),
            Err(Failure::Unexpected { .. })
        ));
    }

    #[test]
    fn reads_errors_with_their_messages() {
        let body = json!({"message": "Ticket not found"});
        assert_eq!(
            Klantportaal.read(404, RateLimit::default(), Some(&body)),
            Err(Failure::NotFound {
                message: Some("Ticket not found".into())
            })
        );
        assert_eq!(
            Klantportaal.read(
                401,
                RateLimit::default(),
                Some(&json!({"error": "Unauthenticated"}))
            ),
            Err(Failure::Unauthenticated {
                message: Some("Unauthenticated".into())
            })
        );
        let invalid = json!({"message": "The message field is required.", "errors": {"message": ["The message field is required."]}});
        assert!(matches!(
            Klantportaal.read(422, RateLimit::default(), Some(&invalid)),
            Err(Failure::Invalid { errors, .. }) if errors.len() == 1 && errors[0].field == "message"
        ));
        assert_eq!(
            Klantportaal.read(
                400,
                RateLimit::default(),
                Some(&json!({"error": {"message": "Ticket is closed"}}))
            ),
            Err(Failure::Refused {
                message: Some("Ticket is closed".into())
            })
        );
    }
}

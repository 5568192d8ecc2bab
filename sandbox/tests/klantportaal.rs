//! Mijn Klantportaal: a message added to a ticket as the widget's backend sends it, the ticket
//! record it answers with, every refusal in Laravel's shape, and hostile HTML kept as text.

mod common;

use axum::http::StatusCode;
use common::{assert_case, klantportaal_path, target, Answer, Sandbox, TOKEN};
use feedback_widget::contract::backends::BackendKind;
use feedback_widget::contract::Failure;
use sandbox::backends::klantportaal;
use serde_json::{json, Value};

fn keys(value: &Value) -> Vec<&str> {
    let mut keys: Vec<&str> = value
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    keys.sort_unstable();
    keys
}

#[tokio::test]
async fn klantportaal_adds_the_message_and_answers_the_ticket_record() {
    let sandbox = Sandbox::new();
    let answer = sandbox
        .widget(
            BackendKind::Klantportaal,
            &target(klantportaal::EXAMPLE_TICKET),
            "We will look into it!\n\n<b>Soon</b>",
            &[],
            TOKEN,
        )
        .await;
    assert_eq!(answer.status, StatusCode::OK, "{}", answer.body);
    let record = &answer.body;
    // The document's field names, no more and no fewer.
    assert_eq!(
        keys(record),
        [
            "createdAt",
            "customerId",
            "id",
            "messages",
            "source",
            "status",
            "title"
        ]
    );
    assert_eq!(record["id"], "tic_abc12345def678");
    assert_eq!(record["customerId"], "cst_abc12354678");
    assert_eq!(record["title"], "Invoice issue");
    assert_eq!(record["source"], "portal");
    assert_eq!(record["status"], "open");
    assert_eq!(record["createdAt"], "2024-04-29T21:00:00+02:00");
    let messages = record["messages"].as_array().unwrap();
    assert_eq!(messages.len(), 3);
    for message in messages {
        assert_eq!(
            keys(message),
            [
                "attachments",
                "id",
                "isPostedByCustomer",
                "message",
                "postedAt",
                "postedBy"
            ]
        );
    }
    assert_eq!(
        messages[0],
        json!({
            "id": "tim_abc12345def678",
            "postedBy": "John Appleseed",
            "isPostedByCustomer": true,
            "message": "<p>Hello, help me with my invoice please</p>",
            "postedAt": "2024-04-29T21:00:00+02:00",
            "attachments": [
                {"id": "tma_abc12345def678", "name": "Screenshot.png", "size": 1256, "mime": "image/png"}
            ]
        })
    );
    assert_eq!(messages[1]["isPostedByCustomer"], false);
    let posted = &messages[2];
    assert!(posted["id"].as_str().unwrap().starts_with("tim_"));
    assert_eq!(posted["postedBy"], "alice");
    assert_eq!(posted["isPostedByCustomer"], true);
    assert_eq!(
        posted["message"],
        "<p>We will look into it!</p><p>&lt;b&gt;Soon&lt;/b&gt;</p>"
    );
    assert_eq!(posted["attachments"], json!([]));
    assert!(posted["postedAt"].as_str().unwrap().ends_with("+00:00"));

    // The widget reads the thread back, the user's markup as text.
    let thread = answer
        .read(BackendKind::Klantportaal)
        .unwrap()
        .thread
        .unwrap();
    assert_eq!(thread.len(), 3);
    assert_eq!(thread[2].posted_by, "alice");
    assert!(thread[2].from_customer);
    assert!(thread[2].text.contains("<b>Soon</b>"), "{}", thread[2].text);
    assert_eq!(thread[0].attachments, vec![("Screenshot.png".into(), 1256)]);

    let inbox = sandbox.inbox().await;
    let arrived = inbox["klantportaal"].as_array().unwrap();
    assert_eq!(arrived.len(), 1, "the seeded messages are not arrivals");
    assert_eq!(arrived[0]["ticketId"], "tic_abc12345def678");
    assert_eq!(arrived[0]["id"], posted["id"]);
    assert_eq!(arrived[0]["message"], posted["message"]);
    assert_eq!(arrived[0]["user"], "alice");
}

/// A post to a ticket's endpoint, as a case of a table changes it.
struct Post {
    ticket: &'static str,
    authorization: Option<&'static str>,
    body: String,
}

impl Post {
    /// A post that is taken: alice adds a message to the example ticket.
    fn good() -> Self {
        Post {
            ticket: klantportaal::EXAMPLE_TICKET,
            authorization: Some("Bearer token-alice"),
            body: r#"{"message": "<p>Hi</p>"}"#.into(),
        }
    }

    async fn send(&self, sandbox: &Sandbox) -> Answer {
        let headers: Vec<(&str, &str)> = self
            .authorization
            .map(|value| ("authorization", value))
            .into_iter()
            .collect();
        sandbox
            .post_json(&klantportaal_path(self.ticket), &headers, &self.body)
            .await
    }
}

/// One refusal: what changes in a good post, and the answer it gets: the status, the `message`,
/// and for a 422 the field that Laravel's `errors` name with the same words.
struct Refusal {
    name: &'static str,
    change: fn(&mut Post),
    status: StatusCode,
    message: &'static str,
    field: Option<&'static str>,
}

impl Refusal {
    fn body(&self) -> Value {
        match self.field {
            None => json!({ "message": self.message }),
            Some(field) => json!({ "message": self.message, "errors": { field: [self.message] } }),
        }
    }
}

const UNAUTHENTICATED: &str = "Unauthenticated.";
const NOT_FOUND: &str = "Ticket not found.";
const REQUIRED: &str = "The message field is required.";
/// One byte more than axum's default body limit of 2 MiB, which the endpoint keeps.
const TOO_LARGE: usize = 2 * 1024 * 1024 + 1;

/// Laravel's order: authentication, then the ticket (route binding), then the body (validation).
const REFUSALS: &[Refusal] = &[
    Refusal {
        name: "no Authorization header",
        change: |post| post.authorization = None,
        status: StatusCode::UNAUTHORIZED,
        message: UNAUTHENTICATED,
        field: None,
    },
    Refusal {
        name: "an unknown token",
        change: |post| post.authorization = Some("Bearer wrong"),
        status: StatusCode::UNAUTHORIZED,
        message: UNAUTHENTICATED,
        field: None,
    },
    Refusal {
        name: "an empty token",
        change: |post| post.authorization = Some("Bearer "),
        status: StatusCode::UNAUTHORIZED,
        message: UNAUTHENTICATED,
        field: None,
    },
    Refusal {
        name: "a known token under another scheme",
        change: |post| post.authorization = Some("Basic token-alice"),
        status: StatusCode::UNAUTHORIZED,
        message: UNAUTHENTICATED,
        field: None,
    },
    Refusal {
        name: "no token for an unknown ticket: authentication comes first",
        change: |post| {
            post.authorization = None;
            post.ticket = "tic_nothing";
        },
        status: StatusCode::UNAUTHORIZED,
        message: UNAUTHENTICATED,
        field: None,
    },
    Refusal {
        name: "an unknown ticket",
        change: |post| post.ticket = "tic_nothing",
        status: StatusCode::NOT_FOUND,
        message: NOT_FOUND,
        field: None,
    },
    Refusal {
        name: "a ticket id in other case",
        change: |post| post.ticket = "TIC_ABC12345DEF678",
        status: StatusCode::NOT_FOUND,
        message: NOT_FOUND,
        field: None,
    },
    Refusal {
        name: "a ticket id that is not UTF-8",
        change: |post| post.ticket = "%FF",
        status: StatusCode::NOT_FOUND,
        message: NOT_FOUND,
        field: None,
    },
    Refusal {
        name: "an unknown ticket with no message: the ticket comes before the body",
        change: |post| {
            post.ticket = "tic_nothing";
            post.body = "{}".into();
        },
        status: StatusCode::NOT_FOUND,
        message: NOT_FOUND,
        field: None,
    },
    Refusal {
        name: "no message",
        change: |post| post.body = "{}".into(),
        status: StatusCode::UNPROCESSABLE_ENTITY,
        message: REQUIRED,
        field: Some("message"),
    },
    Refusal {
        name: "a null message",
        change: |post| post.body = r#"{"message": null}"#.into(),
        status: StatusCode::UNPROCESSABLE_ENTITY,
        message: REQUIRED,
        field: Some("message"),
    },
    Refusal {
        name: "an empty message",
        change: |post| post.body = r#"{"message": ""}"#.into(),
        status: StatusCode::UNPROCESSABLE_ENTITY,
        message: REQUIRED,
        field: Some("message"),
    },
    Refusal {
        name: "a message of white space",
        change: |post| post.body = r#"{"message": " \n\t "}"#.into(),
        status: StatusCode::UNPROCESSABLE_ENTITY,
        message: REQUIRED,
        field: Some("message"),
    },
    Refusal {
        name: "a message that is a number",
        change: |post| post.body = r#"{"message": 5}"#.into(),
        status: StatusCode::UNPROCESSABLE_ENTITY,
        message: REQUIRED,
        field: Some("message"),
    },
    Refusal {
        name: "a message that is a list",
        change: |post| post.body = r#"{"message": ["<p>a</p>"]}"#.into(),
        status: StatusCode::UNPROCESSABLE_ENTITY,
        message: REQUIRED,
        field: Some("message"),
    },
    Refusal {
        name: "the text under another name",
        change: |post| post.body = r#"{"text": "<p>a</p>"}"#.into(),
        status: StatusCode::UNPROCESSABLE_ENTITY,
        message: REQUIRED,
        field: Some("message"),
    },
    Refusal {
        name: "a body that is not JSON",
        change: |post| post.body = "not json".into(),
        status: StatusCode::UNPROCESSABLE_ENTITY,
        message: REQUIRED,
        field: Some("message"),
    },
    Refusal {
        name: "a body that is a JSON list",
        change: |post| post.body = "[]".into(),
        status: StatusCode::UNPROCESSABLE_ENTITY,
        message: REQUIRED,
        field: Some("message"),
    },
    Refusal {
        name: "an empty body",
        change: |post| post.body = String::new(),
        status: StatusCode::UNPROCESSABLE_ENTITY,
        message: REQUIRED,
        field: Some("message"),
    },
    Refusal {
        name: "a body larger than the endpoint reads",
        change: |post| post.body = "x".repeat(TOO_LARGE),
        status: StatusCode::PAYLOAD_TOO_LARGE,
        message: "The request body is too large.",
        field: None,
    },
];

#[tokio::test]
async fn klantportaal_refuses_with_laravel_answers() {
    let sandbox = Sandbox::new();
    for refusal in REFUSALS {
        let mut post = Post::good();
        (refusal.change)(&mut post);
        let answer = post.send(&sandbox).await;
        assert_case(refusal.name, &answer, refusal.status, &refusal.body());
    }
    assert_eq!(sandbox.inbox().await["klantportaal"], json!([]));

    // The widget reads each refusal with the server's words.
    let mut post = Post::good();
    post.body = "{}".into();
    let answer = post.send(&sandbox).await;
    assert!(matches!(
        answer.read(BackendKind::Klantportaal),
        Err(Failure::Invalid { errors, .. }) if errors[0].field == "message"
    ));
    let mut post = Post::good();
    post.ticket = "tic_nothing";
    let answer = post.send(&sandbox).await;
    assert_eq!(
        answer.read(BackendKind::Klantportaal),
        Err(Failure::NotFound {
            message: Some("Ticket not found.".into())
        })
    );
    // And a good post is taken, so the refusals above were refused for their change alone.
    let answer = Post::good().send(&sandbox).await;
    assert_eq!(answer.status, StatusCode::OK, "{}", answer.body);
}

#[tokio::test]
async fn klantportaal_hostile_html_stays_text_in_the_widget_and_the_inbox() {
    let sandbox = Sandbox::new();
    let answer = sandbox
        .widget(
            BackendKind::Klantportaal,
            &target(klantportaal::HOSTILE_TICKET),
            "Thanks",
            &[],
            TOKEN,
        )
        .await;
    assert_eq!(answer.status, StatusCode::OK);
    // The record carries the hostile HTML as it was stored, as a help desk would.
    let earlier = &answer.body["messages"][0];
    assert!(earlier["message"]
        .as_str()
        .unwrap()
        .contains("<script>window.__pwned=1</script>"));
    assert_eq!(
        earlier["attachments"][0]["name"],
        "<img src=x onerror=alert(1)>.png"
    );
    let thread = answer
        .read(BackendKind::Klantportaal)
        .unwrap()
        .thread
        .unwrap();
    assert_eq!(thread[0].text, "Visible words");
    assert_eq!(
        thread[0].attachments[0].0,
        "<img src=x onerror=alert(1)>.png"
    );

    // A hostile message posted straight to the endpoint is shown as text in the inbox.
    let hostile = json!({"message": "<script>alert(1)</script><img src=x onerror=alert(2)>"});
    let answer = sandbox
        .post_json(
            &klantportaal_path(klantportaal::HOSTILE_TICKET),
            &[("authorization", "Bearer token-bob")],
            &hostile.to_string(),
        )
        .await;
    assert_eq!(answer.status, StatusCode::OK);
    assert_eq!(answer.body["messages"][2]["postedBy"], "bob");
    let page = sandbox.inbox_page().await;
    assert!(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(!page.contains("<script>"));
    assert!(!page.contains("<img"));
}

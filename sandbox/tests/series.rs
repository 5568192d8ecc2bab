//! Series: a reply from the staff member who claimed the ticket, the documented envelopes of
//! every refusal in the endpoint's order, and the limit of 25 requests a second per key.

mod common;

use std::time::Duration;

use axum::http::StatusCode;
use common::{assert_case, series_path, series_target, Answer, Sandbox, OTHER_TOKEN, TOKEN};
use feedback_widget::contract::backends::{BackendKind, Receipt};
use feedback_widget::contract::{Failure, RateLimit};
use sandbox::backends::series;
use serde_json::{json, Value};

fn series_error(code: u16, message: &str) -> Value {
    json!({"success": false, "error": {"code": code, "message": message}})
}

fn series_body(content: &str, staff: i64) -> String {
    json!({"content": content, "staffUserId": staff}).to_string()
}

#[tokio::test]
async fn series_takes_a_reply_from_the_staff_member_who_claimed_the_ticket() {
    let sandbox = Sandbox::new();
    let answer = sandbox
        .widget(
            BackendKind::Series,
            &series_target(series::CLAIMED_TICKET),
            "I'll help you with your ranking. Please join the training center.",
            &[],
            TOKEN,
        )
        .await;
    assert_eq!(answer.status, StatusCode::OK, "{}", answer.body);
    assert_eq!(
        answer.body,
        json!({"success": true, "data": {"message": "Reply sent successfully"}})
    );
    assert_eq!(answer.read(BackendKind::Series), Ok(Receipt::default()));

    // The other header name works as well.
    let answer = sandbox
        .post_json(
            &series_path(series::CLAIMED_TICKET),
            &[("x-api-key", OTHER_TOKEN)],
            &series_body("Second", series::STAFF_USER_ID),
        )
        .await;
    assert_eq!(answer.status, StatusCode::OK);

    let inbox = sandbox.inbox().await;
    let arrived = inbox["series"].as_array().unwrap();
    assert_eq!(arrived.len(), 2);
    assert_eq!(arrived[0]["content"], "Second");
    assert_eq!(arrived[0]["user"], "bob");
    let first = &arrived[1];
    assert_eq!(first["ticketId"], "TICKET-1234567890-ABCD");
    assert_eq!(first["type"], "staff_message");
    assert_eq!(first["staffUserId"], 987654321);
    assert_eq!(
        first["content"],
        "I'll help you with your ranking. Please join the training center."
    );
    assert_eq!(first["user"], "alice");
}

/// A post to a ticket's reply endpoint, as a case of a table changes it.
struct Post {
    ticket: &'static str,
    /// The header that carries the key, and the key.
    key: Option<(&'static str, &'static str)>,
    body: String,
}

impl Post {
    /// A post that is taken: alice's key, a reply from the staff member who claimed the ticket.
    fn good() -> Self {
        Post {
            ticket: series::CLAIMED_TICKET,
            key: Some(("apikey", TOKEN)),
            body: series_body("Hello", series::STAFF_USER_ID),
        }
    }

    async fn send(&self, sandbox: &Sandbox) -> Answer {
        let headers: Vec<(&str, &str)> = self.key.into_iter().collect();
        sandbox
            .post_json(&series_path(self.ticket), &headers, &self.body)
            .await
    }
}

/// One refusal: what changes in a good post, and the answer it gets: the status, which is also
/// the envelope's `code`, and the envelope's `message`.
struct Refusal {
    name: &'static str,
    change: fn(&mut Post),
    status: StatusCode,
    message: &'static str,
}

const INVALID_KEY: &str = "Invalid API key";
const NOT_CLAIMED: &str = "You must claim this ticket before replying";
/// One byte more than axum's default body limit of 2 MiB, which the endpoint keeps.
const TOO_LARGE: usize = 2 * 1024 * 1024 + 1;

/// In the endpoint's order: the key, the plan, the body, then the ticket.
const REFUSALS: &[Refusal] = &[
    Refusal {
        name: "no key",
        change: |post| post.key = None,
        status: StatusCode::UNAUTHORIZED,
        message: INVALID_KEY,
    },
    Refusal {
        name: "an unknown key",
        change: |post| post.key = Some(("apikey", "wrong")),
        status: StatusCode::UNAUTHORIZED,
        message: INVALID_KEY,
    },
    Refusal {
        name: "a known token as a Bearer token, not as a key",
        change: |post| post.key = Some(("authorization", "Bearer token-alice")),
        status: StatusCode::UNAUTHORIZED,
        message: INVALID_KEY,
    },
    Refusal {
        name: "an unknown key, before the ticket and the body",
        change: |post| {
            post.ticket = "NOPE";
            post.key = Some(("x-api-key", "wrong"));
            post.body = "{}".into();
        },
        status: StatusCode::UNAUTHORIZED,
        message: INVALID_KEY,
    },
    Refusal {
        name: "a Free plan key, before the ticket and the body",
        change: |post| {
            post.ticket = "NOPE";
            post.key = Some(("apikey", series::FREE_PLAN_KEY));
            post.body = "{}".into();
        },
        status: StatusCode::FORBIDDEN,
        message: "Tickets module requires a Premium or Enterprise subscription",
    },
    Refusal {
        name: "no content, before the ticket",
        change: |post| {
            post.ticket = "NOPE";
            post.body = r#"{"staffUserId": 987654321}"#.into();
        },
        status: StatusCode::BAD_REQUEST,
        message: "content is required",
    },
    Refusal {
        name: "content of white space",
        change: |post| post.body = series_body("  \n ", series::STAFF_USER_ID),
        status: StatusCode::BAD_REQUEST,
        message: "content is required",
    },
    Refusal {
        name: "content that is a number",
        change: |post| post.body = r#"{"content": 5, "staffUserId": 987654321}"#.into(),
        status: StatusCode::BAD_REQUEST,
        message: "content must be a string",
    },
    Refusal {
        name: "no staffUserId",
        change: |post| post.body = r#"{"content": "Hi"}"#.into(),
        status: StatusCode::BAD_REQUEST,
        message: "staffUserId is required",
    },
    Refusal {
        name: "a staffUserId that is a string",
        change: |post| post.body = r#"{"content": "Hi", "staffUserId": "987654321"}"#.into(),
        status: StatusCode::BAD_REQUEST,
        message: "staffUserId must be an integer",
    },
    Refusal {
        name: "a staffUserId that is a fraction",
        change: |post| post.body = r#"{"content": "Hi", "staffUserId": 9.5}"#.into(),
        status: StatusCode::BAD_REQUEST,
        message: "staffUserId must be an integer",
    },
    Refusal {
        name: "a body that is not JSON",
        change: |post| post.body = "not json".into(),
        status: StatusCode::BAD_REQUEST,
        message: "The request body must be a JSON object",
    },
    Refusal {
        name: "a body larger than the endpoint reads",
        change: |post| post.body = "x".repeat(TOO_LARGE),
        status: StatusCode::PAYLOAD_TOO_LARGE,
        message: "The request body is too large",
    },
    Refusal {
        name: "an unknown ticket",
        change: |post| post.ticket = "TICKET-0000000000-NONE",
        status: StatusCode::NOT_FOUND,
        message: "Ticket not found",
    },
    Refusal {
        name: "a game report",
        change: |post| post.ticket = series::GAME_REPORT,
        status: StatusCode::FORBIDDEN,
        message: "Cannot reply to game reports",
    },
    Refusal {
        name: "a ticket nobody claimed",
        change: |post| post.ticket = series::OPEN_TICKET,
        status: StatusCode::BAD_REQUEST,
        message: NOT_CLAIMED,
    },
    Refusal {
        name: "a staff member who did not claim the ticket",
        change: |post| post.body = series_body("Hello", 123),
        status: StatusCode::BAD_REQUEST,
        message: NOT_CLAIMED,
    },
];

#[tokio::test]
async fn series_refuses_with_the_documented_envelopes_in_order() {
    let sandbox = Sandbox::new();
    for refusal in REFUSALS {
        let mut post = Post::good();
        (refusal.change)(&mut post);
        let answer = post.send(&sandbox).await;
        let envelope = series_error(refusal.status.as_u16(), refusal.message);
        assert_case(refusal.name, &answer, refusal.status, &envelope);
    }
    assert_eq!(sandbox.inbox().await["series"], json!([]));

    // The widget reads them as the failures they are, with the server's words.
    let mut post = Post::good();
    post.ticket = series::GAME_REPORT;
    let answer = post.send(&sandbox).await;
    assert_eq!(
        answer.read(BackendKind::Series),
        Err(Failure::Forbidden {
            message: Some("Cannot reply to game reports".into())
        })
    );
    let mut post = Post::good();
    post.ticket = series::OPEN_TICKET;
    let answer = post.send(&sandbox).await;
    assert_eq!(
        answer.read(BackendKind::Series),
        Err(Failure::Refused {
            message: Some(NOT_CLAIMED.into())
        })
    );
    // And a good post is taken, so the refusals above were refused for their change alone.
    let answer = Post::good().send(&sandbox).await;
    assert_eq!(answer.status, StatusCode::OK, "{}", answer.body);
}

#[tokio::test]
async fn series_allows_25_requests_a_second_per_key() {
    let sandbox = Sandbox::new();
    let path = series_path(series::CLAIMED_TICKET);
    // Refused requests count too; these are refused before touching the database, so the 25
    // take far less than the one-second window.
    for n in 0..25 {
        let answer = sandbox.post_json(&path, &[("apikey", TOKEN)], "{}").await;
        assert_eq!(answer.status, StatusCode::BAD_REQUEST, "request {n}");
    }
    let answer = sandbox
        .post_json(
            &path,
            &[("apikey", TOKEN)],
            &series_body("Hi", series::STAFF_USER_ID),
        )
        .await;
    assert_eq!(answer.status, StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(answer.headers["retry-after"], "1");
    assert_eq!(answer.body, series_error(429, "Too many requests"));
    assert!(matches!(
        answer.read(BackendKind::Series),
        Err(Failure::RateLimited(RateLimit {
            retry_after: Some(1),
            ..
        }))
    ));
    // The same user's key under the other header name is the same key.
    let answer = sandbox
        .post_json(&path, &[("x-api-key", TOKEN)], "{}")
        .await;
    assert_eq!(answer.status, StatusCode::TOO_MANY_REQUESTS);
    // Another key has its own count.
    let answer = sandbox
        .post_json(
            &path,
            &[("apikey", OTHER_TOKEN)],
            &series_body("Hi", series::STAFF_USER_ID),
        )
        .await;
    assert_eq!(answer.status, StatusCode::OK);
    // After the second, the key may send again.
    tokio::time::sleep(Duration::from_millis(1100)).await;
    let answer = sandbox
        .post_json(
            &path,
            &[("apikey", TOKEN)],
            &series_body("Hi", series::STAFF_USER_ID),
        )
        .await;
    assert_eq!(answer.status, StatusCode::OK);
}

#[tokio::test]
async fn series_counts_the_free_plan_before_refusing_it() {
    let sandbox = Sandbox::new();
    let path = series_path(series::CLAIMED_TICKET);
    let free = [("apikey", series::FREE_PLAN_KEY)];
    for _ in 0..25 {
        let answer = sandbox.post_json(&path, &free, "{}").await;
        assert_eq!(answer.status, StatusCode::FORBIDDEN);
    }
    let answer = sandbox.post_json(&path, &free, "{}").await;
    assert_eq!(answer.status, StatusCode::TOO_MANY_REQUESTS);
}

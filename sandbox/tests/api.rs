//! The sandbox's answers: status, body shape and headers for good and bad requests, the rate
//! limits, CORS, and tickets that outlive a restart.

use std::time::Duration;

use axum::body::{Body, Bytes};
use axum::http::{Method, Request, StatusCode};
use common::{Answer, Sandbox, OTHER_TOKEN, TOKEN};
use http_body_util::BodyExt;
use sandbox::{REPLY_PATH, STORE_PATH};
use serde_json::{json, Value};
mod common;

use tokio_stream::wrappers::ReceiverStream;
use tower::ServiceExt;

fn ticket() -> Value {
    json!({"channel_slug": "feedback", "subject": "Broken button", "message": "It does nothing."})
}

fn with(mut body: Value, key: &str, value: Value) -> Value {
    body[key] = value;
    body
}

fn assert_rate_headers(answer: &Answer) {
    for name in ["x-ratelimit-limit", "x-ratelimit-remaining"] {
        let value = answer
            .headers
            .get(name)
            .unwrap_or_else(|| panic!("{name} missing"));
        value.to_str().unwrap().parse::<u32>().unwrap();
    }
    assert_eq!(answer.headers["x-ratelimit-limit"], "60");
}

#[tokio::test]
async fn stores_a_ticket_with_everything_the_server_adds() {
    let sandbox = Sandbox::new();
    let body = json!({
        "channel_slug": "bugs", "subject": "  Crash  ", "message": "On save", "priority": "high",
        "rating": 2, "type": "bug", "tool_key": "ads_protection", "page": "https://a.example/x",
        "user_agent": "Widget/1.0"
    });
    let answer = sandbox.store(body).await;
    assert_eq!(answer.status, StatusCode::OK);
    assert_rate_headers(&answer);
    assert_eq!(answer.headers["x-ratelimit-remaining"], "59");
    let data = &answer.body["data"];
    assert_eq!(answer.body["error"], false);
    assert_eq!(data["id"], 1);
    assert_eq!(data["ticket_number"], "TCK-000001");
    assert_eq!(data["status"], "open");
    assert_eq!(data["subject"], "Crash");
    assert_eq!(data["priority"], "high");
    assert_eq!(data["rating"], 2);
    assert_eq!(data["type"], "bug");
    assert_eq!(data["tool_key"], "ads_protection");
    assert_eq!(data["page"], "https://a.example/x");
    assert_eq!(data["user_agent"], "Widget/1.0");
    assert_eq!(data["ip_address"], "127.0.0.1");
    assert_eq!(data["channel_id"], 3);
    assert!(data["created_at"].as_str().unwrap().ends_with('Z'));
    assert_eq!(data["created_at"], data["updated_at"]);

    // Without a user_agent field, the header the server saw is kept; priority defaults to normal.
    let answer = sandbox.store(ticket()).await;
    assert_eq!(answer.body["data"]["user_agent"], "header-agent/1.0");
    assert_eq!(answer.body["data"]["priority"], "normal");
    assert_eq!(answer.body["data"]["ticket_number"], "TCK-000002");
}

#[tokio::test]
async fn accepts_the_limits_in_code_points() {
    let sandbox = Sandbox::new();
    let body = json!({
        "channel_slug": "feedback",
        "subject": "😀".repeat(255),
        "message": "😀".repeat(5000),
        "tool_key": "é".repeat(100),
    });
    let answer = sandbox.store(body).await;
    assert_eq!(answer.status, StatusCode::OK, "{}", answer.body);
    let answer = sandbox
        .store(with(ticket(), "subject", json!("😀".repeat(256))))
        .await;
    assert_eq!(answer.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        answer.body["errors"]["subject"][0],
        "The subject field must not be greater than 255 characters."
    );
}

#[tokio::test]
async fn refuses_bad_fields_with_laravel_errors() {
    // Refused requests count against the store limit too; this test sends more than ten.
    let sandbox = Sandbox::with(|settings| settings.store_limit = 100);
    let table = [
        (
            with(ticket(), "rating", json!("5")),
            "rating",
            "The rating field must be an integer.",
        ),
        (
            with(ticket(), "rating", json!(5.5)),
            "rating",
            "The rating field must be an integer.",
        ),
        (
            with(ticket(), "rating", json!(0)),
            "rating",
            "The rating field must be at least 1.",
        ),
        (
            with(ticket(), "rating", json!(6)),
            "rating",
            "The rating field must not be greater than 5.",
        ),
        (
            with(ticket(), "type", json!("feature")),
            "type",
            "The selected type is invalid.",
        ),
        (
            with(ticket(), "priority", json!("URGENT")),
            "priority",
            "The selected priority is invalid.",
        ),
        (
            with(ticket(), "subject", json!("   ")),
            "subject",
            "The subject field is required.",
        ),
        (
            with(ticket(), "subject", json!(42)),
            "subject",
            "The subject field must be a string.",
        ),
        (
            with(ticket(), "message", Value::Null),
            "message",
            "The message field is required.",
        ),
        (
            with(ticket(), "tool_key", json!("k".repeat(101))),
            "tool_key",
            "The tool key field must not be greater than 100 characters.",
        ),
        (
            with(ticket(), "page", json!(["x"])),
            "page",
            "The page field must be a string.",
        ),
        (
            with(ticket(), "channel_slug", json!("c".repeat(51))),
            "channel_slug",
            "The channel slug field must not be greater than 50 characters.",
        ),
    ];
    for (body, field, message) in table {
        let answer = sandbox.store(body.clone()).await;
        assert_eq!(answer.status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
        assert_eq!(answer.body["errors"][field], json!([message]), "{body}");
        assert_eq!(answer.body["message"], message);
        assert_eq!(answer.body["errors"].as_object().unwrap().len(), 1);
    }
    let answer = sandbox.store(json!({})).await;
    assert_eq!(
        answer.body["message"],
        "The channel slug field is required. (and 2 more errors)"
    );
    assert_eq!(
        sandbox.tickets().await.len(),
        0,
        "nothing refused was stored"
    );
}

#[tokio::test]
async fn refuses_bodies_that_are_not_json_objects() {
    let sandbox = Sandbox::new();
    for body in ["{\"subject\": ", "not json", "[1, 2]", "\"text\"", ""] {
        let answer = sandbox.post(STORE_PATH, Some(TOKEN), body).await;
        assert_eq!(answer.status, StatusCode::UNPROCESSABLE_ENTITY, "{body:?}");
        let message = answer.body["message"].as_str().unwrap();
        assert!(message.starts_with("The request body"), "{message}");
        assert_eq!(answer.body["errors"]["body"][0], message);
        assert_rate_headers(&answer);
    }
}

#[tokio::test]
async fn refuses_huge_bodies() {
    let sandbox = Sandbox::with(|settings| settings.max_body_bytes = 1000);
    let body = with(ticket(), "message", json!("x".repeat(2000)));
    let answer = sandbox.store(body).await;
    assert_eq!(answer.status, StatusCode::PAYLOAD_TOO_LARGE);
    assert_eq!(answer.body["error"], true);
    assert_eq!(
        answer.body["message"],
        "The request body is larger than the limit of 1000 bytes."
    );
    // The default limit takes the largest valid ticket, even as escaped JSON.
    let sandbox = Sandbox::new();
    let escaped =
        serde_json::to_string(&with(ticket(), "message", json!("\u{1}".repeat(5000)))).unwrap();
    assert!(escaped.len() > 30_000);
    let answer = sandbox.post(STORE_PATH, Some(TOKEN), escaped).await;
    assert_eq!(answer.status, StatusCode::OK);
}

#[tokio::test]
async fn needs_a_known_bearer_token() {
    let sandbox = Sandbox::new();
    for token in [None, Some("wrong"), Some("")] {
        let answer = sandbox.post(STORE_PATH, token, ticket().to_string()).await;
        assert_eq!(answer.status, StatusCode::UNAUTHORIZED, "{token:?}");
        assert_eq!(
            answer.body,
            json!({"error": true, "message": "Unauthenticated."})
        );
        assert_rate_headers(&answer);
    }
    let request = Request::post(format!("/api{STORE_PATH}"))
        .header("authorization", format!("Basic {TOKEN}"))
        .body(Body::from(ticket().to_string()))
        .unwrap();
    assert_eq!(sandbox.send(request).await.status, StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn unknown_channels_and_paths_are_not_found() {
    let sandbox = Sandbox::new();
    let answer = sandbox
        .store(with(ticket(), "channel_slug", json!("sales")))
        .await;
    assert_eq!(answer.status, StatusCode::NOT_FOUND);
    assert_eq!(
        answer.body,
        json!({"error": true, "message": "Channel not found.", "data": []})
    );
    for slug in ["feedback", "support", "bugs"] {
        let answer = sandbox
            .store(with(ticket(), "channel_slug", json!(slug)))
            .await;
        assert_eq!(answer.status, StatusCode::OK, "{slug}");
    }
    let answer = sandbox.post("/services/nothing", Some(TOKEN), "{}").await;
    assert_eq!(answer.status, StatusCode::NOT_FOUND);
    assert_eq!(answer.body["error"], true);
    let get = Request::get(format!("/api{STORE_PATH}"))
        .body(Body::empty())
        .unwrap();
    assert_eq!(
        sandbox.send(get).await.status,
        StatusCode::METHOD_NOT_ALLOWED
    );
}

#[tokio::test]
async fn replies_go_only_to_own_existing_tickets() {
    let sandbox = Sandbox::new();
    let id = sandbox.store(ticket()).await.body["data"]["id"].clone();

    let reply = |ticket_id: Value, message: &str| {
        json!({"ticket_id": ticket_id, "message": message, "is_internal": false}).to_string()
    };
    let answer = sandbox
        .post(REPLY_PATH, Some(TOKEN), reply(id.clone(), "More"))
        .await;
    assert_eq!(answer.status, StatusCode::OK);
    assert_eq!(
        answer.body,
        json!({"error": false, "message": "Reply added successfully.", "data": []})
    );
    assert_rate_headers(&answer);

    let answer = sandbox
        .post(REPLY_PATH, Some(TOKEN), reply(json!(999), "More"))
        .await;
    assert_eq!(answer.status, StatusCode::NOT_FOUND);
    assert_eq!(answer.body["message"], "Ticket not found.");

    let answer = sandbox
        .post(REPLY_PATH, Some(OTHER_TOKEN), reply(id.clone(), "Mine"))
        .await;
    assert_eq!(answer.status, StatusCode::FORBIDDEN);
    assert_eq!(answer.body["error"], true);

    let answer = sandbox
        .post(REPLY_PATH, Some(TOKEN), reply(json!("abc"), "More"))
        .await;
    assert_eq!(answer.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        answer.body["errors"]["ticket_id"][0],
        "The ticket id field must be an integer."
    );

    let answer = sandbox
        .post(
            REPLY_PATH,
            Some(TOKEN),
            reply(id.clone(), &"m".repeat(5001)),
        )
        .await;
    assert_eq!(
        answer.body["errors"]["message"][0],
        "The message field must not be greater than 5000 characters."
    );

    let body = json!({"ticket_id": id, "message": "x", "is_internal": "maybe"}).to_string();
    let answer = sandbox.post(REPLY_PATH, Some(TOKEN), body).await;
    assert_eq!(
        answer.body["errors"]["is_internal"][0],
        "The is internal field must be true or false."
    );

    let replies = sandbox.tickets().await[0]["replies"].clone();
    assert_eq!(
        replies,
        json!([{
            "id": 1, "message": "More", "is_internal": false, "user": "alice",
            "created_at": replies[0]["created_at"],
        }])
    );
}

#[tokio::test]
async fn store_is_limited_to_ten_per_user_per_five_minutes() {
    let sandbox = Sandbox::new();
    for n in 0..10 {
        let answer = sandbox.store(ticket()).await;
        assert_eq!(answer.status, StatusCode::OK, "request {n}");
    }
    let answer = sandbox.store(ticket()).await;
    assert_eq!(answer.status, StatusCode::TOO_MANY_REQUESTS);
    let wait: u64 = answer.headers["retry-after"]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!((295..=300).contains(&wait), "{wait}");
    assert_eq!(answer.body["message"], "Too Many Attempts.");
    assert_rate_headers(&answer);
    // Another user is not affected, and replies are not store requests.
    let answer = sandbox
        .post(STORE_PATH, Some(OTHER_TOKEN), ticket().to_string())
        .await;
    assert_eq!(answer.status, StatusCode::OK);
    assert_eq!(sandbox.tickets().await.len(), 11);
}

#[tokio::test]
async fn every_answer_counts_against_sixty_a_minute() {
    let sandbox = Sandbox::with(|settings| settings.per_minute = 3);
    let remaining: Vec<String> = remaining_after(&sandbox, 3).await;
    assert_eq!(remaining, ["2", "1", "0"]);
    let answer = sandbox
        .post(STORE_PATH, Some(TOKEN), ticket().to_string())
        .await;
    assert_eq!(answer.status, StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(answer.headers["x-ratelimit-remaining"], "0");
    assert!(answer.headers.contains_key("retry-after"));
    assert_eq!(sandbox.tickets().await.len(), 0);
    // Callers without a token are counted by address, apart from the users.
    for expected in ["2", "1", "0"] {
        let answer = sandbox.post(STORE_PATH, None, "{}").await;
        assert_eq!(answer.status, StatusCode::UNAUTHORIZED);
        assert_eq!(answer.headers["x-ratelimit-remaining"], expected);
    }
    let answer = sandbox.post(STORE_PATH, None, "{}").await;
    assert_eq!(answer.status, StatusCode::TOO_MANY_REQUESTS);
}

async fn remaining_after(sandbox: &Sandbox, n: usize) -> Vec<String> {
    let mut remaining = Vec::new();
    for _ in 0..n {
        let answer = sandbox.post(REPLY_PATH, Some(TOKEN), "{}").await;
        remaining.push(
            answer.headers["x-ratelimit-remaining"]
                .to_str()
                .unwrap()
                .to_owned(),
        );
    }
    remaining
}

#[tokio::test]
async fn cors_lets_loopback_pages_call_and_read_the_limits() {
    let sandbox = Sandbox::new();
    let preflight = |origin: &str| {
        Request::builder()
            .method(Method::OPTIONS)
            .uri(format!("/api{STORE_PATH}"))
            .header("origin", origin)
            .header("access-control-request-method", "POST")
            .header(
                "access-control-request-headers",
                "authorization,content-type",
            )
            .body(Body::empty())
            .unwrap()
    };
    let answer = sandbox.send(preflight("http://127.0.0.1:5173")).await;
    assert_eq!(
        answer.headers["access-control-allow-origin"],
        "http://127.0.0.1:5173"
    );
    let allowed = answer.headers["access-control-allow-headers"]
        .to_str()
        .unwrap();
    assert!(allowed.contains("authorization") && allowed.contains("content-type"));

    for origin in [
        "https://evil.example",
        "http://127.0.0.1.evil.example",
        "http://localhost:80x",
    ] {
        let answer = sandbox.send(preflight(origin)).await;
        assert!(
            !answer.headers.contains_key("access-control-allow-origin"),
            "{origin}"
        );
    }

    let request = Request::post(format!("/api{STORE_PATH}"))
        .header("origin", "http://localhost:3000")
        .header("authorization", format!("Bearer {TOKEN}"))
        .body(Body::from(ticket().to_string()))
        .unwrap();
    let answer = sandbox.send(request).await;
    let exposed = answer.headers["access-control-expose-headers"]
        .to_str()
        .unwrap();
    for name in ["x-ratelimit-limit", "x-ratelimit-remaining", "retry-after"] {
        assert!(exposed.contains(name), "{exposed}");
    }

    let listed = Sandbox::with(|settings| {
        settings.origins = sandbox::Origins::List(vec!["https://app.example".into()])
    });
    let answer = listed.send(preflight("https://app.example")).await;
    assert_eq!(
        answer.headers["access-control-allow-origin"],
        "https://app.example"
    );
    let answer = listed.send(preflight("http://127.0.0.1:5173")).await;
    assert!(!answer.headers.contains_key("access-control-allow-origin"));
}

#[tokio::test]
async fn tickets_survive_a_restart() {
    let sandbox = Sandbox::new();
    sandbox.store(ticket()).await;
    sandbox
        .post(
            REPLY_PATH,
            Some(TOKEN),
            json!({"ticket_id": 1, "message": "More"}).to_string(),
        )
        .await;
    let restarted = sandbox.restart();
    let tickets = restarted.tickets().await;
    assert_eq!(tickets.len(), 1);
    assert_eq!(tickets[0]["subject"], "Broken button");
    assert_eq!(tickets[0]["replies"][0]["message"], "More");
    // Numbering continues, and the same token is still the same user.
    let answer = restarted.store(ticket()).await;
    assert_eq!(answer.body["data"]["id"], 2);
    assert_eq!(answer.body["data"]["user_id"], tickets[0]["user_id"]);

    // The file itself holds the rows.
    let conn = rusqlite::Connection::open(restarted.dir.path().join("tickets.sqlite")).unwrap();
    let count: i64 = conn
        .query_row("SELECT COUNT(*) FROM tickets", [], |row| row.get(0))
        .unwrap();
    assert_eq!(count, 2);
}

#[tokio::test]
async fn the_inbox_page_shows_ticket_text_as_text() {
    let sandbox = Sandbox::new();
    let hostile = "<script>alert(1)</script><img src=x onerror=alert(2)>";
    sandbox
        .store(with(ticket(), "subject", json!(hostile)))
        .await;
    let response = sandbox
        .app
        .clone()
        .oneshot(Request::get("/inbox").body(Body::empty()).unwrap())
        .await
        .unwrap();
    let csp = response.headers()["content-security-policy"]
        .to_str()
        .unwrap()
        .to_owned();
    assert!(csp.contains("default-src 'none'"));
    let page = String::from_utf8(
        response
            .into_body()
            .collect()
            .await
            .unwrap()
            .to_bytes()
            .to_vec(),
    )
    .unwrap();
    assert!(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(!page.contains("<script>"));
    assert!(!page.contains("<img"));
}

#[tokio::test]
async fn a_body_that_never_ends_does_not_hang_the_server() {
    let sandbox = Sandbox::with(|settings| settings.body_timeout = Duration::from_millis(200));
    let (sender, receiver) = tokio::sync::mpsc::channel::<Result<Bytes, std::io::Error>>(1);
    sender
        .send(Ok(Bytes::from_static(b"{\"subject\":")))
        .await
        .unwrap();
    let request = Request::post(format!("/api{STORE_PATH}"))
        .header("authorization", format!("Bearer {TOKEN}"))
        .body(Body::from_stream(ReceiverStream::new(receiver)))
        .unwrap();
    let answer = tokio::time::timeout(Duration::from_secs(10), sandbox.send(request))
        .await
        .expect("the sandbox gives up on the body by itself");
    assert_eq!(answer.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(answer.body["message"]
        .as_str()
        .unwrap()
        .starts_with("The request body could not be read"));
    drop(sender);
}

#[tokio::test]
async fn a_slow_answer_comes_after_the_ticket_is_saved() {
    let sandbox = Sandbox::with(|settings| settings.answer_delay = Duration::from_millis(400));
    let started = std::time::Instant::now();
    let (answer, tickets) = tokio::join!(sandbox.store(ticket()), async {
        tokio::time::sleep(Duration::from_millis(200)).await;
        sandbox.tickets().await
    });
    assert_eq!(tickets.len(), 1, "saved before the answer");
    assert_eq!(answer.status, StatusCode::OK);
    assert!(started.elapsed() >= Duration::from_millis(400));
}

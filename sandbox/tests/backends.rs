//! The other help desks' endpoints: Mijn Klantportaal, Series and WHMCS. Requests are built by
//! the widget's own backends and answers read by them, so the sandbox takes what the widget sends
//! and answers what it reads; every documented refusal is checked with its status and words.

mod common;

use std::time::Duration;

use axum::body::Body;
use axum::http::{Method, Request, StatusCode};
use axum::Router;
use base64::engine::general_purpose::STANDARD;
use base64::Engine;
use common::{app, settings, Answer, OTHER_TOKEN, TOKEN};
use feedback_widget::contract::backends::{
    encode_attachments, Attachment, BackendKind, HttpBody, HttpRequest, Receipt, ReplyParts, Target,
};
use feedback_widget::contract::{Failure, RateLimit};
use sandbox::backends::{klantportaal, series, whmcs};
use serde_json::{json, Value};

const BOUNDARY: &str = "sandbox-test-boundary-5d1f";

struct Sandbox {
    app: Router,
    dir: tempfile::TempDir,
}

impl Answer {
    fn rate(&self) -> RateLimit {
        RateLimit::from_headers(|name| {
            self.headers
                .get(name)
                .and_then(|value| value.to_str().ok())
                .map(str::to_owned)
        })
    }

    /// The answer as the widget's backend reads it.
    fn read(&self, kind: BackendKind) -> Result<Receipt, Failure> {
        let body = (!self.body.is_null()).then_some(&self.body);
        kind.backend().read(self.status.as_u16(), self.rate(), body)
    }
}

fn app_at(dir: &tempfile::TempDir) -> Router {
    app(settings(dir))
}

impl Sandbox {
    fn new() -> Self {
        let dir = tempfile::tempdir().unwrap();
        Sandbox {
            app: app_at(&dir),
            dir,
        }
    }

    /// The same database file, opened again: a restart.
    fn restart(self) -> Self {
        Sandbox {
            app: app_at(&self.dir),
            dir: self.dir,
        }
    }

    async fn send(&self, request: Request<Body>) -> Answer {
        common::send(&self.app, request).await
    }

    /// Sends what the widget's backend built.
    async fn send_built(&self, built: HttpRequest) -> Answer {
        let mut request = Request::post(&built.url);
        for (name, value) in &built.headers {
            request = request.header(*name, value);
        }
        let request = match built.body {
            HttpBody::Json(body) => request
                .header("content-type", "application/json")
                .body(Body::from(body.to_string())),
            HttpBody::Form(fields) => {
                let fields: Vec<(&str, &str)> = fields
                    .iter()
                    .map(|(name, value)| (*name, value.as_str()))
                    .collect();
                request
                    .header(
                        "content-type",
                        format!("multipart/form-data; boundary={BOUNDARY}"),
                    )
                    .body(Body::from(multipart(&fields)))
            }
        };
        self.send(request.unwrap()).await
    }

    /// Sends a reply as the widget would, through the backend of `kind`.
    async fn widget(
        &self,
        kind: BackendKind,
        target: &Target,
        message: &str,
        attachments: &[Attachment],
        token: &str,
    ) -> Answer {
        let built = kind
            .backend()
            .request(&ReplyParts {
                api_base: &base(kind),
                target,
                message,
                attachments,
                token: Some(token),
            })
            .unwrap();
        self.send_built(built).await
    }

    async fn post_json(&self, path: &str, headers: &[(&str, &str)], body: &str) -> Answer {
        let mut request = Request::post(format!("/api{path}"))
            .header("content-type", "application/json")
            .header("accept", "application/json");
        for (name, value) in headers {
            request = request.header(*name, *value);
        }
        self.send(request.body(Body::from(body.to_owned())).unwrap())
            .await
    }

    async fn post_form(&self, token: Option<&str>, fields: &[(&str, &str)]) -> Answer {
        let mut request = Request::post(format!("/api{}", whmcs::PATH)).header(
            "content-type",
            format!("multipart/form-data; boundary={BOUNDARY}"),
        );
        if let Some(token) = token {
            request = request.header("authorization", format!("Bearer {token}"));
        }
        self.send(request.body(Body::from(multipart(fields))).unwrap())
            .await
    }

    async fn get(&self, path: &str) -> Answer {
        self.send(Request::get(path).body(Body::empty()).unwrap())
            .await
    }

    async fn inbox(&self) -> Value {
        self.get("/inbox.json").await.body
    }

    async fn inbox_page(&self) -> String {
        String::from_utf8(self.get("/inbox").await.bytes).unwrap()
    }
}

/// The `data-api-base` the widget is given for a backend.
fn base(kind: BackendKind) -> String {
    match kind {
        BackendKind::Klantportaal => format!("/api{}", klantportaal::BASE),
        BackendKind::Series => format!("/api{}", series::BASE),
        BackendKind::Whmcs => format!("/api{}", whmcs::PATH),
        BackendKind::Default => "/api".into(),
        other => panic!("the sandbox plays no {other:?}"),
    }
}

/// A `multipart/form-data` body of text fields.
fn multipart(fields: &[(&str, &str)]) -> Vec<u8> {
    let mut body = String::new();
    for (name, value) in fields {
        body.push_str(&format!(
            "--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n"
        ));
    }
    body.push_str(&format!("--{BOUNDARY}--\r\n"));
    body.into_bytes()
}

fn file(name: &str, data: Vec<u8>) -> Attachment {
    Attachment {
        name: name.into(),
        mime: String::new(),
        data,
    }
}

// Mijn Klantportaal

fn kp_target(ticket: &str) -> Target {
    Target {
        ticket: ticket.into(),
        ..Target::default()
    }
}

fn kp_path(ticket: &str) -> String {
    format!("{}/tickets/{ticket}", klantportaal::BASE)
}

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
            &kp_target(klantportaal::EXAMPLE_TICKET),
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

#[tokio::test]
async fn klantportaal_refuses_with_laravel_answers() {
    let sandbox = Sandbox::new();
    let path = kp_path(klantportaal::EXAMPLE_TICKET);
    let good = r#"{"message": "<p>Hi</p>"}"#;
    let unauthenticated = json!({"message": "Unauthenticated."});
    for headers in [
        vec![],
        vec![("authorization", "Bearer wrong")],
        vec![("authorization", "Bearer ")],
        vec![("authorization", "Basic token-alice")],
    ] {
        let answer = sandbox.post_json(&path, &headers, good).await;
        assert_eq!(answer.status, StatusCode::UNAUTHORIZED, "{headers:?}");
        assert_eq!(answer.body, unauthenticated);
    }
    // Authentication comes before the ticket.
    let answer = sandbox.post_json(&kp_path("tic_nothing"), &[], good).await;
    assert_eq!(answer.status, StatusCode::UNAUTHORIZED);

    let bearer = [("authorization", "Bearer token-alice")];
    for ticket in ["tic_nothing", "TIC_ABC12345DEF678", "%FF"] {
        let answer = sandbox.post_json(&kp_path(ticket), &bearer, good).await;
        assert_eq!(answer.status, StatusCode::NOT_FOUND, "{ticket}");
        assert_eq!(answer.body, json!({"message": "Ticket not found."}));
    }
    // The ticket comes before the body.
    let answer = sandbox
        .post_json(&kp_path("tic_nothing"), &bearer, "{}")
        .await;
    assert_eq!(answer.status, StatusCode::NOT_FOUND);

    let required = json!({
        "message": "The message field is required.",
        "errors": {"message": ["The message field is required."]}
    });
    for body in [
        "{}",
        r#"{"message": null}"#,
        r#"{"message": ""}"#,
        r#"{"message": " \n\t "}"#,
        r#"{"message": 5}"#,
        r#"{"message": ["<p>a</p>"]}"#,
        r#"{"text": "<p>a</p>"}"#,
        "not json",
        "[]",
        "",
    ] {
        let answer = sandbox.post_json(&path, &bearer, body).await;
        assert_eq!(answer.status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
        assert_eq!(answer.body, required, "{body}");
    }
    // The widget reads each refusal with the server's words.
    let answer = sandbox.post_json(&path, &bearer, "{}").await;
    assert!(matches!(
        answer.read(BackendKind::Klantportaal),
        Err(Failure::Invalid { errors, .. }) if errors[0].field == "message"
    ));
    let answer = sandbox
        .post_json(&kp_path("tic_nothing"), &bearer, good)
        .await;
    assert_eq!(
        answer.read(BackendKind::Klantportaal),
        Err(Failure::NotFound {
            message: Some("Ticket not found.".into())
        })
    );
    assert_eq!(sandbox.inbox().await["klantportaal"], json!([]));
}

#[tokio::test]
async fn klantportaal_hostile_html_stays_text_in_the_widget_and_the_inbox() {
    let sandbox = Sandbox::new();
    let answer = sandbox
        .widget(
            BackendKind::Klantportaal,
            &kp_target(klantportaal::HOSTILE_TICKET),
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
            &kp_path(klantportaal::HOSTILE_TICKET),
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

// Series

fn series_target(ticket: &str) -> Target {
    Target {
        ticket: ticket.into(),
        staff_user_id: Some(series::STAFF_USER_ID),
        ..Target::default()
    }
}

fn series_path(ticket: &str) -> String {
    format!("{}/tickets/{ticket}/reply", series::BASE)
}

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

#[tokio::test]
async fn series_refuses_with_the_documented_envelopes_in_order() {
    let sandbox = Sandbox::new();
    let claimed = series_path(series::CLAIMED_TICKET);
    let good = series_body("Hello", series::STAFF_USER_ID);
    let key = [("apikey", TOKEN)];
    // Path, headers, body, then the code and message of the answer.
    type Case<'a> = (String, Vec<(&'a str, &'a str)>, String, u16, &'a str);
    let table: Vec<Case> = vec![
        // The key, first of all.
        (
            claimed.clone(),
            vec![],
            good.clone(),
            401,
            "Invalid API key",
        ),
        (
            claimed.clone(),
            vec![("apikey", "wrong")],
            good.clone(),
            401,
            "Invalid API key",
        ),
        (
            claimed.clone(),
            vec![("authorization", "Bearer token-alice")],
            good.clone(),
            401,
            "Invalid API key",
        ),
        (
            series_path("NOPE"),
            vec![("x-api-key", "wrong")],
            "{}".into(),
            401,
            "Invalid API key",
        ),
        // The plan, before the body and the ticket.
        (
            series_path("NOPE"),
            vec![("apikey", series::FREE_PLAN_KEY)],
            "{}".into(),
            403,
            "Tickets module requires a Premium or Enterprise subscription",
        ),
        // The body, before the ticket.
        (
            series_path("NOPE"),
            key.to_vec(),
            r#"{"staffUserId": 987654321}"#.into(),
            400,
            "content is required",
        ),
        (
            claimed.clone(),
            key.to_vec(),
            series_body("  \n ", series::STAFF_USER_ID),
            400,
            "content is required",
        ),
        (
            claimed.clone(),
            key.to_vec(),
            r#"{"content": 5, "staffUserId": 987654321}"#.into(),
            400,
            "content must be a string",
        ),
        (
            claimed.clone(),
            key.to_vec(),
            r#"{"content": "Hi"}"#.into(),
            400,
            "staffUserId is required",
        ),
        (
            claimed.clone(),
            key.to_vec(),
            r#"{"content": "Hi", "staffUserId": "987654321"}"#.into(),
            400,
            "staffUserId must be an integer",
        ),
        (
            claimed.clone(),
            key.to_vec(),
            r#"{"content": "Hi", "staffUserId": 9.5}"#.into(),
            400,
            "staffUserId must be an integer",
        ),
        (
            claimed.clone(),
            key.to_vec(),
            "not json".into(),
            400,
            "The request body must be a JSON object",
        ),
        // The ticket.
        (
            series_path("TICKET-0000000000-NONE"),
            key.to_vec(),
            good.clone(),
            404,
            "Ticket not found",
        ),
        (
            series_path(series::GAME_REPORT),
            key.to_vec(),
            good.clone(),
            403,
            "Cannot reply to game reports",
        ),
        (
            series_path(series::OPEN_TICKET),
            key.to_vec(),
            good.clone(),
            400,
            "You must claim this ticket before replying",
        ),
        (
            claimed.clone(),
            key.to_vec(),
            series_body("Hello", 123),
            400,
            "You must claim this ticket before replying",
        ),
    ];
    for (path, headers, body, code, message) in table {
        let answer = sandbox.post_json(&path, &headers, &body).await;
        assert_eq!(answer.status.as_u16(), code, "{path} {headers:?} {body}");
        assert_eq!(
            answer.body,
            series_error(code, message),
            "{path} {headers:?} {body}"
        );
    }
    assert_eq!(sandbox.inbox().await["series"], json!([]));

    // The widget reads them as the failures they are, with the server's words.
    let answer = sandbox
        .post_json(&series_path(series::GAME_REPORT), &key, &good)
        .await;
    assert_eq!(
        answer.read(BackendKind::Series),
        Err(Failure::Forbidden {
            message: Some("Cannot reply to game reports".into())
        })
    );
    let answer = sandbox
        .post_json(&series_path(series::OPEN_TICKET), &key, &good)
        .await;
    assert_eq!(
        answer.read(BackendKind::Series),
        Err(Failure::Refused {
            message: Some("You must claim this ticket before replying".into())
        })
    );
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

// WHMCS

fn whmcs_target(ticket: &str) -> Target {
    Target {
        ticket: ticket.into(),
        ..Target::default()
    }
}

fn whmcs_error(message: &str) -> Value {
    json!({"result": "error", "message": message})
}

#[tokio::test]
async fn whmcs_takes_a_reply_with_files_and_keeps_them_byte_for_byte() {
    let sandbox = Sandbox::new();
    let text = file("notes.txt", b"line one\r\nline two\n".to_vec());
    let binary = file("pixel.PNG", (0..=255).chain(0..=255).collect());
    let target = Target {
        contact_id: Some(2),
        markdown: true,
        ..whmcs_target("1")
    };
    let answer = sandbox
        .widget(
            BackendKind::Whmcs,
            &target,
            "It is down **again**.",
            &[text.clone(), binary.clone()],
            TOKEN,
        )
        .await;
    assert_eq!(answer.status, StatusCode::OK);
    assert_eq!(answer.body, json!({"result": "success"}));
    assert_eq!(answer.read(BackendKind::Whmcs), Ok(Receipt::default()));

    let inbox = sandbox.inbox().await;
    let reply = &inbox["whmcs"][0];
    assert_eq!(reply["ticketid"], 1);
    assert_eq!(reply["contactid"], 2);
    assert_eq!(reply["name"], Value::Null);
    assert_eq!(reply["message"], "It is down **again**.");
    assert_eq!(reply["markdown"], true);
    assert_eq!(reply["user"], "alice");
    let files = reply["attachments"].as_array().unwrap();
    assert_eq!(files.len(), 2);
    for (listed, sent) in files.iter().zip([&text, &binary]) {
        assert_eq!(listed["name"], sent.name.as_str());
        assert_eq!(listed["size"], sent.data.len());
        let id = listed["id"].as_i64().unwrap();
        let download = sandbox.get(&format!("/inbox/attachments/{id}")).await;
        assert_eq!(download.status, StatusCode::OK);
        assert_eq!(download.bytes, sent.data, "{}", sent.name);
        assert_eq!(download.headers["content-type"], "application/octet-stream");
        assert_eq!(download.headers["x-content-type-options"], "nosniff");
        let disposition = download.headers["content-disposition"].to_str().unwrap();
        assert_eq!(
            disposition,
            format!("attachment; filename=\"{}\"", sent.name)
        );
    }

    // A guest reply, without markdown or files; the document's literal `[]` is no files.
    let answer = sandbox
        .post_form(
            Some(OTHER_TOKEN),
            &[
                ("action", "AddTicketReply"),
                ("responsetype", "json"),
                ("ticketid", "2"),
                ("message", "From a guest"),
                ("markdown", "0"),
                ("name", "Gus Guest"),
                ("email", "gus@example.com"),
                ("attachments", "[]"),
            ],
        )
        .await;
    assert_eq!(answer.body, json!({"result": "success"}));
    let inbox = sandbox.inbox().await;
    let guest = &inbox["whmcs"][0];
    assert_eq!(guest["ticketid"], 2);
    assert_eq!(guest["contactid"], Value::Null);
    assert_eq!(guest["name"], "Gus Guest");
    assert_eq!(guest["email"], "gus@example.com");
    assert_eq!(guest["markdown"], false);
    assert_eq!(guest["attachments"], json!([]));
    assert_eq!(guest["user"], "bob");
}

#[tokio::test]
async fn whmcs_needs_a_known_bearer_token() {
    let sandbox = Sandbox::new();
    let fields = [("ticketid", "1"), ("message", "Hi")];
    for token in [None, Some("wrong"), Some("")] {
        let answer = sandbox.post_form(token, &fields).await;
        assert_eq!(answer.status, StatusCode::UNAUTHORIZED, "{token:?}");
        assert_eq!(answer.body, whmcs_error("Authentication Failed"));
    }
    let answer = sandbox.post_form(Some("wrong"), &fields).await;
    assert_eq!(
        answer.read(BackendKind::Whmcs),
        Err(Failure::Unauthenticated {
            message: Some("Authentication Failed".into())
        })
    );
}

#[tokio::test]
async fn whmcs_refuses_with_200_and_a_clear_message() {
    let sandbox = Sandbox::new();
    let mib = 1024 * 1024;
    let files = |list: &[(&str, usize)]| {
        encode_attachments(
            &list
                .iter()
                .map(|(name, size)| file(name, vec![b'x'; *size]))
                .collect::<Vec<_>>(),
        )
    };
    let exe = files(&[("run.exe", 10)]);
    let no_extension = files(&[("README", 10)]);
    let too_large = files(&[("big.png", 2 * mib + 1)]);
    let empty = files(&[("empty.txt", 0)]);
    let too_many = files(&[("a.txt", 1), ("b.txt", 1), ("c.txt", 1), ("d.txt", 1)]);
    let too_much = files(&[("a.png", 2 * mib), ("b.png", 2 * mib), ("c.txt", 1)]);
    let not_json = STANDARD.encode("not json");
    let table: Vec<(Vec<(&str, &str)>, &str)> = vec![
        (vec![("message", "Hi")], "Ticket ID Not Found"),
        (
            vec![("ticketid", "99"), ("message", "Hi")],
            "Ticket ID Not Found",
        ),
        (
            vec![("ticketid", "abc"), ("message", "Hi")],
            "Ticket ID Not Found",
        ),
        (vec![("ticketid", "1")], "Message is required"),
        (
            vec![("ticketid", "1"), ("message", " \r\n ")],
            "Message is required",
        ),
        (
            vec![("ticketid", "1"), ("message", "Hi"), ("contactid", "3")],
            "Contact ID Not Found",
        ),
        (
            vec![("ticketid", "2"), ("message", "Hi"), ("contactid", "1")],
            "Contact ID Not Found",
        ),
        (
            vec![("ticketid", "1"), ("message", "Hi"), ("contactid", "999")],
            "Contact ID Not Found",
        ),
        (
            vec![("ticketid", "1"), ("message", "Hi"), ("contactid", "x")],
            "Contact ID Not Found",
        ),
        (
            vec![("ticketid", "1"), ("message", "Hi"), ("name", "Gus")],
            "A reply from a guest needs both a name and an email address",
        ),
        (
            vec![
                ("ticketid", "1"),
                ("message", "Hi"),
                ("email", "g@x.example"),
            ],
            "A reply from a guest needs both a name and an email address",
        ),
        (
            vec![("ticketid", "1"), ("message", "Hi"), ("attachments", "%%%")],
            "Invalid attachments",
        ),
        (
            vec![
                ("ticketid", "1"),
                ("message", "Hi"),
                ("attachments", &not_json),
            ],
            "Invalid attachments",
        ),
        (
            vec![("ticketid", "1"), ("message", "Hi"), ("attachments", &exe)],
            "File Type Not Allowed: exe",
        ),
        (
            vec![
                ("ticketid", "1"),
                ("message", "Hi"),
                ("attachments", &no_extension),
            ],
            "File Type Not Allowed: README has no file extension",
        ),
        (
            vec![
                ("ticketid", "1"),
                ("message", "Hi"),
                ("attachments", &too_large),
            ],
            "Attachment Too Large: big.png is larger than 2 MiB",
        ),
        (
            vec![
                ("ticketid", "1"),
                ("message", "Hi"),
                ("attachments", &empty),
            ],
            "Attachment Is Empty: empty.txt",
        ),
        (
            vec![
                ("ticketid", "1"),
                ("message", "Hi"),
                ("attachments", &too_many),
            ],
            "Too Many Attachments: d.txt is one more than the 3 allowed",
        ),
        (
            vec![
                ("ticketid", "1"),
                ("message", "Hi"),
                ("attachments", &too_much),
            ],
            "Attachments Too Large: with c.txt the files are larger than 4 MiB together",
        ),
        (
            vec![
                ("action", "GetTickets"),
                ("ticketid", "1"),
                ("message", "Hi"),
            ],
            "Command Not Found",
        ),
    ];
    for (fields, message) in table {
        let answer = sandbox.post_form(Some(TOKEN), &fields).await;
        assert_eq!(answer.status, StatusCode::OK, "{message}");
        assert_eq!(answer.body, whmcs_error(message));
    }
    // Not a form at all.
    let request = Request::post(format!("/api{}", whmcs::PATH))
        .header("authorization", format!("Bearer {TOKEN}"))
        .header("content-type", "application/json")
        .body(Body::from(r#"{"ticketid": 1, "message": "Hi"}"#))
        .unwrap();
    let answer = sandbox.send(request).await;
    assert_eq!(answer.status, StatusCode::OK);
    assert_eq!(
        answer.body,
        whmcs_error("The request must be sent as multipart/form-data")
    );
    // A form that breaks off.
    let request = Request::post(format!("/api{}", whmcs::PATH))
        .header("authorization", format!("Bearer {TOKEN}"))
        .header(
            "content-type",
            format!("multipart/form-data; boundary={BOUNDARY}"),
        )
        .body(Body::from(format!(
            "--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"ticketid\"\r\n\r\n1"
        )))
        .unwrap();
    let answer = sandbox.send(request).await;
    assert_eq!(answer.status, StatusCode::OK);
    assert!(answer.body["message"]
        .as_str()
        .unwrap()
        .starts_with("The form could not be read"));

    // The widget reads a refusal with its message.
    let answer = sandbox
        .post_form(Some(TOKEN), &[("ticketid", "99"), ("message", "Hi")])
        .await;
    assert_eq!(
        answer.read(BackendKind::Whmcs),
        Err(Failure::Refused {
            message: Some("Ticket ID Not Found".into())
        })
    );
    assert_eq!(sandbox.inbox().await["whmcs"], json!([]));
}

#[tokio::test]
async fn whmcs_takes_the_largest_files_and_refuses_more_than_12_mib() {
    let sandbox = Sandbox::new();
    let mib = 1024 * 1024;
    // Two files of 2 MiB, at the widget's limits: about 7.2 MB on the wire.
    let largest = [
        file("a.png", vec![7; 2 * mib]),
        file("b.pdf", vec![8; 2 * mib]),
    ];
    let answer = sandbox
        .widget(
            BackendKind::Whmcs,
            &whmcs_target("1"),
            "Big",
            &largest,
            TOKEN,
        )
        .await;
    assert_eq!(answer.body, json!({"result": "success"}));

    let huge = "x".repeat(whmcs::MAX_BODY);
    let answer = sandbox
        .post_form(
            Some(TOKEN),
            &[
                ("ticketid", "1"),
                ("message", "Hi"),
                ("customfields", &huge),
            ],
        )
        .await;
    assert_eq!(answer.status, StatusCode::PAYLOAD_TOO_LARGE);
    assert_eq!(answer.body["result"], "error");
    assert_eq!(
        answer.body["message"],
        "The request body is larger than 12 MiB"
    );
    assert_eq!(sandbox.inbox().await["whmcs"].as_array().unwrap().len(), 1);
}

#[tokio::test]
async fn attachments_download_under_a_safe_name_and_show_as_text() {
    let sandbox = Sandbox::new();
    let hostile = file("<img src=x onerror=alert(1)>\".png", b"\x89PNG".to_vec());
    let answer = sandbox
        .widget(
            BackendKind::Whmcs,
            &whmcs_target("1"),
            "<script>alert(2)</script>",
            &[hostile],
            TOKEN,
        )
        .await;
    assert_eq!(answer.body, json!({"result": "success"}));
    let id = sandbox.inbox().await["whmcs"][0]["attachments"][0]["id"]
        .as_i64()
        .unwrap();
    let download = sandbox.get(&format!("/inbox/attachments/{id}")).await;
    assert_eq!(download.bytes, b"\x89PNG");
    assert_eq!(
        download.headers["content-disposition"],
        "attachment; filename=\"_img src_x onerror_alert(1)__.png\""
    );
    let page = sandbox.inbox_page().await;
    assert!(page.contains("&lt;img src=x onerror=alert(1)&gt;&quot;.png"));
    assert!(page.contains("&lt;script&gt;alert(2)&lt;/script&gt;"));
    assert!(page.contains(&format!("href=\"/inbox/attachments/{id}\"")));
    assert!(!page.contains("<script>"));
    assert!(!page.contains("<img"));

    for missing in ["999", "abc", "-1", "1.5", "%FF"] {
        let answer = sandbox.get(&format!("/inbox/attachments/{missing}")).await;
        assert_eq!(answer.status, StatusCode::NOT_FOUND, "{missing}");
    }
}

// All three

#[tokio::test]
async fn cors_lets_pages_send_the_api_key_headers() {
    let sandbox = Sandbox::new();
    for (path, headers) in [
        (series_path(series::CLAIMED_TICKET), "apikey,content-type"),
        (
            series_path(series::CLAIMED_TICKET),
            "x-api-key,content-type",
        ),
        (
            kp_path(klantportaal::EXAMPLE_TICKET),
            "authorization,content-type",
        ),
        (whmcs::PATH.to_owned(), "authorization"),
    ] {
        let preflight = Request::builder()
            .method(Method::OPTIONS)
            .uri(format!("/api{path}"))
            .header("origin", "http://localhost:3000")
            .header("access-control-request-method", "POST")
            .header("access-control-request-headers", headers)
            .body(Body::empty())
            .unwrap();
        let answer = sandbox.send(preflight).await;
        assert_eq!(answer.status, StatusCode::OK, "{path}");
        assert_eq!(
            answer.headers["access-control-allow-origin"],
            "http://localhost:3000"
        );
        let allowed = answer.headers["access-control-allow-headers"]
            .to_str()
            .unwrap()
            .to_owned();
        for header in headers.split(',') {
            assert!(allowed.contains(header), "{header} not in {allowed}");
        }
    }
    // The 429's wait is readable across origins.
    let request = Request::post(format!("/api{}", series_path("X")))
        .header("origin", "http://localhost:3000")
        .body(Body::empty())
        .unwrap();
    let answer = sandbox.send(request).await;
    assert!(answer.headers["access-control-expose-headers"]
        .to_str()
        .unwrap()
        .contains("retry-after"));
}

#[tokio::test]
async fn replies_and_seeds_survive_a_restart() {
    let sandbox = Sandbox::new();
    let kp = sandbox
        .widget(
            BackendKind::Klantportaal,
            &kp_target(klantportaal::EXAMPLE_TICKET),
            "First",
            &[],
            TOKEN,
        )
        .await;
    assert_eq!(kp.status, StatusCode::OK);
    let series = sandbox
        .widget(
            BackendKind::Series,
            &series_target(series::CLAIMED_TICKET),
            "First",
            &[],
            TOKEN,
        )
        .await;
    assert_eq!(series.status, StatusCode::OK);
    let whmcs = sandbox
        .widget(
            BackendKind::Whmcs,
            &whmcs_target("1"),
            "First",
            &[file("a.txt", b"kept".to_vec())],
            TOKEN,
        )
        .await;
    assert_eq!(whmcs.body, json!({"result": "success"}));
    let before = sandbox.inbox().await;

    let sandbox = sandbox.restart();
    assert_eq!(sandbox.inbox().await, before);
    // The seeds are not added twice: the ticket has its two seeded messages, the first reply
    // and this one.
    let answer = sandbox
        .widget(
            BackendKind::Klantportaal,
            &kp_target(klantportaal::EXAMPLE_TICKET),
            "Second",
            &[],
            TOKEN,
        )
        .await;
    assert_eq!(answer.body["messages"].as_array().unwrap().len(), 4);
    let id = before["whmcs"][0]["attachments"][0]["id"].as_i64().unwrap();
    let download = sandbox.get(&format!("/inbox/attachments/{id}")).await;
    assert_eq!(download.bytes, b"kept");
}

#[test]
fn the_server_names_the_three_backends_when_it_starts() {
    use std::io::{BufRead, BufReader};
    let dir = tempfile::tempdir().unwrap();
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_sandbox"))
        .args(["--addr", "127.0.0.1:0", "--db"])
        .arg(dir.path().join("start.sqlite"))
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let stdout = child.stdout.take().unwrap();
    let lines: Vec<String> = BufReader::new(stdout)
        .lines()
        .map_while(Result::ok)
        .take_while(|line| !line.contains("token"))
        .collect();
    child.kill().unwrap();
    child.wait().unwrap();
    let base = lines[0]
        .strip_prefix("sandbox listening on ")
        .unwrap_or_else(|| panic!("first line: {:?}", lines[0]));
    assert!(base.starts_with("http://127.0.0.1:"));
    let text = lines.join("\n");
    for url in [
        format!("{base}/api/klantportaal/v1"),
        format!("{base}/api/series"),
        format!("{base}/api/whmcs/api/AddTicketReply"),
    ] {
        assert!(text.contains(&format!(" {url}")), "{url} in {text}");
    }
}

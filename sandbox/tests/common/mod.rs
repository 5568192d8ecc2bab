//! What the sandbox's test files share: two users, a router on a fresh database, answers read
//! back whole, and a sandbox that sends what the widget's own backends build and reads the answers
//! as they read them. Each file uses the part it needs.
#![allow(dead_code)]

use std::net::SocketAddr;

use axum::body::Body;
use axum::extract::connect_info::MockConnectInfo;
use axum::http::{HeaderMap, Request, StatusCode};
use axum::Router;
use feedback_widget::contract::backends::{
    Attachment, BackendKind, HttpBody, HttpRequest, Receipt, ReplyParts, Target,
};
use feedback_widget::contract::{Failure, RateLimit};
use http_body_util::BodyExt;
use sandbox::backends::{klantportaal, series, whmcs};
use sandbox::{router, AppState, Settings, User, STORE_PATH};
use serde_json::Value;
use tower::ServiceExt;

pub const TOKEN: &str = "token-alice";
pub const OTHER_TOKEN: &str = "token-bob";

/// The boundary of every `multipart/form-data` body the tests send.
pub const BOUNDARY: &str = "sandbox-test-boundary-5d1f";

/// An answer, with its body as bytes and, when it is JSON, as a value (`Null` otherwise).
pub struct Answer {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub bytes: Vec<u8>,
    pub body: Value,
}

impl Answer {
    pub fn rate(&self) -> RateLimit {
        RateLimit::from_headers(|name| {
            self.headers
                .get(name)
                .and_then(|value| value.to_str().ok())
                .map(str::to_owned)
        })
    }

    /// The answer as the widget's backend reads it.
    pub fn read(&self, kind: BackendKind) -> Result<Receipt, Failure> {
        let body = (!self.body.is_null()).then_some(&self.body);
        kind.backend().read(self.status.as_u16(), self.rate(), body)
    }
}

/// Settings with the database in `dir` and two users, alice and bob.
pub fn settings(dir: &tempfile::TempDir) -> Settings {
    Settings {
        db_path: dir.path().join("tickets.sqlite"),
        users: vec![
            User {
                name: "alice".into(),
                token: TOKEN.into(),
            },
            User {
                name: "bob".into(),
                token: OTHER_TOKEN.into(),
            },
        ],
        ..Settings::default()
    }
}

/// The whole server, as one peer address sees it.
pub fn app(settings: Settings) -> Router {
    let peer: SocketAddr = "127.0.0.1:40000".parse().unwrap();
    router(AppState::new(settings).unwrap()).layer(MockConnectInfo(peer))
}

/// Sends `request` to `app` and reads the whole answer.
pub async fn send(app: &Router, request: Request<Body>) -> Answer {
    let response = app.clone().oneshot(request).await.unwrap();
    let status = response.status();
    let headers = response.headers().clone();
    let bytes = response.into_body().collect().await.unwrap().to_bytes();
    Answer {
        status,
        headers,
        body: serde_json::from_slice(&bytes).unwrap_or(Value::Null),
        bytes: bytes.to_vec(),
    }
}

/// Checks the answer to one case of a table, naming the case when it is not the one expected.
#[track_caller]
pub fn assert_case(case: &str, answer: &Answer, status: StatusCode, body: &Value) {
    assert_eq!(
        answer.status, status,
        "case {case:?}: the status (the body was {})",
        answer.body
    );
    assert_eq!(answer.body, *body, "case {case:?}: the body");
}

/// The whole server on a database file of its own, which outlives a restart.
pub struct Sandbox {
    pub app: Router,
    pub dir: tempfile::TempDir,
}

impl Sandbox {
    pub fn new() -> Self {
        Self::with(|_| {})
    }

    /// A sandbox whose settings `change` changed first.
    pub fn with(change: impl FnOnce(&mut Settings)) -> Self {
        let dir = tempfile::tempdir().unwrap();
        let mut settings = settings(&dir);
        change(&mut settings);
        Sandbox {
            app: app(settings),
            dir,
        }
    }

    /// The same database file, opened again: a restart.
    pub fn restart(self) -> Self {
        Sandbox {
            app: app(settings(&self.dir)),
            dir: self.dir,
        }
    }

    pub async fn send(&self, request: Request<Body>) -> Answer {
        send(&self.app, request).await
    }

    /// Sends what the widget's backend built.
    pub async fn send_built(&self, built: HttpRequest) -> Answer {
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
    pub async fn widget(
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

    /// Posts `body` to the help-desk API's `path` as the widget does: JSON, with a browser's
    /// `User-Agent` and, when given, the token.
    pub async fn post(&self, path: &str, token: Option<&str>, body: impl Into<Body>) -> Answer {
        let mut request = Request::post(format!("/api{path}"))
            .header("content-type", "application/json")
            .header("accept", "application/json")
            .header("user-agent", "header-agent/1.0");
        if let Some(token) = token {
            request = request.header("authorization", format!("Bearer {token}"));
        }
        self.send(request.body(body.into()).unwrap()).await
    }

    /// Stores a ticket as the first user.
    pub async fn store(&self, body: Value) -> Answer {
        self.post(STORE_PATH, Some(TOKEN), body.to_string()).await
    }

    /// The tickets the inbox lists, newest first.
    pub async fn tickets(&self) -> Vec<Value> {
        self.inbox().await["tickets"].as_array().unwrap().clone()
    }

    /// Posts `body` as JSON to `path` under `/api`, with these headers besides.
    pub async fn post_json(&self, path: &str, headers: &[(&str, &str)], body: &str) -> Answer {
        let mut request = Request::post(format!("/api{path}"))
            .header("content-type", "application/json")
            .header("accept", "application/json");
        for (name, value) in headers {
            request = request.header(*name, *value);
        }
        self.send(request.body(Body::from(body.to_owned())).unwrap())
            .await
    }

    /// Posts text fields as `multipart/form-data` to the WHMCS endpoint.
    pub async fn post_form(&self, token: Option<&str>, fields: &[(&str, &str)]) -> Answer {
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

    pub async fn get(&self, path: &str) -> Answer {
        self.send(Request::get(path).body(Body::empty()).unwrap())
            .await
    }

    /// `/inbox.json`: the tickets and what arrived at each backend.
    pub async fn inbox(&self) -> Value {
        self.get("/inbox.json").await.body
    }

    pub async fn inbox_page(&self) -> String {
        String::from_utf8(self.get("/inbox").await.bytes).unwrap()
    }
}

/// The `data-api-base` the widget is given for a backend.
pub fn base(kind: BackendKind) -> String {
    match kind {
        BackendKind::Klantportaal => format!("/api{}", klantportaal::BASE),
        BackendKind::Series => format!("/api{}", series::BASE),
        BackendKind::Whmcs => format!("/api{}", whmcs::PATH),
        BackendKind::Default => "/api".into(),
        other => panic!("the sandbox plays no {other:?}"),
    }
}

/// A `multipart/form-data` body of text fields.
pub fn multipart(fields: &[(&str, &str)]) -> Vec<u8> {
    let mut body = String::new();
    for (name, value) in fields {
        body.push_str(&format!(
            "--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n"
        ));
    }
    body.push_str(&format!("--{BOUNDARY}--\r\n"));
    body.into_bytes()
}

/// A file to attach, of no stated type, as the widget's file picker gives it.
pub fn file(name: &str, data: Vec<u8>) -> Attachment {
    Attachment {
        name: name.into(),
        mime: String::new(),
        data,
    }
}

/// A reply's target that names only the ticket, as Mijn Klantportaal and WHMCS take it.
pub fn target(ticket: &str) -> Target {
    Target {
        ticket: ticket.into(),
        ..Target::default()
    }
}

/// A Series reply's target: the ticket, and the staff member who claimed the seeded one.
pub fn series_target(ticket: &str) -> Target {
    Target {
        staff_user_id: Some(series::STAFF_USER_ID),
        ..target(ticket)
    }
}

/// The Mijn Klantportaal endpoint of a ticket, under `/api`.
pub fn klantportaal_path(ticket: &str) -> String {
    format!("{}/tickets/{ticket}", klantportaal::BASE)
}

/// The Series reply endpoint of a ticket, under `/api`.
pub fn series_path(ticket: &str) -> String {
    format!("{}/tickets/{ticket}/reply", series::BASE)
}

//! What the sandbox's test files share: two users, a router on a fresh database, and answers
//! read back whole. Each file uses the part it needs.
#![allow(dead_code)]

use std::net::SocketAddr;

use axum::body::Body;
use axum::extract::connect_info::MockConnectInfo;
use axum::http::{HeaderMap, Request, StatusCode};
use axum::Router;
use http_body_util::BodyExt;
use sandbox::{router, AppState, Settings, User};
use serde_json::Value;
use tower::ServiceExt;

pub const TOKEN: &str = "token-alice";
pub const OTHER_TOKEN: &str = "token-bob";

/// An answer, with its body as bytes and, when it is JSON, as a value (`Null` otherwise).
pub struct Answer {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub bytes: Vec<u8>,
    pub body: Value,
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

//! The built site: a version's widget files are immutable, open to any origin, and sent in the
//! precompressed encoding the client accepts; nothing else is marked immutable.

mod common;

use axum::body::Body;
use axum::http::{Request, StatusCode};
use common::{app, send, settings, Answer};

const IMMUTABLE: &str = "public, max-age=31536000, immutable";

/// A site whose files say which copy they are, so that an answer shows which was sent.
fn site(dir: &tempfile::TempDir) -> axum::Router {
    let root = dir.path().join("site");
    for (path, body) in [
        ("index.html", "<!doctype html><title>Demo</title>"),
        ("feedback-widget/0.2.0/loader.js", "plain"),
        ("feedback-widget/0.2.0/loader.js.br", "brotli"),
        ("feedback-widget/0.2.0/loader.js.gz", "gzip"),
        ("feedback-widget/0.2.0/widget_bg.wasm", "plain wasm"),
        ("feedback-widget/latest/loader.js", "plain"),
    ] {
        let path = root.join(path);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, body).unwrap();
    }
    app(sandbox::Settings {
        site_dir: Some(root),
        ..settings(dir)
    })
}

async fn get(app: &axum::Router, path: &str, accept_encoding: Option<&str>) -> Answer {
    let mut request = Request::get(path);
    if let Some(accepted) = accept_encoding {
        request = request.header("accept-encoding", accepted);
    }
    send(app, request.body(Body::empty()).unwrap()).await
}

fn header<'a>(answer: &'a Answer, name: &str) -> Option<&'a str> {
    answer
        .headers
        .get(name)
        .map(|value| value.to_str().unwrap())
}

#[tokio::test]
async fn a_version_s_files_come_in_the_best_accepted_encoding_and_immutable() {
    let dir = tempfile::tempdir().unwrap();
    let app = site(&dir);
    for (accepted, encoding, body) in [
        (Some("gzip, deflate, br, zstd"), Some("br"), "brotli"),
        (Some("gzip;q=0.8, br"), Some("br"), "brotli"),
        (Some("gzip, deflate"), Some("gzip"), "gzip"),
        (Some("br;q=0, gzip"), Some("gzip"), "gzip"),
        (Some("identity"), None, "plain"),
        (None, None, "plain"),
    ] {
        let answer = get(&app, "/feedback-widget/0.2.0/loader.js", accepted).await;
        assert_eq!(answer.status, StatusCode::OK, "{accepted:?}");
        assert_eq!(
            header(&answer, "content-encoding"),
            encoding,
            "{accepted:?}"
        );
        assert_eq!(answer.bytes, body.as_bytes(), "{accepted:?}");
        assert_eq!(
            header(&answer, "content-type"),
            Some("text/javascript"),
            "{accepted:?}"
        );
        assert_eq!(header(&answer, "cache-control"), Some(IMMUTABLE));
        assert_eq!(header(&answer, "vary"), Some("accept-encoding"));
        assert_eq!(header(&answer, "access-control-allow-origin"), Some("*"));
    }
}

#[tokio::test]
async fn the_wasm_is_application_wasm_and_sent_as_it_is_without_a_compressed_copy() {
    let dir = tempfile::tempdir().unwrap();
    let answer = get(
        &site(&dir),
        "/feedback-widget/0.2.0/widget_bg.wasm",
        Some("br"),
    )
    .await;
    assert_eq!(answer.status, StatusCode::OK);
    assert_eq!(header(&answer, "content-type"), Some("application/wasm"));
    assert_eq!(header(&answer, "content-encoding"), None);
    assert_eq!(answer.bytes, b"plain wasm");
}

#[tokio::test]
async fn only_a_version_s_files_are_immutable() {
    let dir = tempfile::tempdir().unwrap();
    let app = site(&dir);
    for (path, status) in [
        ("/", StatusCode::OK),
        ("/index.html", StatusCode::OK),
        ("/feedback-widget/latest/loader.js", StatusCode::OK),
        ("/feedback-widget/0.2.0/missing.js", StatusCode::NOT_FOUND),
        ("/feedback-widget/0.2.0/", StatusCode::NOT_FOUND),
    ] {
        let answer = get(&app, path, Some("br")).await;
        assert_eq!(answer.status, status, "{path}");
        assert_eq!(header(&answer, "cache-control"), None, "{path}");
    }
}

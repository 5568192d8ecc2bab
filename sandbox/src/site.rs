//! The built site at `/`: the demo pages, and under `/feedback-widget/` the widget's files, served
//! as a CDN should serve them. A version's folder never changes once released, so its files are
//! cached for a year without asking again, and each is sent precompressed (the build writes a
//! `.br` and a `.gz` beside it) in the best encoding the browser accepts.

use std::path::Path;

use axum::extract::Request;
use axum::http::header::{ACCESS_CONTROL_ALLOW_ORIGIN, CACHE_CONTROL, VARY};
use axum::http::{HeaderValue, StatusCode};
use axum::middleware::{self, Next};
use axum::response::Response;
use axum::routing::get_service;
use axum::Router;
use tower_http::services::ServeDir;

/// Where the widget's files are, on the site and in the built folder.
const WIDGET_FILES: &str = "/feedback-widget";

/// What a host or CDN should send with a version's files.
const IMMUTABLE: HeaderValue = HeaderValue::from_static("public, max-age=31536000, immutable");

/// `app` with the built site in `dir` behind it.
pub fn serve(app: Router, dir: &Path) -> Router {
    let widget = ServeDir::new(dir.join(&WIDGET_FILES[1..]))
        .precompressed_br()
        .precompressed_gzip();
    app.nest_service(
        WIDGET_FILES,
        get_service(widget).layer(middleware::from_fn(cache_versions)),
    )
    .fallback_service(ServeDir::new(dir).append_index_html_on_directories(true))
}

/// Marks the files of a version's folder (`/0.2.0/…` below the widget's path) as immutable, and
/// every answer below it as depending on `Accept-Encoding` and open to pages of any origin (a
/// page checks a cross-origin script's integrity, and the glue fetches the wasm, through CORS).
async fn cache_versions(request: Request, next: Next) -> Response {
    let versioned = request
        .uri()
        .path()
        .trim_start_matches('/')
        .split_once('/')
        .is_some_and(|(folder, _)| is_version(folder));
    let mut response = next.run(request).await;
    let status = response.status();
    let headers = response.headers_mut();
    headers.insert(VARY, HeaderValue::from_static("accept-encoding"));
    headers.insert(ACCESS_CONTROL_ALLOW_ORIGIN, HeaderValue::from_static("*"));
    if versioned && (status.is_success() || status == StatusCode::NOT_MODIFIED) {
        headers.insert(CACHE_CONTROL, IMMUTABLE);
    }
    response
}

/// A release's version, such as `0.2.0` or `1.0.0-beta.1`: it starts with a digit, and its
/// folder's contents are fixed.
fn is_version(folder: &str) -> bool {
    folder.starts_with(|c: char| c.is_ascii_digit())
        && folder
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '+'))
}

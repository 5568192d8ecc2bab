//! A local server that behaves like the help-desk API: the store and reply endpoints with their
//! authentication, validation, rate limits and answers, a SQLite file that keeps every ticket, a
//! read-only inbox, and the built widget with its demo page. Beside them, the reply endpoints of
//! Mijn Klantportaal, Series and WHMCS (see [`backends`]), for the widget's other backends.

mod api;
mod auth;
pub mod backends;
mod db;
mod inbox;
mod limiter;
mod settings;
mod site;
mod state;
mod wording;

use axum::Router;
use tower_http::cors::{AllowOrigin, CorsLayer};
use tower_http::timeout::RequestBodyTimeoutLayer;

pub use api::{reply_request, store_request, REPLY_PATH, STORE_PATH};
pub use db::Db;
pub use settings::{Origins, Settings, User};
pub use state::AppState;

/// The whole server: API under `/api`, the inbox, and the built site (see [`site`]).
pub fn router(state: AppState) -> Router {
    let cors = CorsLayer::new()
        .allow_origin(allowed_origins(&state.0.settings.origins))
        .allow_methods([axum::http::Method::POST])
        .allow_headers([
            axum::http::header::AUTHORIZATION,
            axum::http::header::CONTENT_TYPE,
            axum::http::header::ACCEPT,
            // Series takes its API key in either of these.
            axum::http::HeaderName::from_static("apikey"),
            axum::http::HeaderName::from_static("x-api-key"),
        ])
        .expose_headers([
            api::LIMIT.clone(),
            api::REMAINING.clone(),
            axum::http::header::RETRY_AFTER,
        ])
        .max_age(std::time::Duration::from_secs(600));

    let site = state.0.settings.site_dir.clone();
    let body_timeout = state.0.settings.body_timeout;
    let app = Router::new()
        .nest(
            "/api",
            api::router(state.clone())
                .merge(backends::router(state.0.backends.clone()))
                .layer(cors)
                .layer(RequestBodyTimeoutLayer::new(body_timeout)),
        )
        .merge(inbox::router())
        .with_state(state);
    match site {
        Some(dir) => site::serve(app, &dir),
        None => app,
    }
}

fn allowed_origins(origins: &Origins) -> AllowOrigin {
    match origins {
        Origins::Loopback => AllowOrigin::predicate(|origin, _| {
            let origin = origin.as_bytes();
            [
                &b"http://127.0.0.1"[..],
                b"http://localhost",
                b"http://[::1]",
            ]
            .iter()
            .any(|host| {
                origin.strip_prefix(*host).is_some_and(|rest| {
                    rest.is_empty() || (rest[0] == b':' && rest[1..].iter().all(u8::is_ascii_digit))
                })
            })
        }),
        Origins::List(list) => AllowOrigin::list(
            list.iter()
                .filter_map(|origin| origin.parse().ok())
                .collect::<Vec<_>>(),
        ),
        Origins::Any => AllowOrigin::any(),
    }
}

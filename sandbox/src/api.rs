//! The two endpoints of the help-desk API, with its authentication, rate limits and answers.

use std::net::SocketAddr;

use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
use axum::extract::{ConnectInfo, DefaultBodyLimit, FromRequest, FromRequestParts, Request, State};
use axum::http::header::{RETRY_AFTER, USER_AGENT};
use axum::http::request::Parts;
use axum::http::{HeaderMap, HeaderName, HeaderValue, StatusCode};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::post;
use axum::{Json, Router};
use feedback_widget::contract::{
    validate_reply, validate_store, Field, FieldError, Input, ReplyRequest, StoreRequest,
};
use serde_json::{json, Map, Value};

use crate::auth::Caller;
use crate::db::{self, Origin};
use crate::state::AppState;
use crate::wording;

pub const LIMIT: HeaderName = HeaderName::from_static("x-ratelimit-limit");
pub const REMAINING: HeaderName = HeaderName::from_static("x-ratelimit-remaining");

pub const STORE_PATH: &str = "/services/platforms/v1/support/tickets/store";
pub const REPLY_PATH: &str = "/services/platforms/v1/support/tickets/reply";

pub fn router(state: AppState) -> Router<AppState> {
    let max_body = state.0.settings.max_body_bytes;
    Router::new()
        .route(STORE_PATH, post(store))
        .route(REPLY_PATH, post(reply))
        .fallback(|| async { ApiError::NotFound("Resource not found.") })
        .method_not_allowed_fallback(|| async { ApiError::MethodNotAllowed })
        .layer(DefaultBodyLimit::max(max_body))
        .layer(middleware::from_fn_with_state(state, throttle))
}

/// Every answer of the API, besides a success.
#[derive(Debug)]
pub enum ApiError {
    Unauthenticated,
    Forbidden(&'static str),
    NotFound(&'static str),
    MethodNotAllowed,
    TooManyRequests { retry_after: u64 },
    Invalid(Vec<FieldError>),
    UnreadableBody(String),
    TooLarge(usize),
    Internal(String),
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let envelope = |status: StatusCode, message: &str| {
            (
                status,
                Json(json!({"error": true, "message": message, "data": []})),
            )
                .into_response()
        };
        match self {
            ApiError::Unauthenticated => (
                StatusCode::UNAUTHORIZED,
                Json(json!({"error": true, "message": "Unauthenticated."})),
            )
                .into_response(),
            ApiError::Forbidden(message) => envelope(StatusCode::FORBIDDEN, message),
            ApiError::NotFound(message) => envelope(StatusCode::NOT_FOUND, message),
            ApiError::MethodNotAllowed => envelope(
                StatusCode::METHOD_NOT_ALLOWED,
                "This endpoint only takes POST requests.",
            ),
            ApiError::TooManyRequests { retry_after } => {
                let mut response = (
                    StatusCode::TOO_MANY_REQUESTS,
                    Json(json!({"error": true, "message": "Too Many Attempts."})),
                )
                    .into_response();
                response
                    .headers_mut()
                    .insert(RETRY_AFTER, HeaderValue::from(retry_after));
                response
            }
            ApiError::Invalid(errors) => {
                let messages: Vec<String> = errors.iter().map(wording::message).collect();
                let mut by_field = Map::new();
                for (error, message) in errors.iter().zip(&messages) {
                    by_field.insert(error.field.name().to_owned(), json!([message]));
                }
                unprocessable(wording::overview(&messages), by_field)
            }
            ApiError::UnreadableBody(message) => {
                let mut by_field = Map::new();
                by_field.insert("body".into(), json!([message]));
                unprocessable(message, by_field)
            }
            ApiError::TooLarge(limit) => envelope(
                StatusCode::PAYLOAD_TOO_LARGE,
                &format!("The request body is larger than the limit of {limit} bytes."),
            ),
            ApiError::Internal(cause) => {
                eprintln!("sandbox: internal error: {cause}");
                envelope(StatusCode::INTERNAL_SERVER_ERROR, "Server Error")
            }
        }
    }
}

fn unprocessable(message: String, errors: Map<String, Value>) -> Response {
    (
        StatusCode::UNPROCESSABLE_ENTITY,
        Json(json!({"message": message, "errors": errors})),
    )
        .into_response()
}

impl From<String> for ApiError {
    /// A database failure.
    fn from(cause: String) -> Self {
        ApiError::Internal(cause)
    }
}

/// Resolves the caller, counts the request against the per-minute limit, and puts the
/// `X-RateLimit-*` headers on every answer.
async fn throttle(
    State(app): State<AppState>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    mut request: Request,
    next: Next,
) -> Response {
    let caller = app.0.callers.by_bearer(request.headers());
    let key = match &caller {
        Some(caller) => format!("user:{}", caller.id),
        None => format!("ip:{}", peer.ip()),
    };
    let verdict = app.0.per_minute.hit(&key);
    let mut response = match verdict.retry_after {
        Some(retry_after) => ApiError::TooManyRequests { retry_after }.into_response(),
        None => {
            request.extensions_mut().insert(caller);
            next.run(request).await
        }
    };
    let headers = response.headers_mut();
    headers.insert(LIMIT, HeaderValue::from(verdict.limit));
    headers.insert(REMAINING, HeaderValue::from(verdict.remaining));
    response
}

impl FromRequestParts<AppState> for Caller {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, _: &AppState) -> Result<Self, ApiError> {
        parts
            .extensions
            .get::<Option<Caller>>()
            .cloned()
            .flatten()
            .ok_or(ApiError::Unauthenticated)
    }
}

/// A request body that is a JSON object.
pub struct JsonObject(Map<String, Value>);

impl FromRequest<AppState> for JsonObject {
    type Rejection = ApiError;

    async fn from_request(request: Request, state: &AppState) -> Result<Self, ApiError> {
        let bytes =
            Bytes::from_request(request, state)
                .await
                .map_err(|rejection| match rejection {
                    BytesRejection::FailedToBufferBody(_)
                        if rejection.status() == StatusCode::PAYLOAD_TOO_LARGE =>
                    {
                        ApiError::TooLarge(state.0.settings.max_body_bytes)
                    }
                    other => ApiError::UnreadableBody(format!(
                        "The request body could not be read: {}.",
                        other.body_text()
                    )),
                })?;
        match serde_json::from_slice(&bytes) {
            Ok(Value::Object(object)) => Ok(JsonObject(object)),
            Ok(_) => Err(ApiError::UnreadableBody(
                "The request body must be a JSON object.".into(),
            )),
            Err(error) => Err(ApiError::UnreadableBody(format!(
                "The request body is not valid JSON ({error})."
            ))),
        }
    }
}

/// A value of the body as the validation rules see it.
fn input(body: &Map<String, Value>, field: Field) -> Input<'_> {
    match body.get(field.name()) {
        None | Some(Value::Null) => Input::Absent,
        Some(Value::String(text)) => Input::Text(text),
        Some(Value::Number(number)) => number.as_i64().map_or(Input::OtherNumber, Input::Integer),
        Some(Value::Bool(value)) => Input::Bool(*value),
        Some(Value::Array(_) | Value::Object(_)) => Input::Structure,
    }
}

/// The store request in a JSON body, checked exactly as the store endpoint checks it.
pub fn store_request(body: &Map<String, Value>) -> Result<StoreRequest, Vec<FieldError>> {
    validate_store(|field| input(body, field))
}

/// The reply request in a JSON body, checked exactly as the reply endpoint checks it.
pub fn reply_request(body: &Map<String, Value>) -> Result<ReplyRequest, Vec<FieldError>> {
    validate_reply(|field| input(body, field))
}

/// `POST …/tickets/store`: checks the store limit and the fields, then stores the ticket.
async fn store(
    State(app): State<AppState>,
    caller: Caller,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    JsonObject(body): JsonObject,
) -> Result<Json<Value>, ApiError> {
    if let Some(retry_after) = app.0.store_limit.hit(&caller.id.to_string()).retry_after {
        return Err(ApiError::TooManyRequests { retry_after });
    }
    let request = store_request(&body).map_err(ApiError::Invalid)?;
    let slug = request.channel_slug.clone();
    let channel_id = app
        .0
        .db
        .run(move |conn| db::channel_id(conn, &slug))
        .await?
        .ok_or(ApiError::NotFound("Channel not found."))?;
    let origin = Origin {
        user_id: caller.id,
        channel_id,
        ip_address: peer.ip().to_string(),
        header_user_agent: headers
            .get(USER_AGENT)
            .and_then(|value| value.to_str().ok())
            .map(str::to_owned),
    };
    let ticket = app
        .0
        .db
        .run(move |conn| db::insert_ticket(conn, &request, &origin))
        .await?;
    tokio::time::sleep(app.0.settings.answer_delay).await;
    Ok(Json(json!({
        "error": false,
        "message": "Ticket created successfully.",
        "data": ticket,
    })))
}

/// `POST …/tickets/reply`: adds a reply to one of the caller's own tickets.
async fn reply(
    State(app): State<AppState>,
    caller: Caller,
    JsonObject(body): JsonObject,
) -> Result<Json<Value>, ApiError> {
    let request = reply_request(&body).map_err(ApiError::Invalid)?;
    let ticket_id = request.ticket_id;
    match app
        .0
        .db
        .run(move |conn| db::ticket_owner(conn, ticket_id))
        .await?
    {
        None => return Err(ApiError::NotFound("Ticket not found.")),
        Some(owner) if owner != Some(caller.id) => {
            return Err(ApiError::Forbidden(
                "You are not allowed to reply to this ticket.",
            ))
        }
        Some(_) => {}
    }
    app.0
        .db
        .run(move |conn| db::insert_reply(conn, &request, caller.id))
        .await?;
    Ok(Json(json!({
        "error": false,
        "message": "Reply added successfully.",
        "data": [],
    })))
}

//! Series: `POST /series/tickets/{ticketId}/reply` with `{"content", "staffUserId"}` and the API
//! key in the `apikey` (or `x-api-key`) header. Answers are `{"success": true, "data": {…}}` or
//! `{"success": false, "error": {"code", "message"}}`, with the document's codes and words.

use axum::body::Bytes;
use axum::extract::rejection::{BytesRejection, PathRejection};
use axum::extract::{Path, State};
use axum::http::header::RETRY_AFTER;
use axum::http::{HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::post;
use axum::{Json, Router};
use feedback_widget::contract::backends::BackendKind;
use feedback_widget::contract::server_trim;
use rusqlite::{params, Connection, OptionalExtension};
use serde_json::{json, Value};

use super::Backends;
use crate::auth;

/// The API base the widget is given (`data-api-base`), under `/api`.
pub const BASE: &str = "/series";
/// The key of a Free plan, which the tickets module refuses.
pub const FREE_PLAN_KEY: &str = "free-plan-key";
/// Claimed by [`STAFF_USER_ID`]: replies from that staff member go through.
pub const CLAIMED_TICKET: &str = "TICKET-1234567890-ABCD";
/// A game report, which takes no replies.
pub const GAME_REPORT: &str = "TICKET-1234567890-GAME";
/// Claimed by nobody.
pub const OPEN_TICKET: &str = "TICKET-1234567890-OPEN";
/// The staff member of the document's example.
pub const STAFF_USER_ID: i64 = 987_654_321;

/// Requests per second per API key, as the widget's backend knows the limit.
pub fn per_second() -> u32 {
    BackendKind::Series.backend().per_second().unwrap_or(25)
}

pub fn router() -> Router<Backends> {
    Router::new().route("/series/tickets/{id}/reply", post(reply))
}

/// Every answer besides a success.
#[derive(Debug)]
pub enum SeriesError {
    InvalidKey,
    TooManyRequests { retry_after: u64 },
    NeedsPremium,
    BadRequest(&'static str),
    TooLarge,
    TicketNotFound,
    GameReport,
    NotClaimed,
    Internal(String),
}

impl SeriesError {
    fn status_and_message(&self) -> (StatusCode, &str) {
        match self {
            SeriesError::InvalidKey => (StatusCode::UNAUTHORIZED, "Invalid API key"),
            SeriesError::TooManyRequests { .. } => {
                (StatusCode::TOO_MANY_REQUESTS, "Too many requests")
            }
            SeriesError::NeedsPremium => (
                StatusCode::FORBIDDEN,
                "Tickets module requires a Premium or Enterprise subscription",
            ),
            SeriesError::BadRequest(message) => (StatusCode::BAD_REQUEST, message),
            SeriesError::TooLarge => (
                StatusCode::PAYLOAD_TOO_LARGE,
                "The request body is too large",
            ),
            SeriesError::TicketNotFound => (StatusCode::NOT_FOUND, "Ticket not found"),
            SeriesError::GameReport => (StatusCode::FORBIDDEN, "Cannot reply to game reports"),
            SeriesError::NotClaimed => (
                StatusCode::BAD_REQUEST,
                "You must claim this ticket before replying",
            ),
            SeriesError::Internal(_) => {
                (StatusCode::INTERNAL_SERVER_ERROR, "Internal server error")
            }
        }
    }
}

impl IntoResponse for SeriesError {
    fn into_response(self) -> Response {
        if let SeriesError::Internal(cause) = &self {
            eprintln!("sandbox: series: internal error: {cause}");
        }
        let (status, message) = self.status_and_message();
        let body = json!({
            "success": false,
            "error": { "code": status.as_u16(), "message": message },
        });
        let mut response = (status, Json(body)).into_response();
        if let SeriesError::TooManyRequests { retry_after } = self {
            response
                .headers_mut()
                .insert(RETRY_AFTER, HeaderValue::from(retry_after));
        }
        response
    }
}

impl From<String> for SeriesError {
    /// A database failure.
    fn from(cause: String) -> Self {
        SeriesError::Internal(cause)
    }
}

/// What an API key may do.
enum Plan {
    /// A configured user's token: the tickets module is there.
    Premium {
        user_id: i64,
    },
    Free,
}

fn plan(app: &Backends, key: &str) -> Option<Plan> {
    match app.callers.by_token(key) {
        Some(caller) => Some(Plan::Premium { user_id: caller.id }),
        None if key == FREE_PLAN_KEY => Some(Plan::Free),
        None => None,
    }
}

/// A reply as the body gives it.
struct Reply {
    content: String,
    staff_user_id: i64,
}

fn read_reply(body: &[u8]) -> Result<Reply, SeriesError> {
    let Ok(Value::Object(body)) = serde_json::from_slice::<Value>(body) else {
        return Err(SeriesError::BadRequest(
            "The request body must be a JSON object",
        ));
    };
    let content = match body.get("content") {
        Some(Value::String(content)) if !server_trim(content).is_empty() => content.clone(),
        Some(Value::String(_)) | None | Some(Value::Null) => {
            return Err(SeriesError::BadRequest("content is required"))
        }
        Some(_) => return Err(SeriesError::BadRequest("content must be a string")),
    };
    let staff_user_id = match body.get("staffUserId") {
        None | Some(Value::Null) => return Err(SeriesError::BadRequest("staffUserId is required")),
        Some(value) => value
            .as_i64()
            .ok_or(SeriesError::BadRequest("staffUserId must be an integer"))?,
    };
    Ok(Reply {
        content,
        staff_user_id,
    })
}

/// `POST …/tickets/{ticketId}/reply`: key, rate, plan, body, ticket, kind of ticket, claim.
async fn reply(
    State(app): State<Backends>,
    id: Result<Path<String>, PathRejection>,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Result<Json<Value>, SeriesError> {
    let key = auth::api_key(&headers).ok_or(SeriesError::InvalidKey)?;
    let plan = plan(&app, key).ok_or(SeriesError::InvalidKey)?;
    if let Some(retry_after) = app.series_limit.hit(key).retry_after {
        return Err(SeriesError::TooManyRequests { retry_after });
    }
    let Plan::Premium { user_id } = plan else {
        return Err(SeriesError::NeedsPremium);
    };
    let body = body.map_err(|rejection| match rejection.status() {
        StatusCode::PAYLOAD_TOO_LARGE => SeriesError::TooLarge,
        _ => SeriesError::BadRequest("The request body could not be read"),
    })?;
    let reply = read_reply(&body)?;
    let Ok(Path(id)) = id else {
        return Err(SeriesError::TicketNotFound);
    };
    let ticket = id.clone();
    let (kind, claimed_by) = app
        .db
        .run(move |conn| kind_and_claim(conn, &ticket))
        .await?
        .ok_or(SeriesError::TicketNotFound)?;
    if kind == GAME_REPORT_KIND {
        return Err(SeriesError::GameReport);
    }
    if claimed_by != Some(reply.staff_user_id) {
        return Err(SeriesError::NotClaimed);
    }
    app.db
        .run(move |conn| insert_message(conn, &id, &reply, user_id))
        .await?;
    Ok(Json(json!({
        "success": true,
        "data": { "message": "Reply sent successfully" },
    })))
}

const GAME_REPORT_KIND: &str = "game_report";

const SCHEMA: &str = "
CREATE TABLE IF NOT EXISTS series_tickets (
    id TEXT PRIMARY KEY,
    -- 'ticket' or 'game_report'.
    kind TEXT NOT NULL,
    subject TEXT NOT NULL,
    -- The staff user id that claimed the ticket.
    claimed_by INTEGER,
    created_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS series_messages (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    ticket_id TEXT NOT NULL REFERENCES series_tickets(id),
    type TEXT NOT NULL,
    staff_user_id INTEGER NOT NULL,
    content TEXT NOT NULL,
    -- The sandbox user whose API key sent it.
    user_id INTEGER REFERENCES users(id),
    created_at TEXT NOT NULL
);
";

/// The seeded tickets: id, kind, subject, claimed by.
const SEED: [(&str, &str, &str, Option<i64>); 3] = [
    (
        CLAIMED_TICKET,
        "ticket",
        "Help with my ranking",
        Some(STAFF_USER_ID),
    ),
    (
        GAME_REPORT,
        GAME_REPORT_KIND,
        "Player report: cheating",
        None,
    ),
    (OPEN_TICKET, "ticket", "Cannot join a match", None),
];

pub fn prepare(conn: &Connection) -> rusqlite::Result<()> {
    conn.execute_batch(SCHEMA)?;
    for (id, kind, subject, claimed_by) in SEED {
        conn.execute(
            "INSERT OR IGNORE INTO series_tickets (id, kind, subject, claimed_by, created_at)
             VALUES (?1, ?2, ?3, ?4, '2024-04-29T19:00:00.000Z')",
            params![id, kind, subject, claimed_by],
        )?;
    }
    Ok(())
}

/// The kind of a ticket and who claimed it, or `None` when there is no such ticket.
fn kind_and_claim(conn: &Connection, id: &str) -> rusqlite::Result<Option<(String, Option<i64>)>> {
    conn.query_row(
        "SELECT kind, claimed_by FROM series_tickets WHERE id = ?1",
        [id],
        |row| Ok((row.get(0)?, row.get(1)?)),
    )
    .optional()
}

fn insert_message(
    conn: &Connection,
    ticket: &str,
    reply: &Reply,
    user_id: i64,
) -> rusqlite::Result<()> {
    conn.execute(
        "INSERT INTO series_messages (ticket_id, type, staff_user_id, content, user_id, created_at)
         VALUES (?1, 'staff_message', ?2, ?3, ?4, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))",
        params![ticket, reply.staff_user_id, reply.content, user_id],
    )?;
    Ok(())
}

/// The replies that arrived, newest first.
pub fn arrived(conn: &Connection) -> rusqlite::Result<Vec<Value>> {
    let mut messages = conn.prepare(
        "SELECT m.id, m.ticket_id, m.type, m.staff_user_id, m.content, m.created_at, u.name
         FROM series_messages m LEFT JOIN users u ON u.id = m.user_id ORDER BY m.id DESC",
    )?;
    let list = messages
        .query_map([], |row| {
            Ok(json!({
                "id": row.get::<_, i64>(0)?,
                "ticketId": row.get::<_, String>(1)?,
                "type": row.get::<_, String>(2)?,
                "staffUserId": row.get::<_, i64>(3)?,
                "content": row.get::<_, String>(4)?,
                "createdAt": row.get::<_, String>(5)?,
                "user": row.get::<_, Option<String>>(6)?,
            }))
        })?
        .collect();
    list
}

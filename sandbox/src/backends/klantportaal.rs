//! Mijn Klantportaal: `POST /klantportaal/v1/tickets/{ticketId}` with `{"message": "<p>…</p>"}` and
//! a Bearer token. The message is added to the ticket and the answer is the whole ticket record,
//! with its messages, in the document's shape.

use axum::body::Bytes;
use axum::extract::rejection::{BytesRejection, PathRejection};
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::post;
use axum::{Json, Router};
use feedback_widget::contract::server_trim;
use rusqlite::{params, Connection, OptionalExtension};
use serde_json::{json, Value};

use super::Backends;

/// The API base the widget is given (`data-api-base`), under `/api`.
pub const BASE: &str = "/klantportaal/v1";
/// The ticket that looks like the document's example.
pub const EXAMPLE_TICKET: &str = "tic_abc12345def678";
/// A ticket whose earlier message and attachment name are hostile HTML.
pub const HOSTILE_TICKET: &str = "tic_hostile000001";

pub fn router() -> Router<Backends> {
    Router::new().route("/klantportaal/v1/tickets/{id}", post(add_message))
}

/// Every answer besides a success, in Laravel's shapes.
#[derive(Debug)]
pub enum KlantportaalError {
    Unauthenticated,
    TicketNotFound,
    MessageRequired,
    TooLarge,
    UnreadableBody,
    Internal(String),
}

impl IntoResponse for KlantportaalError {
    fn into_response(self) -> Response {
        let message = |status: StatusCode, text: &str| {
            (status, Json(json!({ "message": text }))).into_response()
        };
        match self {
            KlantportaalError::Unauthenticated => {
                message(StatusCode::UNAUTHORIZED, "Unauthenticated.")
            }
            KlantportaalError::TicketNotFound => {
                message(StatusCode::NOT_FOUND, "Ticket not found.")
            }
            KlantportaalError::MessageRequired => {
                let text = "The message field is required.";
                (
                    StatusCode::UNPROCESSABLE_ENTITY,
                    Json(json!({ "message": text, "errors": { "message": [text] } })),
                )
                    .into_response()
            }
            KlantportaalError::TooLarge => message(
                StatusCode::PAYLOAD_TOO_LARGE,
                "The request body is too large.",
            ),
            KlantportaalError::UnreadableBody => message(
                StatusCode::BAD_REQUEST,
                "The request body could not be read.",
            ),
            KlantportaalError::Internal(cause) => {
                eprintln!("sandbox: klantportaal: internal error: {cause}");
                message(StatusCode::INTERNAL_SERVER_ERROR, "Server Error")
            }
        }
    }
}

impl From<String> for KlantportaalError {
    /// A database failure.
    fn from(cause: String) -> Self {
        KlantportaalError::Internal(cause)
    }
}

/// `POST …/tickets/{ticketId}`: checks the token, then the ticket, then the message, as Laravel
/// does (authentication, route binding, validation); stores the message as the caller's.
async fn add_message(
    State(app): State<Backends>,
    id: Result<Path<String>, PathRejection>,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Result<Json<Value>, KlantportaalError> {
    let caller = app
        .callers
        .by_bearer(&headers)
        .ok_or(KlantportaalError::Unauthenticated)?;
    // A path that is not UTF-8 names no ticket.
    let Ok(Path(id)) = id else {
        return Err(KlantportaalError::TicketNotFound);
    };
    let ticket = id.clone();
    let exists = app.db.run(move |conn| ticket_exists(conn, &ticket)).await?;
    if !exists {
        return Err(KlantportaalError::TicketNotFound);
    }
    let body = body.map_err(|rejection| match rejection.status() {
        StatusCode::PAYLOAD_TOO_LARGE => KlantportaalError::TooLarge,
        _ => KlantportaalError::UnreadableBody,
    })?;
    let message = message(&body).ok_or(KlantportaalError::MessageRequired)?;
    let record = app
        .db
        .run(move |conn| {
            insert_message(conn, &id, &caller.name, caller.id, &message)?;
            record(conn, &id)
        })
        .await?;
    record
        .map(Json)
        .ok_or_else(|| KlantportaalError::Internal("the ticket went away".into()))
}

/// The `message` of a JSON body, when it is a string with more than white space. A body that is
/// not JSON has no message, as Laravel reads it.
fn message(body: &[u8]) -> Option<String> {
    let body: Value = serde_json::from_slice(body).ok()?;
    let message = body.get("message")?.as_str()?;
    (!server_trim(message).is_empty()).then(|| message.to_owned())
}

const SCHEMA: &str = "
CREATE TABLE IF NOT EXISTS klantportaal_tickets (
    id TEXT PRIMARY KEY,
    customer_id TEXT,
    title TEXT NOT NULL,
    source TEXT NOT NULL,
    status TEXT NOT NULL,
    created_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS klantportaal_messages (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    id TEXT UNIQUE,
    ticket_id TEXT NOT NULL REFERENCES klantportaal_tickets(id),
    posted_by TEXT NOT NULL,
    is_posted_by_customer INTEGER NOT NULL,
    message TEXT NOT NULL,
    posted_at TEXT NOT NULL,
    -- The sandbox user who posted it; NULL for the seeded messages.
    user_id INTEGER REFERENCES users(id)
);
CREATE TABLE IF NOT EXISTS klantportaal_attachments (
    id TEXT PRIMARY KEY,
    message_id TEXT NOT NULL REFERENCES klantportaal_messages(id),
    name TEXT NOT NULL,
    size INTEGER NOT NULL,
    mime TEXT
);
";

/// A seeded message: id, posted by, by the customer, HTML, posted at, attachments.
type SeedMessage = (
    &'static str,
    &'static str,
    bool,
    &'static str,
    &'static str,
    &'static [(&'static str, &'static str, i64, &'static str)],
);

/// The seeded tickets: id, customer, title, created at, messages.
const SEED: [(&str, &str, &str, &str, &[SeedMessage]); 2] = [
    (
        EXAMPLE_TICKET,
        "cst_abc12354678",
        "Invoice issue",
        "2024-04-29T21:00:00+02:00",
        &[
            (
                "tim_abc12345def678",
                "John Appleseed",
                true,
                "<p>Hello, help me with my invoice please</p>",
                "2024-04-29T21:00:00+02:00",
                &[("tma_abc12345def678", "Screenshot.png", 1256, "image/png")],
            ),
            (
                "tim_abc12345def679",
                "Support Team",
                false,
                "<p>Thanks, John. Which invoice number is it about?</p>",
                "2024-04-29T21:30:00+02:00",
                &[],
            ),
        ],
    ),
    (
        HOSTILE_TICKET,
        "cst_hostile000001",
        "<b>Hostile</b> ticket",
        "2024-05-01T10:00:00+02:00",
        &[(
            "tim_hostile000001",
            "<i>Mallory</i>",
            true,
            "<p>Visible words</p><script>window.__pwned=1</script>\
             <img src=x onerror=\"window.__pwned=1\">",
            "2024-05-01T10:00:00+02:00",
            &[(
                "tma_hostile000001",
                "<img src=x onerror=alert(1)>.png",
                2048,
                "image/png",
            )],
        )],
    ),
];

pub fn prepare(conn: &Connection) -> rusqlite::Result<()> {
    conn.execute_batch(SCHEMA)?;
    for (id, customer, title, created_at, messages) in SEED {
        conn.execute(
            "INSERT OR IGNORE INTO klantportaal_tickets
                (id, customer_id, title, source, status, created_at)
             VALUES (?1, ?2, ?3, 'portal', 'open', ?4)",
            params![id, customer, title, created_at],
        )?;
        for (message_id, posted_by, by_customer, html, posted_at, attachments) in messages {
            conn.execute(
                "INSERT OR IGNORE INTO klantportaal_messages
                    (id, ticket_id, posted_by, is_posted_by_customer, message, posted_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                params![message_id, id, posted_by, by_customer, html, posted_at],
            )?;
            for (attachment_id, name, size, mime) in *attachments {
                conn.execute(
                    "INSERT OR IGNORE INTO klantportaal_attachments
                        (id, message_id, name, size, mime)
                     VALUES (?1, ?2, ?3, ?4, ?5)",
                    params![attachment_id, message_id, name, size, mime],
                )?;
            }
        }
    }
    Ok(())
}

fn ticket_exists(conn: &Connection, id: &str) -> rusqlite::Result<bool> {
    conn.query_row(
        "SELECT 1 FROM klantportaal_tickets WHERE id = ?1",
        [id],
        |_| Ok(()),
    )
    .optional()
    .map(|found| found.is_some())
}

/// ATOM time, as the document writes it, in UTC.
const NOW: &str = "strftime('%Y-%m-%dT%H:%M:%S+00:00', 'now')";

/// Adds a message from the customer side: the widget's user replies to their own ticket.
fn insert_message(
    conn: &mut Connection,
    ticket: &str,
    posted_by: &str,
    user_id: i64,
    message: &str,
) -> rusqlite::Result<()> {
    let tx = conn.transaction()?;
    tx.execute(
        &format!(
            "INSERT INTO klantportaal_messages
                (ticket_id, posted_by, is_posted_by_customer, message, posted_at, user_id)
             VALUES (?1, ?2, 1, ?3, {NOW}, ?4)"
        ),
        params![ticket, posted_by, message, user_id],
    )?;
    let seq = tx.last_insert_rowid();
    tx.execute(
        "UPDATE klantportaal_messages SET id = printf('tim_%012d', seq) WHERE seq = ?1",
        [seq],
    )?;
    tx.commit()
}

/// The ticket record with its messages, oldest first, as the document shows it.
fn record(conn: &Connection, id: &str) -> rusqlite::Result<Option<Value>> {
    let ticket = conn
        .query_row(
            "SELECT id, customer_id, title, source, status, created_at
             FROM klantportaal_tickets WHERE id = ?1",
            [id],
            |row| {
                Ok(json!({
                    "id": row.get::<_, String>(0)?,
                    "customerId": row.get::<_, Option<String>>(1)?,
                    "title": row.get::<_, String>(2)?,
                    "source": row.get::<_, String>(3)?,
                    "status": row.get::<_, String>(4)?,
                    "messages": [],
                    "createdAt": row.get::<_, String>(5)?,
                }))
            },
        )
        .optional()?;
    let Some(mut ticket) = ticket else {
        return Ok(None);
    };
    let mut messages = conn.prepare(
        "SELECT id, posted_by, is_posted_by_customer, message, posted_at
         FROM klantportaal_messages WHERE ticket_id = ?1 ORDER BY seq",
    )?;
    let mut attachments = conn.prepare(
        "SELECT id, name, size, mime FROM klantportaal_attachments
         WHERE message_id = ?1 ORDER BY rowid",
    )?;
    let list = messages
        .query_map([id], |row| {
            Ok(json!({
                "id": row.get::<_, String>(0)?,
                "postedBy": row.get::<_, String>(1)?,
                "isPostedByCustomer": row.get::<_, bool>(2)?,
                "message": row.get::<_, String>(3)?,
                "postedAt": row.get::<_, String>(4)?,
            }))
        })?
        .collect::<rusqlite::Result<Vec<Value>>>()?;
    let list = list
        .into_iter()
        .map(|mut message| {
            let message_id = message["id"].as_str().unwrap_or_default().to_owned();
            let files = attachments
                .query_map([message_id], |row| {
                    Ok(json!({
                        "id": row.get::<_, String>(0)?,
                        "name": row.get::<_, String>(1)?,
                        "size": row.get::<_, i64>(2)?,
                        "mime": row.get::<_, Option<String>>(3)?,
                    }))
                })?
                .collect::<rusqlite::Result<Vec<Value>>>()?;
            message["attachments"] = Value::Array(files);
            Ok(message)
        })
        .collect::<rusqlite::Result<Vec<Value>>>()?;
    ticket["messages"] = Value::Array(list);
    Ok(Some(ticket))
}

/// The messages posted through the endpoint, newest first.
pub fn arrived(conn: &Connection) -> rusqlite::Result<Vec<Value>> {
    let mut messages = conn.prepare(
        "SELECT m.id, m.ticket_id, m.posted_by, m.is_posted_by_customer, m.message, m.posted_at,
            u.name
         FROM klantportaal_messages m JOIN users u ON u.id = m.user_id ORDER BY m.seq DESC",
    )?;
    let list = messages
        .query_map([], |row| {
            Ok(json!({
                "id": row.get::<_, Option<String>>(0)?,
                "ticketId": row.get::<_, String>(1)?,
                "postedBy": row.get::<_, String>(2)?,
                "isPostedByCustomer": row.get::<_, bool>(3)?,
                "message": row.get::<_, String>(4)?,
                "postedAt": row.get::<_, String>(5)?,
                "user": row.get::<_, String>(6)?,
            }))
        })?
        .collect();
    list
}

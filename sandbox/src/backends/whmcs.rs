//! WHMCS: `AddTicketReply` as `multipart/form-data` with a Bearer token. A wrong token is a 401;
//! every other refusal is a 200 with `{"result": "error", "message": …}`, as WHMCS answers, and a
//! success is `{"result": "success"}`. Attachments are kept byte for byte.

use std::collections::HashMap;

use axum::extract::multipart::MultipartRejection;
use axum::extract::{DefaultBodyLimit, Multipart, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::post;
use axum::{Json, Router};
use base64::engine::general_purpose::STANDARD;
use base64::Engine;
use feedback_widget::contract::backends::{decode_attachments, AttachmentProblem, AttachmentRules};
use feedback_widget::contract::server_trim;
use rusqlite::{params, Connection, OptionalExtension};
use serde_json::{json, Value};

use super::Backends;

/// The endpoint the widget is given (`data-api-base`), under `/api`.
pub const PATH: &str = "/whmcs/api/AddTicketReply";
/// The largest request body: three files of the widget's limits, in base64 twice, fit well.
pub const MAX_BODY: usize = 12 * 1024 * 1024;

pub fn router() -> Router<Backends> {
    Router::new().route(
        PATH,
        post(add_ticket_reply).layer(DefaultBodyLimit::max(MAX_BODY)),
    )
}

/// Every answer besides a success.
#[derive(Debug)]
pub enum WhmcsError {
    AuthenticationFailed,
    /// A refusal WHMCS answers with 200 and `result: error`.
    Refused(String),
    TooLarge,
    Internal(String),
}

impl IntoResponse for WhmcsError {
    fn into_response(self) -> Response {
        let error = |status: StatusCode, message: &str| {
            (status, Json(json!({"result": "error", "message": message}))).into_response()
        };
        match self {
            WhmcsError::AuthenticationFailed => {
                error(StatusCode::UNAUTHORIZED, "Authentication Failed")
            }
            WhmcsError::Refused(message) => error(StatusCode::OK, &message),
            WhmcsError::TooLarge => error(
                StatusCode::PAYLOAD_TOO_LARGE,
                &format!("The request body is larger than {}", size(MAX_BODY as u64)),
            ),
            WhmcsError::Internal(cause) => {
                eprintln!("sandbox: whmcs: internal error: {cause}");
                error(StatusCode::INTERNAL_SERVER_ERROR, "Internal Server Error")
            }
        }
    }
}

impl From<String> for WhmcsError {
    /// A database failure.
    fn from(cause: String) -> Self {
        WhmcsError::Internal(cause)
    }
}

fn refused(message: impl Into<String>) -> WhmcsError {
    WhmcsError::Refused(message.into())
}

/// A file of a reply.
pub struct File {
    pub name: String,
    pub mime: Option<String>,
    pub data: Vec<u8>,
}

/// A reply as it will be stored.
struct Reply {
    ticket_id: i64,
    contact_id: Option<i64>,
    name: Option<String>,
    email: Option<String>,
    message: String,
    markdown: bool,
    files: Vec<File>,
}

/// `POST …/AddTicketReply`: the token, then the form: ticket, message, contact, guest, files.
async fn add_ticket_reply(
    State(app): State<Backends>,
    headers: HeaderMap,
    form: Result<Multipart, MultipartRejection>,
) -> Result<Json<Value>, WhmcsError> {
    let caller = app
        .callers
        .by_bearer(&headers)
        .ok_or(WhmcsError::AuthenticationFailed)?;
    let form = form.map_err(|_| refused("The request must be sent as multipart/form-data"))?;
    let fields = read_fields(form).await?;
    let field = |name: &str| {
        fields
            .get(name)
            .map(|value| value.as_str())
            .filter(|value| !server_trim(value).is_empty())
    };
    if field("action").is_some_and(|action| !action.eq_ignore_ascii_case("AddTicketReply")) {
        return Err(refused("Command Not Found"));
    }
    let ticket_id = field("ticketid")
        .and_then(|id| id.trim().parse::<i64>().ok())
        .ok_or_else(|| refused("Ticket ID Not Found"))?;
    let client_id = app
        .db
        .run(move |conn| ticket_client(conn, ticket_id))
        .await?
        .ok_or_else(|| refused("Ticket ID Not Found"))?;
    let message = field("message").ok_or_else(|| refused("Message is required"))?;
    let contact_id = match field("contactid") {
        None => None,
        Some(id) => {
            let id = id
                .trim()
                .parse::<i64>()
                .map_err(|_| refused("Contact ID Not Found"))?;
            let belongs = app
                .db
                .run(move |conn| contact_belongs(conn, id, client_id))
                .await?;
            if !belongs {
                return Err(refused("Contact ID Not Found"));
            }
            Some(id)
        }
    };
    let (name, email) = (field("name"), field("email"));
    if name.is_some() != email.is_some() {
        return Err(refused(
            "A reply from a guest needs both a name and an email address",
        ));
    }
    let files = match field("attachments") {
        None => Vec::new(),
        Some(attachments) => files(attachments)?,
    };
    let reply = Reply {
        ticket_id,
        contact_id,
        name: name.map(str::to_owned),
        email: email.map(str::to_owned),
        message: message.to_owned(),
        // As PHP reads a form value: anything but empty and "0" is true.
        markdown: fields
            .get("markdown")
            .is_some_and(|value| !value.is_empty() && value != "0"),
        files,
    };
    app.db
        .run(move |conn| insert_reply(conn, &reply, caller.id))
        .await?;
    Ok(Json(json!({"result": "success"})))
}

/// The text fields of the form; a field named twice keeps its last value, as PHP does.
async fn read_fields(mut form: Multipart) -> Result<HashMap<String, String>, WhmcsError> {
    let unreadable = |error: axum::extract::multipart::MultipartError| match error.status() {
        StatusCode::PAYLOAD_TOO_LARGE => WhmcsError::TooLarge,
        _ => refused(format!("The form could not be read: {}", error.body_text())),
    };
    let mut fields = HashMap::new();
    while let Some(field) = form.next_field().await.map_err(unreadable)? {
        let name = field.name().unwrap_or_default().to_owned();
        let value = field.text().await.map_err(unreadable)?;
        fields.insert(name, value);
    }
    Ok(fields)
}

/// The files of the `attachments` field, checked against the widget's own limits. An empty list,
/// even as the document's literal `[]`, is no files.
fn files(field: &str) -> Result<Vec<File>, WhmcsError> {
    if field.trim() == "[]" {
        return Ok(Vec::new());
    }
    let decoded = decode_attachments(field).ok_or_else(|| refused("Invalid attachments"))?;
    let rules = AttachmentRules::default();
    let sizes: Vec<(String, u64)> = decoded
        .iter()
        .map(|(name, data)| (name.clone(), data.len() as u64))
        .collect();
    if let Some(problem) = rules.check_all(&sizes).first() {
        return Err(refused(wording(problem, &rules)));
    }
    let mimes = mimes(field);
    Ok(decoded
        .into_iter()
        .enumerate()
        .map(|(index, (name, data))| File {
            name,
            mime: mimes.get(index).cloned().flatten(),
            data,
        })
        .collect())
}

/// The `mime` (or `type`) each file names, when it names one; the widget sends none.
fn mimes(field: &str) -> Vec<Option<String>> {
    let list = STANDARD
        .decode(field.trim())
        .ok()
        .and_then(|json| serde_json::from_slice::<Value>(&json).ok());
    list.as_ref()
        .and_then(Value::as_array)
        .map(|files| {
            files
                .iter()
                .map(|file| {
                    ["mime", "type"]
                        .into_iter()
                        .find_map(|key| file.get(key)?.as_str())
                        .map(str::to_owned)
                })
                .collect()
        })
        .unwrap_or_default()
}

/// The sentence for a file the rules refuse, in WHMCS's manner.
pub fn wording(problem: &AttachmentProblem, rules: &AttachmentRules) -> String {
    match problem {
        AttachmentProblem::Type { name } => match name.rsplit_once('.') {
            Some((_, extension)) if !extension.is_empty() => {
                format!("File Type Not Allowed: {}", extension.to_ascii_lowercase())
            }
            _ => format!("File Type Not Allowed: {name} has no file extension"),
        },
        AttachmentProblem::TooLarge { name } => format!(
            "Attachment Too Large: {name} is larger than {}",
            size(rules.max_bytes)
        ),
        AttachmentProblem::Empty { name } => format!("Attachment Is Empty: {name}"),
        AttachmentProblem::TotalTooLarge { name } => format!(
            "Attachments Too Large: with {name} the files are larger than {} together",
            size(rules.max_total_bytes)
        ),
        AttachmentProblem::TooMany { name } => format!(
            "Too Many Attachments: {name} is one more than the {} allowed",
            rules.max_files
        ),
    }
}

/// Bytes in MiB when whole, else in bytes.
fn size(bytes: u64) -> String {
    const MIB: u64 = 1024 * 1024;
    match bytes % MIB {
        0 => format!("{} MiB", bytes / MIB),
        _ => format!("{bytes} bytes"),
    }
}

const SCHEMA: &str = "
CREATE TABLE IF NOT EXISTS whmcs_tickets (
    id INTEGER PRIMARY KEY,
    client_id INTEGER NOT NULL,
    subject TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS whmcs_contacts (
    id INTEGER PRIMARY KEY,
    client_id INTEGER NOT NULL,
    name TEXT NOT NULL,
    email TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS whmcs_replies (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    ticket_id INTEGER NOT NULL REFERENCES whmcs_tickets(id),
    contact_id INTEGER REFERENCES whmcs_contacts(id),
    name TEXT,
    email TEXT,
    message TEXT NOT NULL,
    markdown INTEGER NOT NULL,
    -- The sandbox user whose token sent it.
    user_id INTEGER REFERENCES users(id),
    created_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS whmcs_attachments (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    reply_id INTEGER NOT NULL REFERENCES whmcs_replies(id),
    name TEXT NOT NULL,
    mime TEXT,
    size INTEGER NOT NULL,
    data BLOB NOT NULL
);
";

/// The seeded tickets: id, client, subject.
const TICKETS: [(i64, i64, &str); 2] =
    [(1, 1, "Cannot reach my server"), (2, 2, "Invoice question")];
/// The seeded contacts: id, client, name, email.
const CONTACTS: [(i64, i64, &str, &str); 3] = [
    (1, 1, "Ann Client", "ann@client-one.example"),
    (2, 1, "Bob Client", "bob@client-one.example"),
    (3, 2, "Cay Other", "cay@client-two.example"),
];

pub fn prepare(conn: &Connection) -> rusqlite::Result<()> {
    conn.execute_batch(SCHEMA)?;
    for (id, client, subject) in TICKETS {
        conn.execute(
            "INSERT OR IGNORE INTO whmcs_tickets (id, client_id, subject) VALUES (?1, ?2, ?3)",
            params![id, client, subject],
        )?;
    }
    for (id, client, name, email) in CONTACTS {
        conn.execute(
            "INSERT OR IGNORE INTO whmcs_contacts (id, client_id, name, email)
             VALUES (?1, ?2, ?3, ?4)",
            params![id, client, name, email],
        )?;
    }
    Ok(())
}

/// The client of a ticket, or `None` when there is no such ticket.
fn ticket_client(conn: &Connection, id: i64) -> rusqlite::Result<Option<i64>> {
    conn.query_row(
        "SELECT client_id FROM whmcs_tickets WHERE id = ?1",
        [id],
        |row| row.get(0),
    )
    .optional()
}

fn contact_belongs(conn: &Connection, id: i64, client_id: i64) -> rusqlite::Result<bool> {
    conn.query_row(
        "SELECT 1 FROM whmcs_contacts WHERE id = ?1 AND client_id = ?2",
        [id, client_id],
        |_| Ok(()),
    )
    .optional()
    .map(|found| found.is_some())
}

/// Stores a reply with its files in one transaction.
fn insert_reply(conn: &mut Connection, reply: &Reply, user_id: i64) -> rusqlite::Result<()> {
    let tx = conn.transaction()?;
    tx.execute(
        "INSERT INTO whmcs_replies
            (ticket_id, contact_id, name, email, message, markdown, user_id, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, strftime('%Y-%m-%d %H:%M:%S', 'now'))",
        params![
            reply.ticket_id,
            reply.contact_id,
            reply.name,
            reply.email,
            reply.message,
            reply.markdown,
            user_id
        ],
    )?;
    let reply_id = tx.last_insert_rowid();
    for file in &reply.files {
        tx.execute(
            "INSERT INTO whmcs_attachments (reply_id, name, mime, size, data)
             VALUES (?1, ?2, ?3, ?4, ?5)",
            params![
                reply_id,
                file.name,
                file.mime,
                file.data.len() as i64,
                file.data
            ],
        )?;
    }
    tx.commit()
}

/// The replies that arrived, newest first, each with its files' id, name and size.
pub fn arrived(conn: &Connection) -> rusqlite::Result<Vec<Value>> {
    let mut replies = conn.prepare(
        "SELECT r.id, r.ticket_id, r.contact_id, r.name, r.email, r.message, r.markdown,
            r.created_at, u.name
         FROM whmcs_replies r LEFT JOIN users u ON u.id = r.user_id ORDER BY r.id DESC",
    )?;
    let mut files = conn.prepare(
        "SELECT id, name, size, mime FROM whmcs_attachments WHERE reply_id = ?1 ORDER BY id",
    )?;
    let list = replies
        .query_map([], |row| {
            Ok(json!({
                "id": row.get::<_, i64>(0)?,
                "ticketid": row.get::<_, i64>(1)?,
                "contactid": row.get::<_, Option<i64>>(2)?,
                "name": row.get::<_, Option<String>>(3)?,
                "email": row.get::<_, Option<String>>(4)?,
                "message": row.get::<_, String>(5)?,
                "markdown": row.get::<_, bool>(6)?,
                "created_at": row.get::<_, String>(7)?,
                "user": row.get::<_, Option<String>>(8)?,
            }))
        })?
        .collect::<rusqlite::Result<Vec<Value>>>()?;
    list.into_iter()
        .map(|mut reply| {
            let id = reply["id"].as_i64().unwrap_or_default();
            let list = files
                .query_map([id], |row| {
                    let id = row.get::<_, i64>(0)?;
                    Ok(json!({
                        "id": id,
                        "name": row.get::<_, String>(1)?,
                        "size": row.get::<_, i64>(2)?,
                        "mime": row.get::<_, Option<String>>(3)?,
                        "url": format!("/inbox/attachments/{id}"),
                    }))
                })?
                .collect::<rusqlite::Result<Vec<Value>>>()?;
            reply["attachments"] = Value::Array(list);
            Ok(reply)
        })
        .collect()
}

/// The name and bytes of a stored file, or `None` when there is no such file.
pub fn attachment(conn: &Connection, id: i64) -> rusqlite::Result<Option<(String, Vec<u8>)>> {
    conn.query_row(
        "SELECT name, data FROM whmcs_attachments WHERE id = ?1",
        [id],
        |row| Ok((row.get(0)?, row.get(1)?)),
    )
    .optional()
}

//! The SQLite file: channels, users, tickets and replies. Every write is committed before the
//! API answers, so nothing answered with a 200 is lost on a crash or restart.

use std::path::Path;
use std::sync::{Arc, Mutex};

use feedback_widget::contract::{Choice, ReplyRequest, StoreRequest};
use rusqlite::{params, Connection, OptionalExtension, Row};
use serde_json::{json, Value};

/// The channels every fresh database starts with.
const SEED_CHANNELS: [(&str, &str); 3] = [
    ("feedback", "Feedback"),
    ("support", "Support"),
    ("bugs", "Bugs"),
];

const SCHEMA: &str = "
CREATE TABLE IF NOT EXISTS channels (
    id INTEGER PRIMARY KEY,
    slug TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS users (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE
);
CREATE TABLE IF NOT EXISTS tickets (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    ticket_number TEXT UNIQUE,
    channel_id INTEGER NOT NULL REFERENCES channels(id),
    project_id INTEGER,
    user_id INTEGER REFERENCES users(id),
    assigned_to INTEGER,
    subject TEXT NOT NULL,
    message TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'open',
    priority TEXT NOT NULL DEFAULT 'normal',
    rating INTEGER,
    type TEXT,
    tool_key TEXT,
    page TEXT,
    ip_address TEXT,
    user_agent TEXT,
    metadata TEXT,
    migrated_from_id INTEGER,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS replies (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    ticket_id INTEGER NOT NULL REFERENCES tickets(id),
    user_id INTEGER REFERENCES users(id),
    message TEXT NOT NULL,
    is_internal INTEGER NOT NULL,
    created_at TEXT NOT NULL
);
";

/// Laravel's date format, in UTC.
const NOW: &str = "strftime('%Y-%m-%dT%H:%M:%fZ', 'now')";

/// A shared connection; queries run off the async threads.
#[derive(Clone)]
pub struct Db(Arc<Mutex<Connection>>);

/// Where a ticket came from, besides its fields.
pub struct Origin {
    pub user_id: i64,
    pub channel_id: i64,
    pub ip_address: String,
    /// The `User-Agent` header, kept when the body names none.
    pub header_user_agent: Option<String>,
}

impl Db {
    /// Opens the file, creates the tables and seeds the channels.
    pub fn open(path: &Path) -> rusqlite::Result<Self> {
        let conn = Connection::open(path)?;
        conn.pragma_update(None, "journal_mode", "WAL")?;
        conn.pragma_update(None, "synchronous", "FULL")?;
        conn.pragma_update(None, "foreign_keys", true)?;
        conn.execute_batch(SCHEMA)?;
        for (slug, name) in SEED_CHANNELS {
            conn.execute(
                "INSERT OR IGNORE INTO channels (slug, name) VALUES (?1, ?2)",
                params![slug, name],
            )?;
        }
        Ok(Db(Arc::new(Mutex::new(conn))))
    }

    /// Runs `work` on the connection in a blocking thread.
    pub async fn run<T: Send + 'static>(
        &self,
        work: impl FnOnce(&mut Connection) -> rusqlite::Result<T> + Send + 'static,
    ) -> Result<T, String> {
        let db = self.0.clone();
        let result = tokio::task::spawn_blocking(move || {
            let mut conn = db.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
            work(&mut conn)
        })
        .await;
        match result {
            Ok(done) => done.map_err(|error| error.to_string()),
            Err(join) => Err(join.to_string()),
        }
    }

    /// Runs `work` on the connection right here; for start-up.
    pub fn now<T>(&self, work: impl FnOnce(&mut Connection) -> T) -> T {
        let mut conn = self
            .0
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        work(&mut conn)
    }
}

/// The id of the user with this name, creating the user when new.
pub fn user_id(conn: &Connection, name: &str) -> rusqlite::Result<i64> {
    conn.execute("INSERT OR IGNORE INTO users (name) VALUES (?1)", [name])?;
    conn.query_row("SELECT id FROM users WHERE name = ?1", [name], |row| {
        row.get(0)
    })
}

pub fn channel_id(conn: &Connection, slug: &str) -> rusqlite::Result<Option<i64>> {
    conn.query_row("SELECT id FROM channels WHERE slug = ?1", [slug], |row| {
        row.get(0)
    })
    .optional()
}

/// Stores a ticket and returns it as the API shows it.
pub fn insert_ticket(
    conn: &mut Connection,
    request: &StoreRequest,
    origin: &Origin,
) -> rusqlite::Result<Value> {
    let tx = conn.transaction()?;
    tx.execute(
        &format!(
            "INSERT INTO tickets (channel_id, user_id, subject, message, priority, rating, type,
                tool_key, page, ip_address, user_agent, created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, {NOW}, {NOW})"
        ),
        params![
            origin.channel_id,
            origin.user_id,
            request.subject,
            request.message,
            request.priority.map_or("normal", Choice::as_str),
            request.rating,
            request.kind.map(Choice::as_str),
            request.tool_key,
            request.page,
            origin.ip_address,
            request
                .user_agent
                .as_ref()
                .or(origin.header_user_agent.as_ref()),
        ],
    )?;
    let id = tx.last_insert_rowid();
    tx.execute(
        "UPDATE tickets SET ticket_number = printf('TCK-%06d', id) WHERE id = ?1",
        [id],
    )?;
    let ticket = ticket(&tx, id)?;
    tx.commit()?;
    Ok(ticket)
}

/// The owner of a ticket, or `None` when there is no such ticket.
pub fn ticket_owner(conn: &Connection, id: i64) -> rusqlite::Result<Option<Option<i64>>> {
    conn.query_row("SELECT user_id FROM tickets WHERE id = ?1", [id], |row| {
        row.get(0)
    })
    .optional()
}

/// Stores a reply and touches its ticket.
pub fn insert_reply(
    conn: &mut Connection,
    request: &ReplyRequest,
    user_id: i64,
) -> rusqlite::Result<i64> {
    let tx = conn.transaction()?;
    tx.execute(
        &format!(
            "INSERT INTO replies (ticket_id, user_id, message, is_internal, created_at)
             VALUES (?1, ?2, ?3, ?4, {NOW})"
        ),
        params![
            request.ticket_id,
            user_id,
            request.message,
            request.is_internal
        ],
    )?;
    let id = tx.last_insert_rowid();
    tx.execute(
        &format!("UPDATE tickets SET updated_at = {NOW} WHERE id = ?1"),
        [request.ticket_id],
    )?;
    tx.commit()?;
    Ok(id)
}

const TICKET_COLUMNS: &str = "t.id, t.ticket_number, t.channel_id, t.project_id, t.user_id,
    t.assigned_to, t.subject, t.message, t.status, t.priority, t.rating, t.type, t.tool_key,
    t.page, t.ip_address, t.user_agent, t.metadata, t.migrated_from_id, t.created_at,
    t.updated_at, c.slug, u.name";

/// One ticket as the API and the inbox show it.
fn ticket_json(row: &Row) -> rusqlite::Result<Value> {
    let metadata: Option<String> = row.get(16)?;
    Ok(json!({
        "id": row.get::<_, i64>(0)?,
        "ticket_number": row.get::<_, Option<String>>(1)?,
        "channel_id": row.get::<_, i64>(2)?,
        "project_id": row.get::<_, Option<i64>>(3)?,
        "user_id": row.get::<_, Option<i64>>(4)?,
        "assigned_to": row.get::<_, Option<i64>>(5)?,
        "subject": row.get::<_, String>(6)?,
        "message": row.get::<_, String>(7)?,
        "status": row.get::<_, String>(8)?,
        "priority": row.get::<_, String>(9)?,
        "rating": row.get::<_, Option<i64>>(10)?,
        "type": row.get::<_, Option<String>>(11)?,
        "tool_key": row.get::<_, Option<String>>(12)?,
        "page": row.get::<_, Option<String>>(13)?,
        "ip_address": row.get::<_, Option<String>>(14)?,
        "user_agent": row.get::<_, Option<String>>(15)?,
        "metadata": metadata.and_then(|text| serde_json::from_str::<Value>(&text).ok()),
        "migrated_from_id": row.get::<_, Option<i64>>(17)?,
        "created_at": row.get::<_, String>(18)?,
        "updated_at": row.get::<_, String>(19)?,
        "channel_slug": row.get::<_, String>(20)?,
        "user": row.get::<_, Option<String>>(21)?,
    }))
}

fn ticket(conn: &Connection, id: i64) -> rusqlite::Result<Value> {
    conn.query_row(
        &format!(
            "SELECT {TICKET_COLUMNS} FROM tickets t JOIN channels c ON c.id = t.channel_id
             LEFT JOIN users u ON u.id = t.user_id WHERE t.id = ?1"
        ),
        [id],
        ticket_json,
    )
}

/// Every ticket, newest first, each with its replies in the order they came.
pub fn inbox(conn: &Connection) -> rusqlite::Result<Vec<Value>> {
    let mut tickets = conn.prepare(&format!(
        "SELECT {TICKET_COLUMNS} FROM tickets t JOIN channels c ON c.id = t.channel_id
         LEFT JOIN users u ON u.id = t.user_id ORDER BY t.id DESC"
    ))?;
    let mut replies = conn.prepare(
        "SELECT r.id, r.message, r.is_internal, r.created_at, u.name FROM replies r
         LEFT JOIN users u ON u.id = r.user_id WHERE r.ticket_id = ?1 ORDER BY r.id",
    )?;
    let tickets = tickets
        .query_map([], ticket_json)?
        .collect::<rusqlite::Result<Vec<Value>>>()?;
    tickets
        .into_iter()
        .map(|mut ticket| {
            let id = ticket["id"].as_i64().unwrap_or_default();
            let list = replies
                .query_map([id], |row| {
                    Ok(json!({
                        "id": row.get::<_, i64>(0)?,
                        "message": row.get::<_, String>(1)?,
                        "is_internal": row.get::<_, bool>(2)?,
                        "created_at": row.get::<_, String>(3)?,
                        "user": row.get::<_, Option<String>>(4)?,
                    }))
                })?
                .collect::<rusqlite::Result<Vec<Value>>>()?;
            ticket["replies"] = Value::Array(list);
            Ok(ticket)
        })
        .collect()
}

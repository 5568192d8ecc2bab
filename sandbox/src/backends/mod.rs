//! Three other help desks' reply endpoints, as their documents describe them, so that the widget's
//! backends can be tried against something real: Mijn Klantportaal, Series and WHMCS. Each keeps
//! what arrives in its own tables and starts with a few seeded tickets to reply to.

pub mod klantportaal;
pub mod series;
pub mod whmcs;

mod state;

use axum::Router;
use rusqlite::Connection;
use serde_json::{json, Value};

pub use state::Backends;

use crate::auth::Callers;
use crate::db::Db;

/// Prepares the backends' tables in `db` (see [`prepare`]) and what their handlers share.
pub fn open(db: Db, callers: Callers) -> rusqlite::Result<Backends> {
    db.now(|conn| prepare(conn))?;
    Ok(Backends::new(db, callers, series::per_second()))
}

/// The three endpoints, to be nested under `/api` beside the help-desk API. They keep their own
/// authentication, limits and error shapes, so the API's throttle does not apply to them.
pub fn router<S: Clone + Send + Sync + 'static>(backends: Backends) -> Router<S> {
    Router::new()
        .merge(klantportaal::router())
        .merge(series::router())
        .merge(whmcs::router())
        .with_state(backends)
}

/// Creates the backends' tables when missing and adds their seeded tickets when missing, so
/// that database files from before the backends keep working and a restart changes nothing.
fn prepare(conn: &Connection) -> rusqlite::Result<()> {
    klantportaal::prepare(conn)?;
    series::prepare(conn)?;
    whmcs::prepare(conn)
}

/// What arrived at each backend, newest first, for `/inbox.json`.
pub fn arrived(conn: &Connection) -> rusqlite::Result<Value> {
    Ok(json!({
        "klantportaal": klantportaal::arrived(conn)?,
        "series": series::arrived(conn)?,
        "whmcs": whmcs::arrived(conn)?,
    }))
}

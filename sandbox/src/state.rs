//! What the handlers share: the settings, the database, the users by token and the limits, with
//! the backends' part of it prepared beside them.

use std::sync::Arc;

use crate::auth::{Caller, Callers};
use crate::backends::{self, Backends};
use crate::db::{self, Db};
use crate::limiter::Limiter;
use crate::settings::Settings;

pub(crate) struct Shared {
    pub settings: Settings,
    pub db: Db,
    pub callers: Callers,
    pub per_minute: Limiter,
    pub store_limit: Limiter,
    /// The backends' handlers get only this part (see [`Backends`]).
    pub backends: Backends,
}

/// The handle the help-desk API's and the inbox's handlers get: cheap to clone.
#[derive(Clone)]
pub struct AppState(pub(crate) Arc<Shared>);

impl AppState {
    /// Opens (or creates) the database, prepares the backends' tables in it, and sets up the
    /// limiters.
    pub fn new(settings: Settings) -> Result<Self, rusqlite::Error> {
        let db = Db::open(&settings.db_path)?;
        let callers = db.now(|conn| {
            settings
                .users
                .iter()
                .map(|user| {
                    let caller = Caller {
                        id: db::user_id(conn, &user.name)?,
                        name: user.name.clone(),
                    };
                    Ok((user.token.clone(), caller))
                })
                .collect::<rusqlite::Result<_>>()
        })?;
        let callers = Callers::new(callers);
        // The backends keep their tables in the same file; preparing them there keeps the
        // database layer free of them.
        let backends = backends::open(db.clone(), callers.clone())?;
        Ok(AppState(Arc::new(Shared {
            per_minute: Limiter::new(settings.per_minute, settings.minute_window),
            store_limit: Limiter::new(settings.store_limit, settings.store_window),
            callers,
            backends,
            db,
            settings,
        })))
    }
}

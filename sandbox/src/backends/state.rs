//! What the backends' handlers share.

use std::sync::Arc;
use std::time::Duration;

use crate::auth::Callers;
use crate::db::Db;
use crate::limiter::Limiter;

/// What the backends' handlers share: the database, the users, and Series' limit per key.
/// Cheap to clone.
#[derive(Clone)]
pub struct Backends {
    pub(super) db: Db,
    pub(super) callers: Callers,
    pub(super) series_limit: Arc<Limiter>,
}

impl Backends {
    pub(super) fn new(db: Db, callers: Callers, series_per_second: u32) -> Self {
        Backends {
            db,
            callers,
            series_limit: Arc::new(Limiter::new(series_per_second, Duration::from_secs(1))),
        }
    }
}

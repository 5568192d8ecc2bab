//! What the sandbox is configured with.

use std::path::PathBuf;
use std::time::Duration;

/// A caller of the API: each token is one user.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct User {
    pub name: String,
    pub token: String,
}

impl User {
    /// The user the demo page signs in as when no token is configured.
    pub fn demo() -> Self {
        User {
            name: "demo".into(),
            token: "demo-token".into(),
        }
    }
}

/// Which browser origins may call the API.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Origins {
    /// Any page served from this machine's loopback addresses, on any port.
    Loopback,
    /// Exactly these origins, such as `https://app.example.com`.
    List(Vec<String>),
    /// Any origin at all.
    Any,
}

/// The sandbox's settings. `Default` gives the documented API's behaviour.
#[derive(Clone, Debug)]
pub struct Settings {
    /// The SQLite file; created when missing. Default: `sandbox.sqlite`.
    pub db_path: PathBuf,
    /// The folder with the built widget and the demo page, served at `/`. Default: none.
    pub site_dir: Option<PathBuf>,
    /// The accepted Bearer tokens. Default: the demo user.
    pub users: Vec<User>,
    /// Origins allowed by CORS. Default: loopback pages.
    pub origins: Origins,
    /// Requests per user (or per address, without a token) per `minute_window`. Default: 60.
    pub per_minute: u32,
    /// Default: one minute.
    pub minute_window: Duration,
    /// Store requests per user per `store_window`. Default: 10.
    pub store_limit: u32,
    /// Default: five minutes.
    pub store_window: Duration,
    /// The largest request body accepted, in bytes. Default: 64 KiB.
    pub max_body_bytes: usize,
    /// How long a client may take to send its request body. Default: ten seconds.
    pub body_timeout: Duration,
    /// A pause before each store answer, after the ticket is saved: a slow server, for tests
    /// of what the widget does when no answer comes in time. Default: none.
    pub answer_delay: Duration,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            db_path: "sandbox.sqlite".into(),
            site_dir: None,
            users: vec![User::demo()],
            origins: Origins::Loopback,
            per_minute: 60,
            minute_window: Duration::from_secs(60),
            store_limit: 10,
            store_window: Duration::from_secs(300),
            max_body_bytes: 64 * 1024,
            body_timeout: Duration::from_secs(10),
            answer_delay: Duration::ZERO,
        }
    }
}

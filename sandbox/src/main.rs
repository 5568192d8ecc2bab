//! `sandbox`: runs the local help-desk API, the inbox and the demo page on 127.0.0.1.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::time::Duration;

use clap::Parser;
use sandbox::{backends, router, AppState, Origins, Settings, User};

/// A local server that behaves like the help-desk API.
#[derive(Parser)]
#[command(version)]
struct Args {
    /// Address to listen on; port 0 picks a free port.
    #[arg(long, default_value = "127.0.0.1:8787")]
    addr: SocketAddr,
    /// The SQLite file that keeps tickets and replies.
    #[arg(long, default_value = "sandbox.sqlite")]
    db: PathBuf,
    /// The built site (the widget and the demo page) to serve at `/`.
    #[arg(long)]
    site: Option<PathBuf>,
    /// An accepted token as NAME=TOKEN; repeat for more users. Default: demo=demo-token.
    #[arg(long = "token", value_parser = parse_user)]
    tokens: Vec<User>,
    /// A browser origin allowed to call the API (CORS), or `*`; repeat for more.
    /// Default: pages on 127.0.0.1, localhost and [::1], any port.
    #[arg(long = "allow-origin")]
    origins: Vec<String>,
    /// Requests per user (or address) per minute.
    #[arg(long, default_value_t = 60)]
    per_minute: u32,
    /// Store requests per user per store window.
    #[arg(long, default_value_t = 10)]
    store_limit: u32,
    /// The store window, in seconds.
    #[arg(long, default_value_t = 300)]
    store_window: u64,
    /// The largest request body accepted, in bytes.
    #[arg(long, default_value_t = 64 * 1024)]
    max_body: usize,
    /// Seconds to wait before answering a store request, after saving the ticket: a slow server.
    #[arg(long, default_value_t = 0.0)]
    answer_delay: f64,
}

fn parse_user(value: &str) -> Result<User, String> {
    match value.split_once('=') {
        Some((name, token)) if !name.is_empty() && !token.is_empty() => Ok(User {
            name: name.into(),
            token: token.into(),
        }),
        _ => Err(format!("expected NAME=TOKEN, got {value:?}")),
    }
}

#[tokio::main]
async fn main() {
    let args = Args::parse();
    let origins = if args.origins.iter().any(|origin| origin == "*") {
        Origins::Any
    } else if args.origins.is_empty() {
        Origins::Loopback
    } else {
        Origins::List(args.origins)
    };
    let settings = Settings {
        db_path: args.db,
        site_dir: args.site,
        users: if args.tokens.is_empty() {
            vec![User::demo()]
        } else {
            args.tokens
        },
        origins,
        per_minute: args.per_minute,
        store_limit: args.store_limit,
        store_window: Duration::from_secs(args.store_window),
        max_body_bytes: args.max_body,
        answer_delay: Duration::from_secs_f64(args.answer_delay.max(0.0)),
        ..Settings::default()
    };
    if let Err(problem) = run(settings, args.addr).await {
        eprintln!("sandbox: {problem}");
        std::process::exit(1);
    }
}

async fn run(settings: Settings, addr: SocketAddr) -> Result<(), String> {
    let users = settings.users.clone();
    let db_path = settings.db_path.clone();
    let serves_site = settings.site_dir.is_some();
    let state = AppState::new(settings)
        .map_err(|error| format!("cannot open {}: {error}", db_path.display()))?;
    let listener = tokio::net::TcpListener::bind(addr)
        .await
        .map_err(|error| format!("cannot listen on {addr}: {error}"))?;
    let base = format!(
        "http://{}",
        listener.local_addr().map_err(|error| error.to_string())?
    );
    // The first line is read by the end-to-end tests; keep its shape.
    println!("sandbox listening on {base}");
    if serves_site {
        println!("  demo page  {base}/");
        println!("  help desks {base}/helpdesks.html");
    }
    println!("  inbox      {base}/inbox  (JSON: {base}/inbox.json)");
    println!("  API base   {base}/api");
    println!(
        "  backends   klantportaal  {base}/api{}",
        backends::klantportaal::BASE
    );
    println!(
        "             series        {base}/api{}  (Free plan key: {})",
        backends::series::BASE,
        backends::series::FREE_PLAN_KEY
    );
    println!(
        "             whmcs         {base}/api{}",
        backends::whmcs::PATH
    );
    println!("  database   {}", db_path.display());
    for user in &users {
        println!("  token      {}  (user {})", user.token, user.name);
    }
    axum::serve(
        listener,
        router(state).into_make_service_with_connect_info::<SocketAddr>(),
    )
    .with_graceful_shutdown(async {
        let _ = tokio::signal::ctrl_c().await;
    })
    .await
    .map_err(|error| error.to_string())
}

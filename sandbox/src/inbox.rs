//! The read-only inbox: every stored ticket with its replies, and what arrived at the other help
//! desks' endpoints, as a page and as JSON; and the files that came with WHMCS replies.

use axum::extract::rejection::PathRejection;
use axum::extract::Path;
use axum::http::header::{
    CONTENT_DISPOSITION, CONTENT_SECURITY_POLICY, CONTENT_TYPE, X_CONTENT_TYPE_OPTIONS,
};
use axum::http::HeaderValue;
use axum::response::{Html, IntoResponse};
use axum::routing::get;
use axum::{extract::State, Json, Router};
use maud::{html, Markup, DOCTYPE};
use serde_json::Value;

use crate::api::ApiError;
use crate::backends::{self, whmcs};
use crate::db;
use crate::state::AppState;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/inbox", get(page))
        .route("/inbox.json", get(list))
        .route("/inbox/attachments/{id}", get(attachment))
}

/// The tickets, newest first, and what arrived at each backend.
async fn everything(app: &AppState) -> Result<Value, ApiError> {
    Ok(app
        .0
        .db
        .run(|conn| {
            let mut all = backends::arrived(conn)?;
            all["tickets"] = Value::Array(db::inbox(conn)?);
            Ok(all)
        })
        .await?)
}

/// `GET /inbox.json`: `{"tickets": [...], "klantportaal": [...], "series": [...],
/// "whmcs": [...]}`, each newest first.
async fn list(State(app): State<AppState>) -> Result<Json<Value>, ApiError> {
    Ok(Json(everything(&app).await?))
}

/// `GET /inbox`: the same lists as a page. Everything that arrived is escaped, and the page
/// allows no script at all.
async fn page(State(app): State<AppState>) -> Result<impl IntoResponse, ApiError> {
    let all = everything(&app).await?;
    let csp = HeaderValue::from_static("default-src 'none'; style-src 'unsafe-inline'");
    Ok((
        [(CONTENT_SECURITY_POLICY, csp)],
        Html(render(&all).into_string()),
    ))
}

/// `GET /inbox/attachments/{id}`: a WHMCS reply's file, byte for byte, as a download that no
/// browser runs or renders in place.
async fn attachment(
    State(app): State<AppState>,
    id: Result<Path<String>, PathRejection>,
) -> Result<impl IntoResponse, ApiError> {
    let id: i64 = id
        .ok()
        .and_then(|Path(id)| id.parse().ok())
        .ok_or(ApiError::NotFound("Attachment not found."))?;
    let (name, data) = app
        .0
        .db
        .run(move |conn| whmcs::attachment(conn, id))
        .await?
        .ok_or(ApiError::NotFound("Attachment not found."))?;
    Ok((
        [
            (
                CONTENT_TYPE,
                HeaderValue::from_static("application/octet-stream"),
            ),
            (X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff")),
            (CONTENT_DISPOSITION, disposition(&name)),
        ],
        data,
    ))
}

/// `attachment; filename="…"` with only characters that cannot end or break the quoted name;
/// others become `_`. Without any safe character, just `attachment`.
fn disposition(name: &str) -> HeaderValue {
    let safe: String = name
        .chars()
        .map(|c| match c {
            'a'..='z' | 'A'..='Z' | '0'..='9' | '.' | '-' | '_' | ' ' | '(' | ')' => c,
            _ => '_',
        })
        .collect();
    let safe = safe.trim();
    if safe.chars().all(|c| c == '_' || c == '.') {
        return HeaderValue::from_static("attachment");
    }
    HeaderValue::from_str(&format!("attachment; filename=\"{safe}\""))
        .unwrap_or(HeaderValue::from_static("attachment"))
}

fn text<'a>(value: &'a Value, key: &str) -> &'a str {
    value[key].as_str().unwrap_or("")
}

/// The array at `key`, or none.
fn list_at<'a>(value: &'a Value, key: &str) -> &'a [Value] {
    value[key].as_array().map_or(&[], Vec::as_slice)
}

fn render(all: &Value) -> Markup {
    let tickets = list_at(all, "tickets");
    html! {
        (DOCTYPE)
        html lang="en" {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { "Sandbox inbox" }
                style { (STYLE) }
            }
            body {
                h1 { "Sandbox inbox" }
                p { (tickets.len()) " tickets, newest first. " a href="/inbox" { "Refresh" } " · " a href="/inbox.json" { "JSON" } }
                @for ticket in tickets {
                    article {
                        h2 { (text(ticket, "ticket_number")) " · " (text(ticket, "subject")) }
                        p.meta {
                            (text(ticket, "channel_slug")) " · " (text(ticket, "status")) " · "
                            (text(ticket, "priority")) " priority"
                            @if let Some(kind) = ticket["type"].as_str() { " · " (kind) }
                            @if let Some(rating) = ticket["rating"].as_i64() { " · " (rating) " of 5 stars" }
                            " · by " (text(ticket, "user")) " · " (text(ticket, "created_at"))
                        }
                        pre { (text(ticket, "message")) }
                        dl {
                            dt { "Page" } dd { (text(ticket, "page")) }
                            dt { "Tool key" } dd { (text(ticket, "tool_key")) }
                            dt { "User agent" } dd { (text(ticket, "user_agent")) }
                            dt { "IP address" } dd { (text(ticket, "ip_address")) }
                        }
                        @for reply in ticket["replies"].as_array().into_iter().flatten() {
                            div.reply {
                                p.meta { "Reply by " (text(reply, "user")) " · " (text(reply, "created_at")) }
                                pre { (text(reply, "message")) }
                            }
                        }
                    }
                }
                (klantportaal_section(all))
                (series_section(all))
                (whmcs_section(all))
            }
        }
    }
}

/// Mijn Klantportaal messages that arrived, newest first, the HTML shown as the text it came as.
fn klantportaal_section(all: &Value) -> Markup {
    let messages = list_at(all, "klantportaal");
    html! {
        section {
            h2 { "Mijn Klantportaal messages (" (messages.len()) ")" }
            @for message in messages {
                article {
                    h3 { (text(message, "ticketId")) " · " (text(message, "id")) }
                    p.meta { "Posted by " (text(message, "postedBy")) " (user " (text(message, "user")) ") · " (text(message, "postedAt")) }
                    pre { (text(message, "message")) }
                }
            }
        }
    }
}

/// Series replies that arrived, newest first.
fn series_section(all: &Value) -> Markup {
    let replies = list_at(all, "series");
    html! {
        section {
            h2 { "Series replies (" (replies.len()) ")" }
            @for reply in replies {
                article {
                    h3 { (text(reply, "ticketId")) " · " (text(reply, "type")) }
                    p.meta { "Staff user " (reply["staffUserId"]) " (key of user " (text(reply, "user")) ") · " (text(reply, "createdAt")) }
                    pre { (text(reply, "content")) }
                }
            }
        }
    }
}

/// WHMCS replies that arrived, newest first, with links to their files.
fn whmcs_section(all: &Value) -> Markup {
    let replies = list_at(all, "whmcs");
    html! {
        section {
            h2 { "WHMCS ticket replies (" (replies.len()) ")" }
            @for reply in replies {
                article {
                    h3 { "Ticket " (reply["ticketid"]) " · reply " (reply["id"]) }
                    p.meta {
                        @if let Some(contact) = reply["contactid"].as_i64() { "Contact " (contact) " · " }
                        @if let (Some(name), Some(email)) = (reply["name"].as_str(), reply["email"].as_str()) { "Guest " (name) " <" (email) "> · " }
                        "markdown " (if reply["markdown"] == true { "on" } else { "off" })
                        " · user " (text(reply, "user")) " · " (text(reply, "created_at"))
                    }
                    pre { (text(reply, "message")) }
                    @let files = list_at(reply, "attachments");
                    @if !files.is_empty() {
                        ul {
                            @for file in files {
                                li {
                                    a href={ "/inbox/attachments/" (file["id"]) } { (text(file, "name")) }
                                    " · " (file["size"]) " bytes"
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}

const STYLE: &str = "
body { font: 16px/1.5 system-ui, sans-serif; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; color: #1a1a1a; }
article { border: 1px solid #ccc; border-radius: 8px; padding: 1rem; margin: 1rem 0; }
h2, h3 { font-size: 1.1rem; margin: 0; overflow-wrap: anywhere; }
section > h2 { font-size: 1.3rem; margin-top: 2rem; }
.meta { color: #555; font-size: .9rem; margin: .25rem 0; }
pre { white-space: pre-wrap; overflow-wrap: anywhere; font: inherit; background: #f6f6f6; padding: .5rem; border-radius: 4px; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: 0 1rem; font-size: .85rem; }
dt { color: #555; } dd { margin: 0; overflow-wrap: anywhere; }
.reply { border-left: 3px solid #2456c8; padding-left: .75rem; margin-top: .5rem; }
";

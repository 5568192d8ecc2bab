//! The sentences built from the contract's data: field problems, failed requests, waits.

use super::fill::fill;
use super::shown::server_text;
use super::table::Texts;
use crate::contract::{Failure, Field, Notice, Priority, Problem, TicketType};

impl Texts {
    /// The label of a field the user edits.
    pub fn field(&self, field: Field) -> &'static str {
        match field {
            Field::Subject => self.subject,
            Field::Message => self.message,
            Field::Rating => self.rating,
            Field::Type => self.kind,
            Field::Priority => self.priority,
            other => other.name(),
        }
    }

    pub fn ticket_type(&self, kind: TicketType) -> &'static str {
        match kind {
            TicketType::Bug => self.bug,
            TicketType::Suggestion => self.suggestion,
            TicketType::Other => self.other,
        }
    }

    pub fn priority_level(&self, priority: Priority) -> &'static str {
        match priority {
            Priority::Low => self.low,
            Priority::Normal => self.normal,
            Priority::High => self.high,
            Priority::Urgent => self.urgent,
        }
    }

    /// The sentence for a broken rule of `field`.
    pub fn problem(&self, field: Field, problem: Problem) -> String {
        // ASCII lowering keeps Unicode's case tables out of the wasm; the built-in labels are
        // ASCII, and a label that is not keeps its own letters.
        let name = self.field(field).to_ascii_lowercase();
        match problem {
            Problem::Required => fill(self.required_problem, &[("field", &name)]),
            Problem::TooLong { max } => fill(
                self.too_long_problem,
                &[("field", &name), ("max", &max.to_string())],
            ),
            _ => fill(self.invalid_problem, &[("field", &name)]),
        }
    }

    /// The sentence for a failed reply: a reply's own words where they differ from a ticket's.
    pub fn reply_failure(&self, failure: &Failure, wait: Option<u32>) -> String {
        match failure {
            Failure::Unauthenticated { .. } => self.reply_unauthenticated.to_owned(),
            Failure::Forbidden { .. } => self.reply_forbidden.to_owned(),
            Failure::NotFound { .. } => self.reply_not_found.to_owned(),
            _ => self.failure(failure, wait),
        }
    }

    /// The sentence for a failed request. `wait` is the rate limit's remaining time, when known.
    pub fn failure(&self, failure: &Failure, wait: Option<u32>) -> String {
        let status = |status: &u16| status.to_string();
        match failure {
            Failure::Invalid { .. } => self.invalid.to_owned(),
            Failure::Unauthenticated { .. } => self.unauthenticated.to_owned(),
            Failure::Forbidden { .. } => self.forbidden.to_owned(),
            Failure::NotFound { .. } => self.not_found.to_owned(),
            Failure::Refused { .. } => self.refused.to_owned(),
            Failure::RateLimited(_) | Failure::TooManySent { .. } => match wait {
                Some(0) => self.rate_limit_over.to_owned(),
                Some(seconds) => {
                    let template = match failure {
                        Failure::TooManySent { .. } => self.too_many_sent,
                        _ => self.rate_limited_wait,
                    };
                    fill(template, &[("time", &clock(seconds))])
                }
                None => self.rate_limited.to_owned(),
            },
            Failure::ServerError { status: code, .. } if failure.is_ambiguous() => {
                fill(self.gateway, &[("status", &status(code))])
            }
            Failure::ServerError { status: code, .. } => {
                fill(self.server_error, &[("status", &status(code))])
            }
            Failure::Offline => self.offline.to_owned(),
            Failure::Network => self.network.to_owned(),
            Failure::Timeout => self.timeout.to_owned(),
            Failure::Unexpected { status: code, .. } => {
                fill(self.unexpected, &[("status", &status(code))])
            }
        }
    }
}

/// Seconds as `m:ss`.
fn clock(seconds: u32) -> String {
    format!("{}:{:02}", seconds / 60, seconds % 60)
}

impl Texts {
    /// `template` with `{ticket}` filled in, for texts that name the ticket.
    pub fn with_ticket(&self, template: &str, label: &str) -> String {
        fill(template, &[("ticket", label)])
    }

    /// The words for the notices of one field: the widget's own findings, and the server's.
    pub fn notices(&self, field: Field, notices: Vec<Notice>) -> Vec<String> {
        notices
            .into_iter()
            .map(|notice| match notice {
                Notice::Rule(problem) => self.problem(field, problem),
                Notice::Server(message) => server_text(&message),
            })
            .collect()
    }

    /// A server's complaint about a field the user can't edit, for the top of the form.
    pub fn form_notice(&self, field: &str, message: &str) -> String {
        server_text(&format!("{field}: {message}"))
    }

    /// What a field's counter says to screen readers.
    pub fn counter_text(&self, count: usize, max: usize) -> String {
        fill(
            self.counter,
            &[("n", &count.to_string()), ("max", &max.to_string())],
        )
    }

    /// A failure's sentence, then that the text is still there, as the live region says it.
    pub fn failed_and_kept(&self, failure: String) -> String {
        format!("{failure} {}", self.text_kept)
    }

    /// The accessible name of the star worth `stars`.
    pub fn star_label(&self, stars: u8) -> String {
        fill(self.star, &[("n", &stars.to_string())])
    }
}

/// The server's own message for a failure, when it sent one worth showing, as the widget shows it.
pub fn server_message(failure: &Failure) -> Option<String> {
    match failure {
        Failure::Unauthenticated { message }
        | Failure::Forbidden { message }
        | Failure::NotFound { message }
        | Failure::Refused { message }
        | Failure::ServerError { message, .. }
        | Failure::Unexpected { message, .. } => message.as_deref().map(server_text),
        _ => None,
    }
}

//! The lifecycle one form's request goes through, shared by the new-ticket form and the reply
//! form: where the sending stands, whether the user has tried to send, and what the server said
//! about the fields; and from that, which problems to show next to a field.

use super::answer::{Failure, ServerFieldError};
use super::field::Field;
use super::rules::{FieldError, Problem};

/// Where a form's request stands.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum Phase<T> {
    /// Nothing sent yet, or the user is editing again.
    #[default]
    Editing,
    /// One request is on its way; no other may start.
    Sending,
    /// The browser is offline: the ticket waits in the outbox under this id.
    Queued(String),
    /// The server confirmed it.
    Done(T),
    /// It did not succeed; what the user typed is still there.
    Failed(Failure),
}

impl<T> Phase<T> {
    pub fn is_sending(&self) -> bool {
        matches!(self, Phase::Sending)
    }

    /// The seconds a rate limit asked to wait, while the failure that brought it is shown.
    pub fn retry_after(&self) -> Option<u32> {
        match self {
            Phase::Failed(failure) => failure.retry_after(),
            _ => None,
        }
    }

    /// Whether a new request may start: not while one is out or waiting, and not after one
    /// that may have arrived until the user chose to send it again.
    pub(super) fn may_send(&self) -> bool {
        match self {
            Phase::Sending | Phase::Queued(_) => false,
            Phase::Failed(failure) => !failure.is_ambiguous(),
            _ => true,
        }
    }
}

/// A problem to show next to a field: the widget's own finding, or the server's words.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Notice {
    Rule(Problem),
    Server(String),
}

/// One form's request, from the first try to the server's answer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Submission<T> {
    pub phase: Phase<T>,
    /// Whether the user has tried to send: from then on every problem shows, not only overlong
    /// text.
    tried: bool,
    /// The server's 422 messages, each kept until its field is edited.
    server_errors: Vec<ServerFieldError>,
}

impl<T> Default for Submission<T> {
    fn default() -> Self {
        Submission {
            phase: Phase::Editing,
            tried: false,
            server_errors: Vec::new(),
        }
    }
}

impl<T> Submission<T> {
    /// The user asked to send; from now on every problem shows.
    pub(super) fn tried(&mut self) {
        self.tried = true;
    }

    /// A request starts: the server's earlier complaints no longer apply.
    pub(super) fn begin(&mut self) {
        self.server_errors.clear();
        self.phase = Phase::Sending;
    }

    /// The user edited `field` (every field, when `None`): the server's complaint about it goes.
    pub(super) fn edited(&mut self, field: Option<Field>) {
        match field {
            Some(field) => self
                .server_errors
                .retain(|error| error.field != field.name()),
            None => self.server_errors.clear(),
        }
    }

    /// Takes the outcome of the request on its way, and says whether it was confirmed. A 422
    /// keeps the server's messages for their fields; nothing else changes what the user typed.
    pub(super) fn settle(&mut self, outcome: Result<T, Failure>) -> bool {
        if !self.phase.is_sending() {
            return false;
        }
        let confirmed = outcome.is_ok();
        self.phase = match outcome {
            Ok(done) => {
                self.tried = false;
                Phase::Done(done)
            }
            Err(failure) => {
                if let Failure::Invalid { errors, .. } = &failure {
                    self.server_errors = errors.clone();
                }
                Phase::Failed(failure)
            }
        };
        confirmed
    }

    /// What to show next to `field`, from the form's own `problems`: overlong text at once,
    /// the rest once the user has tried to send; then the server's words about it.
    pub(super) fn notices(&self, field: Field, problems: Vec<FieldError>) -> Vec<Notice> {
        let tried = self.tried;
        problems
            .into_iter()
            .filter(|error| {
                error.field == field && (tried || matches!(error.problem, Problem::TooLong { .. }))
            })
            .map(|error| Notice::Rule(error.problem))
            .chain(
                self.server_errors
                    .iter()
                    .filter(|error| error.field == field.name())
                    .flat_map(|error| error.messages.iter().cloned().map(Notice::Server)),
            )
            .collect()
    }

    /// The server's messages about fields not in `shown`, as (field, message), for the top of
    /// the form.
    pub(super) fn other_notices(&self, shown: &[Field]) -> Vec<(String, String)> {
        self.server_errors
            .iter()
            .filter(|error| !shown.iter().any(|field| field.name() == error.field))
            .flat_map(|error| {
                let field = error.field.clone();
                error
                    .messages
                    .iter()
                    .map(move |message| (field.clone(), message.clone()))
            })
            .collect()
    }
}

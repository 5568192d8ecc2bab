//! The life of one form: the draft, the problems to show next to each field, and where the sending
//! stands. Plain state with methods; the UI only calls them and draws the result.

use super::answer::{Failure, ServerFieldError, Ticket};
use super::backends::{BackendKind, Receipt, Target};
use super::field::{Field, Priority, TicketType};
use super::rules::{FieldError, Problem};
use super::store::{AutoFilled, Draft, Integration, StoreRequest};

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
    fn may_send(&self) -> bool {
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

/// A change the user makes to the feedback form.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Edit {
    Subject(String),
    Message(String),
    Rating(Option<u8>),
    Type(Option<TicketType>),
    Priority(Option<Priority>),
}

impl Edit {
    fn field(&self) -> Field {
        match self {
            Edit::Subject(_) => Field::Subject,
            Edit::Message(_) => Field::Message,
            Edit::Rating(_) => Field::Rating,
            Edit::Type(_) => Field::Type,
            Edit::Priority(_) => Field::Priority,
        }
    }
}

/// The fields the user edits; server errors for any other field belong to the whole form.
pub const USER_FIELDS: [Field; 5] = [
    Field::Subject,
    Field::Message,
    Field::Rating,
    Field::Type,
    Field::Priority,
];

fn server_notices<'a>(
    errors: &'a [ServerFieldError],
    field: &'a str,
) -> impl Iterator<Item = Notice> + 'a {
    errors
        .iter()
        .filter(move |error| error.field == field)
        .flat_map(|error| error.messages.iter().cloned().map(Notice::Server))
}

/// The new-ticket form.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FeedbackForm {
    pub draft: Draft,
    pub phase: Phase<Ticket>,
    integration: Integration,
    /// Whether the user has tried to send: from then on every problem shows, not only overlong
    /// text.
    tried: bool,
    /// The server's 422 messages, each kept until its field is edited.
    server_errors: Vec<ServerFieldError>,
    /// Send by itself when a rate limit's wait is over.
    pub auto_send: bool,
}

impl FeedbackForm {
    pub fn new(integration: Integration, draft: Draft) -> Self {
        FeedbackForm {
            draft,
            phase: Phase::Editing,
            integration,
            tried: false,
            server_errors: Vec::new(),
            auto_send: false,
        }
    }

    pub fn integration(&self) -> &Integration {
        &self.integration
    }

    /// Uses other integrator settings from now on, such as a new tool key.
    pub fn set_integration(&mut self, integration: Integration) {
        self.integration = integration;
    }

    /// Applies a user's change. The server's complaint about that field no longer applies.
    pub fn edit(&mut self, edit: Edit) {
        let name = edit.field().name();
        self.server_errors.retain(|error| error.field != name);
        match edit {
            Edit::Subject(text) => self.draft.subject = text,
            Edit::Message(text) => self.draft.message = text,
            Edit::Rating(stars) => self.draft.rating = stars,
            Edit::Type(kind) => self.draft.kind = kind,
            Edit::Priority(priority) => self.draft.priority = priority,
        }
    }

    /// The request to send, when the draft passes the server's rules and nothing is on its way.
    /// Otherwise `None`, and the problems show next to their fields. After a failure that may
    /// have arrived, only [`FeedbackForm::send_again`] sends.
    pub fn submit(&mut self, auto: &AutoFilled) -> Option<StoreRequest> {
        if !self.phase.may_send() {
            return None;
        }
        self.start(auto)
    }

    /// Sends after a failure that may have arrived, because the user asked to, knowing that it
    /// may make a second ticket.
    pub fn send_again(&mut self, auto: &AutoFilled) -> Option<StoreRequest> {
        match &self.phase {
            Phase::Failed(failure) if failure.is_ambiguous() => self.start(auto),
            _ => None,
        }
    }

    /// Leaves a failure that may have arrived without sending again; the text stays.
    pub fn keep_without_sending(&mut self) {
        if matches!(&self.phase, Phase::Failed(failure) if failure.is_ambiguous()) {
            self.phase = Phase::Editing;
        }
    }

    /// The browser went offline: the request that `submit` gave waits in the outbox as `id`.
    pub fn queue(&mut self, id: String) {
        if self.phase.is_sending() {
            self.phase = Phase::Queued(id);
        }
    }

    /// Shows a ticket that already waits in the outbox, as after a reload.
    pub fn waiting(&mut self, id: String) {
        if matches!(self.phase, Phase::Editing | Phase::Failed(_)) {
            self.phase = Phase::Queued(id);
        }
    }

    /// Stops waiting: the ticket is not sent and its text is back to edit. Returns the id to take
    /// out of the outbox.
    pub fn cancel_queued(&mut self) -> Option<String> {
        let Phase::Queued(id) = std::mem::replace(&mut self.phase, Phase::Editing) else {
            return None;
        };
        Some(id)
    }

    /// The outcome of the queued ticket `id`, sent from the outbox.
    pub fn settle_queued(&mut self, id: &str, outcome: Result<Ticket, Failure>) {
        if matches!(&self.phase, Phase::Queued(waiting) if waiting == id) {
            self.phase = Phase::Sending;
            self.settle(outcome);
        }
    }

    fn start(&mut self, auto: &AutoFilled) -> Option<StoreRequest> {
        self.tried = true;
        let request = self.draft.to_request(&self.integration, auto).ok()?;
        self.server_errors.clear();
        self.phase = Phase::Sending;
        Some(request)
    }

    /// Takes the outcome of the request that `submit` started. Only a confirmed ticket clears the
    /// draft; after any failure the text stays as it was.
    pub fn settle(&mut self, outcome: Result<Ticket, Failure>) {
        if !self.phase.is_sending() {
            return;
        }
        self.phase = match outcome {
            Ok(ticket) => {
                self.draft = Draft::default();
                self.tried = false;
                self.auto_send = false;
                Phase::Done(ticket)
            }
            Err(failure) => {
                if let Failure::Invalid { errors, .. } = &failure {
                    self.server_errors = errors.clone();
                }
                Phase::Failed(failure)
            }
        };
    }

    /// Shows a confirmed ticket again, as after a reload while details were being added to it.
    pub fn show_ticket(&mut self, ticket: Ticket) {
        if matches!(self.phase, Phase::Editing) {
            self.phase = Phase::Done(ticket);
        }
    }

    /// Back to an empty form after a success, for another ticket.
    pub fn start_over(&mut self) {
        if matches!(self.phase, Phase::Done(_)) {
            self.phase = Phase::Editing;
        }
    }

    /// What to show next to a field the user edits.
    pub fn notices(&self, field: Field) -> Vec<Notice> {
        let own = self.own_problems().into_iter().filter(|error| {
            error.field == field && (self.tried || matches!(error.problem, Problem::TooLong { .. }))
        });
        own.map(|error| Notice::Rule(error.problem))
            .chain(server_notices(&self.server_errors, field.name()))
            .collect()
    }

    /// Server messages about fields the user can't edit (the channel, the page, an unknown
    /// field), for the top of the form.
    pub fn form_notices(&self) -> Vec<(String, String)> {
        self.server_errors
            .iter()
            .filter(|error| !USER_FIELDS.iter().any(|field| field.name() == error.field))
            .flat_map(|error| {
                let field = error.field.clone();
                error
                    .messages
                    .iter()
                    .map(move |message| (field.clone(), message.clone()))
            })
            .collect()
    }

    fn own_problems(&self) -> Vec<FieldError> {
        self.draft
            .to_request(&self.integration, &AutoFilled::default())
            .err()
            .unwrap_or_default()
    }
}

/// A reply to one ticket, through any backend: the box under a new ticket, or the form for a
/// ticket the host names.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReplyForm {
    pub backend: BackendKind,
    pub target: Target,
    pub text: String,
    pub phase: Phase<Receipt>,
    tried: bool,
    server_errors: Vec<ServerFieldError>,
}

impl ReplyForm {
    pub fn new(backend: BackendKind, target: Target) -> Self {
        ReplyForm {
            backend,
            target,
            text: String::new(),
            phase: Phase::Editing,
            tried: false,
            server_errors: Vec::new(),
        }
    }

    /// Takes the new text. A failure stays shown until the next send, as in the ticket form, so
    /// that a rate limit's wait is not lost by typing; a confirmation goes, since the text is a
    /// new reply.
    pub fn edit(&mut self, text: String) {
        self.server_errors.clear();
        self.text = text;
        if matches!(self.phase, Phase::Done(_)) {
            self.phase = Phase::Editing;
        }
    }

    /// The message to send, when it passes the backend's rules and nothing is on its way.
    pub fn submit(&mut self) -> Option<String> {
        if self.phase.is_sending() {
            return None;
        }
        self.tried = true;
        let message = self.backend.backend().check_message(&self.text).ok()?;
        self.server_errors.clear();
        self.phase = Phase::Sending;
        Some(message)
    }

    /// Stops sending before anything went out (an attachment could not be read, say): back to
    /// editing, with the text as it was.
    pub fn abandon(&mut self) {
        if self.phase.is_sending() {
            self.phase = Phase::Editing;
        }
    }

    /// Takes the outcome; a confirmed reply empties the box for the next one.
    pub fn settle(&mut self, outcome: Result<Receipt, Failure>) {
        if !self.phase.is_sending() {
            return;
        }
        self.phase = match outcome {
            Ok(receipt) => {
                self.text.clear();
                self.tried = false;
                Phase::Done(receipt)
            }
            Err(failure) => {
                if let Failure::Invalid { errors, .. } = &failure {
                    self.server_errors = errors.clone();
                }
                Phase::Failed(failure)
            }
        };
    }

    /// What to show next to the message box.
    pub fn notices(&self) -> Vec<Notice> {
        let own = self
            .backend
            .backend()
            .check_message(&self.text)
            .err()
            .unwrap_or_default();
        own.into_iter()
            .filter(|error| {
                error.field == Field::Message
                    && (self.tried || matches!(error.problem, Problem::TooLong { .. }))
            })
            .map(|error| Notice::Rule(error.problem))
            .chain(server_notices(&self.server_errors, Field::Message.name()))
            .collect()
    }
}

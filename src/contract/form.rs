//! The two forms: the new-ticket form with its draft, and the reply form with its text. Both go
//! through the same [`Submission`] lifecycle; plain state with methods, which the UI only calls
//! and draws.

use super::answer::{Failure, Ticket};
use super::backends::{BackendKind, Receipt, Target};
use super::field::{Field, Priority, TicketType};
use super::store::{AutoFilled, Draft, Integration, StoreRequest};
use super::submission::{Notice, Phase, Submission};

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

/// The new-ticket form.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FeedbackForm {
    pub draft: Draft,
    pub submission: Submission<Ticket>,
    integration: Integration,
    /// Send by itself when a rate limit's wait is over.
    pub auto_send: bool,
}

impl FeedbackForm {
    pub fn new(integration: Integration, draft: Draft) -> Self {
        FeedbackForm {
            draft,
            submission: Submission::default(),
            integration,
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
        self.submission.edited(Some(edit.field()));
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
        if !self.submission.phase.may_send() {
            return None;
        }
        self.start(auto)
    }

    /// Sends after a failure that may have arrived, because the user asked to, knowing that it
    /// may make a second ticket.
    pub fn send_again(&mut self, auto: &AutoFilled) -> Option<StoreRequest> {
        match &self.submission.phase {
            Phase::Failed(failure) if failure.is_ambiguous() => self.start(auto),
            _ => None,
        }
    }

    /// Leaves a failure that may have arrived without sending again; the text stays.
    pub fn keep_without_sending(&mut self) {
        if matches!(&self.submission.phase, Phase::Failed(failure) if failure.is_ambiguous()) {
            self.submission.phase = Phase::Editing;
        }
    }

    /// The browser went offline: the request that `submit` gave waits in the outbox as `id`.
    pub fn queue(&mut self, id: String) {
        if self.submission.phase.is_sending() {
            self.submission.phase = Phase::Queued(id);
        }
    }

    /// Shows a ticket that already waits in the outbox, as after a reload.
    pub fn waiting(&mut self, id: String) {
        if matches!(self.submission.phase, Phase::Editing | Phase::Failed(_)) {
            self.submission.phase = Phase::Queued(id);
        }
    }

    /// Stops waiting: the ticket is not sent and its text is back to edit. Returns the id to take
    /// out of the outbox.
    pub fn cancel_queued(&mut self) -> Option<String> {
        let Phase::Queued(id) = std::mem::replace(&mut self.submission.phase, Phase::Editing)
        else {
            return None;
        };
        Some(id)
    }

    /// The outcome of the queued ticket `id`, sent from the outbox.
    pub fn settle_queued(&mut self, id: &str, outcome: Result<Ticket, Failure>) {
        if matches!(&self.submission.phase, Phase::Queued(waiting) if waiting == id) {
            self.submission.phase = Phase::Sending;
            self.settle(outcome);
        }
    }

    fn start(&mut self, auto: &AutoFilled) -> Option<StoreRequest> {
        self.submission.tried();
        let request = self.draft.to_request(&self.integration, auto).ok()?;
        self.submission.begin();
        Some(request)
    }

    /// Takes the outcome of the request that `submit` started. Only a confirmed ticket clears the
    /// draft; after any failure the text stays as it was.
    pub fn settle(&mut self, outcome: Result<Ticket, Failure>) {
        if self.submission.settle(outcome) {
            self.draft = Draft::default();
            self.auto_send = false;
        }
    }

    /// Shows a confirmed ticket again, as after a reload while details were being added to it.
    pub fn show_ticket(&mut self, ticket: Ticket) {
        if matches!(self.submission.phase, Phase::Editing) {
            self.submission.phase = Phase::Done(ticket);
        }
    }

    /// Back to an empty form after a success, for another ticket.
    pub fn start_over(&mut self) {
        if matches!(self.submission.phase, Phase::Done(_)) {
            self.submission.phase = Phase::Editing;
        }
    }

    /// What to show next to a field the user edits.
    pub fn notices(&self, field: Field) -> Vec<Notice> {
        let own = self
            .draft
            .to_request(&self.integration, &AutoFilled::default())
            .err()
            .unwrap_or_default();
        self.submission.notices(field, own)
    }

    /// Server messages about fields the user can't edit (the channel, the page, an unknown
    /// field), for the top of the form.
    pub fn form_notices(&self) -> Vec<(String, String)> {
        self.submission.other_notices(&USER_FIELDS)
    }
}

/// A reply to one ticket, through any backend: the box under a new ticket, or the form for a
/// ticket the host names.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReplyForm {
    pub backend: BackendKind,
    pub target: Target,
    pub text: String,
    pub submission: Submission<Receipt>,
}

impl ReplyForm {
    pub fn new(backend: BackendKind, target: Target) -> Self {
        ReplyForm {
            backend,
            target,
            text: String::new(),
            submission: Submission::default(),
        }
    }

    /// Takes the new text. A failure stays shown until the next send, as in the ticket form, so
    /// that a rate limit's wait is not lost by typing; a confirmation goes, since the text is a
    /// new reply.
    pub fn edit(&mut self, text: String) {
        self.submission.edited(None);
        self.text = text;
        if matches!(self.submission.phase, Phase::Done(_)) {
            self.submission.phase = Phase::Editing;
        }
    }

    /// The message to send, when it passes the backend's rules and nothing is on its way.
    pub fn submit(&mut self) -> Option<String> {
        if self.submission.phase.is_sending() {
            return None;
        }
        self.submission.tried();
        let message = self.backend.backend().check_message(&self.text).ok()?;
        self.submission.begin();
        Some(message)
    }

    /// Stops sending before anything went out (an attachment could not be read, say): back to
    /// editing, with the text as it was.
    pub fn abandon(&mut self) {
        if self.submission.phase.is_sending() {
            self.submission.phase = Phase::Editing;
        }
    }

    /// Takes the outcome; a confirmed reply empties the box for the next one.
    pub fn settle(&mut self, outcome: Result<Receipt, Failure>) {
        if self.submission.settle(outcome) {
            self.text.clear();
        }
    }

    /// What to show next to the message box.
    pub fn notices(&self) -> Vec<Notice> {
        let own = self
            .backend
            .backend()
            .check_message(&self.text)
            .err()
            .unwrap_or_default();
        self.submission.notices(Field::Message, own)
    }
}

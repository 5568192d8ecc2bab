//! Text from elsewhere (the server, the integrator, the user's files) as the widget shows it:
//! without hidden controls, and cut to a length the form can hold.

use crate::contract::{display_text, Ticket};

/// The most characters of a server message the form shows; the rest is cut.
pub const SERVER_TEXT_MAX: usize = 300;
/// The most characters of a ticket number the form shows.
pub const TICKET_LABEL_MAX: usize = 40;
/// The most characters of a name (a file, an author) the widget shows.
pub const NAME_MAX: usize = 80;

/// A ticket's number as the widget shows it: without hidden controls, and cut to length.
pub fn ticket_label(ticket: &Ticket) -> String {
    display_text(&ticket.label(), TICKET_LABEL_MAX)
}

/// A ticket id the host named, as the widget shows it.
pub fn named_ticket(ticket: &str) -> String {
    display_text(ticket, TICKET_LABEL_MAX)
}

/// A server's message as the widget shows it.
pub fn server_text(text: &str) -> String {
    display_text(text, SERVER_TEXT_MAX)
}

/// A name (a file's, a message author's) as the widget shows it.
pub fn name(text: &str) -> String {
    display_text(text, NAME_MAX)
}

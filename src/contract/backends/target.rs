//! The ticket a reply goes to, who it is from, and what can be wrong with it for a backend.

/// The ticket a reply goes to and who it is from, as the integrator configured it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Target {
    /// The ticket's id (`data-ticket-id`): a number for the default backend and WHMCS.
    pub ticket: String,
    /// Series: the staff member replying (`data-staff-user-id`).
    pub staff_user_id: Option<i64>,
    /// WHMCS: the contact to file the reply under (`data-contact-id`).
    pub contact_id: Option<i64>,
    /// WHMCS: a name and email for a reply from neither an admin nor a client.
    pub name: Option<String>,
    pub email: Option<String>,
    /// WHMCS: render the reply as markdown (`data-markdown`).
    pub markdown: bool,
}

/// Why a backend can't reply to a [`Target`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TargetProblem {
    /// This API's ticket ids are whole numbers from 1.
    NotATicketNumber { ticket: String },
    /// No ticket id; `example` shows what one looks like at this help desk.
    TicketMissing { example: &'static str },
    /// `.` or `..`, which a URL path reads as a folder.
    NotATicketId { ticket: String },
    /// Series takes replies from a staff member only.
    StaffUserMissing,
    /// WHMCS ticket ids are whole numbers from 1.
    NotAWhmcsTicket { ticket: String },
    /// WHMCS contact ids are whole numbers from 1.
    ContactNotPositive,
    /// A WHMCS reply from neither admin nor client needs both a name and an email address.
    GuestNeedsNameAndEmail,
}

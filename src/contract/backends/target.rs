//! The ticket a reply goes to, and who it is from.

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

//! The integrator's configuration problems in words: English sentences for the developer, for the
//! console and the `error` event (they are never shown to the page's readers). The token is
//! never part of one.

use super::Texts;
use crate::contract::backends::{BackendKind, TargetProblem};
use crate::contract::{ConfigProblem, Field, Problem};

/// The sentence for a configuration problem.
pub fn config_text(problem: &ConfigProblem) -> String {
    match problem {
        ConfigProblem::Integration(error) => {
            let what = match error.field {
                Field::ChannelSlug => "the channel (data-channel)",
                _ => "the tool key (data-tool-key)",
            };
            match error.problem {
                Problem::Required => format!("{what} is missing; tickets need a channel."),
                Problem::TooLong { max } => format!(
                    "{what} is longer than the API's limit of {max} characters. It is not \
                     shortened, since a changed value would file tickets in the wrong place."
                ),
                _ => format!("{what} is not accepted by the API."),
            }
        }
        ConfigProblem::ApiBaseMissing => "the API base (data-api-base) is missing.".into(),
        ConfigProblem::ApiBaseNotUrl { raw } => {
            format!("the API base (data-api-base) \"{raw}\" is not a URL.")
        }
        ConfigProblem::ApiBaseNotHttp { raw } => {
            format!("the API base (data-api-base) \"{raw}\" is not an http or https URL.")
        }
        ConfigProblem::TokenNotSendable => {
            "the token has characters that can't be sent in a header; only visible ASCII can."
                .into()
        }
        ConfigProblem::Target { backend, problem } => {
            format!("{} backend: {}", backend.name(), target_text(problem))
        }
        ConfigProblem::NotAWord {
            attribute,
            value,
            allowed,
        } => format!("{attribute}=\"{value}\" is not one of {allowed}; the default is used."),
        ConfigProblem::NotAWholeNumber { name, value } => match value {
            Some(value) => format!("{name} is not a whole number (\"{value}\")."),
            None => format!("{name} is not a whole number."),
        },
        ConfigProblem::LabelsNotJson => {
            "data-labels is not JSON; the built-in texts are used.".into()
        }
        ConfigProblem::LabelsNotAnObject => "labels must be an object of texts by key.".into(),
        ConfigProblem::LabelNotText { key } => format!("the label \"{key}\" is not a string."),
        ConfigProblem::UnknownLabels { keys } => format!(
            "no text is named {}. The keys are: {}.",
            keys.join(", "),
            Texts::KEYS.join(", ")
        ),
        ConfigProblem::UnknownBackend {
            word,
            tickets_instead,
        } => {
            let word = word.trim();
            let names: Vec<&str> = BackendKind::ALL.iter().map(|kind| kind.name()).collect();
            let problem = match BackendKind::HELPDESKS.contains(&word) {
                true => format!(
                    "\"{word}\" is not in this build of the widget: the other help desks are in \
                     feedback-widget-helpdesks.js (for a Rust app, the \"helpdesks\" feature)."
                ),
                false => format!("\"{word}\" is not one of {}.", names.join(", ")),
            };
            match tickets_instead {
                true => format!("{problem} The widget makes new tickets instead."),
                false => problem,
            }
        }
        ConfigProblem::BackendNotAName => "it takes a backend's name, or null.".into(),
        ConfigProblem::NotATicket => "a ticket is a ticket id or an object with a ticketId.".into(),
        ConfigProblem::NotASelector { selector } => {
            format!("the open selector (data-open-selector) \"{selector}\" is not a CSS selector.")
        }
        ConfigProblem::NoToolKeyForReplies => {
            "this widget replies to a ticket and makes none, so it sends no tool key.".into()
        }
        ConfigProblem::NoFormToGoBackTo => "this widget was set up with data-backend and has no \
             form for new tickets to go back to."
            .into(),
        ConfigProblem::UnknownLocale => "it takes \"en\" or \"nl\".".into(),
        ConfigProblem::At { place, problem } => format!("{place}: {}", config_text(problem)),
    }
}

/// When the widget can't be drawn at all, for the `mount` error: the browser's reason follows.
pub const MOUNT_FAILED: &str = "the widget could not be shown: ";
/// The reasons the widget gives itself when the page lacks what it draws into.
pub const NO_SHADOW_ROOT: &str = "the element has no shadow root";
pub const NO_BODY: &str = "the page has no body";
/// For the console when the browser refuses to open the dialog; the browser's error follows.
pub const CANNOT_OPEN: &str = "feedback-widget: cannot open";

/// The sentences for several problems, as the console and the `error` event get them.
pub fn config_texts(problems: &[ConfigProblem]) -> Vec<String> {
    problems.iter().map(config_text).collect()
}

fn target_text(problem: &TargetProblem) -> String {
    match problem {
        TargetProblem::NotATicketNumber { ticket } => format!(
            "the ticket id (data-ticket-id) \"{ticket}\" is not a ticket number of this API, \
             which are whole numbers from 1."
        ),
        TargetProblem::TicketMissing { example } => {
            format!("the ticket id (data-ticket-id) is missing, such as {example}.")
        }
        TargetProblem::NotATicketId { ticket } => {
            format!("the ticket id (data-ticket-id) \"{ticket}\" is not a ticket id.")
        }
        TargetProblem::StaffUserMissing => "the staff user id (data-staff-user-id) is missing; \
             Series takes replies from a staff member who has claimed the ticket."
            .into(),
        TargetProblem::NotAWhmcsTicket { ticket } => format!(
            "the ticket id (data-ticket-id) \"{ticket}\" is not a WHMCS ticket id, which are \
             whole numbers from 1."
        ),
        TargetProblem::ContactNotPositive => {
            "the contact id (data-contact-id) is not a whole number from 1.".into()
        }
        TargetProblem::GuestNeedsNameAndEmail => "a reply from someone who is neither admin nor \
             client needs both a name (data-reply-name) and an email address (data-reply-email)."
            .into(),
    }
}

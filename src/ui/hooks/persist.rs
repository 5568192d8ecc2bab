//! The widget's memory across reloads and crashes: what the user types is saved as they type and
//! restored, with the ticket they were adding details to.

use leptos::prelude::*;

use crate::api::Delivery;
use crate::browser::storage::Slot;
use crate::contract::backends::BackendKind;
use crate::contract::{Draft, FeedbackForm, Integration, Phase, ReplyForm, Ticket};
use crate::ui::effect::effect;

/// Where the draft for this API base, channel and tool key is kept.
pub(crate) fn draft_slot(api_base: &str, integration: &Integration) -> Slot {
    let tool_key = integration.tool_key().unwrap_or_default();
    Slot::new("draft", &[api_base, integration.channel(), tool_key])
}

/// Where the last confirmed ticket is kept while details for it may follow.
fn ticket_slot(api_base: &str, integration: &Integration) -> Slot {
    let tool_key = integration.tool_key().unwrap_or_default();
    Slot::new("ticket", &[api_base, integration.channel(), tool_key])
}

/// Where the reply box's text for a ticket is kept. Replies to this API's own tickets keep the
/// slot they always had; another help desk's tickets are told apart by its name.
pub(crate) fn reply_slot(backend: BackendKind, api_base: &str, ticket: &str) -> Slot {
    match backend {
        BackendKind::Default => Slot::new("reply", &[api_base, ticket]),
        #[cfg(feature = "helpdesks")]
        other => Slot::new("reply", &[other.name(), api_base, ticket]),
    }
}

/// The form as the user left it: their draft, a ticket waiting in the outbox, or the ticket
/// they were adding details to.
pub(crate) fn restored_form(
    integration: Integration,
    api_base: &str,
    delivery: &Delivery,
) -> FeedbackForm {
    let draft = draft_slot(api_base, &integration)
        .load()
        .unwrap_or_default();
    let tickets = ticket_slot(api_base, &integration);
    let mut form = FeedbackForm::new(integration, draft);
    if let Some(entry) = delivery.outbox().entries.first() {
        form.waiting(entry.id.clone());
    } else if let Some(ticket) = tickets.load::<Ticket>() {
        let details: String = reply_slot(BackendKind::Default, api_base, &ticket.id.to_string())
            .load()
            .unwrap_or_default();
        match details.trim().is_empty() {
            true => tickets.clear(),
            false => form.show_ticket(ticket),
        }
    }
    form
}

/// Saves the draft whenever it changes (an empty draft leaves nothing behind), and the confirmed
/// ticket while its success view is shown. A draft is written only when it, or the slot it
/// belongs in, is no longer what storage was last seen to hold: at first, what the form was
/// restored from. Writing that back could undo what another tab did since, such as clearing the
/// draft it sent.
pub(crate) fn keep_draft(form: RwSignal<FeedbackForm>, api_base: String) {
    let mut stored = form.with_untracked(|form| draft_of(&api_base, form));
    effect(move || {
        form.with(|form| {
            let draft = draft_of(&api_base, form);
            if draft != stored {
                let (drafts, text) = &draft;
                match *text == Draft::default() {
                    true => drafts.clear(),
                    false => drafts.save(text),
                }
                stored = draft;
            }
            let tickets = ticket_slot(&api_base, form.integration());
            match &form.submission.phase {
                Phase::Done(ticket) => tickets.save(ticket),
                _ => tickets.clear(),
            }
        })
    });
}

/// The draft of `form` with the slot it is kept in.
fn draft_of(api_base: &str, form: &FeedbackForm) -> (Slot, Draft) {
    (draft_slot(api_base, form.integration()), form.draft.clone())
}

/// The reply box's text for `ticket`, kept while it is not empty, until the help desk confirms it.
pub(crate) fn keep_reply(reply: RwSignal<ReplyForm>, slot: Slot) {
    effect(move || {
        reply.with(|reply| match reply.text.trim().is_empty() {
            true => slot.clear(),
            false => slot.save(&reply.text),
        })
    });
}

//! The widget's memory across reloads, crashes and tabs: what the user types is saved as they
//! type and restored, and tickets written offline are sent from the outbox when they can be.

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::WidgetEvent;
use crate::api::Client;
use crate::contract::backends::BackendKind;
use crate::contract::outbox::Outcome;
use crate::contract::{Draft, FeedbackForm, Integration, Phase, Ticket};
use crate::delivery::Delivery;
use crate::storage::{concerns, Slot};

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
/// ticket while its success view is shown.
pub(crate) fn keep_draft(form: RwSignal<FeedbackForm>, api_base: String) {
    super::effect(move || {
        form.with(|form| {
            let drafts = draft_slot(&api_base, form.integration());
            match form.draft == Draft::default() {
                true => drafts.clear(),
                false => drafts.save(&form.draft),
            }
            let tickets = ticket_slot(&api_base, form.integration());
            match &form.phase {
                Phase::Done(ticket) => tickets.save(ticket),
                _ => tickets.clear(),
            }
        })
    });
}

/// Runs the outbox: sends what is due now, when the browser comes back online, when another
/// tab changes the outbox and when a backoff ends, and shows the form the outcome of the ticket
/// it waits for. Returns the function that sends what is due now.
pub(crate) fn run_outbox(
    form: RwSignal<FeedbackForm>,
    api_base: String,
    delivery: Delivery,
    client: StoredValue<Client>,
    on_event: Callback<WidgetEvent>,
) -> Callback<()> {
    let outbox_slot = delivery.outbox_slot().clone();
    let show_outcome = {
        let delivery = delivery.clone();
        move || {
            let Some(id) = form.with_untracked(|form| match &form.phase {
                Phase::Queued(id) => Some(id.clone()),
                _ => None,
            }) else {
                return;
            };
            let outbox = delivery.outbox();
            match outbox.get(&id) {
                Some(entry) if entry.outcome.is_none() => {}
                Some(_) => {
                    let outcome = match delivery.take(&id) {
                        Some(Outcome::Delivered(ticket)) => Ok(ticket),
                        Some(Outcome::Returned(failure)) => Err(failure),
                        None => return,
                    };
                    if let Ok(ticket) = &outcome {
                        on_event.run(WidgetEvent::Submitted(ticket.clone()));
                    }
                    form.update(|form| form.settle_queued(&id, outcome));
                }
                // Cancelled or shown in another tab: back to the draft as stored now.
                None => form.update(|form| {
                    form.cancel_queued();
                    form.draft = draft_slot(&api_base, form.integration())
                        .load()
                        .unwrap_or_default();
                }),
            }
        }
    };

    let flush = StoredValue::new(None::<Callback<()>>);
    let send_due = {
        let show_outcome = show_outcome.clone();
        Callback::new(move |()| {
            let (delivery, show_outcome) = (delivery.clone(), show_outcome.clone());
            spawn_local(async move {
                let next = delivery.flush(&client.get_value()).await;
                show_outcome();
                // A backoff or rate limit ends later: send again then, while the page is open.
                if let (Some(next), Some(again)) = (next, flush.get_value()) {
                    let delay = next.saturating_sub(js_sys::Date::now() as u64);
                    set_timeout(
                        move || again.run(()),
                        std::time::Duration::from_millis(delay + 50),
                    );
                }
            });
        })
    };
    flush.set_value(Some(send_due));

    let online = window_event_listener(leptos::ev::online, move |_| send_due.run(()));
    let storage = window_event_listener(leptos::ev::storage, move |event| {
        if concerns(&event, &outbox_slot) {
            show_outcome();
        }
    });
    on_cleanup(move || {
        online.remove();
        storage.remove();
    });
    send_due.run(());
    send_due
}

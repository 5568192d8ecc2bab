//! The outbox while the page is open: tickets written offline go out when they can, from one tab
//! at a time, and the form shows the outcome of the one it waits for.

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::persist::draft_slot;
use crate::api::{Client, Delivery};
use crate::browser::clock::{idle, now_ms};
use crate::browser::storage::concerns;
use crate::contract::outbox::Outcome;
use crate::contract::{FeedbackForm, Phase};
use crate::ui::controls::WidgetEvent;

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
            let Some(id) = form.with_untracked(|form| match &form.submission.phase {
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
                    let delay = next.saturating_sub(now_ms());
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
    // The first round goes in a task of its own once the page is idle, rather than in the one
    // that mounts the widget (see stages.rs). Opening the form sends what is due in the next task.
    spawn_local(async move {
        idle().await;
        // Nothing to do for a widget taken away meanwhile.
        let _ = send_due.try_run(());
    });
    send_due
}

//! The box for adding details to the ticket just made, through the reply endpoint.

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::persist::reply_slot;
use super::status_message::StatusMessage;
use super::success::with_ticket;
use super::text_field::TextField;
use super::ticket_form::worded;
use super::widget_context;
use crate::contract::backends::{BackendKind, Target};
use crate::contract::{Field, Phase, ReplyForm};

/// Sends public replies (`is_internal` false) to one ticket, as many as the user likes.
#[component]
pub fn ReplyBox(ticket_id: i64, ticket_label: String) -> impl IntoView {
    let context = widget_context();
    let texts = context.texts;
    // What the user typed here survives a reload, until the server confirms it.
    let slot = reply_slot(&context.api_base, ticket_id);
    let target = Target {
        ticket: ticket_id.to_string(),
        ..Target::default()
    };
    let mut restored = ReplyForm::new(BackendKind::Default, target);
    restored.edit(slot.load().unwrap_or_default());
    let reply = RwSignal::new(restored);
    Effect::new(move |_| {
        reply.with(|reply| match reply.text.trim().is_empty() {
            true => slot.clear(),
            false => slot.save(&reply.text),
        })
    });
    let sending = Signal::derive(move || reply.with(|reply| reply.phase.is_sending()));
    let failure = Signal::derive(move || {
        reply.with(|reply| match &reply.phase {
            Phase::Failed(failure) => Some(failure.clone()),
            _ => None,
        })
    });
    let sent = move || reply.with(|reply| matches!(reply.phase, Phase::Done(_)));

    let submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let Some(message) = reply.try_update(ReplyForm::submit).flatten() else {
            return;
        };
        let client = context.client.get_value();
        let api_base = context.api_base.clone();
        let target = reply.with_untracked(|reply| reply.target.clone());
        spawn_local(async move {
            let outcome = client
                .reply(&api_base, BackendKind::Default, &target, &message, &[])
                .await;
            reply.update(|reply| reply.settle(outcome));
        });
    };
    let sent_text = with_ticket(texts.reply_sent, &ticket_label);
    let announcement = context.announcement;
    let said = sent_text.clone();
    let phase = Memo::new(move |_| reply.with(|reply| reply.phase.clone()));
    // Each new phase is said in the dialog's live region; the first one is not news.
    Effect::watch(
        move || phase.get(),
        move |phase, _, _| {
            let text = match phase {
                Phase::Sending => texts.sending.to_owned(),
                Phase::Done(_) => said.clone(),
                Phase::Failed(failure) => {
                    format!("{} {}", texts.failure(failure, None), texts.text_kept)
                }
                Phase::Editing | Phase::Queued(_) => return,
            };
            announcement.set(text);
        },
        false,
    );
    view! {
        <form class="fw-reply" novalidate on:submit=submit>
            <TextField
                id="fw-reply"
                label=texts.reply_label
                marker=texts.optional
                max=Field::Message.max_chars().unwrap_or_default()
                multiline=true
                value=Signal::derive(move || reply.with(|reply| reply.text.clone()))
                on_input=Callback::new(move |text| reply.update(|reply| reply.edit(text)))
                notices=Signal::derive(move || {
                    worded(texts, Field::Message, reply.with(ReplyForm::notices))
                })
            />
            <StatusMessage
                sending
                failure
                wait=Signal::derive(|| None)
                extra=Signal::derive(Vec::new)
            />
            <p class="fw-reply__sent">
                {move || sent().then(|| sent_text.clone())}
            </p>
            <div class="fw-reply__actions">
                <button
                    type="submit"
                    class="fw-button"
                    aria-disabled=move || sending.get().to_string()
                >
                    {move || if sending.get() { texts.sending } else { texts.reply_send }}
                </button>
            </div>
        </form>
    }
}

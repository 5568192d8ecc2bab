//! A reply to one ticket, through whichever backend the widget was given: the box for adding
//! details under a ticket just made, or the whole form when the host names a ticket. It shows
//! what the backend offers and nothing more: attachments where it takes them, the thread where
//! its answer has one.

use leptos::prelude::*;
use leptos::task::spawn_local;

#[cfg(feature = "helpdesks")]
use super::attachment_picker::{AttachmentPicker, ChosenFiles};
use super::context::widget_context;
use super::controls::WidgetEvent;
use super::hooks::countdown::countdown;
use super::hooks::persist::{keep_reply, reply_slot};
#[cfg(feature = "helpdesks")]
use super::reactive::reactive;
use super::status_message::StatusMessage;
use super::text_field::TextField;
use super::texts::EN;
#[cfg(feature = "helpdesks")]
use super::thread::Thread;
#[cfg(feature = "helpdesks")]
use crate::browser::files::read_all;
use crate::contract::backends::{BackendKind, Target, ThreadMessage};
use crate::contract::{Field, Phase, ReplyForm};

/// Sends public replies to one ticket, as many as the user likes.
#[component]
pub fn ReplyBox(
    backend: BackendKind,
    /// The help desk's API base, absolute.
    api_base: String,
    target: Target,
    /// The ticket as the user knows it, for "added to ticket …".
    ticket_label: String,
    /// The host named the ticket: the box is the whole form, and its message is required.
    #[prop(optional)]
    standalone: bool,
) -> impl IntoView {
    let context = widget_context();
    let texts = context.texts;
    let capabilities = backend.backend().capabilities();
    // What the user typed here survives a reload, until the help desk confirms it.
    let slot = reply_slot(backend, &api_base, &target.ticket);
    let mut restored = ReplyForm::new(backend, target);
    restored.edit(slot.load().unwrap_or_default());
    let reply = RwSignal::new(restored);
    keep_reply(reply, slot);
    // Files, and threads to show, come only from the other help desks.
    #[cfg(feature = "helpdesks")]
    let files: ChosenFiles = RwSignal::new_local(Vec::new());
    #[cfg(feature = "helpdesks")]
    let unreadable = RwSignal::new(None::<String>);
    let thread = RwSignal::new(None::<Vec<ThreadMessage>>);
    // A rate limit's wait; the failure that brought it stays while the user types, so typing
    // does not end it.
    let wait = countdown(
        Memo::new(move |_| reply.with(|reply| reply.submission.phase.retry_after())).into(),
    );
    let waiting = move || wait.get().is_some_and(|seconds| seconds > 0);
    let sending = Signal::derive(move || reply.with(|reply| reply.submission.phase.is_sending()));
    let blocked = move || sending.get() || waiting();
    let failure = Signal::derive(move || {
        reply.with(|reply| match &reply.submission.phase {
            Phase::Failed(failure) => Some(failure.clone()),
            _ => None,
        })
    });
    let sent = move || reply.with(|reply| matches!(reply.submission.phase, Phase::Done(_)));

    let on_event = context.on_event;
    let submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        if waiting() {
            return;
        }
        let Some(message) = reply.try_update(ReplyForm::submit).flatten() else {
            return;
        };
        let client = context.client.get_value();
        let api_base = api_base.clone();
        let target = reply.with_untracked(|reply| reply.target.clone());
        #[cfg(feature = "helpdesks")]
        let chosen = {
            unreadable.set(None);
            files.get_untracked()
        };
        spawn_local(async move {
            #[cfg(feature = "helpdesks")]
            let attachments = match read_all(&chosen).await {
                Ok(attachments) => attachments,
                Err(name) => {
                    unreadable.set(Some(name));
                    reply.update(ReplyForm::abandon);
                    return;
                }
            };
            #[cfg(not(feature = "helpdesks"))]
            let attachments = Vec::new();
            let outcome = client
                .reply(&api_base, backend, &target, &message, &attachments)
                .await;
            match &outcome {
                Ok(receipt) => {
                    #[cfg(feature = "helpdesks")]
                    files.set(Vec::new());
                    if receipt.thread.is_some() {
                        thread.set(receipt.thread.clone());
                    }
                    on_event.run(WidgetEvent::Replied {
                        backend,
                        ticket: target.ticket,
                    });
                }
                Err(failure) => on_event.run(WidgetEvent::Error {
                    code: failure.code(),
                    message: EN.reply_failure(failure, failure.retry_after()),
                }),
            }
            reply.update(|reply| reply.settle(outcome));
        });
    };
    let (label, marker, button, done) = match standalone {
        true => (
            texts.reply_message,
            texts.required,
            texts.reply_post,
            texts.reply_posted,
        ),
        false => (
            texts.reply_label,
            texts.optional,
            texts.reply_send,
            texts.reply_sent,
        ),
    };
    let sent_text = texts.with_ticket(done, &ticket_label);
    let announcement = context.announcement;
    let said = sent_text.clone();
    let phase = Memo::new(move |_| reply.with(|reply| reply.submission.phase.clone()));
    // Each new phase is said in the dialog's live region; the first one is not news.
    Effect::watch(
        move || phase.get(),
        move |phase, _, _| {
            let text = match phase {
                Phase::Sending => texts.sending.to_owned(),
                Phase::Done(_) => said.clone(),
                Phase::Failed(failure) => texts.failed_and_kept(texts.reply_failure(failure, None)),
                Phase::Editing | Phase::Queued(_) => return,
            };
            announcement.set(text);
        },
        false,
    );
    #[cfg(feature = "helpdesks")]
    let (thread, picker) = (
        reactive(move || {
            thread
                .get()
                .map(|messages| view! { <Thread messages /> }.into_any())
        }),
        capabilities
            .attachments
            .map(|rules| view! { <AttachmentPicker rules files unreadable /> }),
    );
    #[cfg(not(feature = "helpdesks"))]
    let (thread, picker) = ((), ());
    view! {
        <form class="fw-reply" class:fw-reply--standalone=standalone novalidate on:submit=submit>
            {thread}
            <TextField
                id="fw-reply"
                label=label
                marker=marker
                max=capabilities.max_chars
                multiline=true
                autofocus=standalone
                value=Signal::derive(move || reply.with(|reply| reply.text.clone()))
                on_input=Callback::new(move |text| reply.update(|reply| reply.edit(text)))
                notices=Signal::derive(move || {
                    texts.notices(Field::Message, reply.with(ReplyForm::notices))
                })
            />
            {picker}
            <StatusMessage
                sending
                failure
                wait
                extra=Signal::derive(Vec::new)
                reply=true
            />
            <p class="fw-reply__sent">
                {move || if sent() { sent_text.clone() } else { String::new() }}
            </p>
            <div class="fw-reply__actions">
                <button
                    type="submit"
                    class="fw-button"
                    class:fw-button--primary=standalone
                    aria-disabled=move || blocked().to_string()
                >
                    {move || if sending.get() { texts.sending } else { button }.to_owned()}
                </button>
            </div>
        </form>
    }
}

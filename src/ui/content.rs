//! What the dialog holds: the reply form for a ticket the host named, the success view after a
//! confirmed ticket, or the form for a new one.

use leptos::prelude::*;

use super::options::ReplyTo;
use super::reactive::reactive;
use super::reply_box::ReplyBox;
use super::success::Success;
use super::texts::named_ticket;
use super::ticket_form::TicketForm;
use crate::api::Delivery;
use crate::contract::{FeedbackForm, Phase};

/// Chooses the dialog's content from where the widget stands. A widget with neither a reply
/// target nor a form shows nothing.
#[component]
pub fn Content(
    /// Whether the dialog is open; the success view's Close button closes it.
    open: RwSignal<bool>,
    /// Where replies go, while the widget replies to a ticket the host named.
    reply: RwSignal<Option<ReplyTo>>,
    /// The form for new tickets and its delivery; none for a widget that only replies.
    feedback: Option<(RwSignal<FeedbackForm>, Delivery)>,
) -> impl IntoView {
    let ticket = feedback.as_ref().map(|(form, _)| {
        let form = *form;
        Memo::new(move |_| {
            form.with(|form| match &form.submission.phase {
                Phase::Done(ticket) => Some(ticket.clone()),
                _ => None,
            })
        })
    });
    reactive(move || {
        if let Some(to) = reply.get() {
            let label = named_ticket(&to.target.ticket);
            return view! {
                <ReplyBox
                    backend=to.backend
                    api_base=to.api_base
                    target=to.target
                    ticket_label=label
                    standalone=true
                />
            }
            .into_any();
        }
        let Some(((form, delivery), ticket)) = feedback.clone().zip(ticket) else {
            return ().into_any();
        };
        match ticket.get() {
            Some(ticket) => view! {
                <Success
                    ticket
                    on_new=Callback::new(move |()| form.update(FeedbackForm::start_over))
                    on_close=Callback::new(move |()| open.set(false))
                />
            }
            .into_any(),
            None => view! { <TicketForm form delivery /> }.into_any(),
        }
    })
}

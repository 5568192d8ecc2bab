//! The view after a confirmed ticket: its number, a box to add details, and the way out.

use leptos::prelude::*;

use super::context::widget_context;
use super::effect::effect;
use super::reply_box::ReplyBox;
use super::texts::{around, ticket_label};
use crate::contract::backends::{BackendKind, Target};
use crate::contract::Ticket;

/// Thanks the user with the ticket number the server gave. Focus moves to the heading, since the
/// button that was pressed is gone.
#[component]
pub fn Success(
    ticket: Ticket,
    /// Starts a new, empty form.
    on_new: Callback<()>,
    on_close: Callback<()>,
) -> impl IntoView {
    let context = widget_context();
    let texts = context.texts;
    let heading = NodeRef::<leptos::html::H3>::new();
    effect(move || {
        if let Some(heading) = heading.get() {
            let _ = heading.focus();
        }
    });
    let label = ticket_label(&ticket);
    let (before, after) = around(texts.received, "ticket");
    view! {
        <div class="fw-success" part="success">
            <h3 node_ref=heading class="fw-success__title" tabindex="-1">
                {texts.thanks}
            </h3>
            <p class="fw-success__text">
                {before}
                <strong class="fw-ticket" part="ticket-number">{label.clone()}</strong>
                {after}
            </p>
            <ReplyBox
                backend=BackendKind::Default
                api_base=context.api_base.clone()
                target=Target {
                    ticket: ticket.id.to_string(),
                    ..Target::default()
                }
                ticket_label=label
            />
            <div class="fw-success__actions">
                <button type="button" class="fw-button" on:click=move |_| on_new.run(())>
                    {texts.new_feedback}
                </button>
                <button
                    type="button"
                    class="fw-button fw-button--primary"
                    on:click=move |_| on_close.run(())
                >
                    {texts.close}
                </button>
            </div>
        </div>
    }
}

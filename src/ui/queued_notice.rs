//! What the form shows while its ticket waits in the outbox for the connection to come back.

use leptos::prelude::*;

use super::context::widget_context;

/// The waiting ticket's subject, why it waits, and the way to stop it.
#[component]
pub fn QueuedNotice(
    /// The subject of the waiting ticket.
    subject: String,
    /// Takes the ticket out of the outbox, back into the form.
    on_cancel: Callback<()>,
) -> impl IntoView {
    let texts = widget_context().texts;
    view! {
        <div class="fw-queued" part="queued">
            <p class="fw-queued__text">{texts.queued}</p>
            <p class="fw-queued__subject">{subject}</p>
            <button type="button" class="fw-button" on:click=move |_| on_cancel.run(())>
                {texts.cancel_sending}
            </button>
        </div>
    }
}

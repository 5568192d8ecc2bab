//! The form's status line: sending, or why it did not work and what happens to the text.

use leptos::prelude::*;

use super::context::widget_context;
use super::texts::server_message;
use crate::contract::Failure;

/// The outcome in words, next to the Send button; screen readers hear it from the dialog's live
/// region. Server text is shown as text only.
#[component]
pub fn StatusMessage(
    #[prop(into)] sending: Signal<bool>,
    #[prop(into)] failure: Signal<Option<Failure>>,
    /// Seconds left on a rate limit, counting down.
    #[prop(into)]
    wait: Signal<Option<u32>>,
    /// Further lines, such as the server's complaints about fields the user can't edit.
    #[prop(into)]
    extra: Signal<Vec<String>>,
    /// The failure of a reply rather than of a new ticket.
    #[prop(optional)]
    reply: bool,
) -> impl IntoView {
    let texts = widget_context().texts;
    let worded = move |failure: &Failure, wait: Option<u32>| match reply {
        true => texts.reply_failure(failure, wait),
        false => texts.failure(failure, wait),
    };
    let ticking = move || wait.get().is_some_and(|seconds| seconds > 0);
    // The live region hears the sentence only when the outcome changes and when the wait is
    // over; the sentence with the ticking clock is shown beside it, hidden from screen readers,
    // so that it is not read out every second.
    let sentence = move || {
        let failure = failure.get()?;
        let wait = match (&failure, wait.get()) {
            (_, Some(0)) => Some(0),
            (failure, _) => failure.retry_after(),
        };
        Some(worded(&failure, wait))
    };
    let countdown = move || {
        let failure = failure.get().filter(|_| ticking())?;
        Some(worded(&failure, wait.get()))
    };
    let kept = move || failure.with(Option::is_some).then_some(texts.text_kept);
    let server = move || failure.with(|failure| failure.as_ref().and_then(server_message));
    view! {
        <div
            class="fw-status"
            part="status"
            class:fw-status--error=move || failure.with(Option::is_some)
        >
            {move || {
                countdown()
                    .map(|text| {
                        view! {
                            <p class="fw-status__text fw-status__countdown" aria-hidden="true">
                                {text}
                            </p>
                        }
                            .into_any()
                    })
            }}
            <div class="fw-status__live">
                {move || if sending.get() { texts.sending } else { "" }.to_owned()}
                {move || {
                    sentence()
                        .map(|text| {
                            view! {
                                <p class=move || {
                                    if ticking() { "fw-sr" } else { "fw-status__text" }
                                }>{text}</p>
                            }
                                .into_any()
                        })
                }}
                {move || {
                    server()
                        .map(|text| {
                            view! {
                                <p class="fw-status__server">
                                    {texts.server_said} " " <q>{text}</q>
                                </p>
                            }
                                .into_any()
                        })
                }}
                {move || {
                    extra
                        .get()
                        .into_iter()
                        .map(|line| view! { <p class="fw-status__server">{line}</p> }.into_any())
                        .collect_view()
                }}
                {move || kept().map(|text| view! { <p class="fw-status__kept">{text}</p> }.into_any())}
            </div>
        </div>
    }
}

//! The new-ticket form: subject, message, rating, type and priority, and the Send button.

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::context::widget_context;
use super::controls::WidgetEvent;
use super::hooks::countdown::countdown;
use super::hooks::scoped::Scoped;
use super::hooks::stages::{part, staged};
use super::queued_notice::QueuedNotice;
use super::select_field::{choices, SelectField};
use super::star_rating::StarRating;
use super::status_message::StatusMessage;
use super::text_field::TextField;
use super::texts::{Texts, EN};
use crate::api::{Delivery, Sent};
use crate::browser::page;
use crate::contract::{
    AutoFilled, Choice, Edit, FeedbackForm, Field, Phase, Priority, StoreRequest, TicketType,
};

/// What the page and the browser say at the moment of sending.
fn auto_filled(keep_query: bool) -> AutoFilled {
    AutoFilled::new(&page::href(), &page::user_agent(), keep_query)
}

/// The form for a new ticket. Send makes exactly one request however often it is pressed, and
/// after any failure the text stays. While a request is on its way Send is `aria-disabled`
/// rather than `disabled`, so that keyboard focus stays on it.
#[component]
pub fn TicketForm(
    /// The form's state; the dialog shows the success view once it holds a ticket.
    form: RwSignal<FeedbackForm>,
    /// Sends tickets, or keeps them in the outbox while the browser is offline.
    delivery: Delivery,
) -> impl IntoView {
    let context = widget_context();
    let texts = context.texts;
    // The form is built again after each ticket; what it reads of `form` goes with it.
    let form = Scoped::new(form);
    // The count starts when the failure arrives and is not restarted by editing the text.
    let wait =
        countdown(Memo::new(move |_| form.with(|form| form.submission.phase.retry_after())).into());
    let sending = Memo::new(move |_| form.with(|form| form.submission.phase.is_sending()));
    let waiting = move || wait.get().is_some_and(|seconds| seconds > 0);
    let blocked = move || sending.get() || waiting();
    let ambiguous = Memo::new(move |_| {
        form.with(|form| matches!(&form.submission.phase, Phase::Failed(failure) if failure.is_ambiguous()))
    });
    let queued = Memo::new(move |_| {
        form.with(|form| match &form.submission.phase {
            Phase::Queued(_) => Some(form.draft.subject.clone()),
            _ => None,
        })
    });

    // Hands a request to delivery: sent now, or queued while the browser is offline.
    let deliver = {
        let context = context.clone();
        let delivery = delivery.clone();
        Callback::new(move |request: StoreRequest| {
            let client = context.client.get_value();
            let (delivery, on_event) = (delivery.clone(), context.on_event);
            spawn_local(async move {
                match delivery.send(&client, request).await {
                    Sent::Queued(id) => form.update(|form| form.queue(id)),
                    Sent::Answered(outcome) => {
                        match &outcome {
                            Ok(ticket) => on_event.run(WidgetEvent::Submitted(ticket.clone())),
                            Err(failure) => on_event.run(WidgetEvent::Error {
                                code: failure.code(),
                                message: EN.failure(failure, failure.retry_after()),
                            }),
                        }
                        form.update(|form| form.settle(outcome));
                    }
                }
            });
        })
    };
    let keep_query = context.keep_query;
    let send = move || {
        let request = form.try_update(|form| form.submit(&auto_filled(keep_query)));
        if let Some(request) = request.flatten() {
            deliver.run(request);
        }
    };
    let submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        if !blocked() {
            send();
        }
    };
    let send_again = move |_| {
        let request = form.try_update(|form| form.send_again(&auto_filled(keep_query)));
        if let Some(request) = request.flatten() {
            deliver.run(request);
        }
    };
    let cancel = {
        let delivery = delivery.clone();
        Callback::new(move |()| {
            let id = form.with_untracked(|form| match &form.submission.phase {
                Phase::Queued(id) => Some(id.clone()),
                _ => None,
            });
            // An entry already on its way can't be called back; its outcome follows.
            if id.is_some_and(|id| delivery.cancel(&id)) {
                form.update(|form| {
                    form.cancel_queued();
                });
            }
        })
    };
    // When a rate limit's wait ends and the user asked for it, send by itself.
    Effect::watch(
        move || wait.get() == Some(0),
        move |over, before, _| {
            if *over && before != Some(&true) && form.with_untracked(|form| form.auto_send) {
                send();
            }
        },
        false,
    );

    let notices = move |field: Field| {
        Signal::derive(move || texts.notices(field, form.with(|form| form.notices(field))))
    };
    let edit = move |edit: fn(String) -> Edit| {
        Callback::new(move |text| form.update(|form| form.edit(edit(text))))
    };
    let form_notices = Signal::derive(move || {
        form.with(|form| {
            form.form_notices()
                .into_iter()
                .map(|(field, message)| texts.form_notice(&field, &message))
                .collect::<Vec<_>>()
        })
    });
    let failure = Signal::derive(move || {
        form.with(|form| match &form.submission.phase {
            Phase::Failed(failure) => Some(failure.clone()),
            _ => None,
        })
    });
    let offer_auto_send = move || {
        failure.with(|failure| failure.as_ref().is_some_and(|f| f.retry_after().is_some()))
            && waiting()
    };

    // The form is built in parts while the page is idle (see stages.rs): the form itself with the
    // dialog's content, then Subject, the message, the rating, the two drop-downs, and the status
    // and actions.
    let stage = context.stage;
    let fields = move || {
        view! {
            <p class="fw-form__intro">{texts.intro}</p>
            {staged(stage, part::SUBJECT, move || view! {
                <TextField
                    id="fw-subject"
                    label=texts.subject
                    marker=texts.required
                    max=Field::Subject.max_chars()
                    value=Signal::derive(move || form.with(|form| form.draft.subject.clone()))
                    on_input=edit(Edit::Subject)
                    notices=notices(Field::Subject)
                    autofocus=true
                />
            })}
            {staged(stage, part::MESSAGE, move || view! {
                <TextField
                    id="fw-message"
                    label=texts.message
                    marker=texts.required
                    max=Field::Message.max_chars()
                    multiline=true
                    value=Signal::derive(move || form.with(|form| form.draft.message.clone()))
                    on_input=edit(Edit::Message)
                    notices=notices(Field::Message)
                />
            })}
            {staged(stage, part::RATING, move || view! {
                <StarRating
                    value=Signal::derive(move || form.with(|form| form.draft.rating))
                    on_change=Callback::new(move |stars| form.update(|f| f.edit(Edit::Rating(stars))))
                    notices=notices(Field::Rating)
                />
            })}
            {staged(stage, part::CHOICES, move || view! {
                <div class="fw-form__row">
                    <SelectField
                        id="fw-type"
                        label=texts.kind
                        choices=choices(texts, Texts::ticket_type)
                        value=Signal::derive(move || form.with(|form| form.draft.kind.map(Choice::as_str)))
                        on_change=Callback::new(move |word: String| {
                            form.update(|f| f.edit(Edit::Type(TicketType::parse(&word))))
                        })
                        notices=notices(Field::Type)
                    />
                    <SelectField
                        id="fw-priority"
                        label=texts.priority
                        choices=choices(texts, Texts::priority_level)
                        value=Signal::derive(move || form.with(|form| form.draft.priority.map(Choice::as_str)))
                        on_change=Callback::new(move |word: String| {
                            form.update(|f| f.edit(Edit::Priority(Priority::parse(&word))))
                        })
                        notices=notices(Field::Priority)
                    />
                </div>
            })}
            {staged(stage, part::STATUS, move || view! { <StatusMessage sending failure wait extra=form_notices /> })}
        }
    };
    let actions = move || {
        if ambiguous.get() {
            view! {
                <p class="fw-form__note">{texts.maybe_arrived}</p>
                <div class="fw-form__actions">
                    <button
                        type="button"
                        class="fw-button"
                        on:click=move |_| form.update(FeedbackForm::keep_without_sending)
                    >
                        {texts.keep_without_sending}
                    </button>
                    <button type="button" class="fw-button fw-button--primary" on:click=send_again>
                        {texts.send_again}
                    </button>
                </div>
            }
            .into_any()
        } else {
            view! {
                <div class="fw-form__actions">
                    <label class="fw-form__auto" hidden=move || !offer_auto_send()>
                        <input
                            type="checkbox"
                            prop:checked=move || form.with(|form| form.auto_send)
                            on:change=move |event| {
                                let on = event_target_checked(&event);
                                form.update(|form| form.auto_send = on);
                            }
                        />
                        {texts.auto_send}
                    </label>
                    <button
                        type="submit"
                        class="fw-button fw-button--primary"
                        part="button send"
                        aria-disabled=move || blocked().to_string()
                    >
                        {move || if sending.get() { texts.sending } else { texts.send }.to_owned()}
                    </button>
                </div>
            }
            .into_any()
        }
    };

    view! {
        <form class="fw-form" part="form" novalidate on:submit=submit>
            {move || match queued.get() {
                Some(subject) => view! { <QueuedNotice subject on_cancel=cancel /> }.into_any(),
                None => view! { {fields()} {staged(stage, part::STATUS, actions)} }.into_any(),
            }}
        </form>
    }
}

//! The new-ticket form: subject, message, rating, type and priority, and the Send button.

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::select_field::SelectField;
use super::star_rating::StarRating;
use super::status_message::StatusMessage;
use super::text_field::TextField;
use super::texts::Texts;
use super::{now_ms, widget_context, WidgetEvent};
use crate::contract::{AutoFilled, Edit, Failure, FeedbackForm, Field, Notice, Phase};

/// The words for the notices of one field.
pub(crate) fn worded(texts: &Texts, field: Field, notices: Vec<Notice>) -> Vec<String> {
    notices
        .into_iter()
        .map(|notice| match notice {
            Notice::Rule(problem) => texts.problem(field, problem),
            Notice::Server(message) => message,
        })
        .collect()
}

/// What the page and the browser say at the moment of sending.
fn auto_filled(keep_query: bool) -> AutoFilled {
    let window = web_sys::window();
    let href = window
        .as_ref()
        .and_then(|window| window.location().href().ok())
        .unwrap_or_default();
    let user_agent = window
        .and_then(|window| window.navigator().user_agent().ok())
        .unwrap_or_default();
    AutoFilled::new(&href, &user_agent, keep_query)
}

/// Seconds left until the rate limit ends, counted down while a 429 is shown. The count starts
/// when a 429 arrives and is not restarted by editing the text meanwhile.
fn retry_countdown(form: RwSignal<FeedbackForm>) -> Signal<Option<u32>> {
    let retry_after = Memo::new(move |_| {
        form.with(|form| match &form.phase {
            Phase::Failed(Failure::RateLimited(rate)) => rate.retry_after,
            _ => None,
        })
    });
    let left = RwSignal::new(None::<u32>);
    Effect::new(move |previous: Option<Option<IntervalHandle>>| {
        if let Some(Some(handle)) = previous {
            handle.clear();
        }
        let seconds = retry_after.get();
        left.set(seconds);
        let deadline = now_ms() + f64::from(seconds?) * 1000.0;
        set_interval_with_handle(
            move || {
                let remaining = ((deadline - now_ms()) / 1000.0).ceil().max(0.0) as u32;
                left.set(Some(remaining));
            },
            std::time::Duration::from_millis(250),
        )
        .ok()
    });
    left.into()
}

/// The form for a new ticket. Send makes exactly one request however often it is pressed, and
/// after any failure the text stays. While a request is on its way Send is `aria-disabled`
/// rather than `disabled`, so that keyboard focus stays on it.
#[component]
pub fn TicketForm(
    /// The form's state; the dialog shows the success view once it holds a ticket.
    form: RwSignal<FeedbackForm>,
) -> impl IntoView {
    let context = widget_context();
    let texts = context.texts;
    let wait = retry_countdown(form);
    let sending = Memo::new(move |_| form.with(|form| form.phase.is_sending()));
    let blocked = move || sending.get() || wait.get().is_some_and(|seconds| seconds > 0);

    let submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        if blocked() {
            return;
        }
        let Some(request) = form
            .try_update(|form| form.submit(&auto_filled(context.keep_query)))
            .flatten()
        else {
            return;
        };
        let client = context.client.get_value();
        let on_event = context.on_event;
        spawn_local(async move {
            let outcome = client.store(&request).await;
            match &outcome {
                Ok(ticket) => on_event.run(WidgetEvent::Submitted(ticket.clone())),
                Err(failure) => on_event.run(WidgetEvent::Error {
                    code: "send",
                    message: format!("{failure:?}"),
                }),
            }
            form.update(|form| form.settle(outcome));
        });
    };

    let notices = move |field: Field| {
        Signal::derive(move || worded(texts, field, form.with(|form| form.notices(field))))
    };
    let edit = move |edit: fn(String) -> Edit| {
        Callback::new(move |text| form.update(|f| f.edit(edit(text))))
    };
    let form_notices = Signal::derive(move || {
        form.with(|form| {
            form.form_notices()
                .into_iter()
                .map(|(field, message)| format!("{field}: {message}"))
                .collect::<Vec<_>>()
        })
    });
    let failure = Signal::derive(move || {
        form.with(|form| match &form.phase {
            Phase::Failed(failure) => Some(failure.clone()),
            _ => None,
        })
    });

    view! {
        <form class="fw-form" novalidate on:submit=submit>
            <p class="fw-form__intro">{texts.intro}</p>
            <TextField
                id="fw-subject"
                label=texts.subject
                marker=texts.required
                max=Field::Subject.max_chars().unwrap_or_default()
                value=Signal::derive(move || form.with(|form| form.draft.subject.clone()))
                on_input=edit(Edit::Subject)
                notices=notices(Field::Subject)
                autofocus=true
            />
            <TextField
                id="fw-message"
                label=texts.message
                marker=texts.required
                max=Field::Message.max_chars().unwrap_or_default()
                multiline=true
                value=Signal::derive(move || form.with(|form| form.draft.message.clone()))
                on_input=edit(Edit::Message)
                notices=notices(Field::Message)
            />
            <StarRating
                value=Signal::derive(move || form.with(|form| form.draft.rating))
                on_change=Callback::new(move |stars| form.update(|f| f.edit(Edit::Rating(stars))))
                notices=notices(Field::Rating)
            />
            <div class="fw-form__row">
                <SelectField
                    id="fw-type"
                    label=texts.kind
                    label_of=Texts::ticket_type
                    value=Signal::derive(move || form.with(|form| form.draft.kind))
                    on_change=Callback::new(move |kind| form.update(|f| f.edit(Edit::Type(kind))))
                    notices=notices(Field::Type)
                />
                <SelectField
                    id="fw-priority"
                    label=texts.priority
                    label_of=Texts::priority_level
                    value=Signal::derive(move || form.with(|form| form.draft.priority))
                    on_change=Callback::new(move |level| {
                        form.update(|f| f.edit(Edit::Priority(level)))
                    })
                    notices=notices(Field::Priority)
                />
            </div>
            <StatusMessage sending failure wait extra=form_notices />
            <div class="fw-form__actions">
                <button
                    type="submit"
                    class="fw-button fw-button--primary"
                    part="send"
                    aria-disabled=move || blocked().to_string()
                >
                    {move || if sending.get() { texts.sending } else { texts.send }}
                </button>
            </div>
        </form>
    }
}

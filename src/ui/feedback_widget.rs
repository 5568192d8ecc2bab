//! The root component: checks the options, then shows the trigger and the dialog.

use leptos::prelude::*;

use super::dialog::Dialog;
use super::success::Success;
use super::ticket_form::TicketForm;
use super::trigger::Trigger;
use super::WidgetContext;
use crate::contract::{Draft, FeedbackForm, Phase, Ticket};
use crate::options::Options;

/// Something the host page may want to know about.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum WidgetEvent {
    Open,
    Close,
    /// The server confirmed a ticket.
    Submitted(Ticket),
    /// The widget can't work as configured, or a request failed. `code` is stable; `message`
    /// is English for developers. Neither ever contains the token.
    Error {
        code: &'static str,
        message: String,
    },
}

/// The feedback widget: a "Feedback" button that opens a dialog with the form.
///
/// Options that break a rule (a missing channel, an over-long tool key) show no widget at all:
/// each problem is logged to the console and reported as a [`WidgetEvent::Error`].
#[component]
pub fn FeedbackWidget(
    /// Where tickets go and how the widget behaves.
    options: Options,
    /// Called on open, close, a confirmed ticket and errors.
    #[prop(optional, into)]
    on_event: Option<Callback<WidgetEvent>>,
) -> impl IntoView {
    let on_event = on_event.unwrap_or_else(|| Callback::new(|_| {}));
    let setup = match options.check() {
        Ok(setup) => setup,
        Err(problems) => {
            for problem in &problems {
                web_sys::console::error_1(&format!("feedback-widget: {problem}").into());
            }
            on_event.run(WidgetEvent::Error {
                code: "config",
                message: problems.join(" "),
            });
            return ().into_any();
        }
    };
    let texts = setup.locale.texts();
    provide_context(WidgetContext {
        texts,
        client: setup.client,
        keep_query: setup.keep_query,
        on_event,
    });

    let open = RwSignal::new(false);
    let form = RwSignal::new(FeedbackForm::new(setup.integration, Draft::default()));
    // Tell the host about opening and closing, but not about the initial closed state.
    Effect::watch(
        move || open.get(),
        move |open, _, _| {
            on_event.run(if *open {
                WidgetEvent::Open
            } else {
                WidgetEvent::Close
            })
        },
        false,
    );

    let ticket = Memo::new(move |_| {
        form.with(|form| match &form.phase {
            Phase::Done(ticket) => Some(ticket.clone()),
            _ => None,
        })
    });
    view! {
        <div class="fw-root" lang=setup.locale.tag()>
            <Trigger open />
            <Dialog open title=texts.title>
                {move || match ticket.get() {
                    Some(ticket) => {
                        view! {
                            <Success
                                ticket
                                on_new=Callback::new(move |()| form.update(FeedbackForm::start_over))
                                on_close=Callback::new(move |()| open.set(false))
                            />
                        }
                            .into_any()
                    }
                    None => view! { <TicketForm form /> }.into_any(),
                }}
            </Dialog>
        </div>
    }
    .into_any()
}

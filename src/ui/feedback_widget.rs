//! The root component: checks the options, then shows the trigger and the dialog, and hands the
//! host its controls.

use leptos::prelude::*;

use super::dialog::Dialog;
use super::persist::{keep_draft, restored_form, run_outbox};
use super::success::Success;
use super::texts::Locale;
use super::ticket_form::TicketForm;
use super::trigger::Trigger;
use super::WidgetContext;
use crate::api::{Client, TokenSource};
use crate::contract::{Edit, FeedbackForm, Integration, Phase, Ticket};
use crate::delivery::Delivery;
use crate::options::{describe, Options};

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

/// The host's hold on a mounted widget. Cheap to copy; every method takes effect at once.
#[derive(Clone, Copy)]
pub struct WidgetControls {
    open: RwSignal<bool>,
    form: RwSignal<FeedbackForm>,
    locale: RwSignal<Locale>,
    client: StoredValue<Client>,
}

impl WidgetControls {
    /// Opens the dialog, first applying `prefill` to the form.
    pub fn open(&self, prefill: Vec<Edit>) {
        self.form.update(|form| {
            for edit in prefill {
                form.edit(edit);
            }
        });
        self.open.set(true);
    }

    /// Closes the dialog; what the user typed stays.
    pub fn close(&self) {
        self.open.set(false);
    }

    /// Replaces the token, or the function asked for it before each request.
    pub fn set_token(&self, token: TokenSource) {
        self.client.update_value(|client| client.set_token(token));
    }

    /// Changes the tool key sent with new tickets. A key that breaks the API's rule is refused
    /// with the reasons, and the old key stays.
    pub fn set_tool_key(&self, key: Option<&str>) -> Result<(), Vec<String>> {
        let channel = self
            .form
            .with_untracked(|form| form.integration().channel().to_owned());
        let integration = Integration::new(Some(&channel), key)
            .map_err(|errors| errors.iter().map(describe).collect::<Vec<_>>())?;
        self.form.update(|form| form.set_integration(integration));
        Ok(())
    }

    /// Switches the widget's language.
    pub fn set_locale(&self, locale: Locale) {
        self.locale.set(locale);
    }
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
    /// Called once with the widget's controls, when the options are valid.
    #[prop(optional, into)]
    on_ready: Option<Callback<WidgetControls>>,
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
    let api_base = setup.api_base;
    let delivery = Delivery::new(&api_base, setup.integration.channel());
    let form = restored_form(setup.integration, &api_base, &delivery);
    let controls = WidgetControls {
        open: RwSignal::new(false),
        form: RwSignal::new(form),
        locale: RwSignal::new(setup.locale),
        client: StoredValue::new(setup.client),
    };
    let WidgetControls {
        open,
        form,
        locale,
        client,
    } = controls;
    if let Some(on_ready) = on_ready {
        on_ready.run(controls);
    }
    keep_draft(form, api_base.clone());
    let flush = run_outbox(form, api_base.clone(), delivery.clone(), client, on_event);
    // Tell the host about opening and closing, but not about the initial closed state. The
    // effect's first run may already see the dialog open (a queued `open()`), so it compares
    // with "closed" rather than with its first reading.
    Effect::new(move |was_open: Option<bool>| {
        let is_open = open.get();
        if is_open != was_open.unwrap_or(false) {
            on_event.run(if is_open {
                WidgetEvent::Open
            } else {
                WidgetEvent::Close
            });
            if is_open {
                flush.run(());
            }
        }
        is_open
    });
    let ticket = Memo::new(move |_| {
        form.with(|form| match &form.phase {
            Phase::Done(ticket) => Some(ticket.clone()),
            _ => None,
        })
    });
    let keep_query = setup.keep_query;

    // A new language draws the widget again; its state lives above, in the signals.
    (move || {
        let locale = locale.get();
        let texts = locale.texts();
        provide_context(WidgetContext {
            texts,
            client,
            keep_query,
            on_event,
            api_base: api_base.clone(),
            delivery: delivery.clone(),
        });
        view! {
            <div class="fw-root" lang=locale.tag()>
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
    })
    .into_any()
}

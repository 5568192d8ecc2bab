//! The root component: checks the options, then shows the trigger and the dialog, and hands the
//! host its controls.

use leptos::prelude::*;

use super::dialog::Dialog;
use super::persist::{keep_draft, restored_form, run_outbox};
use super::reply_box::ReplyBox;
use super::stages::Stage;
use super::success::with_ticket;
use super::success::Success;
use super::texts::{localized, Labels, Locale, Texts};
use super::ticket_form::TicketForm;
use super::trigger::{adopt, Trigger};
use super::{ticket_label, WidgetContext, TICKET_LABEL_MAX};
use crate::api::{Client, TokenSource};
use crate::contract::backends::{BackendKind, Target};
use crate::contract::{display_text, Edit, FeedbackForm, Integration, Phase, Ticket};
use crate::delivery::Delivery;
use crate::options::{describe, Options, Position, ReplyTo};
use wasm_bindgen::JsCast;

/// Something the host page may want to know about.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum WidgetEvent {
    Open,
    Close,
    /// The server confirmed a ticket.
    Submitted(Ticket),
    /// A help desk confirmed a reply to `ticket`.
    Replied {
        backend: BackendKind,
        ticket: String,
    },
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
    /// The form for new tickets; none when the widget was set up to reply to a ticket.
    form: Option<RwSignal<FeedbackForm>>,
    /// Where replies go, while the widget replies to a ticket instead of making one.
    reply: RwSignal<Option<ReplyTo>>,
    api_base: StoredValue<String>,
    locale: RwSignal<Locale>,
    labels: RwSignal<Labels>,
    client: StoredValue<Client>,
    placed: RwSignal<u32>,
}

impl WidgetControls {
    /// Opens the dialog, first applying `prefill` to the feedback form.
    pub fn open(&self, prefill: Vec<Edit>) {
        if let Some(form) = self.form {
            form.update(|form| {
                for edit in prefill {
                    form.edit(edit);
                }
            });
        }
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
        let Some(form) = self.form else {
            return Err(vec![
                "this widget replies to a ticket and makes none, so it sends no tool key.".into(),
            ]);
        };
        let channel = form.with_untracked(|form| form.integration().channel().to_owned());
        let integration = Integration::new(Some(&channel), key)
            .map_err(|errors| errors.iter().map(describe).collect::<Vec<_>>())?;
        form.update(|form| form.set_integration(integration));
        Ok(())
    }

    /// Sends replies to `target` through `backend`, at `api_base` when given, else where replies
    /// went so far, else the widget's API base. A target the backend can't use is refused with
    /// the reasons, and nothing changes.
    pub fn set_reply(
        &self,
        backend: BackendKind,
        api_base: Option<String>,
        target: Target,
    ) -> Result<(), Vec<String>> {
        let api_base = api_base
            .or_else(|| {
                self.reply
                    .with_untracked(|reply| reply.as_ref().map(|reply| reply.api_base.clone()))
            })
            .unwrap_or_else(|| self.api_base.get_value());
        self.reply
            .set(Some(ReplyTo::new(backend, api_base, target)?));
        Ok(())
    }

    /// Where replies go now, if the widget replies to a ticket.
    pub fn reply_to(&self) -> Option<ReplyTo> {
        self.reply.get_untracked()
    }

    /// Back to the form for new tickets, for a widget that has one.
    pub fn clear_reply(&self) -> Result<(), String> {
        match self.form {
            Some(_) => {
                self.reply.set(None);
                Ok(())
            }
            None => Err(
                "this widget was set up with data-backend and has no form for new \
                 tickets to go back to."
                    .into(),
            ),
        }
    }

    /// The texts the widget shows now: its language, with the host's labels. Tracked.
    pub fn texts(&self) -> &'static Texts {
        let locale = self.locale.get();
        self.labels.with(|labels| localized(locale, labels))
    }

    /// Switches the widget's language.
    pub fn set_locale(&self, locale: Locale) {
        self.locale.set(locale);
    }

    /// The page put the widget back after removing it: the open dialog and the button take their
    /// places in the top layer again.
    pub fn placed_again(&self) {
        self.placed.update(|count| *count += 1);
    }

    /// Puts texts in place of the built-in ones, by key; replaces earlier labels. Returns the
    /// keys that name no text (the others still apply).
    pub fn set_labels(&self, labels: Labels) -> Vec<String> {
        let unknown = labels.unknown().into_iter().map(str::to_owned).collect();
        self.labels.set(labels);
        unknown
    }
}

/// The feedback widget: a "Feedback" button that opens a dialog with the form.
///
/// Options that break a rule (a missing channel, an over-long tool key) show no widget at all:
/// each problem is logged to the console and reported as a [`WidgetEvent::Error`].
///
/// # In a Leptos app
///
/// Leptos apps render the component directly, with no script tag: depend on this crate with
/// `default-features = false, features = ["ui"]` (leaving out the script tag's entry point), and
/// give the page the widget's stylesheet, [`crate::ui::STYLES`] (or `feedback-widget.css` from
/// the release build). Replies into the other help desks (Klantportaal, Series, WHMCS) need the
/// `helpdesks` feature as well.
///
/// ```no_run
/// use feedback_widget::{FeedbackWidget, Options, WidgetEvent};
/// use leptos::prelude::*;
///
/// #[component]
/// fn App() -> impl IntoView {
///     let options = Options {
///         api_base: "https://api.example.com/api".into(),
///         channel: "feedback".into(),
///         tool_key: Some("ads_protection".into()),
///         ..Options::default()
///     };
///     let on_event = |event: WidgetEvent| {
///         if let WidgetEvent::Submitted(ticket) = event {
///             leptos::logging::log!("ticket {}", ticket.label());
///         }
///     };
///     view! {
///         <main>"The app"</main>
///         <FeedbackWidget options on_event />
///     }
/// }
///
/// leptos::mount::mount_to_body(App);
/// ```
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
    /// A button the page already shows (the loader's), to use instead of drawing one. Clicks on
    /// it are the page's to turn into `open()`.
    #[prop(optional_no_strip)]
    trigger: Option<web_sys::HtmlElement>,
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
    for warning in &setup.warnings {
        web_sys::console::error_1(&format!("feedback-widget: {warning}").into());
        on_event.run(WidgetEvent::Error {
            code: "config",
            message: warning.clone(),
        });
    }
    // The form for new tickets, with what it restored from the last visit; none for a widget
    // that only replies to a ticket.
    let feedback = setup.integration.map(|integration| {
        let delivery = Delivery::new(&api_base, integration.channel());
        let form = RwSignal::new(restored_form(integration, &api_base, &delivery));
        (form, delivery)
    });
    let controls = WidgetControls {
        open: RwSignal::new(false),
        form: feedback.as_ref().map(|(form, _)| *form),
        reply: RwSignal::new(setup.reply),
        api_base: StoredValue::new(api_base.clone()),
        locale: RwSignal::new(setup.locale),
        labels: RwSignal::new(setup.labels),
        client: StoredValue::new(setup.client),
        placed: RwSignal::new(0),
    };
    let WidgetControls {
        open,
        reply,
        locale,
        labels,
        client,
        placed,
        ..
    } = controls;
    if let Some(on_ready) = on_ready {
        on_ready.run(controls);
    }
    let announcement = RwSignal::new(String::new());
    let stage = Stage::new();
    stage.build_when_idle();
    let flush = feedback.as_ref().map(|(form, delivery)| {
        keep_draft(*form, api_base.clone());
        announce_outcomes(*form, announcement, locale, labels);
        run_outbox(*form, api_base.clone(), delivery.clone(), client, on_event)
    });
    // Tell the host about opening and closing, but not about the initial closed state. The
    // effect's first run may already see the dialog open (a queued `open()`), so it compares
    // with "closed" rather than with its first reading.
    Effect::new(move |was_open: Option<bool>| {
        let is_open = open.get();
        if is_open {
            stage.finish();
        }
        if is_open != was_open.unwrap_or(false) {
            on_event.run(if is_open {
                WidgetEvent::Open
            } else {
                WidgetEvent::Close
            });
            if let Some(flush) = flush.filter(|_| is_open) {
                flush.run(());
            }
        }
        is_open
    });
    let ticket = feedback.as_ref().map(|(form, _)| {
        let form = *form;
        Memo::new(move |_| {
            form.with(|form| match &form.phase {
                Phase::Done(ticket) => Some(ticket.clone()),
                _ => None,
            })
        })
    });
    let keep_query = setup.keep_query;

    if let Some(selector) = setup.open_selector {
        open_on_clicks(&selector, open);
    }
    let (theme, position, dir) = (setup.theme.word(), setup.position, page_direction());

    // A new language or new labels draw the widget again; its state lives above, in the signals.
    (move || {
        let locale = locale.get();
        let texts = labels.with(|labels| localized(locale, labels));
        provide_context(WidgetContext {
            texts,
            client,
            keep_query,
            on_event,
            api_base: api_base.clone(),
            #[cfg(feature = "helpdesks")]
            lang: locale.tag(),
            announcement,
            placed,
            stage,
        });
        let trigger = match (&trigger, position) {
            (Some(button), _) => {
                adopt(button.clone(), open);
                None
            }
            (None, Position::None) => None,
            (None, corner) => Some(view! { <Trigger open left=corner == Position::BottomLeft /> }),
        };
        let title = Signal::derive(move || {
            reply.with(|reply| match reply {
                Some(to) => with_ticket(
                    texts.reply_title,
                    &display_text(&to.target.ticket, TICKET_LABEL_MAX),
                ),
                None => texts.title.to_owned(),
            })
        });
        let feedback = feedback.clone();
        let content = move || {
            if let Some(to) = reply.get() {
                let label = display_text(&to.target.ticket, TICKET_LABEL_MAX);
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
        };
        view! {
            <div class="fw-root" lang=locale.tag() dir=dir data-theme=theme>
                {trigger}
                <Dialog open title>
                    {content}
                </Dialog>
            </div>
        }
    })
    .into_any()
}

/// Opens the form on clicks on page elements that match `selector`, also elements added later.
fn open_on_clicks(selector: &str, open: RwSignal<bool>) {
    let selector = selector.to_owned();
    let listener = window_event_listener(leptos::ev::click, move |event| {
        let opener = event
            .target()
            .and_then(|target| target.dyn_into::<web_sys::Element>().ok())
            .and_then(|target| target.closest(&selector).ok().flatten());
        if opener.is_some() {
            event.prevent_default();
            open.set(true);
        }
    });
    on_cleanup(move || listener.remove());
}

/// Says in the dialog's live region what became of a request: sending, sent, waiting, failed.
fn announce_outcomes(
    form: RwSignal<FeedbackForm>,
    announcement: RwSignal<String>,
    locale: RwSignal<Locale>,
    labels: RwSignal<Labels>,
) {
    super::effect(move || {
        let texts = labels.with(|labels| localized(locale.get(), labels));
        let said = form.with(|form| match &form.phase {
            Phase::Editing => String::new(),
            Phase::Sending => texts.sending.to_owned(),
            Phase::Queued(_) => texts.queued.to_owned(),
            Phase::Done(ticket) => with_ticket(texts.received, &ticket_label(ticket)),
            Phase::Failed(failure) => {
                format!(
                    "{} {}",
                    texts.failure(failure, failure.retry_after()),
                    texts.text_kept
                )
            }
        });
        announcement.set(said);
    });
}

/// The page's writing direction, from `<html dir>` or `<body dir>`.
fn page_direction() -> &'static str {
    let document = web_sys::window().and_then(|window| window.document());
    let dir = |element: Option<web_sys::Element>| element.and_then(|e| e.get_attribute("dir"));
    let page = document.as_ref().and_then(|document| {
        dir(document.body().map(Into::into)).or_else(|| dir(document.document_element()))
    });
    match page.as_deref().map(str::to_ascii_lowercase).as_deref() {
        Some("rtl") => "rtl",
        _ => "ltr",
    }
}

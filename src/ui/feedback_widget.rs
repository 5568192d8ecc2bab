//! The root component: checks the options, then shows the trigger and the dialog, and hands the
//! host its controls.

use leptos::prelude::*;

use super::content::Content;
use super::context::WidgetContext;
use super::controls::{WidgetControls, WidgetEvent};
use super::dialog::Dialog;
use super::hooks::announce::announce_outcomes;
use super::hooks::open_on_clicks::open_on_clicks;
use super::hooks::outbox::run_outbox;
use super::hooks::persist::{keep_draft, restored_form};
use super::hooks::stages::{part, staged, Stage};
use super::options::{Options, Position, Setup, Theme};
use super::reactive::reactive;
use super::texts::{config_text, config_texts, localized, named_ticket};
use super::trigger::{adopt, Trigger};
use crate::api::Delivery;
use crate::browser::clock::next_task;
use crate::browser::page;
use crate::contract::FeedbackForm;

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
    let Some(widget) = Checked::new(options, on_event)
        .map(Checked::recall)
        .map(Recalled::prepare)
    else {
        return ().into_any();
    };
    if let Some(on_ready) = on_ready {
        on_ready.run(widget.controls);
    }
    widget.view(trigger)
}

/// A widget whose options passed their checks. The script tag's widget checks its options,
/// recalls what the last visit left, puts it in signals and draws itself in four tasks (see
/// `embed::mount`); the component does them all at once.
pub(crate) struct Checked {
    setup: Setup,
    on_event: Callback<WidgetEvent>,
}

/// A checked widget with what it restored from the last visit, and nothing drawn yet.
pub(crate) struct Prepared {
    /// The host's hold on the widget, usable from now on.
    pub controls: WidgetControls,
    on_event: Callback<WidgetEvent>,
    /// The form for new tickets and its delivery; none for a widget that only replies.
    feedback: Option<(RwSignal<FeedbackForm>, Delivery)>,
    /// The absolute API base, without a trailing slash.
    api_base: String,
    keep_query: bool,
    open_selector: Option<String>,
    theme: Theme,
    position: Position,
}

impl Checked {
    /// Checks `options`. Options that break a rule give nothing: each problem goes to the
    /// console and out as one `config` error. Problems that don't stop the widget go out too.
    // Kept out of `embed::mount`, like the other three parts of mounting (see there).
    #[inline(never)]
    pub fn new(options: Options, on_event: Callback<WidgetEvent>) -> Option<Self> {
        let setup = match options.check() {
            Ok(setup) => setup,
            Err(problems) => {
                let problems = config_texts(&problems);
                for problem in &problems {
                    web_sys::console::error_1(&format!("feedback-widget: {problem}").into());
                }
                on_event.run(WidgetEvent::Error {
                    code: "config",
                    message: problems.join(" "),
                });
                return None;
            }
        };
        for warning in &setup.warnings {
            let warning = config_text(warning);
            web_sys::console::error_1(&format!("feedback-widget: {warning}").into());
            on_event.run(WidgetEvent::Error {
                code: "config",
                message: warning,
            });
        }
        Some(Checked { setup, on_event })
    }

    /// What the last visit left, read from storage: the draft, a ticket waiting in the outbox,
    /// or the ticket the user was adding details to.
    #[inline(never)]
    pub fn recall(self) -> Recalled {
        let Checked {
            mut setup,
            on_event,
        } = self;
        // The form for new tickets, with what it restored from the last visit; none for a widget
        // that only replies to a ticket.
        let feedback = setup.integration.take().map(|integration| {
            let delivery = Delivery::new(&setup.api_base, integration.channel());
            let form = restored_form(integration, &setup.api_base, &delivery);
            (form, delivery)
        });
        Recalled {
            setup,
            on_event,
            feedback,
        }
    }
}

/// A checked widget with what the last visit left, not yet in signals.
pub(crate) struct Recalled {
    setup: Setup,
    on_event: Callback<WidgetEvent>,
    feedback: Option<(FeedbackForm, Delivery)>,
}

impl Recalled {
    /// The widget's state, in the signals the host's handle and the view share.
    #[inline(never)]
    pub fn prepare(self) -> Prepared {
        let Recalled {
            setup,
            on_event,
            feedback,
        } = self;
        let Setup {
            api_base,
            reply,
            client,
            locale,
            keep_query,
            position,
            open_selector,
            theme,
            labels,
            ..
        } = setup;
        let feedback = feedback.map(|(form, delivery)| (RwSignal::new(form), delivery));
        let controls = WidgetControls {
            open: RwSignal::new(false),
            form: feedback.as_ref().map(|(form, _)| *form),
            reply: RwSignal::new(reply),
            api_base: StoredValue::new(api_base.clone()),
            locale: RwSignal::new(locale),
            labels: RwSignal::new(labels),
            client: StoredValue::new(client),
            placed: RwSignal::new(0),
        };
        Prepared {
            controls,
            on_event,
            feedback,
            api_base,
            keep_query,
            open_selector,
            theme,
            position,
        }
    }
}

impl Prepared {
    /// The widget: its hooks and its view, with `trigger` as its button when the page drew one.
    #[inline(never)]
    pub fn view(self, trigger: Option<web_sys::HtmlElement>) -> AnyView {
        let Prepared {
            controls,
            on_event,
            feedback,
            api_base,
            keep_query,
            open_selector,
            theme,
            position,
        } = self;
        let WidgetControls {
            open,
            reply,
            locale,
            labels,
            client,
            placed,
            ..
        } = controls;
        let announcement = RwSignal::new(String::new());
        let stage = Stage::new();
        stage.build_when_idle();
        // The form's memory, its announcements and the outbox start with a part of their own, in
        // a task after the root's (see stages.rs). Opening the dialog builds that part at once.
        let flush = StoredValue::new(None::<Callback<()>>);
        if let Some((form, delivery)) = feedback.clone() {
            let api_base = api_base.clone();
            stage.once_reached(part::HOOKS, move || {
                keep_draft(form, api_base.clone());
                announce_outcomes(form, announcement, locale, labels);
                let send_due = run_outbox(form, api_base, delivery, client, on_event);
                flush.set_value(Some(send_due));
            });
        }
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
                // What is due in the outbox goes in the task after the one that opens the form.
                if let Some(flush) = flush.get_value().filter(|_| is_open) {
                    leptos::task::spawn_local(async move {
                        next_task().await;
                        let _ = flush.try_run(());
                    });
                }
            }
            is_open
        });
        if let Some(selector) = open_selector {
            open_on_clicks(&selector, open);
        }
        let (theme, dir) = (theme.word(), page::direction());

        // The widget's root and its button come with the first part. A new language or
        // new labels draw the widget again; its state lives above, in the signals.
        let drawn = stage.reached(part::ROOT);
        reactive(move || {
            if !drawn.get() {
                return ().into_any();
            }
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
                (None, corner) => {
                    Some(view! { <Trigger open left=corner == Position::BottomLeft /> })
                }
            };
            let title = Signal::derive(move || {
                reply.with(|reply| match reply {
                    Some(to) => {
                        texts.with_ticket(texts.reply_title, &named_ticket(&to.target.ticket))
                    }
                    None => texts.title.to_owned(),
                })
            });
            // The dialog comes in the next part.
            let feedback = feedback.clone();
            let dialog = move || {
                let feedback = feedback.clone();
                view! {
                    <Dialog open title>
                        <Content open reply feedback />
                    </Dialog>
                }
            };
            view! {
                <div class="fw-root" lang=locale.tag() dir=dir data-theme=theme>
                    {trigger}
                    {staged(stage, part::DIALOG, dialog)}
                </div>
            }
            .into_any()
        })
        .into_any()
    }
}

//! The widget's Leptos components. Each component has its own file with its CSS beside it;
//! [`STYLES`] joins the CSS into the one stylesheet the shadow root adopts.

#[cfg(feature = "helpdesks")]
mod attachment_picker;
mod dialog;
mod feedback_widget;
mod field_errors;
mod persist;
mod queued_notice;
mod reply_box;
mod select_field;
mod stages;
mod star_rating;
mod status_message;
mod success;
mod text_field;
pub mod texts;
#[cfg(feature = "helpdesks")]
mod thread;
mod ticket_form;
mod trigger;

pub use feedback_widget::{FeedbackWidget, WidgetControls, WidgetEvent};
pub use texts::{Labels, Locale, Texts};

use crate::api::Client;
use leptos::prelude::{Callback, RwSignal};

/// The widget's stylesheet: every component's CSS, in one string.
pub const STYLES: &str = concat!(
    include_str!("theme.css"),
    include_str!("feedback_widget.css"),
    include_str!("trigger.css"),
    include_str!("dialog.css"),
    include_str!("ticket_form.css"),
    include_str!("text_field.css"),
    include_str!("field_errors.css"),
    include_str!("select_field.css"),
    include_str!("star_rating.css"),
    include_str!("status_message.css"),
    include_str!("success.css"),
    include_str!("reply_box.css"),
    include_str!("attachment_picker.css"),
    include_str!("thread.css"),
    include_str!("queued_notice.css"),
    include_str!("crash.css"),
);

/// The most characters of a server message the form shows; the rest is cut.
pub(crate) const SERVER_TEXT_MAX: usize = 300;
/// The most characters of a ticket number the form shows.
pub(crate) const TICKET_LABEL_MAX: usize = 40;

/// A ticket's number as the widget shows it: without hidden controls, and cut to length.
pub(crate) fn ticket_label(ticket: &crate::contract::Ticket) -> String {
    crate::contract::display_text(&ticket.label(), TICKET_LABEL_MAX)
}

/// What every component of one widget shares, provided as context by [`FeedbackWidget`].
#[derive(Clone)]
pub(crate) struct WidgetContext {
    pub texts: &'static Texts,
    /// Read when sending, so that a token changed meanwhile is used.
    pub client: leptos::prelude::StoredValue<Client>,
    /// Whether `page` keeps the query string.
    pub keep_query: bool,
    /// The absolute API base; it names the drafts in localStorage.
    pub api_base: String,
    /// The widget's language tag, for the dates in a help desk's thread.
    #[cfg(feature = "helpdesks")]
    pub lang: &'static str,
    pub on_event: Callback<WidgetEvent>,
    /// What the dialog's live region says: sending, success, failure.
    pub announcement: RwSignal<String>,
    /// Counts the times the widget was put back into the page after the page removed it; the
    /// dialog and the button show themselves again in the top layer when it changes.
    pub placed: RwSignal<u32>,
    /// How far the form is built (it is built in parts while the page is idle).
    pub stage: stages::Stage,
}

/// The widget's context; every component below [`FeedbackWidget`] has it.
pub(crate) fn widget_context() -> WidgetContext {
    leptos::prelude::expect_context::<WidgetContext>()
}

/// Milliseconds since the epoch, from the browser's clock.
pub(crate) fn now_ms() -> f64 {
    js_sys::Date::now()
}

/// An effect whose closure is boxed, so that the effect machinery is built once for the whole
/// widget rather than once per closure.
pub(crate) fn effect(run: impl FnMut() + 'static) {
    let mut run: Box<dyn FnMut()> = Box::new(run);
    leptos::prelude::Effect::new(move |_| run());
}

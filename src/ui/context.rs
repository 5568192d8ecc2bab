//! What every component of one widget shares, provided as context by the root component.

use leptos::prelude::{Callback, RwSignal, StoredValue};

use super::controls::WidgetEvent;
use super::hooks::stages::Stage;
use super::texts::Texts;
use crate::api::Client;

/// What every component of one widget shares, provided as context by
/// [`FeedbackWidget`](super::feedback_widget::FeedbackWidget).
#[derive(Clone)]
pub(crate) struct WidgetContext {
    pub texts: &'static Texts,
    /// Read when sending, so that a token changed meanwhile is used.
    pub client: StoredValue<Client>,
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
    pub stage: Stage,
}

/// The widget's context; every component below the root has it.
pub(crate) fn widget_context() -> WidgetContext {
    leptos::prelude::expect_context::<WidgetContext>()
}

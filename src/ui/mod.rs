//! The widget's Leptos components and what they stand on. Each component has its own file with
//! its CSS beside it; [`STYLES`] joins the CSS into the one stylesheet the shadow root adopts.
//!
//! - [`options`]: the integrator's [`Options`](options::Options) and their checks;
//! - [`controls`]: the host's [`WidgetControls`] and the [`WidgetEvent`]s it hears;
//! - `context`: what every component of one widget shares, and `effect`, the one way it makes
//!   plain effects;
//! - [`hooks`]: behaviour over time (countdown, persistence, the outbox, staged building);
//! - [`texts`]: every word, per locale;
//! - the components: [`FeedbackWidget`] (the root), `content` (what the dialog holds), `trigger`,
//!   `dialog`, `ticket_form`, `reply_box`, `success`, `queued_notice`, `status_message`,
//!   `text_field`, `select_field`, `star_rating`, `field_errors`, and with the other help desks
//!   `attachment_picker` and `thread`.

#[cfg(feature = "helpdesks")]
mod attachment_picker;
mod content;
pub(crate) mod context;
pub mod controls;
mod dialog;
pub(crate) mod effect;
mod feedback_widget;
mod field_errors;
pub mod hooks;
pub mod options;
mod queued_notice;
pub(crate) mod reactive;
mod reply_box;
mod select_field;
mod star_rating;
mod status_message;
mod success;
mod text_field;
pub mod texts;
#[cfg(feature = "helpdesks")]
mod thread;
mod ticket_form;
mod trigger;

pub use controls::{WidgetControls, WidgetEvent};
#[cfg(feature = "embed")]
pub(crate) use feedback_widget::Checked;
pub use feedback_widget::FeedbackWidget;
pub use options::Options;
pub use texts::{Labels, Locale, Texts};

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
);

//! A feedback widget for any web page: a "Feedback" button, an in-page form, and tickets sent to
//! a help desk's API. See README.md for embedding it with one script tag.

pub mod contract;

#[cfg(feature = "ui")]
pub mod api;
#[cfg(feature = "ui")]
pub mod delivery;
#[cfg(feature = "embed")]
pub mod embed;
#[cfg(feature = "ui")]
pub mod json;
#[cfg(feature = "ui")]
pub mod options;
#[cfg(feature = "ui")]
pub mod storage;
#[cfg(feature = "ui")]
pub mod ui;

#[cfg(feature = "ui")]
pub use options::Options;
#[cfg(feature = "ui")]
pub use ui::{FeedbackWidget, WidgetControls, WidgetEvent};

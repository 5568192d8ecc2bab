//! Embedding through the script tag: reading its `data-*` attributes, mounting the widget into
//! an open shadow root, and the handle behind the page's `window.FeedbackWidget` API.
//!
//! The loader (`www/feedback-widget.js`) owns the API object, queues calls made before the wasm
//! is ready, and turns the events this module reports into DOM events and `on()` callbacks.
//!
//! - `attributes`: the script tag's `data-*` attributes into [`Options`](crate::Options);
//! - `js_args`: the values the page passes to the JS API;
//! - [`handle`]: the [`WidgetHandle`] behind `window.FeedbackWidget`;
//! - [`mount`](mod@mount): the widget into the loader's element, or into a new one ([`attach`]);
//! - [`events`]: `feedback:*` events and the page's handlers;
//! - [`crash`]: what the crash guard needs from the Rust side, and the panel's CSS.

mod attributes;
pub mod crash;
pub mod events;
pub mod handle;
mod js_args;
pub mod mount;

pub use events::Events;
pub use handle::WidgetHandle;
pub use mount::{attach, mount};

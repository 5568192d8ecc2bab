//! A feedback widget for any web page: a "Feedback" button, an in-page form, and tickets sent to
//! a help desk's API. See README.md for embedding it with one script tag.
//!
//! In a Leptos app, render [`FeedbackWidget`] with [`Options`] and give the page the widget's
//! stylesheet, [`ui::STYLES`]; the component's documentation has an example, and
//! `examples/leptos-app/` in the repository is a whole app.
//!
//! # Features
//!
//! - `ui` (with `embed`): the Leptos components ([`FeedbackWidget`], [`WidgetControls`]), the
//!   HTTP client and the browser storage they use. A Leptos app depends on the crate with
//!   `default-features = false, features = ["ui"]`.
//! - `embed` (default): the script tag's entry point, `feedback-widget.js`'s side of the wasm: it
//!   reads the `data-*` attributes, mounts the widget into a shadow root and exports the handle
//!   behind `window.FeedbackWidget`. Only the wasm builds that the script tag loads need it.
//! - `helpdesks`: replies into three other help desks (Mijn Klantportaal, Series, WHMCS) besides
//!   this API's own reply endpoint.
//! - `test-hooks`: an export that panics on purpose, for the end-to-end test of a crash. Never
//!   in a release.
//!
//! Without features, the crate is [`contract`] alone: the ticket rules, requests and answers in
//! plain Rust, which a server can check with as the widget does.

#![cfg_attr(docsrs, feature(doc_cfg))]

pub mod contract;

#[cfg(feature = "ui")]
pub mod api;
#[cfg(feature = "ui")]
pub mod browser;
#[cfg(feature = "embed")]
pub mod embed;
#[cfg(feature = "ui")]
pub mod ui;

#[cfg(feature = "ui")]
pub use ui::Options;
#[cfg(feature = "ui")]
pub use ui::{FeedbackWidget, WidgetControls, WidgetEvent};

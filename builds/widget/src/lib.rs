//! The widget as the script `feedback-widget.js` loads it: new tickets, and replies to them,
//! through this API. All of it is the main crate's; this crate only builds it as a wasm module.

pub use feedback_widget::*;

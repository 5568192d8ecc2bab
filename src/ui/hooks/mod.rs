//! The widget's behaviour over time, apart from what it draws: each hook sets up signals and
//! effects for a component and returns what the component reads.
//!
//! - [`countdown`]: a rate limit's wait, ticking down;
//! - [`focus_trap`]: Tab kept inside the open dialog;
//! - [`persist`]: drafts and replies kept across reloads;
//! - [`outbox`]: the outbox run while the page is open;
//! - [`stages`]: the form built in slices while the page is idle;
//! - [`announce`]: the live region's words for the new-ticket form;
//! - [`open_on_clicks`]: the page's own elements that open the form;
//! - [`scoped`]: a long-lived signal as a component built again and again reads it.

pub mod announce;
pub mod countdown;
pub mod focus_trap;
pub mod open_on_clicks;
pub mod outbox;
pub mod persist;
pub mod scoped;
pub mod stages;

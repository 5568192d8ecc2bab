//! The widget with the three other help desks (Klantportaal, Series, WHMCS) built in, for the
//! script `feedback-widget-helpdesks.js`. All of it is the main crate's, built once more with
//! its `helpdesks` feature; the main build leaves them out, so that a page which only sends
//! feedback does not download them.

pub use feedback_widget::*;

//! The help desks a reply can go to: this API's own reply endpoint and three others. Each backend
//! builds its HTTP request and reads its answer into the same outcome, so that the form knows no
//! more of a backend than what it shows: a thread where the answer has one, attachments where the
//! backend takes them.
//!
//! The three other help desks are in the `helpdesks` feature, so that a widget which only talks
//! to this API does not carry them.
//!
//! - `kind`: [`BackendKind`], the word `data-backend` names a help desk with;
//! - `backend`: the [`Backend`] trait, the [`ReplyParts`] a request is built from, and the
//!   [`HttpRequest`] it builds;
//! - `registry`: each kind to its backend;
//! - `target`: the [`Target`] ticket and who the reply is from;
//! - `attachments`: the files a reply carries, and the rules for them;
//! - `wire`: what the backends share on the wire;
//! - `default`, `klantportaal`, `series`, `whmcs`: one module per help desk; `html` turns the
//!   help desks' HTML into text and the user's text into HTML.

mod attachments;
mod backend;
mod default;
#[cfg(feature = "helpdesks")]
pub mod html;
mod kind;
#[cfg(feature = "helpdesks")]
mod klantportaal;
mod registry;
#[cfg(feature = "helpdesks")]
mod series;
mod target;
#[cfg(feature = "helpdesks")]
mod whmcs;
mod wire;

pub use attachments::Attachment;
#[cfg(feature = "helpdesks")]
pub use attachments::{AttachmentProblem, AttachmentRules};
pub use backend::{
    Backend, Capabilities, HttpBody, HttpRequest, Receipt, ReplyParts, ThreadMessage,
};
pub use kind::BackendKind;
#[cfg(feature = "helpdesks")]
pub use series::{Pace, Wait};
pub use target::{Target, TargetProblem};
#[cfg(feature = "helpdesks")]
pub use whmcs::{decode_attachments, encode_attachments};
pub use wire::bearer;

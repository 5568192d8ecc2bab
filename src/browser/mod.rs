//! The platform the widget runs on: one place for each thing it asks of the browser, so that the
//! rooms above never reach for the same browser API twice.
//!
//! - [`clock`]: the time, and waiting;
//! - [`storage`]: localStorage slots for drafts, the outbox and the request count;
//! - [`json`]: the browser's JSON values as serde_json values, for the contract to read;
//! - [`locks`]: Web Locks, so that one tab at a time sends the outbox;
//! - [`network`]: whether the browser believes it is online;
//! - [`page`]: what the host page says about itself (its address, direction, user agent);
//! - [`scroll_lock`]: the page kept from scrolling behind the dialog;
//! - `files` (with the other help desks): files the user chose, and their bytes.

pub mod clock;
#[cfg(feature = "helpdesks")]
pub mod files;
pub mod json;
pub mod locks;
pub mod network;
pub mod page;
pub mod scroll_lock;
pub mod storage;

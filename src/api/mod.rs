//! The one place that talks to the network: posts the store request and each backend's reply
//! request, and reads every answer, or the lack of one, into the contract's typed outcome.
//!
//! - [`client`]: the API client, its token and the requests it makes;
//! - `http`: the wire, with its timeout and the kinds of failure;
//! - `pace`: the per-second limits of the help desks that have one;
//! - [`delivery`]: a ticket's way out, now or through the outbox, within the store limit.

pub mod client;
pub mod delivery;
mod http;
#[cfg(feature = "helpdesks")]
mod pace;

pub use client::{Client, TokenSource};
pub use delivery::{Delivery, Sent};
pub use http::TIMEOUT_MS;

//! What can be wrong with the integrator's configuration, as data: the UI words it
//! (`ui/texts/config.rs`), for the console and the `error` event.

use super::backends::{BackendKind, TargetProblem};
use super::rules::FieldError;

/// A setting of the integrator's that the widget can't work with.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ConfigProblem {
    /// The channel (`data-channel`) or the tool key (`data-tool-key`) breaks the API's rule.
    Integration(FieldError),
    /// No API base (`data-api-base`).
    ApiBaseMissing,
    /// The API base is not a URL.
    ApiBaseNotUrl { raw: String },
    /// The API base is a URL, but not an http or https one.
    ApiBaseNotHttp { raw: String },
    /// The token has characters that can't be sent in a header.
    TokenNotSendable,
    /// The reply target doesn't suit the backend.
    Target {
        backend: BackendKind,
        problem: TargetProblem,
    },
}

//! Each kind of backend to the backend itself.

use super::backend::Backend;
use super::default;
use super::kind::BackendKind;
#[cfg(feature = "helpdesks")]
use super::{klantportaal, series, whmcs};

impl BackendKind {
    /// The backend itself.
    pub fn backend(self) -> &'static dyn Backend {
        match self {
            BackendKind::Default => &default::Default,
            #[cfg(feature = "helpdesks")]
            BackendKind::Klantportaal => &klantportaal::Klantportaal,
            #[cfg(feature = "helpdesks")]
            BackendKind::Series => &series::Series,
            #[cfg(feature = "helpdesks")]
            BackendKind::Whmcs => &whmcs::Whmcs,
        }
    }
}

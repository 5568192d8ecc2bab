//! Which help desk replies go to, by the word `data-backend` names it with.

/// Which help desk a widget posts replies to (`data-backend`). The `helpdesks` feature adds
/// variants, so code outside this crate can't count on knowing them all.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub enum BackendKind {
    /// This API's own reply endpoint, `…/support/tickets/reply`.
    #[default]
    Default,
    /// Mijn Klantportaal: `POST {base}/tickets/{id}` with an HTML message.
    #[cfg(feature = "helpdesks")]
    Klantportaal,
    /// Series: `POST {base}/tickets/{id}/reply` as a staff member, with an API key.
    #[cfg(feature = "helpdesks")]
    Series,
    /// WHMCS: `AddTicketReply` as multipart form data, with attachments.
    #[cfg(feature = "helpdesks")]
    Whmcs,
}

impl BackendKind {
    /// The backends this build has.
    pub const ALL: &[BackendKind] = &[
        BackendKind::Default,
        #[cfg(feature = "helpdesks")]
        BackendKind::Klantportaal,
        #[cfg(feature = "helpdesks")]
        BackendKind::Series,
        #[cfg(feature = "helpdesks")]
        BackendKind::Whmcs,
    ];

    /// The `data-backend` words of the other help desks, which only a build with the
    /// `helpdesks` feature has.
    pub const HELPDESKS: [&str; 3] = ["klantportaal", "series", "whmcs"];

    /// The `data-backend` word.
    pub fn name(self) -> &'static str {
        match self {
            BackendKind::Default => "default",
            #[cfg(feature = "helpdesks")]
            BackendKind::Klantportaal => "klantportaal",
            #[cfg(feature = "helpdesks")]
            BackendKind::Series => "series",
            #[cfg(feature = "helpdesks")]
            BackendKind::Whmcs => "whmcs",
        }
    }

    /// The backend a `data-backend` word names, if this build has it.
    pub fn parse(word: &str) -> Option<BackendKind> {
        BackendKind::ALL
            .iter()
            .copied()
            .find(|kind| kind.name() == word.trim())
    }
}

#[cfg(test)]
mod tests {
    use super::BackendKind;

    #[test]
    fn parses_the_names_of_this_build() {
        assert_eq!(BackendKind::parse(" default "), Some(BackendKind::Default));
        assert_eq!(BackendKind::parse("zendesk"), None);
        for kind in BackendKind::ALL {
            assert_eq!(BackendKind::parse(kind.name()), Some(*kind));
        }
    }

    #[cfg(feature = "helpdesks")]
    #[test]
    fn the_helpdesks_build_knows_every_backend() {
        for word in BackendKind::HELPDESKS {
            assert_eq!(BackendKind::parse(word).map(BackendKind::name), Some(word));
        }
    }

    #[cfg(not(feature = "helpdesks"))]
    #[test]
    fn the_main_build_knows_only_the_default_backend() {
        assert_eq!(BackendKind::ALL, &[BackendKind::Default]);
        for word in BackendKind::HELPDESKS {
            assert_eq!(BackendKind::parse(word), None);
        }
    }
}

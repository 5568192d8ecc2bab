//! The built-in languages, and which texts each one has.

use super::en::EN;
use super::nl::NL;
use super::table::Texts;

/// The built-in languages.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Locale {
    #[default]
    En,
    Nl,
}

impl Locale {
    /// The locale for a language tag such as `nl-BE`; `None` when none is built in.
    pub fn from_tag(tag: &str) -> Option<Locale> {
        let language = tag.trim().split(['-', '_']).next()?.to_ascii_lowercase();
        match language.as_str() {
            "en" => Some(Locale::En),
            "nl" => Some(Locale::Nl),
            _ => None,
        }
    }

    pub fn texts(self) -> &'static Texts {
        match self {
            Locale::En => &EN,
            Locale::Nl => &NL,
        }
    }

    /// The `lang` attribute for the widget's content.
    pub fn tag(self) -> &'static str {
        match self {
            Locale::En => "en",
            Locale::Nl => "nl",
        }
    }
}

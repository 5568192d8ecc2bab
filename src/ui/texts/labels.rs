//! The integrator's labels in place of built-in texts, and the texts they make.

use std::cell::RefCell;

use super::locale::Locale;
use super::table::Texts;

/// Texts the integrator puts in place of built-in ones, by key (see [`Texts::KEYS`]).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Labels(pub Vec<(String, String)>);

impl Labels {
    /// The keys that name no text.
    pub fn unknown(&self) -> Vec<&str> {
        self.0
            .iter()
            .map(|(key, _)| key.as_str())
            .filter(|key| !Texts::KEYS.contains(key))
            .collect()
    }
}

thread_local! {
    /// Texts built with labels. A widget's components hold `&'static Texts`, so built texts live
    /// as long as the page; this keeps one copy per locale and set of labels.
    static BUILT: RefCell<Vec<(Locale, Labels, &'static Texts)>> = const { RefCell::new(Vec::new()) };
}

/// The texts of `locale`, with `labels` in place of the built-in ones they name.
pub fn localized(locale: Locale, labels: &Labels) -> &'static Texts {
    if labels.0.is_empty() {
        return locale.texts();
    }
    BUILT.with_borrow_mut(|built| {
        if let Some((_, _, texts)) = built.iter().find(|(l, ls, _)| *l == locale && ls == labels) {
            return *texts;
        }
        let mut texts = locale.texts().clone();
        for (key, text) in &labels.0 {
            if let Some(slot) = texts.text_mut(key) {
                *slot = Box::leak(text.clone().into_boxed_str());
            }
        }
        let texts: &'static Texts = Box::leak(Box::new(texts));
        built.push((locale, labels.clone(), texts));
        texts
    })
}

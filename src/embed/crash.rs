//! The crash panel's Rust side. The panel itself is drawn from JavaScript by the glue's crash guard
//! (`www/crash-guard.js`), since after a trap no Rust code runs: the widget leaves it its texts,
//! in the language shown at the time, and its CSS (beside this file) is part of the stylesheet.

#[cfg(feature = "test-hooks")]
use wasm_bindgen::prelude::*;

use crate::ui::texts::Texts;

/// The crash panel's CSS; the release build appends it to `feedback-widget.css`.
pub const CRASH_STYLES: &str = include_str!("crash.css");

/// The crash panel's texts, by the keys the crash guard reads from the widget's record.
pub(super) fn crash_texts(texts: &Texts) -> [(&'static str, &'static str); 2] {
    [
        ("crashed", texts.crashed),
        ("crashedText", texts.crashed_text),
    ]
}

/// Panics on purpose, for the end-to-end test of what a crash leaves behind (a trap, in the
/// release build: the glue's crash guard, `www/crash-guard.js`, draws the panel). Only in builds with
/// the `test-hooks` feature.
#[cfg(feature = "test-hooks")]
#[wasm_bindgen(js_name = __crashForTests)]
pub fn crash_for_tests() {
    panic!("a crash the tests asked for");
}

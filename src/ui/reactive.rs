//! The one way the widget draws a view again when what it reads changes, outside `view!`.
//!
//! tachys builds its render code once per type it renders, so the widget keeps that set of types
//! small: reactive views made in code go through [`reactive`], reactive text returns a `String`,
//! and the items of a list, like an optional part, are `AnyView`s (`.into_any()`). A view of a
//! type of its own costs the wasm a copy of that code (see README, Size).

use std::sync::{Arc, Mutex};

use leptos::tachys::reactive_graph::SharedReactiveFunction;

/// `draw`, boxed as `view!` boxes its `{move || …}` children (the widget builds with
/// `erase_components`), so that a reactive view made in code shares the render code of those of
/// the same output, instead of bringing a copy of its own for its closure's type.
pub(crate) fn reactive<T: 'static>(
    draw: impl FnMut() -> T + Send + 'static,
) -> SharedReactiveFunction<T> {
    Arc::new(Mutex::new(draw))
}

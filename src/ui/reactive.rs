//! The one way the widget draws a view again when what it reads changes, outside `view!`.

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

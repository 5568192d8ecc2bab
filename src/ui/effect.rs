//! The one way the widget makes plain effects.

/// An effect whose closure is boxed, so that the effect machinery is built once for the whole
/// widget rather than once per closure.
pub(crate) fn effect(run: impl FnMut() + 'static) {
    let mut run: Box<dyn FnMut()> = Box::new(run);
    leptos::prelude::Effect::new(move |_| run());
}

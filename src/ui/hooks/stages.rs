//! Building the widget in slices. Mounting reads the options and what the last visit left; the
//! rest is built afterwards, one part per task while the page is idle, so that no single task of
//! the widget's holds up the host page (on a slow phone a widget built in one go is one long
//! task; V8 compiles each wasm function when it first runs, so a first build costs several times
//! a later one). The parts, in [`part`]: the root with the button, the hooks (drafts,
//! announcements, the outbox), the dialog's frame, its header, its content, the Subject field, the
//! text fields' counters and problem lists, the message, the rating, the two drop-downs, and the
//! status and actions. Opening the dialog builds whatever is left at once.

use leptos::prelude::*;

use crate::browser::clock::idle;
use crate::ui::effect::effect;
use crate::ui::reactive::reactive;

/// The parts the widget is built in after mounting, in the order they come.
pub(crate) mod part {
    /// The widget's root, with its button.
    pub const ROOT: u8 = 1;
    /// The form's memory, its announcements and the outbox.
    pub const HOOKS: u8 = 2;
    /// The dialog's frame, with its live region.
    pub const DIALOG: u8 = 3;
    /// The dialog's heading and close button.
    pub const HEADER: u8 = 4;
    /// What the dialog holds, with the form's intro.
    pub const CONTENT: u8 = 5;
    pub const SUBJECT: u8 = 6;
    /// The counters and problem lists of the text fields (the first text field's build compiles
    /// them, which is as much as the field itself).
    pub const FIELD_DETAILS: u8 = 7;
    pub const MESSAGE: u8 = 8;
    pub const RATING: u8 = 9;
    /// The two drop-downs, type and priority.
    pub const CHOICES: u8 = 10;
    /// The status line and the form's actions.
    pub const STATUS: u8 = 11;
}

/// How many parts the widget is built in after mounting.
pub(crate) const STAGES: u8 = part::STATUS;

/// How far the form is built: part `n` is there once the stage is `n` or more.
#[derive(Clone, Copy)]
pub(crate) struct Stage(RwSignal<u8>);

impl Stage {
    pub fn new() -> Self {
        Stage(RwSignal::new(0))
    }

    /// Builds everything that is left, now: the dialog is opening.
    pub fn finish(&self) {
        if self.0.get_untracked() < STAGES {
            self.0.set(STAGES);
        }
    }

    /// Whether part `n` is built. Tracked, but it changes once, from false to true.
    pub fn reached(&self, n: u8) -> Memo<bool> {
        let stage = self.0;
        Memo::new(move |_| stage.get() >= n)
    }

    /// Runs `build` once, when part `n` is built, as part of the component that calls this (what
    /// it makes belongs to that component).
    pub fn once_reached(&self, n: u8, build: impl FnOnce() + 'static) {
        let reached = self.reached(n);
        let owner = Owner::current();
        let mut build = Some(build);
        effect(move || {
            if reached.get() {
                if let (Some(build), Some(owner)) = (build.take(), &owner) {
                    untrack(|| owner.with(build));
                }
            }
        });
    }

    /// Builds the parts one by one, each in a task of its own when the browser is idle.
    pub fn build_when_idle(&self) {
        let stage = self.0;
        leptos::task::spawn_local(async move {
            loop {
                idle().await;
                let Some(now) = stage.try_get_untracked() else {
                    return;
                };
                if now >= STAGES {
                    return;
                }
                stage.set(now + 1);
            }
        });
    }
}

/// `view` once part `n` of the form is built, and nothing before.
pub(crate) fn staged<V: IntoView + 'static>(
    stage: Stage,
    n: u8,
    view: impl Fn() -> V + Send + Sync + 'static,
) -> impl IntoView {
    // A part built again (the form after a ticket) is there at once, and follows no stage.
    let reached = (stage.0.get_untracked() < n).then(|| stage.reached(n));
    reactive(move || {
        reached
            .is_none_or(|reached| reached.get())
            .then(|| view().into_any())
    })
}

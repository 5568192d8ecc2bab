//! A signal that outlives a component, as that component's memos and effects read it.

use leptos::prelude::*;
use leptos::reactive::graph::{Subscriber, ToAnySubscriber};

/// `signal` as the memos and effects of one component read it, for a component built anew
/// under a signal that outlives it, as the new-ticket form is after each ticket.
///
/// A Leptos signal keeps hold of everything that read it until that reader runs again: a memo
/// or effect that is dropped without running again leaves its allocation behind for as long as
/// the signal lives, some 8 KB for each form built again. So the component's readers track one
/// memo of the component's own, which follows the signal, and that memo lets go of the signal
/// when the component is taken down: what its readers leave goes with the component.
pub(crate) struct Scoped<T: 'static> {
    signal: RwSignal<T>,
    /// Changes whenever `signal` does. (A `bool`, as the widget's other memos hold: a memo of a
    /// type of its own would build the memo machinery once more.)
    changed: Memo<bool>,
}

impl<T> Clone for Scoped<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T> Copy for Scoped<T> {}

impl<T: Send + Sync + 'static> Scoped<T> {
    /// `signal` for the component being built, until that component is taken down.
    pub fn new(signal: RwSignal<T>) -> Self {
        let changed = ArcMemo::new_with_compare(
            move |_| {
                signal.track();
                true
            },
            |_, _| true,
        );
        let follower = changed.clone();
        on_cleanup(move || follower.clear_sources(&follower.to_any_subscriber()));
        Scoped {
            signal,
            changed: changed.into(),
        }
    }

    /// Reads the value, tracked.
    pub fn with<R>(&self, read: impl FnOnce(&T) -> R) -> R {
        self.track();
        self.signal.with_untracked(read)
    }

    /// Has the reader that runs follow the memo. Reading the memo (not only tracking it) has it
    /// follow `signal`. One function for every `with`, rather than a copy in each.
    #[inline(never)]
    fn track(&self) {
        let _ = self.changed.try_get();
    }

    pub fn with_untracked<R>(&self, read: impl FnOnce(&T) -> R) -> R {
        self.signal.with_untracked(read)
    }

    pub fn update(&self, change: impl FnOnce(&mut T)) {
        self.signal.update(change);
    }

    pub fn try_update<R>(&self, change: impl FnOnce(&mut T) -> R) -> Option<R> {
        self.signal.try_update(change)
    }
}

//! The outbox: tickets written while the browser was offline, kept until they can be sent.
//!
//! Only requests that provably never left go here. Each entry is sent when the connection is
//! back; what happens next depends on the answer, decided by [`Outbox::settle`].

use serde::{Deserialize, Serialize};

use super::answer::{Failure, Ticket};
use super::store::StoreRequest;

/// How many times a server failure (500, 503) is retried before the ticket goes back to the user.
pub const MAX_ATTEMPTS: u32 = 5;

/// One waiting ticket.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Entry {
    /// Unique among entries; also the name of its lock.
    pub id: String,
    pub request: StoreRequest,
    /// When it was queued, in milliseconds since the epoch.
    pub queued_at: u64,
    /// Attempts that got an answer worth retrying.
    pub attempts: u32,
    /// Not to be sent before this time (milliseconds since the epoch).
    pub next_at: u64,
    /// Set while a tab is sending it: nobody may cancel or send it meanwhile.
    #[serde(default)]
    pub sending_since: Option<u64>,
    /// How it ended, once it did; kept until the tab that shows it takes it.
    #[serde(default)]
    pub outcome: Option<Outcome>,
}

/// How a sent entry ended.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Outcome {
    Delivered(Ticket),
    /// Back to the user, with the reason.
    Returned(Failure),
}

/// What became of an entry after an attempt.
#[derive(Clone, Debug, PartialEq)]
pub enum Settled {
    /// Still waiting, for the connection or for `next_at`.
    Waiting,
    /// Finished: confirmed, or back to the user because no retry would change the answer or
    /// because the request may have arrived. The entry keeps the outcome until taken.
    Finished(Outcome),
}

/// The waiting tickets of one widget (API base and channel), oldest first.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Outbox {
    pub entries: Vec<Entry>,
}

/// The wait after `attempts` failed attempts: 5 s, doubling, at most 5 minutes.
pub fn backoff_ms(attempts: u32) -> u64 {
    let doublings = attempts.saturating_sub(1).min(16);
    (5_000 << doublings).min(300_000)
}

impl Outbox {
    pub fn push(&mut self, id: String, request: StoreRequest, now: u64) {
        self.entries.push(Entry {
            id,
            request,
            queued_at: now,
            attempts: 0,
            next_at: now,
            sending_since: None,
            outcome: None,
        });
    }

    /// Marks entry `id` as being sent now. Only the holder of the outbox's lock calls this.
    pub fn begin(&mut self, id: &str, now: u64) -> bool {
        match self.pending_mut(id) {
            Some(entry) => {
                entry.sending_since = Some(now);
                true
            }
            None => false,
        }
    }

    /// Entries marked as being sent when the lock is free again were left by a tab that closed
    /// mid-request. They may have arrived, so they go back to the user instead of out again.
    pub fn abandon_in_flight(&mut self) -> Vec<String> {
        let mut abandoned = Vec::new();
        for entry in &mut self.entries {
            if entry.outcome.is_none() && entry.sending_since.take().is_some() {
                entry.outcome = Some(Outcome::Returned(Failure::Network));
                abandoned.push(entry.id.clone());
            }
        }
        abandoned
    }

    /// Cancels entry `id` unless it is being sent or already finished. Returns whether it was.
    pub fn cancel(&mut self, id: &str) -> bool {
        let cancellable = self
            .pending_mut(id)
            .is_some_and(|entry| entry.sending_since.is_none());
        if cancellable {
            self.remove(id);
        }
        cancellable
    }

    fn pending_mut(&mut self, id: &str) -> Option<&mut Entry> {
        self.entries
            .iter_mut()
            .find(|entry| entry.id == id && entry.outcome.is_none())
    }

    /// The oldest unfinished entry that may be sent at `now`.
    pub fn due(&self, now: u64) -> Option<&Entry> {
        self.entries.iter().find(|entry| {
            entry.outcome.is_none() && entry.sending_since.is_none() && entry.next_at <= now
        })
    }

    /// When the next unfinished entry may be sent, if there is one.
    pub fn next_due_at(&self) -> Option<u64> {
        self.entries
            .iter()
            .filter(|entry| entry.outcome.is_none())
            .map(|entry| entry.next_at)
            .min()
    }

    pub fn get(&self, id: &str) -> Option<&Entry> {
        self.entries.iter().find(|entry| entry.id == id)
    }

    /// Takes an entry out: a cancelled one, or a finished one whose outcome is being shown.
    pub fn remove(&mut self, id: &str) -> Option<Entry> {
        let index = self.entries.iter().position(|entry| entry.id == id)?;
        Some(self.entries.remove(index))
    }

    /// Records the outcome of sending entry `id` at `now`.
    pub fn settle(&mut self, id: &str, outcome: Result<Ticket, Failure>, now: u64) -> Settled {
        let Some(entry) = self.pending_mut(id) else {
            return Settled::Waiting;
        };
        entry.sending_since = None;
        let failure = match outcome {
            Ok(ticket) => return entry.finish(Outcome::Delivered(ticket)),
            Err(failure) => failure,
        };
        match &failure {
            Failure::Offline => Settled::Waiting,
            Failure::RateLimited(_) | Failure::TooManySent { .. } => {
                let wait = failure
                    .retry_after()
                    .map_or(60_000, |seconds| u64::from(seconds) * 1000);
                entry.next_at = now + wait;
                Settled::Waiting
            }
            Failure::ServerError {
                status: 500 | 503, ..
            } if entry.attempts + 1 < MAX_ATTEMPTS => {
                entry.attempts += 1;
                entry.next_at = now + backoff_ms(entry.attempts);
                Settled::Waiting
            }
            _ => entry.finish(Outcome::Returned(failure)),
        }
    }
}

impl Entry {
    fn finish(&mut self, outcome: Outcome) -> Settled {
        self.outcome = Some(outcome.clone());
        Settled::Finished(outcome)
    }
}

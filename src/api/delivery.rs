//! Getting a ticket to the server: straight away when the browser is online, through the outbox
//! when it is offline, never past the store endpoint's limit, and never twice from two tabs.

use super::client::Client;
use crate::browser::clock::{new_id, now_ms};
use crate::browser::locks::with_lock;
use crate::browser::network::online;
use crate::browser::storage::Slot;
use crate::contract::outbox::{Outbox, Outcome};
use crate::contract::request_log::RequestLog;
use crate::contract::{Failure, StoreRequest, Ticket};

/// What became of a ticket handed to [`Delivery::send`].
pub enum Sent {
    /// It went out; this is the answer.
    Answered(Result<Ticket, Failure>),
    /// The browser is offline; it waits in the outbox under this id.
    Queued(String),
}

/// The outbox and request count of one widget.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Delivery {
    outbox: Slot,
    log: Slot,
}

impl Delivery {
    /// The delivery of tickets for `channel` at `api_base`. The request count is per API base,
    /// since the store limit is per user, whatever the channel.
    pub fn new(api_base: &str, channel: &str) -> Self {
        Delivery {
            outbox: Slot::new("outbox", &[api_base, channel]),
            log: Slot::new("sent", &[api_base]),
        }
    }

    pub fn outbox_slot(&self) -> &Slot {
        &self.outbox
    }

    /// The outbox as stored now.
    pub fn outbox(&self) -> Outbox {
        self.outbox.load().unwrap_or_default()
    }

    /// Changes the stored outbox. An empty outbox leaves nothing behind, so that the loader can
    /// tell from the key alone that a ticket waits.
    fn change_outbox<T>(&self, change: impl FnOnce(&mut Outbox) -> T) -> T {
        let mut outbox = self.outbox();
        let result = change(&mut outbox);
        match outbox.entries.is_empty() {
            true => self.outbox.clear(),
            false => self.outbox.save(&outbox),
        }
        result
    }

    /// Sends a ticket now, or queues it when the browser is offline. Refuses, without sending,
    /// a request the store endpoint's limit would refuse.
    pub async fn send(&self, client: &Client, request: StoreRequest) -> Sent {
        let now = now_ms();
        if !online() {
            let id = new_id();
            self.change_outbox(|outbox| outbox.push(id.clone(), request, now));
            return Sent::Queued(id);
        }
        Sent::Answered(self.store(client, &request, now).await)
    }

    /// One store request, counted against the limit.
    async fn store(
        &self,
        client: &Client,
        request: &StoreRequest,
        now: u64,
    ) -> Result<Ticket, Failure> {
        let mut log: RequestLog = self.log.load().unwrap_or_default();
        if let Some(retry_after) = log.wait_before_next(now) {
            return Err(Failure::TooManySent { retry_after });
        }
        log.record(now);
        self.log.save(&log);
        client.store(request).await
    }

    /// Takes entry `id` out unless it is being sent. Returns whether it was cancelled.
    pub fn cancel(&self, id: &str) -> bool {
        self.change_outbox(|outbox| outbox.cancel(id))
    }

    /// Takes the outcome of a finished entry, removing it.
    pub fn take(&self, id: &str) -> Option<Outcome> {
        self.change_outbox(|outbox| {
            let finished = outbox.get(id)?.outcome.is_some();
            finished.then(|| outbox.remove(id)?.outcome).flatten()
        })
    }

    /// Sends every entry that is due, under a lock that one tab holds at a time. A tab that
    /// finds the lock taken leaves the work to the holder. Returns when the next entry is due, if
    /// one is waiting for a backoff or a rate limit.
    pub async fn flush(&self, client: &Client) -> Option<u64> {
        let (this, client) = (self.clone(), client.clone());
        with_lock(self.outbox.key(), async move {
            this.change_outbox(Outbox::abandon_in_flight);
            while online() {
                let now = now_ms();
                let Some(entry) = this.outbox().due(now).cloned() else {
                    break;
                };
                if !this.change_outbox(|outbox| outbox.begin(&entry.id, now)) {
                    continue;
                }
                let outcome = this.store(&client, &entry.request, now).await;
                this.change_outbox(|outbox| outbox.settle(&entry.id, outcome, now_ms()));
            }
        })
        .await;
        self.outbox().next_due_at()
    }
}

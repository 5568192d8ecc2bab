//! Native table tests of the outbox and of the widget's own request count.
#![cfg(not(target_arch = "wasm32"))]

use feedback_widget::contract::outbox::{backoff_ms, Outbox, Outcome, Settled, MAX_ATTEMPTS};
use feedback_widget::contract::request_log::{RequestLog, LIMIT, WINDOW_MS};
use feedback_widget::contract::*;
use proptest::prelude::*;

fn request(subject: &str) -> StoreRequest {
    Draft {
        subject: subject.into(),
        message: "m".into(),
        ..Draft::default()
    }
    .to_request(
        &Integration::new(Some("feedback"), None).unwrap(),
        &AutoFilled::default(),
    )
    .unwrap()
}

fn ticket() -> Ticket {
    Ticket {
        id: 3,
        number: None,
    }
}

fn server(status: u16) -> Failure {
    Failure::ServerError {
        status,
        message: None,
    }
}

#[test]
fn entries_wait_in_order_until_due() {
    let mut outbox = Outbox::default();
    outbox.push("a".into(), request("first"), 1000);
    outbox.push("b".into(), request("second"), 2000);
    assert_eq!(
        outbox.due(500).map(|e| e.id.as_str()),
        None,
        "nothing before it was queued"
    );
    assert_eq!(outbox.due(2000).map(|e| e.id.as_str()), Some("a"));
    outbox.settle("a", Err(server(503)), 2000);
    assert_eq!(
        outbox.due(2000).map(|e| e.id.as_str()),
        Some("b"),
        "a waits for its backoff"
    );
    assert_eq!(
        outbox.remove("b").map(|e| e.request.subject),
        Some("second".into())
    );
    assert_eq!(outbox.remove("b"), None);
}

#[test]
fn each_outcome_settles_the_entry() {
    let returned = |failure: Failure| Settled::Finished(Outcome::Returned(failure));
    let invalid = Failure::Invalid {
        message: None,
        errors: vec![],
    };
    let denied = Failure::Unauthenticated { message: None };
    let missing = Failure::NotFound { message: None };
    let limited = Failure::RateLimited(RateLimit {
        retry_after: Some(30),
        ..RateLimit::default()
    });
    let table: Vec<(Result<Ticket, Failure>, Settled)> = vec![
        (
            Ok(ticket()),
            Settled::Finished(Outcome::Delivered(ticket())),
        ),
        (Err(Failure::Offline), Settled::Waiting),
        (Err(server(500)), Settled::Waiting),
        (Err(server(503)), Settled::Waiting),
        (Err(limited), Settled::Waiting),
        (Err(Failure::Network), returned(Failure::Network)),
        (Err(Failure::Timeout), returned(Failure::Timeout)),
        (Err(server(502)), returned(server(502))),
        (Err(server(504)), returned(server(504))),
        (Err(invalid.clone()), returned(invalid)),
        (Err(denied.clone()), returned(denied)),
        (Err(missing.clone()), returned(missing)),
    ];
    for (outcome, settled) in table {
        let mut outbox = Outbox::default();
        outbox.push("a".into(), request("s"), 0);
        let result = outbox.settle("a", outcome.clone(), 10_000);
        assert_eq!(result, settled, "{outcome:?}");
        let entry = outbox
            .get("a")
            .expect("an entry stays until its outcome is taken");
        match result {
            Settled::Waiting => {
                assert_eq!(entry.outcome, None);
                assert!(
                    outbox.due(1_000_000_000_000_000).is_some(),
                    "{outcome:?} is sent again later"
                );
            }
            Settled::Finished(finished) => {
                assert_eq!(entry.outcome, Some(finished));
                assert!(
                    outbox.due(1_000_000_000_000_000).is_none(),
                    "{outcome:?} is never sent again"
                );
                // A second outcome for a finished entry changes nothing.
                assert_eq!(outbox.settle("a", Ok(ticket()), 20_000), Settled::Waiting);
            }
        }
    }
}

#[test]
fn waits_follow_retry_after_and_backoff() {
    let mut outbox = Outbox::default();
    outbox.push("a".into(), request("s"), 0);
    let limited = Failure::RateLimited(RateLimit {
        retry_after: Some(30),
        ..RateLimit::default()
    });
    outbox.settle("a", Err(limited), 1_000);
    assert_eq!(outbox.get("a").unwrap().next_at, 31_000);
    assert_eq!(outbox.next_due_at(), Some(31_000));
    assert_eq!(outbox.next_due_at(), Some(31_000));
    assert_eq!(
        outbox.get("a").unwrap().attempts,
        0,
        "a rate limit is no failed attempt"
    );

    let mut now = 31_000;
    for attempt in 1..MAX_ATTEMPTS {
        assert_eq!(outbox.settle("a", Err(server(500)), now), Settled::Waiting);
        let entry = outbox.get("a").unwrap();
        assert_eq!(entry.attempts, attempt);
        assert_eq!(entry.next_at, now + backoff_ms(attempt));
        now = entry.next_at;
    }
    assert_eq!(
        outbox.settle("a", Err(server(500)), now),
        Settled::Finished(Outcome::Returned(server(500))),
        "after {MAX_ATTEMPTS} failures the ticket goes back to the user"
    );
    assert_eq!(outbox.next_due_at(), None);
}

#[test]
fn backoff_doubles_up_to_five_minutes() {
    let waits: Vec<u64> = (1..=9).map(backoff_ms).collect();
    assert_eq!(
        waits,
        [5_000, 10_000, 20_000, 40_000, 80_000, 160_000, 300_000, 300_000, 300_000]
    );
    assert_eq!(backoff_ms(u32::MAX), 300_000);
}

#[test]
fn an_unknown_entry_changes_nothing() {
    let mut outbox = Outbox::default();
    outbox.push("a".into(), request("s"), 0);
    assert_eq!(outbox.settle("zzz", Ok(ticket()), 0), Settled::Waiting);
    assert_eq!(outbox.entries.len(), 1);
}

#[test]
fn the_eleventh_request_in_five_minutes_waits() {
    let mut log = RequestLog::default();
    let start = 1_000_000;
    for n in 0..LIMIT {
        assert_eq!(
            log.wait_before_next(start + n as u64 * 1000),
            None,
            "request {n}"
        );
        log.record(start + n as u64 * 1000);
    }
    let now = start + 10_000;
    // The first request leaves the window 300 s after it was sent: 290 s from now.
    assert_eq!(log.wait_before_next(now), Some(290));
    assert_eq!(log.wait_before_next(start + WINDOW_MS - 1), Some(1));
    assert_eq!(log.wait_before_next(start + WINDOW_MS), None);
}

#[test]
fn old_and_future_times_do_not_count() {
    let mut log = RequestLog {
        sent_at: vec![0; 20],
    };
    assert_eq!(
        log.wait_before_next(WINDOW_MS + 1),
        None,
        "all older than the window"
    );
    // A clock that jumped back makes times in the future; they don't block sending.
    log.sent_at = vec![5_000_000_000_000; 20];
    assert_eq!(log.wait_before_next(1_000_000_000_000), None);
    log.record(1_000_000_000_000);
    assert_eq!(log.sent_at, vec![1_000_000_000_000]);
}

#[test]
fn an_entry_being_sent_is_neither_sent_again_nor_cancelled() {
    let mut outbox = Outbox::default();
    outbox.push("a".into(), request("s"), 0);
    outbox.push("b".into(), request("t"), 0);
    assert!(outbox.begin("a", 10));
    assert_eq!(outbox.due(20).map(|e| e.id.as_str()), Some("b"), "a is out");
    assert!(!outbox.cancel("a"), "too late to cancel a");
    assert!(outbox.cancel("b"));
    assert!(outbox.get("b").is_none());
    outbox.settle("a", Err(Failure::Offline), 30);
    assert_eq!(
        outbox.get("a").unwrap().sending_since,
        None,
        "an answer ends the sending"
    );
    assert!(outbox.cancel("a"), "waiting again, so it can be cancelled");
}

#[test]
fn a_send_left_unfinished_by_a_closed_tab_goes_back_to_the_user() {
    let mut outbox = Outbox::default();
    outbox.push("a".into(), request("s"), 0);
    outbox.push("b".into(), request("t"), 0);
    outbox.begin("a", 10);
    assert_eq!(outbox.abandon_in_flight(), vec!["a".to_string()]);
    assert_eq!(
        outbox.get("a").unwrap().outcome,
        Some(Outcome::Returned(Failure::Network))
    );
    assert_eq!(outbox.get("b").unwrap().outcome, None);
    assert_eq!(outbox.due(20).map(|e| e.id.as_str()), Some("b"));
    assert!(
        !outbox.cancel("a"),
        "a finished entry is taken, not cancelled"
    );
}

proptest! {
    /// In any order, with repeats and with times outside the window, the wait is counted from
    /// the LIMIT-th latest request in the window, as a sorted list would give it.
    #[test]
    fn the_wait_counts_from_the_limit_th_latest_request_in_the_window(
        ages in proptest::collection::vec(
            prop_oneof![0..WINDOW_MS + 5_000, (0u64..25).prop_map(|k| k * 13_000)],
            0..40,
        ),
    ) {
        let now = 10 * WINDOW_MS;
        let log = RequestLog { sent_at: ages.iter().map(|age| now - age).collect() };
        let mut recent: Vec<u64> = ages
            .iter()
            .filter(|&&age| age < WINDOW_MS)
            .map(|age| now - age)
            .collect();
        recent.sort_unstable();
        let expected = (recent.len() >= LIMIT).then(|| {
            let oldest = recent[recent.len() - LIMIT];
            (oldest + WINDOW_MS - now).div_ceil(1000).max(1) as u32
        });
        prop_assert_eq!(log.wait_before_next(now), expected);
    }
}

//! Native tests of reading stored values back: the contract's readers take exactly the shape the
//! derived `Serialize` writes and that serde's derived `Deserialize` takes, so what one version of
//! the widget stored (an outbox with unsent tickets, say) is read by the next.
#![cfg(not(target_arch = "wasm32"))]

use feedback_widget::contract::outbox::{Entry, Outbox, Outcome};
use feedback_widget::contract::request_log::RequestLog;
use feedback_widget::contract::*;
use proptest::prelude::*;
use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::{json, Value};

/// Reads `value` as the contract does, after checking serde's derived reading agrees.
fn read<T: FromJson + DeserializeOwned + PartialEq + std::fmt::Debug>(value: &Value) -> Option<T> {
    let ours = T::from_json(value);
    let serdes = serde_json::from_value::<T>(value.clone()).ok();
    assert_eq!(ours, serdes, "the readings differ on {value}");
    ours
}

/// Writes `value` as storage does and reads it back.
fn round_trip<T>(value: &T)
where
    T: FromJson + Serialize + DeserializeOwned + PartialEq + std::fmt::Debug,
{
    let written = serde_json::to_value(value).unwrap();
    assert_eq!(read::<T>(&written).as_ref(), Some(value), "{written}");
}

fn message(text: &str) -> Option<String> {
    Some(text.into())
}

/// One failure of each variant. The match fails to compile when a variant is added, so that the
/// new one gets a sample here too.
fn every_failure() -> Vec<Failure> {
    let samples = vec![
        Failure::Invalid {
            message: message("The given data was invalid."),
            errors: vec![ServerFieldError {
                field: "subject".into(),
                messages: vec!["Too long.".into(), "Still too long.".into()],
            }],
        },
        Failure::Invalid {
            message: None,
            errors: Vec::new(),
        },
        Failure::Unauthenticated { message: None },
        Failure::Forbidden {
            message: message("No."),
        },
        Failure::NotFound {
            message: message("Channel not found"),
        },
        Failure::Refused {
            message: message("Ticket closed"),
        },
        Failure::RateLimited(RateLimit {
            limit: Some(60),
            remaining: Some(0),
            retry_after: Some(42),
        }),
        Failure::RateLimited(RateLimit::default()),
        Failure::ServerError {
            status: 503,
            message: None,
        },
        Failure::Offline,
        Failure::Network,
        Failure::Timeout,
        Failure::TooManySent { retry_after: 120 },
        Failure::Unexpected {
            status: 302,
            message: message("Moved"),
        },
    ];
    for failure in &samples {
        match failure {
            Failure::Invalid { .. }
            | Failure::Unauthenticated { .. }
            | Failure::Forbidden { .. }
            | Failure::NotFound { .. }
            | Failure::Refused { .. }
            | Failure::RateLimited(_)
            | Failure::ServerError { .. }
            | Failure::Offline
            | Failure::Network
            | Failure::Timeout
            | Failure::TooManySent { .. }
            | Failure::Unexpected { .. } => {}
        }
    }
    samples
}

fn full_request() -> StoreRequest {
    StoreRequest {
        channel_slug: "feedback".into(),
        subject: "Späti ✓".into(),
        message: "line one\nline \"two\"".into(),
        priority: Some(Priority::Urgent),
        rating: Some(5),
        kind: Some(TicketType::Suggestion),
        tool_key: Some("tool".into()),
        page: Some("https://app.example/x?y=1#z".into()),
        user_agent: Some("Mozilla/5.0".into()),
    }
}

fn bare_request() -> StoreRequest {
    StoreRequest {
        channel_slug: "feedback".into(),
        subject: "s".into(),
        message: "m".into(),
        priority: None,
        rating: None,
        kind: None,
        tool_key: None,
        page: None,
        user_agent: None,
    }
}

#[test]
fn every_failure_reads_back() {
    for failure in every_failure() {
        round_trip(&failure);
    }
}

#[test]
fn an_outbox_with_every_outcome_reads_back() {
    let entry = |id: &str, outcome| Entry {
        id: id.into(),
        request: full_request(),
        queued_at: 1_763_800_000_000,
        attempts: 3,
        next_at: 1_763_800_040_000,
        sending_since: Some(1_763_800_001_000),
        outcome,
    };
    let mut entries = vec![
        entry("waiting", None),
        entry(
            "delivered",
            Some(Outcome::Delivered(Ticket {
                id: 41,
                number: Some("TCK-41".into()),
            })),
        ),
    ];
    for (n, failure) in every_failure().into_iter().enumerate() {
        entries.push(entry(&n.to_string(), Some(Outcome::Returned(failure))));
    }
    entries.push(Entry {
        request: bare_request(),
        sending_since: None,
        ..entry("bare", None)
    });
    round_trip(&Outbox { entries });
    round_trip(&Outbox::default());
}

#[test]
fn drafts_tickets_and_the_request_log_read_back() {
    round_trip(&Draft::default());
    round_trip(&Draft {
        subject: "a".into(),
        message: "b".into(),
        rating: Some(1),
        kind: Some(TicketType::Bug),
        priority: Some(Priority::Low),
    });
    round_trip(&Ticket {
        id: -1,
        number: None,
    });
    round_trip(&RequestLog {
        sent_at: vec![1, u64::MAX],
    });
    round_trip(&String::from("details typed for the ticket"));
}

/// What 0.2.0 wrote for an outbox with a returned ticket, as it sits in localStorage.
#[test]
fn an_outbox_stored_by_the_previous_version_reads() {
    let stored = r#"{"entries":[{"id":"e1","request":{"channel_slug":"feedback","subject":"Hi",
        "message":"Broken","rating":4,"type":"bug","page":"https://app.example/"},
        "queued_at":1763800000000,"attempts":1,"next_at":1763800005000,"sending_since":null,
        "outcome":{"Returned":{"Invalid":{"message":null,"errors":[{"field":"subject",
        "messages":["Too long."]}]}}}}]}"#;
    let outbox: Outbox = read(&serde_json::from_str(stored).unwrap()).unwrap();
    let entry = &outbox.entries[0];
    assert_eq!(entry.request.subject, "Hi");
    assert_eq!(entry.request.rating, Some(4));
    assert_eq!(entry.request.kind, Some(TicketType::Bug));
    assert_eq!(entry.request.tool_key, None);
    assert_eq!(entry.next_at, 1_763_800_005_000);
    assert_eq!(
        entry.outcome,
        Some(Outcome::Returned(Failure::Invalid {
            message: None,
            errors: vec![ServerFieldError {
                field: "subject".into(),
                messages: vec!["Too long.".into()],
            }],
        }))
    );
}

/// Shapes serde refuses are refused too, so that a damaged slot reads as empty rather than as
/// something else.
#[test]
fn other_shapes_are_refused_as_serde_refuses_them() {
    let draft = |field: &str, value: Value| {
        let mut draft = json!({"subject": "s", "message": "m"});
        draft[field] = value;
        draft
    };
    for value in [
        draft("rating", json!(256)),
        draft("rating", json!(-1)),
        draft("rating", json!(1.5)),
        draft("rating", json!("5")),
        draft("type", json!("Bug")),
        draft("priority", json!(["low"])),
        draft("subject", json!(null)),
        json!({"message": "m"}),
        json!("draft"),
        json!(null),
    ] {
        assert_eq!(read::<Draft>(&value), None, "{value}");
    }
    for value in [
        json!("Invalid"),
        json!({"Invalid": {"message": null}}),
        json!({"Offline": null, "Network": null}),
        json!({"Gone": {"message": null}}),
        json!({"ServerError": {"status": 70000, "message": null}}),
        json!({"TooManySent": {}}),
        json!({"RateLimited": {"limit": -1}}),
        json!(503),
    ] {
        assert_eq!(read::<Failure>(&value), None, "{value}");
    }
    for value in [
        json!({"entries": null}),
        json!({"entries": [{"id": "e"}]}),
        json!({"entries": [{"id": "e", "request": {}, "queued_at": 1, "attempts": 0, "next_at": 1}]}),
        json!([]),
    ] {
        assert_eq!(read::<Outbox>(&value), None, "{value}");
    }
    assert_eq!(read::<RequestLog>(&json!({"sent_at": [1, -5]})), None);
    assert_eq!(read::<Ticket>(&json!({"id": "41"})), None);
    assert_eq!(read::<Outcome>(&json!({"Delivered": null})), None);
}

#[test]
fn unknown_fields_are_ignored_as_serde_ignores_them() {
    let value = json!({"subject": "s", "message": "m", "attachments": [1, 2], "rating": null});
    assert_eq!(
        read::<Draft>(&value),
        Some(Draft {
            subject: "s".into(),
            message: "m".into(),
            ..Draft::default()
        })
    );
}

fn any_choice<T: Choice + std::fmt::Debug>() -> impl Strategy<Value = Option<T>> {
    proptest::option::of(proptest::sample::select(T::ALL))
}

proptest! {
    #[test]
    fn any_draft_reads_back(
        subject in "\\PC{0,40}", message in "[\\s\\S]{0,40}",
        rating in proptest::option::of(any::<u8>()),
        kind in any_choice::<TicketType>(), priority in any_choice::<Priority>(),
    ) {
        round_trip(&Draft { subject, message, rating, kind, priority });
    }

    #[test]
    fn any_entry_reads_back(
        id in "[a-z0-9-]{1,20}", page in proptest::option::of("\\PC{0,30}"),
        queued_at in any::<u64>(), attempts in any::<u32>(), next_at in any::<u64>(),
        sending_since in proptest::option::of(any::<u64>()),
        ticket_id in any::<i64>(), retry_after in any::<u32>(), status in any::<u16>(),
        pick in 0usize..3,
    ) {
        let outcome = [
            None,
            Some(Outcome::Delivered(Ticket { id: ticket_id, number: None })),
            Some(Outcome::Returned(if status % 2 == 0 {
                Failure::TooManySent { retry_after }
            } else {
                Failure::ServerError { status, message: page.clone() }
            })),
        ][pick].clone();
        let request = StoreRequest { page, ..full_request() };
        round_trip(&Entry { id, request, queued_at, attempts, next_at, sending_since, outcome });
    }
}

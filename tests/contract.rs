//! Native tests of the ticket contract: each rule at and around its limit, the fitting of
//! auto-filled values, and the reading of every answer the API documents.

#![cfg(not(target_arch = "wasm32"))]

use feedback_widget::contract::*;
use proptest::prelude::*;
use serde_json::{json, Value};

/// One character of each width: ASCII, two-byte, three-byte and astral (two UTF-16 units).
const CHARS: [char; 4] = ['a', 'é', '中', '😀'];

fn repeat(c: char, n: usize) -> String {
    std::iter::repeat_n(c, n).collect()
}

fn integration() -> Integration {
    Integration::new(Some("feedback"), Some("ads_protection")).unwrap()
}

fn draft(subject: &str, message: &str) -> Draft {
    Draft {
        subject: subject.into(),
        message: message.into(),
        ..Draft::default()
    }
}

fn errors_of(result: Result<StoreRequest, Vec<FieldError>>) -> Vec<FieldError> {
    result.err().unwrap_or_default()
}

#[test]
fn text_limits_count_code_points() {
    let cases = [(Field::Subject, 255), (Field::Message, 5000)];
    for (field, max) in cases {
        for c in CHARS {
            for (len, ok) in [(max - 1, true), (max, true), (max + 1, false)] {
                let text = repeat(c, len);
                let d = match field {
                    Field::Subject => draft(&text, "body"),
                    _ => draft("subject", &text),
                };
                let errors = errors_of(d.to_request(&integration(), &AutoFilled::default()));
                let expected = if ok {
                    vec![]
                } else {
                    vec![FieldError::new(field, Problem::TooLong { max })]
                };
                assert_eq!(errors, expected, "{field:?} with {len} × {c:?}");
            }
        }
    }
}

#[test]
fn integration_limits_are_errors_not_truncation() {
    for c in CHARS {
        for (len, ok) in [(49, true), (50, true), (51, false)] {
            let channel = repeat(c, len);
            let result = Integration::new(Some(&channel), None);
            match ok {
                true => assert_eq!(result.unwrap().channel(), channel),
                false => assert_eq!(
                    result.unwrap_err(),
                    vec![FieldError::new(
                        Field::ChannelSlug,
                        Problem::TooLong { max: 50 }
                    )]
                ),
            }
        }
        for (len, ok) in [(99, true), (100, true), (101, false)] {
            let key = repeat(c, len);
            let result = Integration::new(Some("feedback"), Some(&key));
            match ok {
                true => assert_eq!(result.unwrap().tool_key(), Some(key.as_str())),
                false => assert_eq!(
                    result.unwrap_err(),
                    vec![FieldError::new(
                        Field::ToolKey,
                        Problem::TooLong { max: 100 }
                    )]
                ),
            }
        }
    }
}

#[test]
fn integration_needs_a_channel() {
    for channel in [None, Some(""), Some("  \t")] {
        assert_eq!(
            Integration::new(channel, None).unwrap_err(),
            vec![FieldError::new(Field::ChannelSlug, Problem::Required)],
            "{channel:?}"
        );
    }
    // Both problems are reported at once.
    assert_eq!(
        Integration::new(None, Some(&repeat('x', 101)))
            .unwrap_err()
            .len(),
        2
    );
    // An empty tool key is the same as none.
    assert_eq!(
        Integration::new(Some("feedback"), Some(" "))
            .unwrap()
            .tool_key(),
        None
    );
}

#[test]
fn whitespace_is_trimmed_before_checking_and_sending() {
    let table: [(&str, Result<&str, Problem>); 7] = [
        ("", Err(Problem::Required)),
        ("   ", Err(Problem::Required)),
        ("\u{3000}\u{A0}\u{FEFF}\u{200B}", Err(Problem::Required)),
        ("\n\tHello\r\n", Ok("Hello")),
        ("  two words  ", Ok("two words")),
        ("\u{200B}Zero width\u{200E}", Ok("Zero width")),
        ("\u{200D}joined", Ok("\u{200D}joined")),
    ];
    for (subject, expected) in table {
        let result = draft(subject, "message").to_request(&integration(), &AutoFilled::default());
        match expected {
            Ok(sent) => assert_eq!(result.unwrap().subject, sent, "{subject:?}"),
            Err(problem) => assert_eq!(
                result.unwrap_err(),
                vec![FieldError::new(Field::Subject, problem)],
                "{subject:?}"
            ),
        }
    }
    // Surrounding whitespace does not count towards the limit.
    let padded = format!("  {}  ", repeat('😀', 255));
    assert!(draft(&padded, "m")
        .to_request(&integration(), &AutoFilled::default())
        .is_ok());
}

#[test]
fn every_missing_required_field_is_reported() {
    let errors = errors_of(draft(" ", "").to_request(&integration(), &AutoFilled::default()));
    assert_eq!(
        errors,
        vec![
            FieldError::new(Field::Subject, Problem::Required),
            FieldError::new(Field::Message, Problem::Required),
        ]
    );
}

#[test]
fn the_request_leaves_out_what_is_empty() {
    let request = draft("Subject", "Message")
        .to_request(
            &Integration::new(Some("feedback"), None).unwrap(),
            &AutoFilled::default(),
        )
        .unwrap();
    assert_eq!(
        serde_json::to_value(&request).unwrap(),
        json!({"channel_slug": "feedback", "subject": "Subject", "message": "Message"})
    );

    let full = Draft {
        subject: " Subject ".into(),
        message: "Message".into(),
        rating: Some(4),
        kind: Some(TicketType::Bug),
        priority: Some(Priority::Urgent),
    };
    let auto = AutoFilled::new("https://example.com/a?b=1#c", "UA/1.0", false);
    let request = full.to_request(&integration(), &auto).unwrap();
    assert_eq!(
        serde_json::to_value(&request).unwrap(),
        json!({
            "channel_slug": "feedback", "subject": "Subject", "message": "Message",
            "priority": "urgent", "rating": 4, "type": "bug", "tool_key": "ads_protection",
            "page": "https://example.com/a", "user_agent": "UA/1.0"
        })
    );
}

#[test]
fn choices_follow_the_in_rule() {
    let table: [(Input, Result<Option<Priority>, Problem>); 8] = [
        (Input::Absent, Ok(None)),
        (Input::Text(""), Ok(None)),
        (Input::Text("low"), Ok(Some(Priority::Low))),
        (Input::Text(" urgent "), Ok(Some(Priority::Urgent))),
        (Input::Text("Urgent"), Err(Problem::NotAllowed)),
        (Input::Text("critical"), Err(Problem::NotAllowed)),
        (Input::Integer(1), Err(Problem::NotAllowed)),
        (Input::Structure, Err(Problem::NotAllowed)),
    ];
    for (input, expected) in table {
        assert_eq!(check_choice::<Priority>(input), expected, "{input:?}");
    }
    for kind in TicketType::ALL {
        assert_eq!(TicketType::parse(kind.as_str()), Some(*kind));
    }
    assert_eq!(
        check_choice::<TicketType>(Input::Text("feature")),
        Err(Problem::NotAllowed)
    );
}

#[test]
fn rating_is_an_integer_from_one_to_five() {
    let table: [(Input, Result<Option<u8>, Problem>); 10] = [
        (Input::Absent, Ok(None)),
        (Input::Text(""), Ok(None)),
        (Input::Integer(0), Err(Problem::TooSmall { min: 1 })),
        (Input::Integer(1), Ok(Some(1))),
        (Input::Integer(2), Ok(Some(2))),
        (Input::Integer(4), Ok(Some(4))),
        (Input::Integer(5), Ok(Some(5))),
        (Input::Integer(6), Err(Problem::TooLarge { max: 5 })),
        (Input::Text("5"), Err(Problem::NotInteger)),
        (Input::OtherNumber, Err(Problem::NotInteger)),
    ];
    for (input, expected) in table {
        assert_eq!(check_rating(input), expected, "{input:?}");
    }
    assert_eq!(
        check_rating(Input::Integer(i64::MIN)),
        Err(Problem::TooSmall { min: 1 })
    );
    assert_eq!(check_rating(Input::Bool(true)), Err(Problem::NotInteger));
}

#[test]
fn text_fields_refuse_other_types() {
    for input in [
        Input::Integer(3),
        Input::Bool(true),
        Input::Structure,
        Input::OtherNumber,
    ] {
        assert_eq!(
            check_text(Field::Subject, input),
            Err(Problem::NotText),
            "{input:?}"
        );
    }
    assert_eq!(check_boolean(Input::Text("yes")), Err(Problem::NotBoolean));
    assert_eq!(check_boolean(Input::Text("1")), Ok(Some(true)));
    assert_eq!(check_boolean(Input::Integer(0)), Ok(Some(false)));
}

#[test]
fn page_drops_fragment_and_query_unless_asked() {
    let table = [
        ("https://a.example/x", false, Some("https://a.example/x")),
        (
            "https://a.example/x#top",
            false,
            Some("https://a.example/x"),
        ),
        (
            "https://a.example/x?token=s3cret",
            false,
            Some("https://a.example/x"),
        ),
        (
            "https://a.example/x?q=1#f?g",
            false,
            Some("https://a.example/x"),
        ),
        (
            "https://a.example/x?q=1#f?g",
            true,
            Some("https://a.example/x?q=1"),
        ),
        ("https://a.example/x#f?g", true, Some("https://a.example/x")),
        ("", false, None),
    ];
    for (href, keep_query, expected) in table {
        assert_eq!(
            AutoFilled::new(href, "UA", keep_query).page.as_deref(),
            expected,
            "{href}"
        );
    }
}

#[test]
fn auto_filled_values_are_cut_at_code_points() {
    for c in CHARS {
        for (field, max) in [(Field::Page, 500), (Field::UserAgent, 1000)] {
            for len in [max - 1, max, max + 1, max * 3] {
                let value = format!("h{}", repeat(c, len - 1));
                let auto = match field {
                    Field::Page => AutoFilled::new(&value, "", false),
                    _ => AutoFilled::new("", &value, false),
                };
                let fitted = match field {
                    Field::Page => auto.page.clone().unwrap(),
                    _ => auto.user_agent.clone().unwrap(),
                };
                assert_eq!(
                    code_points(&fitted),
                    len.min(max),
                    "{field:?} {len} × {c:?}"
                );
                assert!(value.starts_with(&fitted));
                // Nothing the widget fills in can make the server refuse the ticket.
                assert!(draft("s", "m").to_request(&integration(), &auto).is_ok());
            }
        }
    }
    // A cut that ends in whitespace is trimmed, as the server would.
    let ua = format!("{} tail", repeat('x', 999));
    assert_eq!(
        AutoFilled::new("", &ua, false).user_agent.unwrap(),
        repeat('x', 999)
    );
}

#[test]
fn reply_is_public_and_checked() {
    let reply = ReplyRequest::public(42, "  More details ").unwrap();
    assert_eq!(
        serde_json::to_value(&reply).unwrap(),
        json!({"ticket_id": 42, "message": "More details", "is_internal": false})
    );
    for (len, ok) in [(4999, true), (5000, true), (5001, false)] {
        assert_eq!(
            ReplyRequest::public(1, &repeat('😀', len)).is_ok(),
            ok,
            "{len}"
        );
    }
    assert_eq!(
        ReplyRequest::public(1, " ").unwrap_err(),
        vec![FieldError::new(Field::Message, Problem::Required)]
    );
    let errors = validate_reply(|field| match field {
        Field::TicketId => Input::Text("abc"),
        Field::IsInternal => Input::Text("maybe"),
        _ => Input::Absent,
    })
    .unwrap_err();
    assert_eq!(
        errors,
        vec![
            FieldError::new(Field::TicketId, Problem::NotInteger),
            FieldError::new(Field::Message, Problem::Required),
            FieldError::new(Field::IsInternal, Problem::NotBoolean),
        ]
    );
}

fn rate() -> RateLimit {
    RateLimit {
        limit: Some(60),
        remaining: Some(0),
        retry_after: Some(42),
    }
}

#[test]
fn answers_become_one_typed_outcome() {
    let ok = json!({"error": false, "message": "Created", "data": {"id": 7, "ticket_number": "T-7", "status": "open"}});
    let table: Vec<(u16, Option<Value>, Result<Ticket, Failure>)> = vec![
        (
            200,
            Some(ok.clone()),
            Ok(Ticket {
                id: 7,
                number: Some("T-7".into()),
            }),
        ),
        (
            201,
            Some(ok),
            Ok(Ticket {
                id: 7,
                number: Some("T-7".into()),
            }),
        ),
        (
            200,
            Some(json!({"error": false, "data": {"id": 8, "ticket_number": null}})),
            Ok(Ticket {
                id: 8,
                number: None,
            }),
        ),
        (
            200,
            Some(json!({"error": true, "message": "Nope", "data": {"id": 8}})),
            Err(Failure::Unexpected {
                status: 200,
                message: Some("Nope".into()),
            }),
        ),
        (
            200,
            Some(json!({"message": "no error key", "data": {"id": 8}})),
            Err(Failure::Unexpected {
                status: 200,
                message: Some("no error key".into()),
            }),
        ),
        (
            200,
            Some(json!({"error": false, "data": []})),
            Err(Failure::Unexpected {
                status: 200,
                message: None,
            }),
        ),
        (
            200,
            Some(json!({"error": false, "data": {"id": "8"}})),
            Err(Failure::Unexpected {
                status: 200,
                message: None,
            }),
        ),
        (
            200,
            Some(json!({"error": false, "data": {"id": 0}})),
            Err(Failure::Unexpected {
                status: 200,
                message: None,
            }),
        ),
        (
            200,
            Some(json!([1, 2])),
            Err(Failure::Unexpected {
                status: 200,
                message: None,
            }),
        ),
        (
            200,
            None,
            Err(Failure::Unexpected {
                status: 200,
                message: None,
            }),
        ),
        (
            204,
            None,
            Err(Failure::Unexpected {
                status: 204,
                message: None,
            }),
        ),
        (
            401,
            Some(json!({"error": true, "message": "Unauthenticated."})),
            Err(Failure::Unauthenticated {
                message: Some("Unauthenticated.".into()),
            }),
        ),
        (
            403,
            Some(json!({"error": true, "message": "No", "data": []})),
            Err(Failure::Forbidden {
                message: Some("No".into()),
            }),
        ),
        (404, None, Err(Failure::NotFound { message: None })),
        (
            429,
            Some(json!({"message": "Too Many Attempts."})),
            Err(Failure::RateLimited(rate())),
        ),
        (
            500,
            Some(json!({"error": true, "message": "Server Error"})),
            Err(Failure::ServerError {
                status: 500,
                message: Some("Server Error".into()),
            }),
        ),
        (
            502,
            None,
            Err(Failure::ServerError {
                status: 502,
                message: None,
            }),
        ),
        (
            418,
            Some(json!({"message": 5})),
            Err(Failure::Unexpected {
                status: 418,
                message: None,
            }),
        ),
    ];
    for (status, body, expected) in table {
        assert_eq!(
            read_store_answer(status, rate(), body.as_ref()),
            expected,
            "{status} {body:?}"
        );
    }
}

#[test]
fn a_422_is_read_per_field() {
    let body = json!({
        "message": "The subject field is required. (and 2 more errors)",
        "errors": {
            "subject": ["The subject field is required."],
            "rating": "The rating field must be an integer.",
            "page": ["Too long.", 5, "Really."],
            "weird": {"x": 1},
        }
    });
    let Err(Failure::Invalid { message, errors }) = read_store_answer(422, rate(), Some(&body))
    else {
        panic!("not a 422 outcome");
    };
    assert_eq!(
        message.as_deref(),
        Some("The subject field is required. (and 2 more errors)")
    );
    let fields: Vec<(&str, Vec<&str>)> = errors
        .iter()
        .map(|e| {
            (
                e.field.as_str(),
                e.messages.iter().map(String::as_str).collect(),
            )
        })
        .collect();
    assert_eq!(
        fields,
        vec![
            ("page", vec!["Too long.", "Really."]),
            ("rating", vec!["The rating field must be an integer."]),
            ("subject", vec!["The subject field is required."]),
        ]
    );
    // A 422 without a readable body still says it was refused.
    assert_eq!(
        read_store_answer(422, rate(), None),
        Err(Failure::Invalid {
            message: None,
            errors: vec![]
        })
    );
}

#[test]
fn reply_answers() {
    let ok = json!({"error": false, "message": "Reply added", "data": []});
    assert_eq!(read_reply_answer(200, rate(), Some(&ok)), Ok(()));
    assert!(matches!(
        read_reply_answer(200, rate(), Some(&json!({"error": true}))),
        Err(Failure::Unexpected { .. })
    ));
    assert!(matches!(
        read_reply_answer(200, rate(), None),
        Err(Failure::Unexpected { .. })
    ));
    assert!(matches!(
        read_reply_answer(404, rate(), None),
        Err(Failure::NotFound { .. })
    ));
}

#[test]
fn rate_limit_headers() {
    let headers = |name: &str| match name {
        "x-ratelimit-limit" => Some("60".to_string()),
        "x-ratelimit-remaining" => Some(" 57 ".to_string()),
        "retry-after" => Some("Wed, 21 Oct 2015 07:28:00 GMT".to_string()),
        _ => None,
    };
    assert_eq!(
        RateLimit::from_headers(headers),
        RateLimit {
            limit: Some(60),
            remaining: Some(57),
            retry_after: None
        }
    );
    assert_eq!(RateLimit::from_headers(|_| None), RateLimit::default());
    assert_eq!(
        RateLimit::from_headers(|_| Some("3".into())).retry_after,
        Some(3)
    );
}

#[test]
fn ticket_label_falls_back_to_the_id() {
    assert_eq!(
        Ticket {
            id: 12,
            number: Some("T-12".into())
        }
        .label(),
        "T-12"
    );
    assert_eq!(
        Ticket {
            id: 12,
            number: None
        }
        .label(),
        "#12"
    );
}

fn any_input() -> impl Strategy<Value = Input<'static>> {
    prop_oneof![
        Just(Input::Absent),
        any::<i64>().prop_map(Input::Integer),
        Just(Input::OtherNumber),
        any::<bool>().prop_map(Input::Bool),
        Just(Input::Structure),
        ".{0,600}".prop_map(|text| Input::Text(Box::leak(text.into_boxed_str()))),
    ]
}

proptest! {
    #[test]
    fn validation_never_panics(inputs in proptest::collection::vec(any_input(), 11)) {
        let lookup = |field: Field| inputs[Field::ALL.iter().position(|f| *f == field).unwrap()];
        let _ = validate_store(lookup);
        let _ = validate_reply(lookup);
    }

    #[test]
    fn accepted_requests_are_trimmed_and_within_limits(
        subject in "\\PC{0,300}", message in "[\\s\\S]{0,40}", rating in proptest::option::of(0u8..8),
    ) {
        let d = Draft { subject, message, rating, ..Draft::default() };
        if let Ok(request) = d.to_request(&integration(), &AutoFilled::default()) {
            for (field, value) in [(Field::Subject, &request.subject), (Field::Message, &request.message)] {
                prop_assert!(code_points(value) <= field.max_chars().unwrap());
                prop_assert_eq!(server_trim(value), value.as_str());
                prop_assert!(!value.is_empty());
            }
            prop_assert!(request.rating.is_none_or(|r| (1..=5).contains(&r)));
        }
    }

    #[test]
    fn auto_filled_values_never_break_a_rule(href in "\\PC{0,1200}", ua in "[\\s\\S]{0,2100}", keep in any::<bool>()) {
        let auto = AutoFilled::new(&href, &ua, keep);
        prop_assert!(draft("s", "m").to_request(&integration(), &auto).is_ok());
    }
}

#[test]
fn every_kind_of_failure_has_its_own_code() {
    let message = || Some("said".to_string());
    let table = [
        (
            Failure::Invalid {
                message: message(),
                errors: Vec::new(),
            },
            "invalid",
        ),
        (
            Failure::Unauthenticated { message: message() },
            "unauthenticated",
        ),
        (Failure::Forbidden { message: message() }, "forbidden"),
        (Failure::NotFound { message: message() }, "not_found"),
        (Failure::Refused { message: message() }, "refused"),
        (Failure::RateLimited(RateLimit::default()), "rate_limited"),
        (Failure::TooManySent { retry_after: 30 }, "too_many_sent"),
        (
            Failure::ServerError {
                status: 500,
                message: message(),
            },
            "server",
        ),
        (
            Failure::ServerError {
                status: 503,
                message: None,
            },
            "server",
        ),
        (
            Failure::ServerError {
                status: 502,
                message: None,
            },
            "gateway",
        ),
        (
            Failure::ServerError {
                status: 504,
                message: None,
            },
            "gateway",
        ),
        (Failure::Offline, "offline"),
        (Failure::Network, "blocked_or_network"),
        (Failure::Timeout, "timeout"),
        (
            Failure::Unexpected {
                status: 302,
                message: None,
            },
            "unreadable",
        ),
    ];
    for (failure, code) in &table {
        assert_eq!(failure.code(), *code, "{failure:?}");
    }
    // A 429 and a 401 are told apart, as are all kinds but the two server errors' statuses.
    let mut codes: Vec<_> = table.iter().map(|(_, code)| *code).collect();
    codes.dedup();
    let distinct: std::collections::BTreeSet<_> = codes.iter().collect();
    assert_eq!(distinct.len(), codes.len());
}

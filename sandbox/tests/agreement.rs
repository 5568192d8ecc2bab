//! The widget and the sandbox agree: every request the widget's check lets through is one the
//! sandbox's endpoint accepts unchanged.

use feedback_widget::contract::{
    AutoFilled, Choice, Draft, Integration, Priority, ReplyRequest, TicketType,
};
use proptest::prelude::*;
use sandbox::{reply_request, store_request};
use serde_json::Value;

/// Text with the characters that make rules tricky: whitespace of every kind, zero-width marks,
/// multi-byte and astral characters, and plain ASCII.
fn tricky_text(max: usize) -> impl Strategy<Value = String> {
    let pieces = prop_oneof![
        Just(" ".to_string()),
        Just("\u{3000}".to_string()),
        Just("\u{200B}\u{FEFF}\u{200E}\u{200D}".to_string()),
        Just("\n\t\r".to_string()),
        Just("é中".to_string()),
        Just("😀".to_string()),
        "[a-z]{1,40}",
        "\\PC{1,40}",
    ];
    proptest::collection::vec(pieces, 0..max).prop_map(|parts| parts.concat())
}

/// Text whose length is close to `limit`, so that the cut lands on tricky characters.
fn near_limit(limit: usize) -> impl Strategy<Value = String> {
    (limit - 8..limit + 2, tricky_text(4)).prop_map(|(len, tail)| "h".repeat(len) + &tail)
}

fn choice<T: Choice + std::fmt::Debug>() -> impl Strategy<Value = Option<T>> {
    proptest::option::of(proptest::sample::select(T::ALL))
}

fn as_object(value: Value) -> serde_json::Map<String, Value> {
    match value {
        Value::Object(object) => object,
        other => panic!("not an object: {other}"),
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn what_the_widget_sends_the_sandbox_takes(
        subject in tricky_text(12),
        message in tricky_text(40),
        rating in proptest::option::of(1u8..=5),
        kind in choice::<TicketType>(),
        priority in choice::<Priority>(),
        channel in tricky_text(3),
        tool_key in proptest::option::of(tricky_text(4)),
        href in near_limit(500),
        user_agent in near_limit(1000),
        keep_query in any::<bool>(),
    ) {
        let Ok(integration) = Integration::new(Some(&channel), tool_key.as_deref()) else {
            return Ok(());
        };
        let draft = Draft { subject, message, rating, kind, priority };
        let auto = AutoFilled::new(&href, &user_agent, keep_query);
        if let Ok(request) = draft.to_request(&integration, &auto) {
            let body = as_object(serde_json::to_value(&request).unwrap());
            prop_assert_eq!(store_request(&body), Ok(request));
        }
    }

    #[test]
    fn the_widgets_replies_are_accepted(ticket_id in 1i64..i64::MAX, message in tricky_text(40)) {
        if let Ok(request) = ReplyRequest::public(ticket_id, &message) {
            prop_assert!(!request.is_internal);
            prop_assert_eq!(reply_request(&as_object(serde_json::to_value(&request).unwrap())), Ok(request));
        }
    }
}

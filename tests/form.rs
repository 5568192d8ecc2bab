//! Native table tests of the form state machine: every transition of the feedback form and the
//! reply box.

#![cfg(not(target_arch = "wasm32"))]

use feedback_widget::contract::*;

fn form() -> FeedbackForm {
    FeedbackForm::new(
        Integration::new(Some("feedback"), None).unwrap(),
        Draft::default(),
    )
}

fn filled() -> FeedbackForm {
    let mut form = form();
    form.edit(Edit::Subject("Broken".into()));
    form.edit(Edit::Message("It breaks".into()));
    form
}

fn ticket() -> Ticket {
    Ticket {
        id: 7,
        number: Some("TCK-000007".into()),
    }
}

fn invalid(fields: &[(&str, &str)]) -> Failure {
    Failure::Invalid {
        message: Some("Invalid".into()),
        errors: fields
            .iter()
            .map(|(field, message)| ServerFieldError {
                field: field.to_string(),
                messages: vec![message.to_string()],
            })
            .collect(),
    }
}

#[test]
fn an_invalid_draft_is_not_sent_and_says_why() {
    let mut form = form();
    assert_eq!(
        form.notices(Field::Subject),
        vec![],
        "nothing shows before trying"
    );
    assert_eq!(form.submit(&AutoFilled::default()), None);
    assert_eq!(form.phase, Phase::Editing);
    assert_eq!(
        form.notices(Field::Subject),
        vec![Notice::Rule(Problem::Required)]
    );
    assert_eq!(
        form.notices(Field::Message),
        vec![Notice::Rule(Problem::Required)]
    );
    form.edit(Edit::Subject("Fixed".into()));
    assert_eq!(
        form.notices(Field::Subject),
        vec![],
        "fixing a field clears its problem"
    );
}

#[test]
fn overlong_text_shows_before_trying() {
    let mut form = form();
    form.edit(Edit::Subject("x".repeat(256)));
    assert_eq!(
        form.notices(Field::Subject),
        vec![Notice::Rule(Problem::TooLong { max: 255 })]
    );
    assert_eq!(form.notices(Field::Message), vec![]);
}

#[test]
fn one_request_at_a_time() {
    let mut form = filled();
    let auto = AutoFilled::new("https://a.example/p", "UA", false);
    let request = form.submit(&auto).expect("a valid draft is sent");
    assert_eq!(request.subject, "Broken");
    assert_eq!(request.page.as_deref(), Some("https://a.example/p"));
    assert_eq!(form.phase, Phase::Sending);
    for _ in 0..3 {
        assert_eq!(form.submit(&auto), None, "a second click sends nothing");
    }
}

#[test]
fn the_outcome_decides_what_stays() {
    let table: Vec<(Result<Ticket, Failure>, Phase<Ticket>, bool)> = vec![
        (Ok(ticket()), Phase::Done(ticket()), false),
        (Err(Failure::Network), Phase::Failed(Failure::Network), true),
        (Err(Failure::Timeout), Phase::Failed(Failure::Timeout), true),
        (
            Err(Failure::ServerError {
                status: 500,
                message: None,
            }),
            Phase::Failed(Failure::ServerError {
                status: 500,
                message: None,
            }),
            true,
        ),
        (
            Err(Failure::RateLimited(RateLimit::default())),
            Phase::Failed(Failure::RateLimited(RateLimit::default())),
            true,
        ),
        (
            Err(Failure::Unexpected {
                status: 200,
                message: None,
            }),
            Phase::Failed(Failure::Unexpected {
                status: 200,
                message: None,
            }),
            true,
        ),
    ];
    for (outcome, phase, text_kept) in table {
        let mut form = filled();
        form.submit(&AutoFilled::default()).unwrap();
        form.settle(outcome.clone());
        assert_eq!(form.phase, phase, "{outcome:?}");
        assert_eq!(form.draft.subject == "Broken", text_kept, "{outcome:?}");
        assert_eq!(form.draft.message == "It breaks", text_kept, "{outcome:?}");
        // After a failure the same text can be sent again.
        assert_eq!(form.submit(&AutoFilled::default()).is_some(), text_kept);
    }
}

#[test]
fn an_outcome_without_a_request_is_ignored() {
    let mut form = filled();
    form.settle(Ok(ticket()));
    assert_eq!(form.phase, Phase::Editing);
    assert_eq!(form.draft.subject, "Broken");
}

#[test]
fn server_errors_go_next_to_their_field_until_it_is_edited() {
    let mut form = filled();
    form.submit(&AutoFilled::default()).unwrap();
    form.settle(Err(invalid(&[
        ("subject", "The subject is taken."),
        ("page", "The page field must be a string."),
        ("channel_slug", "The selected channel slug is invalid."),
    ])));
    assert_eq!(
        form.notices(Field::Subject),
        vec![Notice::Server("The subject is taken.".into())]
    );
    assert_eq!(form.notices(Field::Message), vec![]);
    assert_eq!(
        form.form_notices(),
        vec![
            ("page".into(), "The page field must be a string.".into()),
            (
                "channel_slug".into(),
                "The selected channel slug is invalid.".into()
            ),
        ]
    );
    form.edit(Edit::Message("changed".into()));
    assert_eq!(
        form.notices(Field::Subject).len(),
        1,
        "editing another field keeps it"
    );
    form.edit(Edit::Subject("Other".into()));
    assert_eq!(form.notices(Field::Subject), vec![]);
    // Sending again clears what the server said last time.
    form.submit(&AutoFilled::default()).unwrap();
    assert_eq!(form.form_notices(), vec![]);
}

#[test]
fn after_success_the_form_starts_over_empty() {
    let mut form = filled();
    form.edit(Edit::Rating(Some(4)));
    form.submit(&AutoFilled::default()).unwrap();
    form.settle(Ok(ticket()));
    assert_eq!(form.draft, Draft::default());
    form.start_over();
    assert_eq!(form.phase, Phase::Editing);
    assert_eq!(
        form.notices(Field::Subject),
        vec![],
        "an empty new form shows no errors"
    );
}

#[test]
fn edits_set_every_field() {
    let mut form = form();
    let edits = [
        Edit::Subject("S".into()),
        Edit::Message("M".into()),
        Edit::Rating(Some(3)),
        Edit::Type(Some(TicketType::Suggestion)),
        Edit::Priority(Some(Priority::Low)),
    ];
    for edit in edits {
        form.edit(edit);
    }
    let request = form.submit(&AutoFilled::default()).unwrap();
    assert_eq!(request.rating, Some(3));
    assert_eq!(request.kind, Some(TicketType::Suggestion));
    assert_eq!(request.priority, Some(Priority::Low));
    form.edit(Edit::Rating(None));
    assert_eq!(form.draft.rating, None, "the rating can be cleared");
}

#[test]
fn the_reply_box_follows_the_same_rules() {
    let mut reply = ReplyForm::new(7);
    assert_eq!(reply.submit(), None);
    assert_eq!(reply.notices(), vec![Notice::Rule(Problem::Required)]);
    reply.edit("More details".into());
    let request = reply.submit().unwrap();
    assert_eq!(
        request,
        ReplyRequest {
            ticket_id: 7,
            message: "More details".into(),
            is_internal: false
        }
    );
    assert_eq!(reply.submit(), None, "one reply at a time");

    reply.settle(Err(Failure::Network));
    assert_eq!(reply.text, "More details");
    assert_eq!(reply.phase, Phase::Failed(Failure::Network));

    reply.submit().unwrap();
    reply.settle(Err(invalid(&[("message", "Too rude.")])));
    assert_eq!(reply.notices(), vec![Notice::Server("Too rude.".into())]);
    reply.edit("Kinder details".into());
    assert_eq!(reply.notices(), vec![]);
    assert_eq!(reply.phase, Phase::Editing);

    reply.submit().unwrap();
    reply.settle(Ok(()));
    assert_eq!(reply.phase, Phase::Done(()));
    assert_eq!(reply.text, "");
    assert_eq!(reply.notices(), vec![], "an emptied box shows no error");
}

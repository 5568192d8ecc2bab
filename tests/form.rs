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
    assert_eq!(form.submission.phase, Phase::Editing);
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
    assert_eq!(form.submission.phase, Phase::Sending);
    for _ in 0..3 {
        assert_eq!(form.submit(&auto), None, "a second click sends nothing");
    }
}

/// How a form may send again after an outcome.
#[derive(Debug, PartialEq)]
enum Again {
    /// A plain Send does.
    Send,
    /// Only "send again" does: the first request may have arrived.
    OnlyWhenAsked,
    /// Nothing is left to send: the ticket was confirmed.
    Nothing,
}

fn server(status: u16) -> Failure {
    Failure::ServerError {
        status,
        message: None,
    }
}

#[test]
fn the_outcome_decides_what_stays_and_how_to_send_again() {
    let table: Vec<(Result<Ticket, Failure>, Again)> = vec![
        (Ok(ticket()), Again::Nothing),
        (Err(Failure::Network), Again::OnlyWhenAsked),
        (Err(Failure::Timeout), Again::OnlyWhenAsked),
        (Err(server(502)), Again::OnlyWhenAsked),
        (Err(server(504)), Again::OnlyWhenAsked),
        (Err(server(500)), Again::Send),
        (Err(server(503)), Again::Send),
        (Err(Failure::RateLimited(RateLimit::default())), Again::Send),
        (Err(Failure::TooManySent { retry_after: 9 }), Again::Send),
        (Err(Failure::Unauthenticated { message: None }), Again::Send),
        (
            Err(Failure::Unexpected {
                status: 200,
                message: None,
            }),
            Again::Send,
        ),
    ];
    for (outcome, again) in table {
        let mut form = filled();
        form.submit(&AutoFilled::default()).unwrap();
        form.settle(outcome.clone());
        let kept = again != Again::Nothing;
        match &outcome {
            Ok(ticket) => assert_eq!(form.submission.phase, Phase::Done(ticket.clone())),
            Err(failure) => assert_eq!(form.submission.phase, Phase::Failed(failure.clone())),
        }
        assert_eq!(form.draft.subject == "Broken", kept, "{outcome:?}");
        assert_eq!(form.draft.message == "It breaks", kept, "{outcome:?}");
        let plain = form.clone().submit(&AutoFilled::default()).is_some();
        let asked = form.clone().send_again(&AutoFilled::default()).is_some();
        let expected = match again {
            Again::Send => (true, false),
            Again::OnlyWhenAsked => (false, true),
            Again::Nothing => (false, false),
        };
        assert_eq!((plain, asked), expected, "{outcome:?}");
    }
}

#[test]
fn a_request_that_may_have_arrived_waits_for_the_users_choice() {
    let mut form = filled();
    form.submit(&AutoFilled::default()).unwrap();
    form.settle(Err(Failure::Timeout));
    assert_eq!(form.submit(&AutoFilled::default()), None);
    // Choosing not to send keeps the text and makes Send an ordinary Send again.
    form.keep_without_sending();
    assert_eq!(form.submission.phase, Phase::Editing);
    assert_eq!(form.draft.subject, "Broken");
    assert!(form.submit(&AutoFilled::default()).is_some());
    // Choosing to send again sends, once.
    form.settle(Err(Failure::Timeout));
    assert!(form.send_again(&AutoFilled::default()).is_some());
    assert_eq!(form.submission.phase, Phase::Sending);
    assert_eq!(form.send_again(&AutoFilled::default()), None);
}

#[test]
fn an_offline_ticket_waits_until_sent_or_cancelled() {
    let mut form = filled();
    form.submit(&AutoFilled::default()).unwrap();
    form.queue("entry-1".into());
    assert_eq!(form.submission.phase, Phase::Queued("entry-1".into()));
    assert_eq!(
        form.submit(&AutoFilled::default()),
        None,
        "no second ticket while one waits"
    );

    // An outcome for another entry is not this form's.
    form.settle_queued("entry-2", Ok(ticket()));
    assert_eq!(form.submission.phase, Phase::Queued("entry-1".into()));
    form.settle_queued("entry-1", Ok(ticket()));
    assert_eq!(form.submission.phase, Phase::Done(ticket()));
    assert_eq!(form.draft, Draft::default());

    let mut form = filled();
    form.submit(&AutoFilled::default()).unwrap();
    form.queue("entry-3".into());
    assert_eq!(form.cancel_queued(), Some("entry-3".into()));
    assert_eq!(form.submission.phase, Phase::Editing);
    assert_eq!(
        form.draft.subject, "Broken",
        "cancelling gives the text back"
    );
    assert_eq!(form.cancel_queued(), None);

    // After a reload the waiting ticket is shown again.
    let mut form = filled();
    form.waiting("entry-4".into());
    assert_eq!(form.submission.phase, Phase::Queued("entry-4".into()));
    form.settle_queued("entry-4", Err(Failure::Forbidden { message: None }));
    assert_eq!(
        form.submission.phase,
        Phase::Failed(Failure::Forbidden { message: None })
    );
    assert_eq!(form.draft.subject, "Broken");
}

#[test]
fn an_outcome_without_a_request_is_ignored() {
    let mut form = filled();
    form.settle(Ok(ticket()));
    assert_eq!(form.submission.phase, Phase::Editing);
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
    assert_eq!(form.submission.phase, Phase::Editing);
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

fn target(id: &str) -> backends::Target {
    backends::Target {
        ticket: id.into(),
        ..backends::Target::default()
    }
}

#[test]
fn the_reply_box_follows_the_same_rules() {
    let mut reply = ReplyForm::new(backends::BackendKind::Default, target("7"));
    assert_eq!(reply.submit(), None);
    assert_eq!(reply.notices(), vec![Notice::Rule(Problem::Required)]);
    reply.edit("  More details\n".into());
    assert_eq!(
        reply.submit().as_deref(),
        Some("More details"),
        "sent trimmed"
    );
    assert_eq!(reply.submit(), None, "one reply at a time");

    reply.settle(Err(Failure::Network));
    assert_eq!(reply.text, "  More details\n");
    assert_eq!(reply.submission.phase, Phase::Failed(Failure::Network));

    reply.submit().unwrap();
    reply.settle(Err(invalid(&[("message", "Too rude.")])));
    assert_eq!(reply.notices(), vec![Notice::Server("Too rude.".into())]);
    reply.edit("Kinder details".into());
    assert_eq!(reply.notices(), vec![]);
    assert!(
        matches!(
            reply.submission.phase,
            Phase::Failed(Failure::Invalid { .. })
        ),
        "the failure stays shown until the next send, as in the ticket form"
    );

    reply.submit().unwrap();
    reply.settle(Ok(backends::Receipt::default()));
    assert_eq!(
        reply.submission.phase,
        Phase::Done(backends::Receipt::default())
    );
    assert_eq!(reply.text, "");
    assert_eq!(reply.notices(), vec![], "an emptied box shows no error");
    reply.edit("One more thing".into());
    assert_eq!(
        reply.submission.phase,
        Phase::Editing,
        "a new reply is not the one confirmed"
    );
}

#[test]
fn the_reply_box_uses_its_backends_limit() {
    let long = "x".repeat(5_001);
    let mut default = ReplyForm::new(backends::BackendKind::Default, target("7"));
    default.edit(long.clone());
    assert_eq!(
        default.notices(),
        vec![Notice::Rule(Problem::TooLong { max: 5_000 })],
        "an overlong reply shows before sending"
    );
    assert_eq!(default.submit(), None);
}

#[cfg(feature = "helpdesks")]
#[test]
fn a_help_desk_without_a_documented_limit_takes_a_long_reply() {
    // WHMCS documents no limit on a message.
    let mut whmcs = ReplyForm::new(backends::BackendKind::Whmcs, target("1"));
    whmcs.edit("x".repeat(5_001));
    assert!(whmcs.submit().is_some());
}

// With a help desk's refusals, which only the `helpdesks` feature has.
#[cfg(feature = "helpdesks")]
#[test]
fn a_refused_reply_keeps_its_text() {
    let mut reply = ReplyForm::new(backends::BackendKind::Series, target("TICKET-1"));
    reply.edit("On it".into());
    reply.submit().unwrap();
    let refused = Failure::Refused {
        message: Some("You must claim this ticket before replying".into()),
    };
    reply.settle(Err(refused.clone()));
    assert_eq!(reply.submission.phase, Phase::Failed(refused));
    assert_eq!(reply.text, "On it");
    assert!(
        reply.submit().is_some(),
        "a refusal can be sent again once fixed"
    );
}

#[cfg(feature = "helpdesks")]
#[test]
fn a_reply_abandoned_before_sending_goes_back_to_editing() {
    let mut reply = ReplyForm::new(backends::BackendKind::Whmcs, target("1"));
    reply.edit("See the attached log".into());
    reply.submit().unwrap();
    reply.abandon();
    assert_eq!(reply.submission.phase, Phase::Editing);
    assert_eq!(reply.text, "See the attached log");
    reply.settle(Ok(backends::Receipt::default()));
    assert_eq!(
        reply.submission.phase,
        Phase::Editing,
        "a late outcome is not taken"
    );
    assert!(reply.submit().is_some());
}

#[cfg(feature = "helpdesks")]
#[test]
fn a_rate_limits_wait_lasts_while_its_failure_is_shown() {
    let mut reply = ReplyForm::new(backends::BackendKind::Series, target("TICKET-1"));
    reply.edit("Soon".into());
    reply.submit().unwrap();
    assert_eq!(
        reply.submission.phase.retry_after(),
        None,
        "nothing to wait for while sending"
    );
    reply.settle(Err(Failure::TooManySent { retry_after: 7 }));
    assert_eq!(reply.submission.phase.retry_after(), Some(7));
    reply.edit("Soon, really".into());
    assert_eq!(
        reply.submission.phase.retry_after(),
        Some(7),
        "typing does not end the wait"
    );
    reply.submit().unwrap();
    reply.settle(Ok(backends::Receipt::default()));
    assert_eq!(reply.submission.phase.retry_after(), None);
}

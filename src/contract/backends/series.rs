//! Series: `POST {base}/tickets/{ticketId}/reply` with `{content, staffUserId}` and the API key in
//! the `apikey` header. Answers are `{success, data}` or `{success: false, error: {code, message}}`,
//! and the help desk takes 25 requests a second per key.

use serde_json::{json, Value};

use super::backend::{Backend, Capabilities, HttpBody, HttpRequest, Receipt, ReplyParts};
use super::kind::BackendKind;
use super::target::{Target, TargetProblem};
use super::wire::{check_path_ticket, failure_for, segment, text_at};
use crate::contract::answer::{Failure, RateLimit};
use crate::contract::request_log::oldest_of_last;
use crate::contract::rules::FieldError;

/// Requests per second per API key.
pub const PER_SECOND: u32 = 25;

pub struct Series;

impl Backend for Series {
    fn kind(&self) -> BackendKind {
        BackendKind::Series
    }

    fn capabilities(&self) -> Capabilities {
        Capabilities::default()
    }

    fn per_second(&self) -> Option<u32> {
        Some(PER_SECOND)
    }

    fn check_target(&self, target: &Target) -> Vec<TargetProblem> {
        let mut problems = check_path_ticket(target, "TICKET-1234567890-ABCD");
        if target.staff_user_id.is_none() {
            problems.push(TargetProblem::StaffUserMissing);
        }
        problems
    }

    fn request(&self, reply: &ReplyParts) -> Result<HttpRequest, Vec<FieldError>> {
        let ReplyParts {
            api_base,
            target,
            message,
            token,
            ..
        } = *reply;
        let content = self.check_message(message)?;
        Ok(HttpRequest {
            url: format!("{api_base}/tickets/{}/reply", segment(target.ticket.trim())),
            headers: token
                .map(|token| ("apikey", token.to_owned()))
                .into_iter()
                .collect(),
            body: HttpBody::Json(json!({
                "content": content,
                "staffUserId": target.staff_user_id.unwrap_or_default(),
            })),
        })
    }

    fn read(&self, status: u16, rate: RateLimit, body: Option<&Value>) -> Result<Receipt, Failure> {
        let success = body
            .and_then(|body| body.get("success"))
            .and_then(Value::as_bool);
        let message = text_at(body, &["error", "message"]).or_else(|| text_at(body, &["message"]));
        match (status, success) {
            (200..=299, Some(true)) => Ok(Receipt::default()),
            // An error envelope with a success status: its code says what kind.
            (200..=299, Some(false)) => {
                let code = body
                    .and_then(|body| body.pointer("/error/code"))
                    .and_then(Value::as_u64)
                    .and_then(|code| u16::try_from(code).ok())
                    .filter(|code| (400..=599).contains(code))
                    .unwrap_or(400);
                Err(failure_for(code, rate, message))
            }
            (200..=299, None) => Err(Failure::Unexpected { status, message }),
            _ => Err(failure_for(status, rate, message)),
        }
    }
}

/// Keeps requests under a number per second, as the help desk counts them: from when each one
/// arrives. The widget can't see that moment, but it comes before the answer, so a request counts
/// from when it is handed over until a second after its answer came. Then no queue in the
/// browser, however long, can make the help desk see more than `limit` in a second.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Pace {
    limit: u32,
    next: u64,
    /// The requests that still count, oldest first: each one's number, and when its answer
    /// came, or `None` while it is on its way.
    requests: Vec<(u64, Option<u64>)>,
}

/// What a request waits for before it may go out.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Wait {
    /// Nothing: it may go now.
    Nothing,
    /// This many milliseconds, until an answered request leaves the window.
    Ms(u64),
    /// An answer: every place is held by a request still on its way.
    Answer,
}

/// How long an answered request counts: a second, and a margin for the two clocks (the
/// browser's whole milliseconds, the help desk's own timer).
const WINDOW_MS: u64 = 1_050;

impl Pace {
    pub fn per_second(limit: u32) -> Self {
        Pace {
            limit: limit.max(1),
            ..Pace::default()
        }
    }

    /// What the next request waits for at `now`.
    pub fn wait(&self, now: u64) -> Wait {
        let on_their_way = self.requests.iter().filter(|(_, at)| at.is_none()).count();
        let Some(places) = (self.limit as usize)
            .checked_sub(on_their_way)
            .filter(|&n| n > 0)
        else {
            return Wait::Answer;
        };
        let answered: Vec<u64> = self
            .requests
            .iter()
            .filter_map(|&(_, at)| at)
            .filter(|&at| counts(at, now))
            .collect();
        // The oldest of the last answered ones that fill the other places must leave first.
        oldest_of_last(&answered, places)
            .map_or(Wait::Nothing, |oldest| Wait::Ms(oldest + WINDOW_MS - now))
    }

    /// Notes a request going out at `now`, and gives its number for [`Pace::answered`].
    pub fn start(&mut self, now: u64) -> u64 {
        self.requests
            .retain(|&(_, at)| at.is_none_or(|at| counts(at, now)));
        self.next += 1;
        self.requests.push((self.next, None));
        self.next
    }

    /// Notes that request `number` is done at `now`, answered or not: it counts a second more.
    pub fn answered(&mut self, number: u64, now: u64) {
        if let Some(entry) = self.requests.iter_mut().find(|(n, _)| *n == number) {
            entry.1 = Some(now);
        }
    }
}

/// Whether a request answered at `at` still counts at `now`. A clock that went back keeps it
/// counting: waiting longer never breaks the limit.
fn counts(at: u64, now: u64) -> bool {
    now < at.saturating_add(WINDOW_MS)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn target() -> Target {
        Target {
            ticket: "TICKET-1234567890-ABCD".into(),
            staff_user_id: Some(987654321),
            ..Target::default()
        }
    }

    #[test]
    fn builds_the_documented_example() {
        let request = Series
            .request(&ReplyParts {
                api_base: "https://api.series.hr",
                target: &target(),
                message: "I'll help you with your ranking. Please join the training center.",
                attachments: &[],
                token: Some("YOUR_API_KEY"),
            })
            .unwrap();
        assert_eq!(
            request.url,
            "https://api.series.hr/tickets/TICKET-1234567890-ABCD/reply"
        );
        assert_eq!(request.headers, vec![("apikey", "YOUR_API_KEY".into())]);
        assert_eq!(
            request.body,
            HttpBody::Json(json!({
                "content": "I'll help you with your ranking. Please join the training center.",
                "staffUserId": 987654321
            }))
        );
    }

    #[test]
    fn needs_a_ticket_and_a_staff_member() {
        assert!(Series.check_target(&target()).is_empty());
        let no_staff = Target {
            staff_user_id: None,
            ..target()
        };
        assert_eq!(Series.check_target(&no_staff).len(), 1);
        assert_eq!(Series.check_target(&Target::default()).len(), 2);
    }

    #[test]
    fn reads_the_documented_success() {
        let body = json!({"success": true, "data": {"message": "Reply sent successfully"}});
        assert_eq!(
            Series.read(200, RateLimit::default(), Some(&body)),
            Ok(Receipt::default())
        );
    }

    fn envelope(code: u16, message: &str) -> Value {
        json!({"success": false, "error": {"code": code, "message": message}})
    }

    #[test]
    fn reads_each_documented_error_with_its_message() {
        let message = |text: &str| Some(text.to_owned());
        let table = [
            (
                400,
                "You must claim this ticket before replying",
                Failure::Refused {
                    message: message("You must claim this ticket before replying"),
                },
            ),
            (
                403,
                "Cannot reply to game reports",
                Failure::Forbidden {
                    message: message("Cannot reply to game reports"),
                },
            ),
            (
                403,
                "Tickets module requires a Premium or Enterprise subscription",
                Failure::Forbidden {
                    message: message(
                        "Tickets module requires a Premium or Enterprise subscription",
                    ),
                },
            ),
            (
                404,
                "Ticket not found",
                Failure::NotFound {
                    message: message("Ticket not found"),
                },
            ),
        ];
        for (status, text, failure) in table {
            let body = envelope(status, text);
            assert_eq!(
                Series.read(status, RateLimit::default(), Some(&body)),
                Err(failure.clone())
            );
            // The same envelope behind a 200 is still that error.
            assert_eq!(
                Series.read(200, RateLimit::default(), Some(&body)),
                Err(failure)
            );
        }
    }

    #[test]
    fn a_rate_limit_keeps_its_wait() {
        let rate = RateLimit {
            retry_after: Some(1),
            ..RateLimit::default()
        };
        assert_eq!(
            Series.read(429, rate, Some(&envelope(429, "Too many requests"))),
            Err(Failure::RateLimited(rate))
        );
    }

    #[test]
    fn a_success_status_without_success_true_is_not_a_success() {
        for body in [json!({}), json!({"success": "true"}), json!({"data": {}})] {
            assert!(
                matches!(
                    Series.read(200, RateLimit::default(), Some(&body)),
                    Err(Failure::Unexpected { .. })
                ),
                "{body}"
            );
        }
        assert!(matches!(
            Series.read(200, RateLimit::default(), None),
            Err(Failure::Unexpected { .. })
        ));
    }

    #[test]
    fn pace_allows_25_until_a_second_after_the_first_answer() {
        let mut pace = Pace::per_second(25);
        let numbers: Vec<u64> = (0..25)
            .map(|n| {
                assert_eq!(pace.wait(n), Wait::Nothing, "request {n}");
                pace.start(n)
            })
            .collect();
        // Twenty-five on their way: the 26th waits for an answer, however long it takes.
        assert_eq!(pace.wait(5_000), Wait::Answer);
        pace.answered(numbers[3], 5_000);
        // Then for that answer to be a second (and the margin) old.
        assert_eq!(pace.wait(5_000), Wait::Ms(1_050));
        assert_eq!(pace.wait(6_049), Wait::Ms(1));
        assert_eq!(pace.wait(6_050), Wait::Nothing);
        pace.start(6_050);
        assert_eq!(pace.wait(6_050), Wait::Answer, "the 27th waits for another");
        // Once every one is answered, the oldest answers leave first.
        for (n, &number) in numbers.iter().enumerate() {
            pace.answered(number, 7_000 + n as u64);
        }
        assert_eq!(pace.wait(7_100), Wait::Ms(950));
        pace.answered(26, 7_100);
        assert_eq!(pace.wait(8_049), Wait::Ms(1));
        assert_eq!(pace.wait(8_050), Wait::Nothing);
        // After a quiet second, no wait at all.
        assert_eq!(pace.wait(9_000), Wait::Nothing);
    }

    #[test]
    fn a_request_counts_while_on_its_way_and_a_second_after() {
        let mut pace = Pace::per_second(2);
        let first = pace.start(0);
        let second = pace.start(0);
        assert_eq!(pace.wait(10), Wait::Answer);
        pace.answered(second, 300);
        assert_eq!(pace.wait(310), Wait::Ms(1_040));
        // An answer noted for a request that no longer counts changes nothing.
        pace.answered(99, 310);
        assert_eq!(pace.wait(1_350), Wait::Nothing);
        pace.start(1_350);
        assert_eq!(
            pace.wait(1_350),
            Wait::Answer,
            "the first is still on its way"
        );
        // A clock that went back never lets a request go early.
        pace.answered(first, 2_000);
        assert_eq!(pace.wait(1_900), Wait::Ms(1_150));
    }
}

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

/// Keeps requests under a number per second: each request waits until sending it would not make
/// more than `limit` in any one second.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Pace {
    limit: u32,
    /// When recent requests went out, in milliseconds, oldest first.
    sent: Vec<u64>,
}

/// The window a limit per second is kept over: a second, plus a margin for the time a request
/// takes to reach the help desk, whose second starts when the request arrives. Without it, the
/// 26th request can arrive within the second of a first that was slower on its way.
const WINDOW_MS: u64 = 1_150;

impl Pace {
    pub fn per_second(limit: u32) -> Self {
        Pace {
            limit: limit.max(1),
            sent: Vec::new(),
        }
    }

    /// Milliseconds to wait from `now` before the next request may go out.
    pub fn wait(&self, now: u64) -> u64 {
        let in_window: Vec<u64> = self
            .sent
            .iter()
            .copied()
            .filter(|at| now < at + WINDOW_MS)
            .collect();
        // The oldest of the last `limit` requests must leave the window first.
        oldest_of_last(&in_window, self.limit as usize).map_or(0, |oldest| oldest + WINDOW_MS - now)
    }

    /// Notes a request going out at `now`.
    pub fn record(&mut self, now: u64) {
        self.sent.retain(|at| now < at + WINDOW_MS);
        self.sent.push(now);
    }

    /// Moves a request recorded at `at` to `now`, when it actually goes out: its time in the
    /// window counts from then, however long it took to build. A later time only ever makes
    /// the next requests wait longer, so the limit holds.
    pub fn restamp(&mut self, at: u64, now: u64) {
        if let Some(entry) = self.sent.iter_mut().find(|entry| **entry == at) {
            *entry = now.max(at);
        }
    }
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
    fn pace_allows_25_in_any_second() {
        let mut pace = Pace::per_second(25);
        for n in 0..25 {
            assert_eq!(pace.wait(n), 0, "request {n}");
            pace.record(n);
        }
        // The 26th waits until the first leaves the window: a second and the margin.
        assert_eq!(pace.wait(30), 1_120);
        assert_eq!(pace.wait(1_149), 1);
        assert_eq!(pace.wait(1_150), 0);
        pace.record(1_150);
        assert_eq!(
            pace.wait(1_150),
            1,
            "the second request waits for the second one out"
        );
        // After a quiet second, no wait at all.
        assert_eq!(pace.wait(5000), 0);
    }

    #[test]
    fn a_request_counts_from_when_it_goes_out() {
        let mut pace = Pace::per_second(2);
        pace.record(0);
        pace.record(0);
        assert_eq!(pace.wait(10), 1_140);
        // The first took 40 ms to build: the third now waits for it to be 1,150 ms out.
        pace.restamp(0, 40);
        assert_eq!(pace.wait(10), 1_140, "the other one still counts from 0");
        pace.restamp(0, 40);
        assert_eq!(pace.wait(10), 1_180);
        assert_eq!(pace.wait(1_190), 0);
        // A clock that went back never moves a request earlier.
        pace.restamp(40, 20);
        assert_eq!(pace.wait(1_189), 1);
    }
}

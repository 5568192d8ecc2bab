//! The ticket contract: the fields of the help-desk API, their rules, the requests and the reading
//! of answers. Plain Rust with no browser or UI types, so that the widget checks with it in the
//! browser and the sandbox checks with it on the server.

mod answer;
pub mod backends;
pub mod config;
mod display;
mod field;
mod form;
pub mod outbox;
mod reply;
pub mod request_log;
mod rules;
mod store;
mod stored;
mod submission;
mod text;

pub use answer::{
    read_reply_answer, read_store_answer, Failure, RateLimit, ServerFieldError, Ticket,
};
pub use config::{token_sendable, ConfigProblem};
pub use display::{display_text, file_size};
pub use field::{Choice, Field, Priority, TicketType, RATING_RANGE};
pub use form::{Edit, FeedbackForm, ReplyForm, USER_FIELDS};
pub use reply::{validate_reply, ReplyRequest};
pub use rules::{
    check_boolean, check_choice, check_integer, check_rating, check_required_text, check_text,
    FieldError, Input, Problem,
};
pub use store::{validate_store, AutoFilled, Draft, Integration, StoreRequest};
pub use stored::FromJson;
pub use submission::{Notice, Phase, Submission};
pub use text::{code_points, cut_to, server_trim};

//! The store request: what the user typed, what the integrator configured and what the widget
//! fills in, checked by the rules of the store endpoint.

use serde::{Deserialize, Serialize};

use super::field::{Choice, Field, Priority, TicketType};
use super::rules::{
    check_choice, check_rating, check_required_text, check_text, Checker, FieldError, Input,
};
use super::text::{cut_to, server_trim};

/// What the user edits in the form. Text is kept exactly as typed; trimming happens on checking.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Draft {
    pub subject: String,
    pub message: String,
    /// Stars, 1 to 5; `None` when the user gave none.
    pub rating: Option<u8>,
    #[serde(rename = "type")]
    pub kind: Option<TicketType>,
    pub priority: Option<Priority>,
}

/// The integrator's settings that go into every ticket, already checked against the rules.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Integration {
    channel: String,
    tool_key: Option<String>,
}

impl Integration {
    /// Checks the channel slug and the tool key. A broken value is the integrator's error: it is
    /// reported, never trimmed to fit, because a ticket with a silently changed key goes astray.
    pub fn new(channel: Option<&str>, tool_key: Option<&str>) -> Result<Self, Vec<FieldError>> {
        let mut check = Checker::default();
        let channel = check.take(
            Field::ChannelSlug,
            check_required_text(Field::ChannelSlug, channel.into()),
        );
        let tool_key = check.take(Field::ToolKey, check_text(Field::ToolKey, tool_key.into()));
        let parts = channel.zip(tool_key);
        check.finish(parts).map(|(channel, tool_key)| Integration {
            channel: channel.to_owned(),
            tool_key: tool_key.map(str::to_owned),
        })
    }

    pub fn channel(&self) -> &str {
        &self.channel
    }

    pub fn tool_key(&self) -> Option<&str> {
        self.tool_key.as_deref()
    }
}

/// Values the widget fills in by itself, already fitted to their limits.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct AutoFilled {
    pub page: Option<String>,
    pub user_agent: Option<String>,
}

impl AutoFilled {
    /// Fits the page URL and the user agent. The fragment is always dropped and the query string
    /// unless `keep_query`, since queries often carry tokens.
    pub fn new(href: &str, user_agent: &str, keep_query: bool) -> Self {
        let without_fragment = href.split('#').next().unwrap_or_default();
        let page = if keep_query {
            without_fragment
        } else {
            without_fragment.split('?').next().unwrap_or_default()
        };
        AutoFilled {
            page: fit(Field::Page, page),
            user_agent: fit(Field::UserAgent, user_agent),
        }
    }
}

/// Trims and cuts a value so that the server takes it unchanged; `None` when nothing is left.
fn fit(field: Field, value: &str) -> Option<String> {
    let max = field.max_chars().unwrap_or(usize::MAX);
    match server_trim(cut_to(server_trim(value), max)) {
        "" => None,
        fitted => Some(fitted.to_owned()),
    }
}

/// The body of `POST …/support/tickets/store`. Absent optional fields are left out.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StoreRequest {
    pub channel_slug: String,
    pub subject: String,
    pub message: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub priority: Option<Priority>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rating: Option<u8>,
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<TicketType>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tool_key: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub page: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user_agent: Option<String>,
}

/// Checks a store body field by field, as the server does, and returns the request it stores:
/// trimmed text, and absent wherever an optional field was empty.
pub fn validate_store<'a>(
    input: impl Fn(Field) -> Input<'a>,
) -> Result<StoreRequest, Vec<FieldError>> {
    let text = |field| check_text(field, input(field)).map(|text| text.map(str::to_owned));
    let required = |field| check_required_text(field, input(field)).map(str::to_owned);

    let mut check = Checker::default();
    let channel_slug = check.take(Field::ChannelSlug, required(Field::ChannelSlug));
    let subject = check.take(Field::Subject, required(Field::Subject));
    let message = check.take(Field::Message, required(Field::Message));
    let priority = check.take(Field::Priority, check_choice(input(Field::Priority)));
    let rating = check.take(Field::Rating, check_rating(input(Field::Rating)));
    let kind = check.take(Field::Type, check_choice(input(Field::Type)));
    let tool_key = check.take(Field::ToolKey, text(Field::ToolKey));
    let page = check.take(Field::Page, text(Field::Page));
    let user_agent = check.take(Field::UserAgent, text(Field::UserAgent));

    let parts = (|| {
        Some(StoreRequest {
            channel_slug: channel_slug?,
            subject: subject?,
            message: message?,
            priority: priority?,
            rating: rating?,
            kind: kind?,
            tool_key: tool_key?,
            page: page?,
            user_agent: user_agent?,
        })
    })();
    check.finish(parts)
}

impl Draft {
    /// The store request for this draft, or every field error the server would answer with.
    pub fn to_request(
        &self,
        integration: &Integration,
        auto: &AutoFilled,
    ) -> Result<StoreRequest, Vec<FieldError>> {
        validate_store(|field| match field {
            Field::ChannelSlug => Input::Text(integration.channel()),
            Field::Subject => Input::Text(&self.subject),
            Field::Message => Input::Text(&self.message),
            Field::Priority => self.priority.map(Choice::as_str).into(),
            Field::Rating => self
                .rating
                .map_or(Input::Absent, |stars| Input::Integer(stars.into())),
            Field::Type => self.kind.map(Choice::as_str).into(),
            Field::ToolKey => integration.tool_key().into(),
            Field::Page => auto.page.as_deref().into(),
            Field::UserAgent => auto.user_agent.as_deref().into(),
            Field::TicketId | Field::IsInternal => Input::Absent,
        })
    }
}

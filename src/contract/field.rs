//! The fields of the store and reply endpoints, their limits and their closed sets of values.

use serde::{Deserialize, Serialize};

/// A field of the store or reply request, named as the API names it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Field {
    ChannelSlug,
    Subject,
    Message,
    Priority,
    Rating,
    Type,
    ToolKey,
    Page,
    UserAgent,
    TicketId,
    IsInternal,
}

impl Field {
    /// Every field, in the order the documents list them.
    pub const ALL: [Field; 11] = [
        Field::ChannelSlug,
        Field::Subject,
        Field::Message,
        Field::Priority,
        Field::Rating,
        Field::Type,
        Field::ToolKey,
        Field::Page,
        Field::UserAgent,
        Field::TicketId,
        Field::IsInternal,
    ];

    /// The JSON key of the field.
    pub const fn name(self) -> &'static str {
        match self {
            Field::ChannelSlug => "channel_slug",
            Field::Subject => "subject",
            Field::Message => "message",
            Field::Priority => "priority",
            Field::Rating => "rating",
            Field::Type => "type",
            Field::ToolKey => "tool_key",
            Field::Page => "page",
            Field::UserAgent => "user_agent",
            Field::TicketId => "ticket_id",
            Field::IsInternal => "is_internal",
        }
    }

    /// The field with this JSON key, if the API has one.
    pub fn from_name(name: &str) -> Option<Field> {
        Field::ALL.into_iter().find(|field| field.name() == name)
    }

    /// The `max:` rule of a string field, in code points.
    pub const fn max_chars(self) -> Option<usize> {
        match self {
            Field::ChannelSlug => Some(50),
            Field::Subject => Some(255),
            Field::Message => Some(5000),
            Field::ToolKey => Some(100),
            Field::Page => Some(500),
            Field::UserAgent => Some(1000),
            _ => None,
        }
    }
}

/// A field whose value is one of a fixed list of words.
pub trait Choice: Copy + 'static {
    /// Every allowed value, in the order a form offers them.
    const ALL: &'static [Self];

    /// The word the API uses for the value.
    fn as_str(self) -> &'static str;

    /// The value for an API word, matched exactly (the server's `in:` rule is case-sensitive).
    fn parse(word: &str) -> Option<Self> {
        Self::ALL
            .iter()
            .copied()
            .find(|value| value.as_str() == word)
    }
}

/// How urgent the ticket is; the store endpoint's `priority`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Priority {
    Low,
    Normal,
    High,
    Urgent,
}

impl Choice for Priority {
    const ALL: &'static [Self] = &[Self::Low, Self::Normal, Self::High, Self::Urgent];

    fn as_str(self) -> &'static str {
        match self {
            Self::Low => "low",
            Self::Normal => "normal",
            Self::High => "high",
            Self::Urgent => "urgent",
        }
    }
}

/// What kind of feedback the ticket is; the store endpoint's `type`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum TicketType {
    Bug,
    Suggestion,
    Other,
}

impl Choice for TicketType {
    const ALL: &'static [Self] = &[Self::Bug, Self::Suggestion, Self::Other];

    fn as_str(self) -> &'static str {
        match self {
            Self::Bug => "bug",
            Self::Suggestion => "suggestion",
            Self::Other => "other",
        }
    }
}

/// The lowest and highest rating the store endpoint takes.
pub const RATING_RANGE: std::ops::RangeInclusive<i64> = 1..=5;

//! The validation rules of the API, applied to loosely typed input.
//!
//! Both sides use these functions: the widget with values from its form, the sandbox with values
//! from a JSON body. That is what makes "whatever the widget accepts, the server accepts" hold.

use super::field::{Choice, Field, RATING_RANGE};
use super::text::{code_points, server_trim};

/// One value of a request body, as far as the rules care about its type.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Input<'a> {
    /// The key is not there, or its value is `null`.
    Absent,
    Text(&'a str),
    Integer(i64),
    /// A number that is not an integer that fits in 64 bits.
    OtherNumber,
    Bool(bool),
    /// An array or an object.
    Structure,
}

impl<'a> From<Option<&'a str>> for Input<'a> {
    /// Text when there is some, absent otherwise.
    fn from(value: Option<&'a str>) -> Self {
        value.map_or(Input::Absent, Input::Text)
    }
}

/// Why a value breaks its field's rule.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Problem {
    /// Required, but absent, empty or only whitespace.
    Required,
    /// Must be a string.
    NotText,
    /// Longer than `max` code points after trimming.
    TooLong { max: usize },
    /// Must be an integer.
    NotInteger,
    /// An integer below `min`.
    TooSmall { min: i64 },
    /// An integer above `max`.
    TooLarge { max: i64 },
    /// Not one of the allowed words.
    NotAllowed,
    /// Must be true or false.
    NotBoolean,
}

/// A rule broken by one field.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FieldError {
    pub field: Field,
    pub problem: Problem,
}

impl FieldError {
    pub const fn new(field: Field, problem: Problem) -> Self {
        FieldError { field, problem }
    }
}

/// Nothing after trimming, the way Laravel's `ConvertEmptyStringsToNull` sees it.
fn present(input: Input<'_>) -> Option<Input<'_>> {
    match input {
        Input::Absent => None,
        Input::Text(text) => match server_trim(text) {
            "" => None,
            trimmed => Some(Input::Text(trimmed)),
        },
        other => Some(other),
    }
}

/// A string field with a `max:` rule: the trimmed text, or `None` when it is absent.
pub fn check_text(field: Field, input: Input<'_>) -> Result<Option<&str>, Problem> {
    let Some(input) = present(input) else {
        return Ok(None);
    };
    let Input::Text(text) = input else {
        return Err(Problem::NotText);
    };
    match field.max_chars() {
        Some(max) if code_points(text) > max => Err(Problem::TooLong { max }),
        _ => Ok(Some(text)),
    }
}

/// A required string field: like [`check_text`], but absent is an error.
pub fn check_required_text(field: Field, input: Input<'_>) -> Result<&str, Problem> {
    check_text(field, input)?.ok_or(Problem::Required)
}

/// A field that takes one word of a closed list.
pub fn check_choice<T: Choice>(input: Input<'_>) -> Result<Option<T>, Problem> {
    match present(input) {
        None => Ok(None),
        Some(Input::Text(word)) => T::parse(word).map(Some).ok_or(Problem::NotAllowed),
        Some(_) => Err(Problem::NotAllowed),
    }
}

/// An integer field (`integer`), without a range.
pub fn check_integer(input: Input<'_>) -> Result<Option<i64>, Problem> {
    match present(input) {
        None => Ok(None),
        Some(Input::Integer(value)) => Ok(Some(value)),
        Some(_) => Err(Problem::NotInteger),
    }
}

/// The rating: an integer from 1 to 5, or absent.
pub fn check_rating(input: Input<'_>) -> Result<Option<u8>, Problem> {
    let Some(value) = check_integer(input)? else {
        return Ok(None);
    };
    if value < *RATING_RANGE.start() {
        Err(Problem::TooSmall {
            min: *RATING_RANGE.start(),
        })
    } else if value > *RATING_RANGE.end() {
        Err(Problem::TooLarge {
            max: *RATING_RANGE.end(),
        })
    } else {
        // In range 1..=5, so it fits.
        Ok(Some(value as u8))
    }
}

/// A `boolean` field: true, false, 0, 1, "0" or "1", or absent.
pub fn check_boolean(input: Input<'_>) -> Result<Option<bool>, Problem> {
    match present(input) {
        None => Ok(None),
        Some(Input::Bool(value)) => Ok(Some(value)),
        Some(Input::Integer(0)) | Some(Input::Text("0")) => Ok(Some(false)),
        Some(Input::Integer(1)) | Some(Input::Text("1")) => Ok(Some(true)),
        Some(_) => Err(Problem::NotBoolean),
    }
}

/// Collects the problems of several fields while keeping the values that passed.
#[derive(Default)]
pub(crate) struct Checker {
    errors: Vec<FieldError>,
}

impl Checker {
    /// The value if it passed; otherwise records the problem under `field`.
    pub(crate) fn take<T>(&mut self, field: Field, result: Result<T, Problem>) -> Option<T> {
        result
            .map_err(|problem| self.errors.push(FieldError::new(field, problem)))
            .ok()
    }

    /// The parts if every field passed, else every problem found. `parts` is `None` exactly when
    /// some `take` failed, and then `errors` says why.
    pub(crate) fn finish<T>(self, parts: Option<T>) -> Result<T, Vec<FieldError>> {
        match parts {
            Some(parts) if self.errors.is_empty() => Ok(parts),
            _ => Err(self.errors),
        }
    }
}

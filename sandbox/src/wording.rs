//! The server's own words for broken rules, as Laravel's English validation messages put them.

use feedback_widget::contract::{FieldError, Problem};

/// The attribute as Laravel names it in messages: `tool_key` becomes "tool key".
fn attribute(error: &FieldError) -> String {
    error.field.name().replace('_', " ")
}

/// The message for one broken rule.
pub fn message(error: &FieldError) -> String {
    let name = attribute(error);
    match error.problem {
        Problem::Required => format!("The {name} field is required."),
        Problem::NotText => format!("The {name} field must be a string."),
        Problem::TooLong { max } => {
            format!("The {name} field must not be greater than {max} characters.")
        }
        Problem::NotInteger => format!("The {name} field must be an integer."),
        Problem::TooSmall { min } => format!("The {name} field must be at least {min}."),
        Problem::TooLarge { max } => format!("The {name} field must not be greater than {max}."),
        Problem::NotAllowed => format!("The selected {name} is invalid."),
        Problem::NotBoolean => format!("The {name} field must be true or false."),
    }
}

/// The overview line of a 422: the first message, then how many more there are.
pub fn overview(messages: &[String]) -> String {
    let first = messages
        .first()
        .map_or("The given data was invalid.", String::as_str);
    match messages.len() {
        0 | 1 => first.to_owned(),
        2 => format!("{first} (and 1 more error)"),
        n => format!("{first} (and {} more errors)", n - 1),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use feedback_widget::contract::Field;

    #[test]
    fn reads_like_laravel() {
        let error = FieldError::new(Field::ToolKey, Problem::TooLong { max: 100 });
        assert_eq!(
            message(&error),
            "The tool key field must not be greater than 100 characters."
        );
        let messages = vec!["A.".to_string(), "B.".to_string(), "C.".to_string()];
        assert_eq!(overview(&messages), "A. (and 2 more errors)");
        assert_eq!(overview(&messages[..2]), "A. (and 1 more error)");
    }
}

//! Text as the help desk sees it: trimmed the way its input middleware trims, counted in Unicode
//! code points (PHP's `mb_strlen`), and cut only at code-point boundaries.

/// Characters the server strips from both ends of every string before validating it.
///
/// Laravel's `TrimStrings` middleware strips Unicode whitespace plus the zero-width no-break space,
/// the zero-width space and the left-to-right mark. The widget strips the same set and sends the
/// trimmed value, so the server never sees a value it would shorten.
pub fn is_trimmed_by_server(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{FEFF}' | '\u{200B}' | '\u{200E}')
}

/// The value as the server validates it: without the characters it trims from both ends.
pub fn server_trim(value: &str) -> &str {
    value.trim_matches(is_trimmed_by_server)
}

/// Length in Unicode code points, the unit of every `max:` rule of the API.
pub fn code_points(value: &str) -> usize {
    value.chars().count()
}

/// The longest prefix of `value` with at most `max` code points.
pub fn cut_to(value: &str, max: usize) -> &str {
    match value.char_indices().nth(max) {
        Some((byte, _)) => &value[..byte],
        None => value,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trims_what_the_server_trims() {
        assert_eq!(server_trim(" \t\n hi \r\n"), "hi");
        assert_eq!(
            server_trim("\u{FEFF}\u{200B}\u{200E}\u{3000}hi\u{A0}"),
            "hi"
        );
        // Zero-width joiners belong to emoji sequences and are kept.
        assert_eq!(server_trim("\u{200D}hi"), "\u{200D}hi");
    }

    #[test]
    fn cuts_at_code_points() {
        assert_eq!(cut_to("héllo", 2), "hé");
        assert_eq!(cut_to("😀😀😀", 2), "😀😀");
        assert_eq!(cut_to("ab", 5), "ab");
        assert_eq!(cut_to("ab", 0), "");
    }
}

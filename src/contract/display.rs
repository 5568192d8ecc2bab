//! Server text made safe to show: it is always rendered as text, never as HTML, and before that it
//! loses what could rearrange or hide the text around it, and is cut to a length a form can show.

/// Characters that change the direction or visibility of text: bidi embeddings, overrides,
/// isolates and marks, and other invisible formatting.
fn is_hidden_control(c: char) -> bool {
    matches!(c,
        '\u{200B}'..='\u{200F}'
        | '\u{202A}'..='\u{202E}'
        | '\u{2060}'..='\u{2069}'
        | '\u{061C}'
        | '\u{FEFF}'
        | '\u{FFF9}'..='\u{FFFB}'
    ) || (c.is_control() && c != '\n' && c != '\t')
}

/// `text` without hidden controls and cut to at most `max` characters, an ellipsis marking a cut.
pub fn display_text(text: &str, max: usize) -> String {
    let mut shown: String = text.chars().filter(|c| !is_hidden_control(*c)).collect();
    if let Some((cut, _)) = shown.char_indices().nth(max) {
        shown.truncate(cut);
        shown.push('…');
    }
    shown
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn drops_direction_overrides_and_cuts() {
        assert_eq!(display_text("abc\u{202E}fed\u{202C}", 100), "abcfed");
        assert_eq!(display_text("a\u{2067}b\u{2069}c\u{200F}", 100), "abc");
        assert_eq!(display_text("line\nnext\u{0}", 100), "line\nnext");
        assert_eq!(display_text(&"x".repeat(10), 4), "xxxx…");
        assert_eq!(display_text("😀😀😀", 2), "😀😀…");
        assert_eq!(display_text("<script>", 100), "<script>");
    }
}

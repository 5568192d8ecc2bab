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

/// A file's size for people: bytes up to 1 KB, then KB and MB (of 1024) with at most one
/// decimal.
pub fn file_size(bytes: u64) -> String {
    const KB: u64 = 1024;
    const MB: u64 = KB * 1024;
    let (unit, name) = match bytes {
        ..KB => return format!("{bytes} B"),
        KB..MB => (KB, "KB"),
        _ => (MB, "MB"),
    };
    // Tenths, rounded half up, in whole numbers: no float formatting in the wasm.
    let tenths = (bytes * 10 + unit / 2) / unit;
    match tenths % 10 {
        0 => format!("{} {name}", tenths / 10),
        decimal => format!("{}.{decimal} {name}", tenths / 10),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_sizes_read_as_people_write_them() {
        assert_eq!(file_size(0), "0 B");
        assert_eq!(file_size(1023), "1023 B");
        assert_eq!(file_size(1024), "1 KB");
        assert_eq!(file_size(1536), "1.5 KB");
        assert_eq!(file_size(1_048_575), "1024 KB");
        assert_eq!(file_size(2 * 1024 * 1024), "2 MB");
        assert_eq!(file_size(4_928_307), "4.7 MB");
    }

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

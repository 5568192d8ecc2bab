//! Plain text and HTML, for help desks whose messages are HTML: the user's text goes out escaped,
//! in paragraphs, and HTML coming back is read as text, so that none of it can ever run.

/// `text` escaped and laid out as HTML: blank lines part paragraphs, single line breaks become
/// `<br>`. Nothing the user types reaches the help desk as markup.
pub fn paragraphs(text: &str) -> String {
    let mut html = String::new();
    let normalized = text.replace("\r\n", "\n");
    for paragraph in normalized
        .split("\n\n")
        .map(str::trim)
        .filter(|p| !p.is_empty())
    {
        html.push_str("<p>");
        for (index, line) in paragraph.lines().enumerate() {
            if index > 0 {
                html.push_str("<br>");
            }
            escape_into(&mut html, line);
        }
        html.push_str("</p>");
    }
    html
}

fn escape_into(html: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '&' => html.push_str("&amp;"),
            '<' => html.push_str("&lt;"),
            '>' => html.push_str("&gt;"),
            '"' => html.push_str("&quot;"),
            '\'' => html.push_str("&#39;"),
            other => html.push(other),
        }
    }
}

/// Elements whose content is never text to show.
const DROPPED: [&str; 4] = ["script", "style", "template", "noscript"];
/// Elements that start a new line of text.
const BLOCKS: [&str; 12] = [
    "br",
    "p",
    "div",
    "li",
    "tr",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "blockquote",
];

/// The text of an HTML fragment: tags and comments gone (and with script and style elements,
/// their content), block elements on lines of their own, character references decoded. The
/// result is only ever shown as text, so markup this misreads can still do no harm.
pub fn to_text(html: &str) -> String {
    let mut text = String::new();
    let mut rest = html;
    while let Some(start) = rest.find('<') {
        text.push_str(&decode(&rest[..start]));
        let after = &rest[start + 1..];
        // As in HTML, '<' starts a tag only before a letter, '/', '!' or '?'; otherwise it is text.
        let Some(first) = after
            .chars()
            .next()
            .filter(|c| c.is_ascii_alphabetic() || "/!?".contains(*c))
        else {
            text.push('<');
            rest = after;
            continue;
        };
        if let Some(comment) = after.strip_prefix("!--") {
            rest = comment.find("-->").map_or("", |end| &comment[end + 3..]);
            continue;
        }
        let end = tag_end(after);
        let tag = &after[..end];
        rest = after.get(end + 1..).unwrap_or("");
        if first == '!' || first == '?' {
            continue;
        }
        let name = tag
            .trim_start_matches('/')
            .chars()
            .take_while(char::is_ascii_alphanumeric)
            .collect::<String>()
            .to_ascii_lowercase();
        if first != '/' && DROPPED.contains(&name.as_str()) {
            let closing = format!("</{name}");
            rest = match rest.to_ascii_lowercase().find(&closing) {
                Some(at) => rest[at..].find('>').map_or("", |gt| &rest[at + gt + 1..]),
                None => "",
            };
            continue;
        }
        if BLOCKS.contains(&name.as_str()) && !text.ends_with('\n') && !text.is_empty() {
            text.push('\n');
        }
    }
    text.push_str(&decode(rest));
    tidy(&text)
}

/// Where the tag that `after` starts ends: the first '>' outside quoted attribute values, or
/// the end of the text.
fn tag_end(after: &str) -> usize {
    let mut quote = None;
    for (at, c) in after.char_indices() {
        match (quote, c) {
            (None, '>') => return at,
            (None, '"' | '\'') => quote = Some(c),
            (Some(open), c) if c == open => quote = None,
            _ => {}
        }
    }
    after.len()
}

/// Decodes the character references of HTML text.
fn decode(text: &str) -> String {
    let mut decoded = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('&') {
        decoded.push_str(&rest[..at]);
        let after = &rest[at + 1..];
        let reference = after
            .find(';')
            .filter(|end| *end <= 10)
            .map(|end| &after[..end]);
        let character = reference.and_then(|name| match name {
            "amp" => Some('&'),
            "lt" => Some('<'),
            "gt" => Some('>'),
            "quot" => Some('"'),
            "apos" => Some('\''),
            "nbsp" => Some(' '),
            _ => {
                let number = name.strip_prefix('#')?;
                let code = match number.strip_prefix(['x', 'X']) {
                    Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                    None => number.parse().ok()?,
                };
                char::from_u32(code)
            }
        });
        match (reference, character) {
            (Some(name), Some(c)) => {
                decoded.push(c);
                rest = &after[name.len() + 1..];
            }
            _ => {
                decoded.push('&');
                rest = after;
            }
        }
    }
    decoded.push_str(rest);
    decoded
}

/// Lines trimmed, at most one empty line in a row, none at the ends.
fn tidy(text: &str) -> String {
    let mut lines: Vec<&str> = Vec::new();
    for line in text.lines().map(str::trim) {
        if line.is_empty() && lines.last().is_none_or(|last| last.is_empty()) {
            continue;
        }
        lines.push(line);
    }
    while lines.last().is_some_and(|last| last.is_empty()) {
        lines.pop();
    }
    lines.join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_becomes_escaped_paragraphs() {
        let table = [
            ("Hello", "<p>Hello</p>"),
            ("One\nTwo", "<p>One<br>Two</p>"),
            ("One\n\nTwo", "<p>One</p><p>Two</p>"),
            ("  \n\nOne\r\n\r\n\r\nTwo \n", "<p>One</p><p>Two</p>"),
            (
                "<b>bold</b> & \"quotes\" 'too'",
                "<p>&lt;b&gt;bold&lt;/b&gt; &amp; &quot;quotes&quot; &#39;too&#39;</p>",
            ),
            (
                "<script>alert(1)</script>",
                "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>",
            ),
            ("", ""),
        ];
        for (text, html) in table {
            assert_eq!(paragraphs(text), html, "{text:?}");
        }
    }

    #[test]
    fn html_becomes_text() {
        let table = [
            (
                "<p>Hello, help me with my invoice please</p>",
                "Hello, help me with my invoice please",
            ),
            ("<p>One</p><p>Two<br>Three</p>", "One\nTwo\nThree"),
            (
                "Fish &amp; chips &lt;3 &#8364;5 &#x263A; &nbsp;",
                "Fish & chips <3 €5 ☺",
            ),
            ("<script>alert('x')</script>Visible", "Visible"),
            (
                "<STYLE>p{}</STYLE>Shown<img src=x onerror=alert(1)>",
                "Shown",
            ),
            ("<a href=\"javascript:alert(1)\">link</a>", "link"),
            ("5 < 6 and 7 > 3", "5 < 6 and 7 > 3"),
            ("&bogus; &#xZZ; &", "&bogus; &#xZZ; &"),
            ("<ul><li>a</li><li>b</li></ul>", "a\nb"),
            ("<script>never closed", ""),
            ("a <!-- <b>hidden</b> --> b", "a  b"),
            ("<a title=\"x > y\">link</a>", "link"),
            ("<!DOCTYPE html><p>Doc</p>", "Doc"),
            ("x <3 y", "x <3 y"),
            ("<p>unclosed <b", "unclosed"),
        ];
        for (html, text) in table {
            assert_eq!(to_text(html), text, "{html:?}");
        }
    }

    #[test]
    fn round_trip_keeps_the_words() {
        let text = "First line\nsecond <line>\n\nNew & improved";
        assert_eq!(
            to_text(&paragraphs(text)),
            "First line\nsecond <line>\nNew & improved"
        );
    }
}

//! Templating: the `{name}` placeholders in a text.

/// Replaces each `{name}` in `template` with its value, in one pass: a value that itself holds
/// a `{name}` (a file name, say) stays as it is. An unknown `{name}` stays too.
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    let mut text = String::with_capacity(template.len());
    let mut rest = template;
    while let Some((start, name, end)) = placeholder(rest) {
        text.push_str(&rest[..start]);
        match values.iter().find(|(known, _)| *known == name) {
            Some((_, value)) => {
                text.push_str(value);
                rest = &rest[end..];
            }
            None => {
                text.push('{');
                rest = &rest[start + 1..];
            }
        }
    }
    text.push_str(rest);
    text
}

/// `template` before and after its first `{name}`; all of it before when it has none.
pub fn around<'a>(template: &'a str, name: &str) -> (&'a str, &'a str) {
    let mut offset = 0;
    while let Some((start, found, end)) = placeholder(&template[offset..]) {
        if found == name {
            return (&template[..offset + start], &template[offset + end..]);
        }
        offset += start + 1;
    }
    (template, "")
}

/// The first `{…}` in `text`: where it starts, the name inside, and where it ends. Placeholders
/// are found by their braces (char patterns) rather than by searching for each `{name}`, which
/// keeps the substring search's code out of the wasm.
fn placeholder(text: &str) -> Option<(usize, &str, usize)> {
    let start = text.find('{')?;
    let length = text[start + 1..].find('}')?;
    Some((
        start,
        &text[start + 1..start + 1 + length],
        start + length + 2,
    ))
}

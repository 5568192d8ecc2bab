//! The values the page passes to the JS API, read into the widget's own types: a reply target,
//! labels, a prefill, a token. Whatever the page passes, the result is a value or a problem,
//! never a throw.

use wasm_bindgen::{JsCast, JsValue};

use crate::api::TokenSource;
use crate::contract::backends::Target;
use crate::contract::{Choice, ConfigProblem, Edit, Priority, TicketType};
use crate::ui::options::resolve_api_base;
use crate::ui::texts::Labels;

/// A token source from what the host passed: a string, a function, or nothing.
pub(super) fn token_source(value: &JsValue) -> TokenSource {
    if let Some(provider) = value.dyn_ref::<js_sys::Function>() {
        TokenSource::Provider(provider.clone())
    } else {
        match value.as_string().map(|token| token.trim().to_owned()) {
            Some(token) if !token.is_empty() => TokenSource::Fixed(token),
            _ => TokenSource::None,
        }
    }
}

/// A reply target, and maybe an API base, from what the host passed to `setBackend` or
/// `setTicket`: a ticket id (a string or a number) or an object of fields.
pub(super) fn target_from(value: &JsValue) -> Result<(Target, Option<String>), Vec<ConfigProblem>> {
    // A whole number is written by way of i64: formatting the f64 itself would bring the float
    // formatting code into the wasm.
    let text = |value: &JsValue| match value.as_f64() {
        Some(number) if number.fract() == 0.0 && number.abs() < 9.2e18 => {
            Some((number as i64).to_string())
        }
        _ => value.as_string(),
    };
    if !value.is_object() {
        return match text(value) {
            Some(ticket) => Ok((
                Target {
                    ticket,
                    ..Target::default()
                },
                None,
            )),
            None => Err(vec![ConfigProblem::NotATicket]),
        };
    }
    let get = |key: &str| js_sys::Reflect::get(value, &key.into()).unwrap_or(JsValue::UNDEFINED);
    let mut problems = Vec::new();
    let mut number = |key: &'static str| {
        let field = get(key);
        if field.is_undefined() || field.is_null() {
            return None;
        }
        let parsed = text(&field).and_then(|text| text.trim().parse().ok());
        if parsed.is_none() {
            problems.push(ConfigProblem::NotAWholeNumber {
                name: key,
                value: field.as_string(),
            });
        }
        parsed
    };
    let (staff_user_id, contact_id) = (number("staffUserId"), number("contactId"));
    let api_base = get("apiBase")
        .as_string()
        .map(|base| resolve_api_base(&base))
        .transpose()
        .map_err(|problem| problems.push(problem))
        .ok()
        .flatten();
    let target = Target {
        ticket: text(&get("ticketId")).unwrap_or_default(),
        staff_user_id,
        contact_id,
        name: get("name").as_string(),
        email: get("email").as_string(),
        markdown: get("markdown").is_truthy(),
    };
    match problems.is_empty() {
        true => Ok((target, api_base)),
        false => Err(problems),
    }
}

/// Labels from an object of texts by key, as `setLabels` takes them and `data-labels` holds them.
pub(super) fn labels_from_object(value: &JsValue) -> Result<Labels, ConfigProblem> {
    if !value.is_object() || js_sys::Array::is_array(value) {
        return Err(ConfigProblem::LabelsNotAnObject);
    }
    let entries = js_sys::Object::entries(value.unchecked_ref());
    let mut labels = Vec::new();
    for entry in entries.iter() {
        let pair: js_sys::Array = entry.unchecked_into();
        let key = pair.get(0).as_string().unwrap_or_default();
        match pair.get(1).as_string() {
            Some(text) => labels.push((key, text)),
            None => return Err(ConfigProblem::LabelNotText { key }),
        }
    }
    Ok(Labels(labels))
}

/// The form changes an `open(prefill)` object asks for; unknown or unusable values are skipped.
pub(super) fn prefill_edits(prefill: &JsValue) -> Vec<Edit> {
    if !prefill.is_object() {
        return Vec::new();
    }
    let get = |key: &str| js_sys::Reflect::get(prefill, &key.into()).unwrap_or(JsValue::UNDEFINED);
    let mut edits = Vec::new();
    if let Some(subject) = get("subject").as_string() {
        edits.push(Edit::Subject(subject));
    }
    if let Some(message) = get("message").as_string() {
        edits.push(Edit::Message(message));
    }
    if let Some(stars) = get("rating")
        .as_f64()
        .filter(|stars| (1.0..=5.0).contains(stars))
    {
        edits.push(Edit::Rating(Some(stars.round() as u8)));
    }
    if let Some(kind) = get("type")
        .as_string()
        .and_then(|word| TicketType::parse(&word))
    {
        edits.push(Edit::Type(Some(kind)));
    }
    if let Some(level) = get("priority")
        .as_string()
        .and_then(|word| Priority::parse(&word))
    {
        edits.push(Edit::Priority(Some(level)));
    }
    edits
}

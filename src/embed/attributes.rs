//! The script tag's `data-*` attributes, read into [`Options`], and what was wrong with them.

use web_sys::HtmlElement;

use super::js_args::labels_from_object;
use crate::browser::page::document;
use crate::contract::backends::{BackendKind, Target};
use crate::contract::ConfigProblem;
use crate::ui::options::{Options, Position, Theme};
use crate::ui::texts::{Labels, Locale};

/// The options in the script tag's attributes, and what was wrong with any of them.
// Kept out of `mount`, like the other three parts of mounting (see there).
#[inline(never)]
pub(super) fn options_from(script: &HtmlElement) -> (Options, Vec<ConfigProblem>) {
    let data = script.dataset();
    let text = |name: &str| data.get(name).filter(|value| !value.trim().is_empty());
    let mut warnings = Vec::new();
    let page_lang = document()
        .ok()
        .and_then(|document| document.document_element())
        .and_then(|html| html.get_attribute("lang"));
    let locale = word(
        text("locale"),
        "data-locale",
        "en, nl",
        Locale::from_tag,
        &mut warnings,
    )
    .or_else(|| page_lang.and_then(|tag| Locale::from_tag(&tag)))
    .unwrap_or_default();
    let position = word(
        text("position"),
        "data-position",
        "bottom-right, bottom-left, none",
        Position::parse,
        &mut warnings,
    )
    .unwrap_or_default();
    let theme = word(
        text("theme"),
        "data-theme",
        "light, dark, auto",
        Theme::parse,
        &mut warnings,
    )
    .unwrap_or_default();
    // When the wasm loads is the loader's to decide; here a word it doesn't know is reported
    // (the loader then loads at idle, the default).
    word(
        text("preload"),
        "data-preload",
        "idle, intent",
        |word| matches!(word, "idle" | "intent").then_some(()),
        &mut warnings,
    );
    let labels = text("labels")
        .map(|json| {
            labels_from(&json).unwrap_or_else(|problem| {
                warnings.push(problem);
                Labels::default()
            })
        })
        .unwrap_or_default();
    let backend = text("backend").and_then(|word| {
        let backend = BackendKind::parse(&word);
        if backend.is_none() {
            warnings.push(ConfigProblem::At {
                place: "data-backend",
                problem: Box::new(ConfigProblem::UnknownBackend {
                    word,
                    tickets_instead: text("channel").is_some(),
                }),
            });
        }
        backend
    });
    let target = Target {
        ticket: text("ticketId").unwrap_or_default(),
        staff_user_id: id_number(text("staffUserId"), "data-staff-user-id", &mut warnings),
        contact_id: id_number(text("contactId"), "data-contact-id", &mut warnings),
        name: text("replyName"),
        email: text("replyEmail"),
        markdown: data.get("markdown").is_some_and(|value| value != "false"),
    };
    let options = Options {
        api_base: text("apiBase").unwrap_or_default(),
        channel: text("channel").unwrap_or_default(),
        tool_key: text("toolKey"),
        token: text("token"),
        locale,
        keep_query: data.get("keepQuery").is_some_and(|value| value != "false"),
        position,
        open_selector: text("openSelector"),
        theme,
        labels,
        backend,
        target,
    };
    (options, warnings)
}

/// A whole number from an id attribute; anything else is reported and left out.
fn id_number(
    value: Option<String>,
    attribute: &'static str,
    warnings: &mut Vec<ConfigProblem>,
) -> Option<i64> {
    let value = value?;
    let number = value.trim().parse().ok();
    if number.is_none() {
        warnings.push(ConfigProblem::NotAWholeNumber {
            name: attribute,
            value: Some(value),
        });
    }
    number
}

/// What an attribute's word names. An unknown word is reported, and `None` lets the caller use
/// the default.
fn word<T>(
    value: Option<String>,
    attribute: &'static str,
    allowed: &'static str,
    parse: impl Fn(&str) -> Option<T>,
    warnings: &mut Vec<ConfigProblem>,
) -> Option<T> {
    let value = value?;
    let parsed = parse(&value);
    if parsed.is_none() {
        warnings.push(ConfigProblem::NotAWord {
            attribute,
            value,
            allowed,
        });
    }
    parsed
}

/// Labels from a JSON object of texts by key, as `data-labels` and `setLabels` take them.
fn labels_from(json: &str) -> Result<Labels, ConfigProblem> {
    let value = js_sys::JSON::parse(json).map_err(|_| ConfigProblem::LabelsNotJson)?;
    labels_from_object(&value).map_err(|problem| ConfigProblem::At {
        place: "data-labels",
        problem: Box::new(problem),
    })
}

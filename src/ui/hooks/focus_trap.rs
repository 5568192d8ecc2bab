//! Keeping Tab inside the open dialog.

use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};

/// What can take focus inside `root`, in tab order as far as the DOM order goes: only one radio
/// of a group counts, and only what is shown.
fn tab_stops(root: &Element) -> Vec<HtmlElement> {
    let Ok(list) = root.query_selector_all(
        "button:not([disabled]), input:not([disabled]), select:not([disabled]), \
         textarea:not([disabled]), [href], [tabindex]:not([tabindex='-1'])",
    ) else {
        return Vec::new();
    };
    (0..list.length())
        .filter_map(|index| list.item(index)?.dyn_into::<HtmlElement>().ok())
        .filter(|element| element.get_client_rects().length() > 0)
        .filter(|element| {
            // Tab stops at the checked radio of a group, or at its first when none is checked.
            let Some(radio) = element.dyn_ref::<web_sys::HtmlInputElement>() else {
                return true;
            };
            if radio.type_() != "radio" || radio.checked() {
                return true;
            }
            let group = format!("input[type=radio][name=\"{}\"]", radio.name());
            let checked = root
                .query_selector(&format!("{group}:checked"))
                .ok()
                .flatten();
            let first = root.query_selector(&group).ok().flatten();
            checked.is_none() && first.is_some_and(|first| first == ***radio)
        })
        .collect()
}

/// Moves focus from the last tab stop to the first (Tab) or from the first to the last
/// (Shift+Tab), so that it never leaves the dialog.
pub(crate) fn keep_focus_inside(event: &web_sys::KeyboardEvent, dialog: &Element) {
    if event.key() != "Tab" {
        return;
    }
    let stops = tab_stops(dialog);
    let (Some(first), Some(last)) = (stops.first(), stops.last()) else {
        return;
    };
    let active = dialog
        .get_root_node()
        .dyn_ref::<web_sys::ShadowRoot>()
        .and_then(|root| root.active_element());
    let at = |element: &HtmlElement| active.as_ref().is_some_and(|active| active == &**element);
    let inside = active
        .as_ref()
        .is_some_and(|active| dialog.contains(Some(active)));
    let target = match (event.shift_key(), inside) {
        (false, true) if at(last) => first,
        (true, true) if at(first) => last,
        (false, false) => first,
        (true, false) => last,
        _ => return,
    };
    event.prevent_default();
    let _ = target.focus();
}

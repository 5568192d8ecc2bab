//! The optional star rating: a group of five radio buttons that the arrow keys move through.

use leptos::prelude::*;

use super::context::widget_context;
use super::field_errors::FieldErrors;

/// One to five stars. Browsing with the arrow keys only changes the choice; nothing is sent
/// until Send. "Clear rating" takes the rating away again.
#[component]
pub fn StarRating(
    #[prop(into)] value: Signal<Option<u8>>,
    on_change: Callback<Option<u8>>,
    #[prop(into)] notices: Signal<Vec<String>>,
) -> impl IntoView {
    let texts = widget_context().texts;
    let first_star = NodeRef::<leptos::html::Input>::new();
    let clear = move |_| {
        on_change.run(None);
        // The clear button disappears with the rating; keep focus in the group.
        if let Some(star) = first_star.get() {
            let _ = star.focus();
        }
    };
    let stars = (1..=5u8)
        .map(|stars| {
            let node_ref = if stars == 1 { first_star } else { NodeRef::new() };
            view! {
                <label
                    class="fw-rating__star"
                    part="star"
                    class:fw-rating__star--on=move || value.get().is_some_and(|value| value >= stars)
                >
                    <input
                        node_ref=node_ref
                        type="radio"
                        name="fw-rating"
                        class="fw-rating__input"
                        value=stars.to_string()
                        prop:checked=move || value.get() == Some(stars)
                        on:change=move |_| on_change.run(Some(stars))
                    />
                    <svg viewBox="0 0 24 24" aria-hidden="true">
                        <path d="M12 2.5l2.9 6.1 6.6.8-4.9 4.6 1.3 6.5L12 17.3l-5.9 3.2 1.3-6.5-4.9-4.6 6.6-.8z" />
                    </svg>
                    <span class="fw-sr">{texts.star_label(stars)}</span>
                </label>
            }
            .into_any()
        })
        .collect_view();
    view! {
        <fieldset class="fw-field fw-rating" part="rating" aria-describedby="fw-rating-errors">
            <legend class="fw-field__label">
                {texts.rating}
                " "
                <span class="fw-field__marker">"(" {texts.optional} ")"</span>
            </legend>
            <div class="fw-rating__row">
                <div class="fw-rating__stars">{stars}</div>
                <button
                    type="button"
                    class="fw-rating__clear"
                    hidden=move || value.get().is_none()
                    on:click=clear
                >
                    {texts.clear_rating}
                </button>
            </div>
            <FieldErrors id="fw-rating-errors".to_owned() notices />
        </fieldset>
    }
}

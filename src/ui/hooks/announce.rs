//! The dialog's live region for the new-ticket form: what became of its request.

use leptos::prelude::*;

use crate::contract::{FeedbackForm, Phase};
use crate::ui::effect::effect;
use crate::ui::texts::{localized, ticket_label, Labels, Locale};

/// Says in the dialog's live region what became of a request: sending, sent, waiting, failed.
pub(crate) fn announce_outcomes(
    form: RwSignal<FeedbackForm>,
    announcement: RwSignal<String>,
    locale: RwSignal<Locale>,
    labels: RwSignal<Labels>,
) {
    effect(move || {
        let texts = labels.with(|labels| localized(locale.get(), labels));
        let said = form.with(|form| match &form.submission.phase {
            Phase::Editing => String::new(),
            Phase::Sending => texts.sending.to_owned(),
            Phase::Queued(_) => texts.queued.to_owned(),
            Phase::Done(ticket) => texts.with_ticket(texts.received, &ticket_label(ticket)),
            Phase::Failed(failure) => {
                texts.failed_and_kept(texts.failure(failure, failure.retry_after()))
            }
        });
        announcement.set(said);
    });
}

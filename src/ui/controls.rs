//! The host's side of a widget: the controls it is handed once the widget is set up, and the
//! events the widget tells it about.

use leptos::prelude::*;

use super::options::ReplyTo;
use super::texts::{localized, Labels, Locale, Texts};
use crate::api::{Client, TokenSource};
use crate::contract::backends::{BackendKind, Target};
use crate::contract::{ConfigProblem, Edit, FeedbackForm, Integration, Ticket};

/// Something the host page may want to know about.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum WidgetEvent {
    Open,
    Close,
    /// The server confirmed a ticket.
    Submitted(Ticket),
    /// A help desk confirmed a reply to `ticket`.
    Replied {
        backend: BackendKind,
        ticket: String,
    },
    /// The widget can't work as configured, or a request failed. `code` is stable; `message`
    /// is English for developers. Neither ever contains the token.
    Error {
        code: &'static str,
        message: String,
    },
}

/// The host's hold on a mounted widget. Cheap to copy; every method takes effect at once.
#[derive(Clone, Copy)]
pub struct WidgetControls {
    pub(super) open: RwSignal<bool>,
    /// The form for new tickets; none when the widget was set up to reply to a ticket.
    pub(super) form: Option<RwSignal<FeedbackForm>>,
    /// Where replies go, while the widget replies to a ticket instead of making one.
    pub(super) reply: RwSignal<Option<ReplyTo>>,
    pub(super) api_base: StoredValue<String>,
    pub(super) locale: RwSignal<Locale>,
    pub(super) labels: RwSignal<Labels>,
    pub(super) client: StoredValue<Client>,
    pub(super) placed: RwSignal<u32>,
}

impl WidgetControls {
    /// Opens the dialog, first applying `prefill` to the feedback form.
    pub fn open(&self, prefill: Vec<Edit>) {
        // Without a prefill the form is left as it is, so that opening redraws none of it.
        if let Some(form) = self.form.filter(|_| !prefill.is_empty()) {
            form.update(|form| {
                for edit in prefill {
                    form.edit(edit);
                }
            });
        }
        self.open.set(true);
    }

    /// Closes the dialog; what the user typed stays.
    pub fn close(&self) {
        self.open.set(false);
    }

    /// Replaces the token, or the function asked for it before each request.
    pub fn set_token(&self, token: TokenSource) {
        self.client.update_value(|client| client.set_token(token));
    }

    /// Changes the tool key sent with new tickets. A key that breaks the API's rule is refused
    /// with the reasons, and the old key stays.
    pub fn set_tool_key(&self, key: Option<&str>) -> Result<(), Vec<ConfigProblem>> {
        let Some(form) = self.form else {
            return Err(vec![ConfigProblem::NoToolKeyForReplies]);
        };
        let channel = form.with_untracked(|form| form.integration().channel().to_owned());
        let integration = Integration::new(Some(&channel), key).map_err(|errors| {
            errors
                .into_iter()
                .map(ConfigProblem::Integration)
                .collect::<Vec<_>>()
        })?;
        form.update(|form| form.set_integration(integration));
        Ok(())
    }

    /// Sends replies to `target` through `backend`, at `api_base` when given, else where replies
    /// went so far, else the widget's API base. A target the backend can't use is refused with
    /// the reasons, and nothing changes.
    pub fn set_reply(
        &self,
        backend: BackendKind,
        api_base: Option<String>,
        target: Target,
    ) -> Result<(), Vec<ConfigProblem>> {
        let api_base = api_base
            .or_else(|| {
                self.reply
                    .with_untracked(|reply| reply.as_ref().map(|reply| reply.api_base.clone()))
            })
            .unwrap_or_else(|| self.api_base.get_value());
        self.reply
            .set(Some(ReplyTo::new(backend, api_base, target)?));
        Ok(())
    }

    /// Where replies go now, if the widget replies to a ticket.
    pub fn reply_to(&self) -> Option<ReplyTo> {
        self.reply.get_untracked()
    }

    /// Back to the form for new tickets, for a widget that has one.
    pub fn clear_reply(&self) -> Result<(), ConfigProblem> {
        match self.form {
            Some(_) => {
                self.reply.set(None);
                Ok(())
            }
            None => Err(ConfigProblem::NoFormToGoBackTo),
        }
    }

    /// The texts the widget shows now: its language, with the host's labels. Tracked.
    pub fn texts(&self) -> &'static Texts {
        let locale = self.locale.get();
        self.labels.with(|labels| localized(locale, labels))
    }

    /// Switches the widget's language.
    pub fn set_locale(&self, locale: Locale) {
        self.locale.set(locale);
    }

    /// The page put the widget back after removing it: the open dialog and the button take their
    /// places in the top layer again.
    pub fn placed_again(&self) {
        self.placed.update(|count| *count += 1);
    }

    /// Puts texts in place of the built-in ones, by key; replaces earlier labels. Returns the
    /// keys that name no text (the others still apply).
    pub fn set_labels(&self, labels: Labels) -> Vec<String> {
        let unknown = labels.unknown().into_iter().map(str::to_owned).collect();
        self.labels.set(labels);
        unknown
    }
}

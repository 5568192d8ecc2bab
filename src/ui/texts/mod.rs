//! Every word the widget shows, per locale, and the sentences built from the contract's data.
//! Components take their words from here and never write their own.
//!
//! - `table`: the [`Texts`] struct, one text per key;
//! - `en`, `nl`: the two built-in locales;
//! - `locale`: [`Locale`], which picks a table;
//! - `labels`: the integrator's [`Labels`] in place of built-in texts;
//! - `fill`: the `{name}` placeholders;
//! - `sentences`: sentences from the contract's data (problems, failures, waits);
//! - `shown`: server text, ticket numbers and file names as the widget shows them;
//! - `attachments`: the attachment limits and problems in words;
//! - `config`: the integrator's configuration problems, in English for the developer.

#[cfg(feature = "helpdesks")]
mod attachments;
mod config;
mod en;
mod fill;
mod labels;
mod locale;
mod nl;
mod sentences;
mod shown;
mod table;

pub use config::{config_text, config_texts, CANNOT_OPEN, MOUNT_FAILED, NO_BODY, NO_SHADOW_ROOT};
pub use en::EN;
pub use fill::{around, fill};
pub use labels::{localized, Labels};
pub use locale::Locale;
pub use nl::NL;
pub use sentences::server_message;
pub use shown::{name, named_ticket, server_text, ticket_label, SERVER_TEXT_MAX, TICKET_LABEL_MAX};
pub use table::Texts;

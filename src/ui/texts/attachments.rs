//! The attachment limits and problems in words.

use super::fill::fill;
use super::shown::name;
use super::table::Texts;
use crate::contract::backends::{AttachmentProblem, AttachmentRules};
use crate::contract::file_size;

/// The allowed types as the reader knows them: `JPG, PNG, PDF`.
fn types(rules: &AttachmentRules) -> String {
    rules
        .extensions
        .iter()
        .map(|extension| extension.to_ascii_uppercase())
        .collect::<Vec<_>>()
        .join(", ")
}

impl Texts {
    /// The limits, said before anything is chosen.
    pub fn attachment_limits_text(&self, rules: &AttachmentRules) -> String {
        fill(
            self.attachment_limits,
            &[
                ("types", &types(rules)),
                ("size", &file_size(rules.max_bytes)),
                ("total", &file_size(rules.max_total_bytes)),
                ("count", &rules.max_files.to_string()),
            ],
        )
    }

    /// The sentence for a file that can't be attached.
    pub fn attachment_problem(
        &self,
        rules: &AttachmentRules,
        problem: &AttachmentProblem,
    ) -> String {
        let (template, file) = match problem {
            AttachmentProblem::Type { name } => (self.attachment_type, name),
            AttachmentProblem::TooLarge { name } => (self.attachment_too_large, name),
            AttachmentProblem::Empty { name } => (self.attachment_empty, name),
            AttachmentProblem::TotalTooLarge { name } => (self.attachment_total, name),
            AttachmentProblem::TooMany { name } => (self.attachment_too_many, name),
        };
        fill(
            template,
            &[
                ("name", &name(file)),
                ("types", &types(rules)),
                ("size", &file_size(rules.max_bytes)),
                ("total", &file_size(rules.max_total_bytes)),
                ("count", &rules.max_files.to_string()),
            ],
        )
    }

    /// The sentence for a chosen file that could not be read when sending.
    pub fn attachment_unreadable_text(&self, file: &str) -> String {
        fill(self.attachment_unreadable, &[("name", &name(file))])
    }

    /// The accessible name of the button that removes a chosen file.
    pub fn remove_file_label(&self, file: &str) -> String {
        fill(self.remove_file, &[("name", &name(file))])
    }
}

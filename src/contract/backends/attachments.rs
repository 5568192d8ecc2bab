//! Files sent with a reply: the file itself, and the rules a backend that takes attachments sets
//! for them.

/// A file the user attached.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Attachment {
    pub name: String,
    /// The browser's media type for it; may be empty.
    pub mime: String,
    pub data: Vec<u8>,
}

#[cfg(feature = "helpdesks")]
/// Which files a reply may carry. The defaults are WHMCS's default file types and what a
/// default PHP takes in one request: the base64 in base64 makes a request about 1.8 times the
/// size of its files, so 4 MiB of files stays under PHP's 8 MB `post_max_size`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AttachmentRules {
    /// File name extensions, lower case, without the dot.
    pub extensions: Vec<String>,
    /// The most bytes one file may have.
    pub max_bytes: u64,
    /// The most bytes all files together may have.
    pub max_total_bytes: u64,
    pub max_files: usize,
}

#[cfg(feature = "helpdesks")]
impl Default for AttachmentRules {
    fn default() -> Self {
        AttachmentRules {
            extensions: ["jpg", "jpeg", "gif", "png", "pdf", "txt"]
                .map(str::to_owned)
                .to_vec(),
            max_bytes: 2 * 1024 * 1024,
            max_total_bytes: 4 * 1024 * 1024,
            max_files: 3,
        }
    }
}

#[cfg(feature = "helpdesks")]
/// Why a file can't be attached.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AttachmentProblem {
    /// Its extension is not one of the allowed ones.
    Type { name: String },
    /// The file alone is over the limit.
    TooLarge { name: String },
    /// An empty file.
    Empty { name: String },
    /// It would make the files together too large.
    TotalTooLarge { name: String },
    /// There are already as many files as allowed.
    TooMany { name: String },
}

#[cfg(feature = "helpdesks")]
impl AttachmentRules {
    /// The extensions as an `accept` attribute: `.jpg,.png`.
    pub fn accept(&self) -> String {
        self.extensions
            .iter()
            .map(|extension| format!(".{extension}"))
            .collect::<Vec<_>>()
            .join(",")
    }

    /// Whether a file of this name and size may join `chosen` (name, size) files.
    pub fn check(
        &self,
        chosen: &[(String, u64)],
        name: &str,
        size: u64,
    ) -> Result<(), AttachmentProblem> {
        let name = name.to_owned();
        let extension = name
            .rsplit_once('.')
            .map(|(_, extension)| extension.to_ascii_lowercase());
        if !extension.is_some_and(|extension| self.extensions.contains(&extension)) {
            return Err(AttachmentProblem::Type { name });
        }
        if size == 0 {
            return Err(AttachmentProblem::Empty { name });
        }
        if size > self.max_bytes {
            return Err(AttachmentProblem::TooLarge { name });
        }
        if chosen.len() >= self.max_files {
            return Err(AttachmentProblem::TooMany { name });
        }
        if chosen.iter().map(|(_, size)| size).sum::<u64>() + size > self.max_total_bytes {
            return Err(AttachmentProblem::TotalTooLarge { name });
        }
        Ok(())
    }

    /// The problems with a set of files, each checked against the ones before it.
    pub fn check_all(&self, files: &[(String, u64)]) -> Vec<AttachmentProblem> {
        let mut accepted: Vec<(String, u64)> = Vec::new();
        let mut problems = Vec::new();
        for (name, size) in files {
            match self.check(&accepted, name, *size) {
                Ok(()) => accepted.push((name.clone(), *size)),
                Err(problem) => problems.push(problem),
            }
        }
        problems
    }
}

#[cfg(all(test, feature = "helpdesks"))]
mod tests {
    use super::*;

    #[test]
    fn attachment_rules_at_their_limits() {
        let rules = AttachmentRules::default();
        let mib = 1024 * 1024;
        assert_eq!(rules.check(&[], "shot.PNG", 2 * mib), Ok(()));
        assert_eq!(
            rules.check(&[], "shot.png", 2 * mib + 1),
            Err(AttachmentProblem::TooLarge {
                name: "shot.png".into()
            })
        );
        assert_eq!(
            rules.check(&[], "run.exe", 10),
            Err(AttachmentProblem::Type {
                name: "run.exe".into()
            })
        );
        assert_eq!(
            rules.check(&[], "png", 10),
            Err(AttachmentProblem::Type { name: "png".into() })
        );
        assert_eq!(
            rules.check(&[], "empty.txt", 0),
            Err(AttachmentProblem::Empty {
                name: "empty.txt".into()
            })
        );
        let two = vec![
            ("a.png".to_owned(), 2 * mib),
            ("b.png".to_owned(), 2 * mib - 1),
        ];
        assert_eq!(rules.check(&two, "c.txt", 1), Ok(()));
        assert_eq!(
            rules.check(&two, "c.txt", 2),
            Err(AttachmentProblem::TotalTooLarge {
                name: "c.txt".into()
            })
        );
        let three = vec![
            ("a.txt".to_owned(), 1),
            ("b.txt".to_owned(), 1),
            ("c.txt".to_owned(), 1),
        ];
        assert_eq!(
            rules.check(&three, "d.txt", 1),
            Err(AttachmentProblem::TooMany {
                name: "d.txt".into()
            })
        );
        assert_eq!(
            rules
                .check_all(&[
                    ("a.txt".into(), 1),
                    ("b.exe".into(), 1),
                    ("c.txt".into(), 1)
                ])
                .len(),
            1
        );
        assert_eq!(rules.accept(), ".jpg,.jpeg,.gif,.png,.pdf,.txt");
    }
}

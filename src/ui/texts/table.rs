//! The table of texts: one `&'static str` per key, the same keys in every locale, and lookup by
//! key for the labels an integrator puts in place of the built-in ones.

/// Defines [`Texts`] from its list of keys: the struct, the key list and lookup by key.
macro_rules! texts {
    ($($(#[doc = $doc:literal])* $name:ident,)*) => {
        /// The texts of one locale. Placeholders in braces are filled in by [`fill`].
        #[derive(Clone, Debug)]
        pub struct Texts {
            $($(#[doc = $doc])* pub $name: &'static str,)*
        }

        impl Texts {
            /// The key of every text, as `data-labels` and `setLabels` name them.
            pub const KEYS: &'static [&'static str] = &[$(stringify!($name)),*];

            pub(super) fn text_mut(&mut self, key: &str) -> Option<&mut &'static str> {
                match key {
                    $(stringify!($name) => Some(&mut self.$name),)*
                    _ => None,
                }
            }
        }
    };
}

texts! {
    trigger,
    title,
    intro,
    close,
    subject,
    message,
    rating,
    kind,
    priority,
    required,
    optional,
    not_set,
    bug,
    suggestion,
    other,
    low,
    normal,
    high,
    urgent,
    /// `{n}`: the star's value.
    star,
    clear_rating,
    /// `{n}`, `{max}`: characters used and allowed, for screen readers.
    counter,
    send,
    sending,
    /// `{field}`.
    required_problem,
    /// `{field}`, `{max}`.
    too_long_problem,
    /// `{field}`.
    invalid_problem,
    invalid,
    unauthenticated,
    forbidden,
    not_found,
    /// The help desk answered but would not take the message; its own words follow.
    refused,
    /// A reply's 401, 403 and 404, in place of the new ticket's sentences.
    reply_unauthenticated,
    reply_forbidden,
    reply_not_found,
    /// `{time}`: minutes and seconds until sending is allowed again.
    rate_limited_wait,
    rate_limited,
    rate_limit_over,
    /// `{time}`: the widget's own count of tickets reached the store endpoint's limit.
    too_many_sent,
    /// Sends by itself when a rate limit's wait is over.
    auto_send,
    /// `{status}`.
    server_error,
    /// `{status}`: a gateway's 502 or 504.
    gateway,
    offline,
    network,
    timeout,
    /// After a failure that may have arrived.
    maybe_arrived,
    send_again,
    keep_without_sending,
    /// The ticket waits in the outbox.
    queued,
    cancel_sending,
    /// `{status}`.
    unexpected,
    text_kept,
    server_said,
    thanks,
    /// `{ticket}`.
    received,
    reply_label,
    reply_send,
    /// `{ticket}`.
    reply_sent,
    new_feedback,
    /// `{ticket}`: the dialog's title when the widget replies to a ticket the host names.
    reply_title,
    reply_message,
    reply_post,
    /// `{ticket}`.
    reply_posted,
    thread_title,
    attachments,
    /// `{count}`, `{types}`, `{size}` (each file), `{total}` (all files).
    attachment_limits,
    /// `{name}`, `{types}`.
    attachment_type,
    /// `{name}`, `{size}`.
    attachment_too_large,
    /// `{name}`.
    attachment_empty,
    /// `{name}`, `{total}`.
    attachment_total,
    /// `{name}`, `{count}`.
    attachment_too_many,
    /// `{name}`.
    attachment_unreadable,
    /// `{name}`.
    remove_file,
    /// Shown when the widget crashed.
    crashed,
    crashed_text,
}

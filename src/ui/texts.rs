//! Every word the widget shows, per locale, and the sentences built from the contract's data.

use std::cell::RefCell;

use crate::contract::{Failure, Field, Priority, Problem, TicketType};

/// The built-in languages.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Locale {
    #[default]
    En,
    Nl,
}

impl Locale {
    /// The locale for a language tag such as `nl-BE`; `None` when none is built in.
    pub fn from_tag(tag: &str) -> Option<Locale> {
        let language = tag.trim().split(['-', '_']).next()?.to_ascii_lowercase();
        match language.as_str() {
            "en" => Some(Locale::En),
            "nl" => Some(Locale::Nl),
            _ => None,
        }
    }

    pub fn texts(self) -> &'static Texts {
        match self {
            Locale::En => &EN,
            Locale::Nl => &NL,
        }
    }

    /// The `lang` attribute for the widget's content.
    pub fn tag(self) -> &'static str {
        match self {
            Locale::En => "en",
            Locale::Nl => "nl",
        }
    }
}

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

            fn text_mut(&mut self, key: &str) -> Option<&mut &'static str> {
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

pub static EN: Texts = Texts {
    trigger: "Feedback",
    title: "Send feedback",
    intro: "Tell us what works, what doesn't, or what you miss.",
    close: "Close",
    subject: "Subject",
    message: "Message",
    rating: "Rating",
    kind: "Type",
    priority: "Priority",
    required: "required",
    optional: "optional",
    not_set: "Not set",
    bug: "Bug",
    suggestion: "Suggestion",
    other: "Other",
    low: "Low",
    normal: "Normal",
    high: "High",
    urgent: "Urgent",
    star: "{n} of 5",
    clear_rating: "Clear rating",
    counter: "{n} of {max} characters",
    send: "Send",
    sending: "Sending…",
    required_problem: "Fill in the {field}.",
    too_long_problem: "The {field} is too long: at most {max} characters.",
    invalid_problem: "The {field} has a value the service does not accept.",
    invalid: "The service did not accept some fields. Check the marked fields.",
    unauthenticated: "The feedback service did not accept this site's sign-in, so your feedback was not sent.",
    forbidden: "This site is not allowed to send feedback to the service, so your feedback was not sent.",
    not_found: "The feedback service or its channel was not found, so your feedback was not sent.",
    refused: "The help desk did not accept your message, so it was not sent.",
    reply_unauthenticated: "The help desk did not accept this site's sign-in, so your reply was not sent.",
    reply_forbidden: "The help desk does not allow this site to reply to this ticket, so your reply was not sent.",
    reply_not_found: "The help desk did not find this ticket, so your reply was not sent.",
    rate_limited_wait: "Too many messages in a short time. You can send again in {time}.",
    rate_limited: "Too many messages in a short time. Wait a few minutes, then send again.",
    rate_limit_over: "You can send again now.",
    too_many_sent: "You have sent 10 messages from this browser in 5 minutes, the most the service takes. You can send again in {time}.",
    auto_send: "Send automatically when the wait is over",
    server_error: "The feedback service had a problem (error {status}) and did not confirm your feedback. Try again in a moment.",
    gateway: "A gateway on the way to the feedback service failed (error {status}). Your feedback may have arrived.",
    offline: "You are offline, so nothing was sent.",
    network: "The connection to the feedback service failed. A browser extension such as an ad blocker may have blocked it, or the connection dropped; if it dropped after sending, your feedback may have arrived.",
    timeout: "The feedback service did not answer within 30 seconds. Your feedback may have arrived.",
    maybe_arrived: "If it did arrive, sending again makes a second ticket.",
    send_again: "Send again",
    keep_without_sending: "Don't send again",
    queued: "You are offline. Your feedback waits here and goes out as soon as the connection is back.",
    cancel_sending: "Don't send it",
    unexpected: "The feedback service gave an answer we could not read (status {status}), so we can't confirm your feedback arrived.",
    text_kept: "Your text is still here.",
    server_said: "The service said:",
    thanks: "Thank you!",
    received: "Your feedback was received as ticket {ticket}.",
    reply_label: "Add details",
    reply_send: "Add to ticket",
    reply_sent: "Your details were added to ticket {ticket}.",
    new_feedback: "Send other feedback",
    reply_title: "Reply to ticket {ticket}",
    reply_message: "Your reply",
    reply_post: "Send reply",
    reply_posted: "Your reply was added to ticket {ticket}.",
    thread_title: "Conversation",
    attachments: "Attach files",
    attachment_limits: "Up to {count} files of type {types}; at most {size} each and {total} in all.",
    attachment_type: "{name} was not added: only {types} files can be attached.",
    attachment_too_large: "{name} was not added: a file can be at most {size}.",
    attachment_empty: "{name} was not added: the file is empty.",
    attachment_total: "{name} was not added: the files together can be at most {total}.",
    attachment_too_many: "{name} was not added: at most {count} files can be attached.",
    attachment_unreadable: "{name} could not be read, so nothing was sent. Remove it or choose it again.",
    remove_file: "Remove {name}",
    crashed: "The feedback form stopped working. What you wrote is kept: reload the page and open the form again to send it.",
    crashed_text: "What you wrote",
};

pub static NL: Texts = Texts {
    trigger: "Feedback",
    title: "Feedback sturen",
    intro: "Vertel ons wat werkt, wat niet werkt of wat je mist.",
    close: "Sluiten",
    subject: "Onderwerp",
    message: "Bericht",
    rating: "Beoordeling",
    kind: "Soort",
    priority: "Prioriteit",
    required: "verplicht",
    optional: "optioneel",
    not_set: "Niet gekozen",
    bug: "Fout",
    suggestion: "Suggestie",
    other: "Anders",
    low: "Laag",
    normal: "Normaal",
    high: "Hoog",
    urgent: "Dringend",
    star: "{n} van 5",
    clear_rating: "Beoordeling wissen",
    counter: "{n} van {max} tekens",
    send: "Versturen",
    sending: "Bezig met versturen…",
    required_problem: "Vul het veld {field} in.",
    too_long_problem: "Het veld {field} is te lang: hooguit {max} tekens.",
    invalid_problem: "Het veld {field} heeft een waarde die de dienst niet accepteert.",
    invalid: "De dienst accepteerde niet alle velden. Controleer de gemarkeerde velden.",
    unauthenticated: "De feedbackdienst accepteerde de aanmelding van deze site niet, dus je feedback is niet verstuurd.",
    forbidden: "Deze site mag geen feedback naar de dienst sturen, dus je feedback is niet verstuurd.",
    not_found: "De feedbackdienst of het kanaal is niet gevonden, dus je feedback is niet verstuurd.",
    refused: "De helpdesk accepteerde je bericht niet, dus het is niet verstuurd.",
    reply_unauthenticated: "De helpdesk accepteerde de aanmelding van deze site niet, dus je reactie is niet verstuurd.",
    reply_forbidden: "De helpdesk staat deze site niet toe op dit ticket te reageren, dus je reactie is niet verstuurd.",
    reply_not_found: "De helpdesk vond dit ticket niet, dus je reactie is niet verstuurd.",
    rate_limited_wait: "Te veel berichten in korte tijd. Je kunt weer versturen over {time}.",
    rate_limited: "Te veel berichten in korte tijd. Wacht een paar minuten en verstuur dan opnieuw.",
    rate_limit_over: "Je kunt nu weer versturen.",
    too_many_sent: "Je hebt vanuit deze browser 10 berichten in 5 minuten verstuurd, het maximum van de dienst. Je kunt weer versturen over {time}.",
    auto_send: "Automatisch versturen als de wachttijd voorbij is",
    server_error: "De feedbackdienst had een probleem (fout {status}) en heeft je feedback niet bevestigd. Probeer het zo nog eens.",
    gateway: "Een gateway op weg naar de feedbackdienst faalde (fout {status}). Je feedback is misschien aangekomen.",
    offline: "Je bent offline, dus er is niets verstuurd.",
    network: "De verbinding met de feedbackdienst mislukte. Een browserextensie zoals een adblocker kan het verzoek hebben geblokkeerd, of de verbinding viel weg; viel die weg na het versturen, dan is je feedback misschien aangekomen.",
    timeout: "De feedbackdienst antwoordde niet binnen 30 seconden. Je feedback is misschien aangekomen.",
    maybe_arrived: "Is hij wel aangekomen, dan maakt opnieuw versturen een tweede ticket.",
    send_again: "Opnieuw versturen",
    keep_without_sending: "Niet opnieuw versturen",
    queued: "Je bent offline. Je feedback wacht hier en gaat weg zodra de verbinding terug is.",
    cancel_sending: "Niet versturen",
    unexpected: "De feedbackdienst gaf een antwoord dat we niet konden lezen (status {status}), dus we kunnen niet bevestigen dat je feedback is aangekomen.",
    text_kept: "Je tekst staat er nog.",
    server_said: "De dienst meldde:",
    thanks: "Bedankt!",
    received: "Je feedback is ontvangen als ticket {ticket}.",
    reply_label: "Details toevoegen",
    reply_send: "Aan ticket toevoegen",
    reply_sent: "Je details zijn toegevoegd aan ticket {ticket}.",
    new_feedback: "Andere feedback sturen",
    reply_title: "Reageren op ticket {ticket}",
    reply_message: "Je reactie",
    reply_post: "Reactie versturen",
    reply_posted: "Je reactie is toegevoegd aan ticket {ticket}.",
    thread_title: "Gesprek",
    attachments: "Bestanden bijvoegen",
    attachment_limits: "Tot {count} bestanden van het type {types}; hoogstens {size} per bestand en {total} samen.",
    attachment_type: "{name} is niet toegevoegd: alleen {types}-bestanden kunnen worden bijgevoegd.",
    attachment_too_large: "{name} is niet toegevoegd: een bestand mag hoogstens {size} zijn.",
    attachment_empty: "{name} is niet toegevoegd: het bestand is leeg.",
    attachment_total: "{name} is niet toegevoegd: de bestanden samen mogen hoogstens {total} zijn.",
    attachment_too_many: "{name} is niet toegevoegd: er kunnen hoogstens {count} bestanden worden bijgevoegd.",
    attachment_unreadable: "{name} kon niet worden gelezen, dus er is niets verstuurd. Verwijder het of kies het opnieuw.",
    remove_file: "{name} verwijderen",
    crashed: "Het feedbackformulier werkt niet meer. Wat je schreef is bewaard: laad de pagina opnieuw en open het formulier om het te versturen.",
    crashed_text: "Wat je schreef",
};

/// Texts the integrator puts in place of built-in ones, by key (see [`Texts::KEYS`]).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Labels(pub Vec<(String, String)>);

impl Labels {
    /// The keys that name no text.
    pub fn unknown(&self) -> Vec<&str> {
        self.0
            .iter()
            .map(|(key, _)| key.as_str())
            .filter(|key| !Texts::KEYS.contains(key))
            .collect()
    }
}

thread_local! {
    /// Texts built with labels. A widget's components hold `&'static Texts`, so built texts live
    /// as long as the page; this keeps one copy per locale and set of labels.
    static BUILT: RefCell<Vec<(Locale, Labels, &'static Texts)>> = const { RefCell::new(Vec::new()) };
}

/// The texts of `locale`, with `labels` in place of the built-in ones they name.
pub fn localized(locale: Locale, labels: &Labels) -> &'static Texts {
    if labels.0.is_empty() {
        return locale.texts();
    }
    BUILT.with_borrow_mut(|built| {
        if let Some((_, _, texts)) = built.iter().find(|(l, ls, _)| *l == locale && ls == labels) {
            return *texts;
        }
        let mut texts = locale.texts().clone();
        for (key, text) in &labels.0 {
            if let Some(slot) = texts.text_mut(key) {
                *slot = Box::leak(text.clone().into_boxed_str());
            }
        }
        let texts: &'static Texts = Box::leak(Box::new(texts));
        built.push((locale, labels.clone(), texts));
        texts
    })
}

/// Replaces each `{name}` in `template` with its value, in one pass: a value that itself holds
/// a `{name}` (a file name, say) stays as it is. An unknown `{name}` stays too.
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    let mut text = String::with_capacity(template.len());
    let mut rest = template;
    while let Some((start, name, end)) = placeholder(rest) {
        text.push_str(&rest[..start]);
        match values.iter().find(|(known, _)| *known == name) {
            Some((_, value)) => {
                text.push_str(value);
                rest = &rest[end..];
            }
            None => {
                text.push('{');
                rest = &rest[start + 1..];
            }
        }
    }
    text.push_str(rest);
    text
}

/// `template` before and after its first `{name}`; all of it before when it has none.
pub fn around<'a>(template: &'a str, name: &str) -> (&'a str, &'a str) {
    let mut offset = 0;
    while let Some((start, found, end)) = placeholder(&template[offset..]) {
        if found == name {
            return (&template[..offset + start], &template[offset + end..]);
        }
        offset += start + 1;
    }
    (template, "")
}

/// The first `{…}` in `text`: where it starts, the name inside, and where it ends. Placeholders
/// are found by their braces (char patterns) rather than by searching for each `{name}`, which
/// keeps the substring search's code out of the wasm.
fn placeholder(text: &str) -> Option<(usize, &str, usize)> {
    let start = text.find('{')?;
    let length = text[start + 1..].find('}')?;
    Some((
        start,
        &text[start + 1..start + 1 + length],
        start + length + 2,
    ))
}

impl Texts {
    /// The label of a field the user edits.
    pub fn field(&self, field: Field) -> &'static str {
        match field {
            Field::Subject => self.subject,
            Field::Message => self.message,
            Field::Rating => self.rating,
            Field::Type => self.kind,
            Field::Priority => self.priority,
            other => other.name(),
        }
    }

    pub fn ticket_type(&self, kind: TicketType) -> &'static str {
        match kind {
            TicketType::Bug => self.bug,
            TicketType::Suggestion => self.suggestion,
            TicketType::Other => self.other,
        }
    }

    pub fn priority_level(&self, priority: Priority) -> &'static str {
        match priority {
            Priority::Low => self.low,
            Priority::Normal => self.normal,
            Priority::High => self.high,
            Priority::Urgent => self.urgent,
        }
    }

    /// The sentence for a broken rule of `field`.
    pub fn problem(&self, field: Field, problem: Problem) -> String {
        // ASCII lowering keeps Unicode's case tables out of the wasm; the built-in labels are
        // ASCII, and a label that is not keeps its own letters.
        let name = self.field(field).to_ascii_lowercase();
        match problem {
            Problem::Required => fill(self.required_problem, &[("field", &name)]),
            Problem::TooLong { max } => fill(
                self.too_long_problem,
                &[("field", &name), ("max", &max.to_string())],
            ),
            _ => fill(self.invalid_problem, &[("field", &name)]),
        }
    }

    /// The sentence for a failed reply: a reply's own words where they differ from a ticket's.
    pub fn reply_failure(&self, failure: &Failure, wait: Option<u32>) -> String {
        match failure {
            Failure::Unauthenticated { .. } => self.reply_unauthenticated.to_owned(),
            Failure::Forbidden { .. } => self.reply_forbidden.to_owned(),
            Failure::NotFound { .. } => self.reply_not_found.to_owned(),
            _ => self.failure(failure, wait),
        }
    }

    /// The sentence for a failed request. `wait` is the rate limit's remaining time, when known.
    pub fn failure(&self, failure: &Failure, wait: Option<u32>) -> String {
        let status = |status: &u16| status.to_string();
        match failure {
            Failure::Invalid { .. } => self.invalid.to_owned(),
            Failure::Unauthenticated { .. } => self.unauthenticated.to_owned(),
            Failure::Forbidden { .. } => self.forbidden.to_owned(),
            Failure::NotFound { .. } => self.not_found.to_owned(),
            Failure::Refused { .. } => self.refused.to_owned(),
            Failure::RateLimited(_) | Failure::TooManySent { .. } => match wait {
                Some(0) => self.rate_limit_over.to_owned(),
                Some(seconds) => {
                    let template = match failure {
                        Failure::TooManySent { .. } => self.too_many_sent,
                        _ => self.rate_limited_wait,
                    };
                    fill(template, &[("time", &clock(seconds))])
                }
                None => self.rate_limited.to_owned(),
            },
            Failure::ServerError { status: code, .. } if failure.is_ambiguous() => {
                fill(self.gateway, &[("status", &status(code))])
            }
            Failure::ServerError { status: code, .. } => {
                fill(self.server_error, &[("status", &status(code))])
            }
            Failure::Offline => self.offline.to_owned(),
            Failure::Network => self.network.to_owned(),
            Failure::Timeout => self.timeout.to_owned(),
            Failure::Unexpected { status: code, .. } => {
                fill(self.unexpected, &[("status", &status(code))])
            }
        }
    }
}

/// Seconds as `m:ss`.
fn clock(seconds: u32) -> String {
    format!("{}:{:02}", seconds / 60, seconds % 60)
}

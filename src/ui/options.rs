//! The integrator's options, as the script tag's `data-*` attributes or a Leptos app give them.

use super::texts::{Labels, Locale};
use crate::api::{Client, TokenSource};
use crate::contract::backends::{BackendKind, Target};
use crate::contract::{token_sendable, ConfigProblem, Integration};

/// Where the "Feedback" button sits.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Position {
    #[default]
    BottomRight,
    BottomLeft,
    /// No button: the host opens the form from its own element or the JS API.
    None,
}

impl Position {
    /// The position a `data-position` word names.
    pub fn parse(word: &str) -> Option<Position> {
        match word.trim() {
            "bottom-right" => Some(Position::BottomRight),
            "bottom-left" => Some(Position::BottomLeft),
            "none" => Some(Position::None),
            _ => None,
        }
    }
}

/// The widget's colours.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Theme {
    #[default]
    Light,
    Dark,
    /// Follows the reader's `prefers-color-scheme`.
    Auto,
}

impl Theme {
    /// The theme a `data-theme` word names.
    pub fn parse(word: &str) -> Option<Theme> {
        match word.trim() {
            "light" => Some(Theme::Light),
            "dark" => Some(Theme::Dark),
            "auto" => Some(Theme::Auto),
            _ => None,
        }
    }

    /// The value of the widget root's `data-theme` attribute.
    pub fn word(self) -> &'static str {
        match self {
            Theme::Light => "light",
            Theme::Dark => "dark",
            Theme::Auto => "auto",
        }
    }
}

/// How one widget is set up. The script tag's attributes fill it in; Leptos apps build it
/// directly.
#[derive(Clone, Default)]
pub struct Options {
    /// The help-desk API's base URL, such as `https://api.example.com/api`; a path such as `/api`
    /// is taken relative to the page. Default: empty, which is an error.
    pub api_base: String,
    /// The channel slug tickets go to (`data-channel`). Default: empty, which is an error.
    pub channel: String,
    /// The tool key sent with each ticket (`data-tool-key`). Default: none.
    pub tool_key: Option<String>,
    /// The Bearer token (`data-token`). Default: none, and no `Authorization` header is sent.
    pub token: Option<String>,
    /// The language of the widget (`data-locale`). Default: English.
    pub locale: Locale,
    /// Keep the query string in the `page` sent with a ticket (`data-keep-query`). Default:
    /// false, since query strings often carry tokens.
    pub keep_query: bool,
    /// Where the "Feedback" button sits, or none (`data-position`). Default: bottom right.
    pub position: Position,
    /// Clicks on page elements matching this CSS selector open the form
    /// (`data-open-selector`). Default: none.
    pub open_selector: Option<String>,
    /// Light, dark, or following the reader's preference (`data-theme`). Default: light.
    pub theme: Theme,
    /// Texts in place of the built-in ones, by key (`data-labels`, a JSON object). Default: none.
    pub labels: Labels,
    /// The help desk to reply to (`data-backend`): with one, the widget adds replies to the
    /// ticket in `target` instead of making tickets, and needs no channel. Default: none.
    pub backend: Option<BackendKind>,
    /// The ticket replies go to and who they are from (`data-ticket-id` and the backend's own
    /// attributes). Only read with a backend.
    pub target: Target,
}

/// Where the widget's replies go: a backend, the API base of its help desk, and the ticket.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReplyTo {
    pub backend: BackendKind,
    /// Absolute, without a trailing slash.
    pub api_base: String,
    pub target: Target,
}

impl ReplyTo {
    /// Checks `target` against what `backend` needs.
    pub fn new(
        backend: BackendKind,
        api_base: String,
        target: Target,
    ) -> Result<Self, Vec<ConfigProblem>> {
        let problems: Vec<ConfigProblem> = backend
            .backend()
            .check_target(&target)
            .into_iter()
            .map(|problem| ConfigProblem::Target { backend, problem })
            .collect();
        match problems.is_empty() {
            true => Ok(ReplyTo {
                backend,
                api_base,
                target,
            }),
            false => Err(problems),
        }
    }
}

/// Checked options, ready to use.
pub struct Setup {
    /// The absolute API base, without a trailing slash.
    pub api_base: String,
    /// The channel and tool key of new tickets; none when the widget replies to a ticket.
    pub integration: Option<Integration>,
    /// Where replies go, when the widget replies to a ticket the host names.
    pub reply: Option<ReplyTo>,
    pub client: Client,
    pub locale: Locale,
    pub keep_query: bool,
    pub position: Position,
    pub open_selector: Option<String>,
    pub theme: Theme,
    pub labels: Labels,
    /// Problems that don't stop the widget, such as an unknown label key, for the console.
    pub warnings: Vec<ConfigProblem>,
}

impl Options {
    /// Checks the options; `ui::texts::config_text` words each problem for the developer.
    pub fn check(&self) -> Result<Setup, Vec<ConfigProblem>> {
        let mut problems = Vec::new();
        let mut warnings = Vec::new();
        let api_base = resolve_api_base(&self.api_base).map_err(|problem| problems.push(problem));
        // A widget that replies to a ticket makes none, so it needs no channel.
        let integration = match self.backend {
            Some(_) => Ok(None),
            None => Integration::new(Some(&self.channel), self.tool_key.as_deref())
                .map(Some)
                .map_err(|errors| {
                    problems.extend(errors.into_iter().map(ConfigProblem::Integration))
                }),
        };
        let reply = match (self.backend, &api_base) {
            (Some(backend), Ok(api_base)) => {
                ReplyTo::new(backend, api_base.clone(), self.target.clone())
                    .map(Some)
                    .map_err(|errors| problems.extend(errors))
            }
            _ => Ok(None),
        };
        let token = self
            .token
            .as_deref()
            .map(str::trim)
            .filter(|token| !token.is_empty());
        if token.is_some_and(|token| !token_sendable(token)) {
            problems.push(ConfigProblem::At {
                place: "data-token",
                problem: Box::new(ConfigProblem::TokenNotSendable),
            });
        }
        match (api_base, integration, reply) {
            (Ok(api_base), Ok(integration), Ok(reply)) if problems.is_empty() => Ok(Setup {
                integration,
                reply,
                client: Client::new(
                    api_base.clone(),
                    token.map_or(TokenSource::None, |token| TokenSource::Fixed(token.into())),
                ),
                locale: self.locale,
                keep_query: self.keep_query,
                api_base,
                position: self.position,
                open_selector: self.checked_selector(&mut warnings),
                theme: self.theme,
                labels: self.labels.clone(),
                warnings: {
                    let unknown = self.labels.unknown();
                    if !unknown.is_empty() {
                        warnings.push(ConfigProblem::At {
                            place: "data-labels",
                            problem: Box::new(ConfigProblem::UnknownLabels {
                                keys: unknown.into_iter().map(str::to_owned).collect(),
                            }),
                        });
                    }
                    warnings
                },
            }),
            _ => Err(problems),
        }
    }
}

impl Options {
    /// The open selector, if the page's `querySelector` takes it; otherwise a warning.
    fn checked_selector(&self, warnings: &mut Vec<ConfigProblem>) -> Option<String> {
        let selector = self.open_selector.as_deref()?.trim();
        let document = web_sys::window()?.document()?;
        match document.query_selector(selector) {
            Ok(_) => Some(selector.to_owned()),
            Err(_) => {
                warnings.push(ConfigProblem::NotASelector {
                    selector: selector.to_owned(),
                });
                None
            }
        }
    }
}

/// The absolute API base, without a trailing slash.
pub(crate) fn resolve_api_base(raw: &str) -> Result<String, ConfigProblem> {
    let raw = raw.trim();
    if raw.is_empty() {
        return Err(ConfigProblem::ApiBaseMissing);
    }
    let page = web_sys::window()
        .and_then(|window| window.document())
        .and_then(|document| document.base_uri().ok().flatten());
    let url = match &page {
        Some(page) => web_sys::Url::new_with_base(raw, page),
        None => web_sys::Url::new(raw),
    }
    .map_err(|_| ConfigProblem::ApiBaseNotUrl { raw: raw.into() })?;
    if !matches!(url.protocol().as_str(), "http:" | "https:") {
        return Err(ConfigProblem::ApiBaseNotHttp { raw: raw.into() });
    }
    let base = format!("{}{}", url.origin(), url.pathname());
    Ok(base.trim_end_matches('/').to_owned())
}

//! The client of the help-desk API and of the help desks replies may go to: which request to
//! make, with which token, and what its answer means. The wire itself is [`super::http`]'s.

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use super::http::{body_of, json_text, post, Answer, Outgoing};
#[cfg(feature = "helpdesks")]
use super::pace;
use crate::contract::backends::{bearer, Attachment, BackendKind, Receipt, ReplyParts, Target};
use crate::contract::{read_store_answer, Failure, StoreRequest, Ticket};

const STORE_PATH: &str = "/services/platforms/v1/support/tickets/store";

/// Where the Bearer token comes from.
#[derive(Clone, Default)]
pub enum TokenSource {
    /// No token: no `Authorization` header.
    #[default]
    None,
    /// The same token for every request.
    Fixed(String),
    /// A host function, asked before each request; it returns the token or a promise of it.
    Provider(js_sys::Function),
}

impl TokenSource {
    /// The token to send now. A provider that throws, rejects or gives no string fails the
    /// request before anything is sent.
    async fn current(&self) -> Result<Option<String>, Failure> {
        let provider = match self {
            TokenSource::None => return Ok(None),
            TokenSource::Fixed(token) => return Ok(Some(token.clone())),
            TokenSource::Provider(provider) => provider,
        };
        let refused = || Failure::Unauthenticated { message: None };
        let mut value = provider.call0(&JsValue::UNDEFINED).map_err(|_| refused())?;
        if let Some(promise) = value.dyn_ref::<js_sys::Promise>() {
            value = JsFuture::from(promise.clone())
                .await
                .map_err(|_| refused())?;
        }
        Ok(value
            .as_string()
            .map(|token| token.trim().to_owned())
            .filter(|token| !token.is_empty()))
    }
}

/// A client of the help-desk API, and of the help desks replies may go to.
#[derive(Clone)]
pub struct Client {
    api_base: String,
    token: TokenSource,
}

impl Client {
    /// A client for the API under `api_base` (absolute, without a trailing slash). The token,
    /// when there is one, is sent as the backend's credential header and nowhere else.
    pub fn new(api_base: String, token: TokenSource) -> Self {
        Client { api_base, token }
    }

    pub fn set_token(&mut self, token: TokenSource) {
        self.token = token;
    }

    /// Creates a ticket.
    pub async fn store(&self, request: &StoreRequest) -> Result<Ticket, Failure> {
        let url = format!("{}{STORE_PATH}", self.api_base);
        let body = json_text(serde_wasm_bindgen::to_value(request).ok())?;
        let answer = self
            .send(None, |token| {
                Ok(Outgoing {
                    url: url.clone(),
                    headers: bearer(token),
                    body: body.clone(),
                })
            })
            .await?;
        read_store_answer(answer.status, answer.rate, answer.body.as_ref())
    }

    /// Adds a reply to `target` through `backend`, at the help desk under `api_base`.
    pub async fn reply(
        &self,
        api_base: &str,
        backend: BackendKind,
        target: &Target,
        message: &str,
        attachments: &[Attachment],
    ) -> Result<Receipt, Failure> {
        let backend = backend.backend();
        let limit = backend.per_second().map(|limit| (api_base, limit));
        let answer = self
            .send(limit, |token| {
                let request = backend
                    .request(&ReplyParts {
                        api_base,
                        target,
                        message,
                        attachments,
                        token,
                    })
                    .map_err(|_| Failure::Invalid {
                        message: None,
                        errors: Vec::new(),
                    })?;
                Ok(Outgoing {
                    body: body_of(&request.body)?,
                    url: request.url,
                    headers: request.headers,
                })
            })
            .await?;
        backend.read(answer.status, answer.rate, answer.body.as_ref())
    }

    /// Sends the request `build` makes with the current token. After a 401, a token provider
    /// is asked once more and the request is sent once more: the provider's token may have
    /// expired in the meantime. `limit` is the help desk's and its requests a second, when it
    /// has such a limit.
    async fn send(
        &self,
        limit: Option<(&str, u32)>,
        build: impl Fn(Option<&str>) -> Result<Outgoing, Failure>,
    ) -> Result<Answer, Failure> {
        let answer = self.send_once(limit, &build).await?;
        if answer.status == 401 && matches!(self.token, TokenSource::Provider(_)) {
            return self.send_once(limit, &build).await;
        }
        Ok(answer)
    }

    /// Asks for the token, then builds and posts the request. Under a limit a second, it first
    /// waits for its turn, and holds it until the answer is in.
    async fn send_once(
        &self,
        limit: Option<(&str, u32)>,
        build: &impl Fn(Option<&str>) -> Result<Outgoing, Failure>,
    ) -> Result<Answer, Failure> {
        #[cfg(feature = "helpdesks")]
        let _turn = match limit {
            Some((api_base, limit)) => Some(pace::keep_pace(api_base, limit).await),
            None => None,
        };
        #[cfg(not(feature = "helpdesks"))]
        let _ = limit;
        let token = self.token.current().await?;
        post(build(token.as_deref())?).await
    }
}

//! The one place that talks to the network: posts the store and reply requests and reads every
//! answer, or the lack of one, into the contract's typed outcome.

use gloo_net::http::Request;
use serde::Serialize;
use serde_json::Value;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use crate::contract::{
    read_reply_answer, read_store_answer, Failure, RateLimit, ReplyRequest, StoreRequest, Ticket,
};

/// How long a request may take before it is given up and reported as a timeout.
pub const TIMEOUT_MS: u32 = 30_000;

const STORE_PATH: &str = "/services/platforms/v1/support/tickets/store";
const REPLY_PATH: &str = "/services/platforms/v1/support/tickets/reply";

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
    /// A token source from what the host passed: a string, a function, or nothing.
    pub fn from_js(value: &JsValue) -> TokenSource {
        if let Some(provider) = value.dyn_ref::<js_sys::Function>() {
            TokenSource::Provider(provider.clone())
        } else {
            match value.as_string().map(|token| token.trim().to_owned()) {
                Some(token) if !token.is_empty() => TokenSource::Fixed(token),
                _ => TokenSource::None,
            }
        }
    }

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

/// A client of the help-desk API.
#[derive(Clone)]
pub struct Client {
    api_base: String,
    token: TokenSource,
}

/// The raw parts of an answer, before the contract reads them.
struct Answer {
    status: u16,
    rate: RateLimit,
    body: Option<Value>,
}

impl Client {
    /// A client for the API under `api_base` (absolute, without a trailing slash). The token,
    /// when there is one, is sent as `Authorization: Bearer …` and nowhere else.
    pub fn new(api_base: String, token: TokenSource) -> Self {
        Client { api_base, token }
    }

    pub fn set_token(&mut self, token: TokenSource) {
        self.token = token;
    }

    /// Creates a ticket.
    pub async fn store(&self, request: &StoreRequest) -> Result<Ticket, Failure> {
        let answer = self.post(STORE_PATH, request).await?;
        read_store_answer(answer.status, answer.rate, answer.body.as_ref())
    }

    /// Adds a reply to a ticket.
    pub async fn reply(&self, request: &ReplyRequest) -> Result<(), Failure> {
        let answer = self.post(REPLY_PATH, request).await?;
        read_reply_answer(answer.status, answer.rate, answer.body.as_ref())
    }

    /// Posts with the current token. After a 401, a token provider is asked once more and the
    /// request is sent once more: the provider's token may have expired in the meantime.
    async fn post(&self, path: &str, body: &impl Serialize) -> Result<Answer, Failure> {
        let answer = self
            .post_with(path, body, self.token.current().await?)
            .await?;
        if answer.status == 401 && matches!(self.token, TokenSource::Provider(_)) {
            return self
                .post_with(path, body, self.token.current().await?)
                .await;
        }
        Ok(answer)
    }

    async fn post_with(
        &self,
        path: &str,
        body: &impl Serialize,
        token: Option<String>,
    ) -> Result<Answer, Failure> {
        if !crate::delivery::online() {
            return Err(Failure::Offline);
        }
        // The browser's JSON.stringify keeps serde_json's writer out of the wasm.
        let json = serde_wasm_bindgen::to_value(body)
            .ok()
            .and_then(|value| js_sys::JSON::stringify(&value).ok())
            .ok_or(Failure::Unexpected {
                status: 0,
                message: None,
            })?;
        let signal = web_sys::AbortSignal::timeout_with_u32(TIMEOUT_MS);
        let mut builder = Request::post(&format!("{}{path}", self.api_base))
            .header("Accept", "application/json")
            .header("Content-Type", "application/json")
            .abort_signal(Some(&signal));
        if let Some(token) = token {
            builder = builder.header("Authorization", &format!("Bearer {token}"));
        }
        let request = builder
            .body(JsValue::from(json))
            .map_err(|_| Failure::Network)?;
        let response = request.send().await.map_err(|error| match error {
            gloo_net::Error::JsError(error)
                if error.name == "TimeoutError" || error.name == "AbortError" =>
            {
                Failure::Timeout
            }
            _ => Failure::Network,
        })?;

        let status = response.status();
        let headers = response.headers();
        let rate = RateLimit::from_headers(|name| headers.get(name));
        let raw: web_sys::Response = response.into();
        // An empty or non-JSON body (an HTML error page from a proxy, say) reads as no body.
        let body = match raw.json() {
            Ok(promise) => JsFuture::from(promise)
                .await
                .ok()
                .and_then(|json| serde_wasm_bindgen::from_value(json).ok()),
            Err(_) => None,
        };
        Ok(Answer { status, rate, body })
    }
}

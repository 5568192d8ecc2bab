//! The one place that talks to the network: posts the store and reply requests and reads every
//! answer, or the lack of one, into the contract's typed outcome.

use gloo_net::http::Request;
use serde::Serialize;
use serde_json::Value;
use wasm_bindgen::JsValue;
use wasm_bindgen_futures::JsFuture;

use crate::contract::{
    read_reply_answer, read_store_answer, Failure, RateLimit, ReplyRequest, StoreRequest, Ticket,
};

/// How long a request may take before it is given up and reported as a timeout.
pub const TIMEOUT_MS: u32 = 30_000;

const STORE_PATH: &str = "/services/platforms/v1/support/tickets/store";
const REPLY_PATH: &str = "/services/platforms/v1/support/tickets/reply";

/// A client of the help-desk API.
#[derive(Clone)]
pub struct Client {
    api_base: String,
    token: Option<String>,
}

/// The raw parts of an answer, before the contract reads them.
struct Answer {
    status: u16,
    rate: RateLimit,
    body: Option<Value>,
}

impl Client {
    /// A client for the API under `api_base` (absolute, without a trailing slash). The token,
    /// when given, is sent as `Authorization: Bearer …` and nowhere else.
    pub fn new(api_base: String, token: Option<String>) -> Self {
        Client { api_base, token }
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

    async fn post(&self, path: &str, body: &impl Serialize) -> Result<Answer, Failure> {
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
        if let Some(token) = &self.token {
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

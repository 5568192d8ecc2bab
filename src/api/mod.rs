//! The one place that talks to the network: posts the store request and each backend's reply
//! request, and reads every answer, or the lack of one, into the contract's typed outcome.

#[cfg(feature = "helpdesks")]
mod pace;

use serde::Serialize;
use serde_json::Value;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use crate::contract::backends::{bearer, Attachment, BackendKind, HttpBody, Receipt, Target};
use crate::contract::{read_store_answer, Failure, RateLimit, StoreRequest, Ticket};

/// How long a request may take before it is given up and reported as a timeout.
pub const TIMEOUT_MS: u32 = 30_000;

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

/// A client of the help-desk API, and of the help desks replies may go to.
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
            .send(|token| {
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
        #[cfg(feature = "helpdesks")]
        if let Some(limit) = backend.per_second() {
            pace::keep_pace(api_base, limit).await;
        }
        let answer = self
            .send(|token| {
                let request = backend
                    .request(api_base, target, message, attachments, token)
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
    /// expired in the meantime.
    async fn send(
        &self,
        build: impl Fn(Option<&str>) -> Result<Outgoing, Failure>,
    ) -> Result<Answer, Failure> {
        let token = self.token.current().await?;
        let answer = post(build(token.as_deref())?).await?;
        if answer.status == 401 && matches!(self.token, TokenSource::Provider(_)) {
            let token = self.token.current().await?;
            return post(build(token.as_deref())?).await;
        }
        Ok(answer)
    }
}

/// A request ready for `fetch`.
struct Outgoing {
    url: String,
    headers: Vec<(&'static str, String)>,
    /// JSON text, or form data for which the browser writes the multipart boundary itself.
    body: JsValue,
}

/// A JS value as JSON text. The browser's JSON.stringify keeps serde_json's writer out of the
/// wasm.
fn json_text(value: Option<JsValue>) -> Result<JsValue, Failure> {
    value
        .and_then(|value| js_sys::JSON::stringify(&value).ok())
        .map(JsValue::from)
        .ok_or(Failure::Unexpected {
            status: 0,
            message: None,
        })
}

fn body_of(body: &HttpBody) -> Result<JsValue, Failure> {
    match body {
        HttpBody::Json(value) => {
            let serializer = serde_wasm_bindgen::Serializer::json_compatible();
            json_text(value.serialize(&serializer).ok())
        }
        HttpBody::Form(fields) => {
            let form = web_sys::FormData::new().map_err(|_| Failure::Network)?;
            for (name, value) in fields {
                form.append_with_str(name, value)
                    .map_err(|_| Failure::Network)?;
            }
            Ok(form.into())
        }
    }
}

async fn post(request: Outgoing) -> Result<Answer, Failure> {
    if !crate::delivery::online() {
        return Err(Failure::Offline);
    }
    let headers = web_sys::Headers::new().map_err(|_| Failure::Network)?;
    let mut names = vec![("Accept", "application/json".to_owned())];
    if request.body.is_string() {
        names.push(("Content-Type", "application/json".to_owned()));
    }
    for (name, value) in names.iter().chain(&request.headers) {
        headers.set(name, value).map_err(|_| Failure::Network)?;
    }
    let init = web_sys::RequestInit::new();
    init.set_method("POST");
    init.set_headers(&headers);
    init.set_body(&request.body);
    init.set_signal(timeout_signal().as_ref());
    let window = web_sys::window().ok_or(Failure::Network)?;
    let response: web_sys::Response =
        JsFuture::from(window.fetch_with_str_and_init(&request.url, &init))
            .await
            .map_err(|error| match error_name(&error).as_deref() {
                Some("TimeoutError" | "AbortError") => Failure::Timeout,
                _ => Failure::Network,
            })?
            .unchecked_into();

    let status = response.status();
    let headers = response.headers();
    let rate = RateLimit::from_headers(|name| headers.get(name).ok().flatten());
    // An empty or non-JSON body (an HTML error page from a proxy, say) reads as no body.
    let body = match response.json() {
        Ok(promise) => JsFuture::from(promise)
            .await
            .ok()
            .and_then(|json| crate::json::from_js(&json)),
        Err(_) => None,
    };
    Ok(Answer { status, rate, body })
}

/// A signal that aborts the request after `TIMEOUT_MS`: `AbortSignal.timeout` where the browser
/// has it, else (Safari before 16) an `AbortController` that a timer aborts. Either way fetch
/// rejects with a "TimeoutError" or "AbortError", which read as a timeout.
fn timeout_signal() -> Option<web_sys::AbortSignal> {
    let has_timeout = js_sys::Reflect::get(&js_sys::global(), &"AbortSignal".into())
        .and_then(|signal| js_sys::Reflect::get(&signal, &"timeout".into()))
        .is_ok_and(|timeout| timeout.is_function());
    if has_timeout {
        return Some(web_sys::AbortSignal::timeout_with_u32(TIMEOUT_MS));
    }
    let controller = web_sys::AbortController::new().ok()?;
    let signal = controller.signal();
    let abort = wasm_bindgen::closure::Closure::once_into_js(move || controller.abort());
    web_sys::window()?
        .set_timeout_with_callback_and_timeout_and_arguments_0(
            abort.unchecked_ref(),
            TIMEOUT_MS as i32,
        )
        .ok()?;
    Some(signal)
}

/// The `name` of what fetch rejected with: "TimeoutError" when the time ran out, "TypeError" when
/// the network failed.
fn error_name(error: &JsValue) -> Option<String> {
    js_sys::Reflect::get(error, &"name".into())
        .ok()?
        .as_string()
}

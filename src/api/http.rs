//! The wire, through gloo-net: one POST with its headers and body, given up after [`TIMEOUT_MS`], and its answer's
//! status, rate-limit headers and JSON body, or why there was none (offline, blocked or dropped,
//! timed out).

use gloo_net::http::{Headers, Request};
use serde::Serialize;
use serde_json::Value;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use crate::browser::network::online;
use crate::contract::backends::HttpBody;
use crate::contract::{Failure, RateLimit};

/// How long a request may take before it is given up and reported as a timeout.
pub const TIMEOUT_MS: u32 = 30_000;

/// The raw parts of an answer, before the contract reads them.
pub(super) struct Answer {
    pub status: u16,
    pub rate: RateLimit,
    pub body: Option<Value>,
}

/// A request ready for the wire.
pub(super) struct Outgoing {
    pub url: String,
    pub headers: Vec<(&'static str, String)>,
    /// JSON text, or form data for which the browser writes the multipart boundary itself.
    pub body: JsValue,
}

/// A JS value as JSON text. The browser's JSON.stringify keeps serde_json's writer out of the
/// wasm.
pub(super) fn json_text(value: Option<JsValue>) -> Result<JsValue, Failure> {
    value
        .and_then(|value| js_sys::JSON::stringify(&value).ok())
        .map(JsValue::from)
        .ok_or(Failure::Unexpected {
            status: 0,
            message: None,
        })
}

pub(super) fn body_of(body: &HttpBody) -> Result<JsValue, Failure> {
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

pub(super) async fn post(request: Outgoing) -> Result<Answer, Failure> {
    if !online() {
        return Err(Failure::Offline);
    }
    // The headers are set here rather than with the builder's `header()`, which throws on a
    // value a header can't carry (a token provider's, say): that is a failed request, not a throw.
    let headers = web_sys::Headers::new().map_err(|_| Failure::Network)?;
    let mut names = vec![("Accept", "application/json".to_owned())];
    if request.body.is_string() {
        names.push(("Content-Type", "application/json".to_owned()));
    }
    for (name, value) in names.iter().chain(&request.headers) {
        headers.set(name, value).map_err(|_| Failure::Network)?;
    }
    let response = Request::post(&request.url)
        .headers(Headers::from_raw(headers))
        .abort_signal(timeout_signal().as_ref())
        .body(request.body)
        .map_err(|_| Failure::Network)?
        .send()
        .await
        .map_err(|error| match error {
            gloo_net::Error::JsError(error)
                if matches!(error.name.as_str(), "TimeoutError" | "AbortError") =>
            {
                Failure::Timeout
            }
            _ => Failure::Network,
        })?;

    let status = response.status();
    let headers = response.headers();
    let rate = RateLimit::from_headers(|name| headers.get(name));
    // An empty or non-JSON body (an HTML error page from a proxy, say) reads as no body. The
    // browser's JSON parser reads it, which keeps serde's deserializers out of the wasm.
    let raw: web_sys::Response = response.into();
    let body = match raw.json() {
        Ok(promise) => JsFuture::from(promise)
            .await
            .ok()
            .and_then(|json| crate::browser::json::from_js(&json)),
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

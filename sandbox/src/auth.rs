//! Who is calling: the configured users, by token, and the headers that name one (an
//! `Authorization: Bearer …` header, or Series' API key headers). The help-desk API and the
//! backends all sign callers in through here.

use std::collections::HashMap;
use std::sync::Arc;

use axum::http::header::AUTHORIZATION;
use axum::http::HeaderMap;

/// The signed-in user of a request.
#[derive(Clone, Debug)]
pub struct Caller {
    pub id: i64,
    /// The name the user was configured with.
    pub name: String,
}

/// The configured users, by the token each signs in with. Cheap to clone.
#[derive(Clone, Debug, Default)]
pub struct Callers(Arc<HashMap<String, Caller>>);

impl Callers {
    pub fn new(by_token: HashMap<String, Caller>) -> Self {
        Callers(Arc::new(by_token))
    }

    /// The user whose token is in the `Authorization: Bearer …` header.
    pub fn by_bearer(&self, headers: &HeaderMap) -> Option<Caller> {
        bearer(headers).and_then(|token| self.by_token(token))
    }

    /// The user whose token is `token`, given some other way than a Bearer header.
    pub fn by_token(&self, token: &str) -> Option<Caller> {
        self.0.get(token).cloned()
    }
}

/// The key of an `apikey` header, or else of an `x-api-key` header, as Series takes it.
pub fn api_key(headers: &HeaderMap) -> Option<&str> {
    ["apikey", "x-api-key"]
        .into_iter()
        .find_map(|name| headers.get(name)?.to_str().ok())
        .map(str::trim)
}

/// The token of an `Authorization: Bearer …` header.
fn bearer(headers: &HeaderMap) -> Option<&str> {
    let value = headers.get(AUTHORIZATION)?.to_str().ok()?;
    let (scheme, token) = value.split_once(' ')?;
    scheme.eq_ignore_ascii_case("bearer").then(|| token.trim())
}

#[cfg(test)]
mod tests {
    use axum::http::HeaderValue;

    use super::*;

    #[test]
    fn reads_the_token_of_a_bearer_header() {
        // The header's value, then the token read from it.
        let table = [
            ("Bearer token-alice", Some("token-alice")),
            ("bearer token-alice", Some("token-alice")),
            ("BEARER token-alice", Some("token-alice")),
            ("Bearer  token-alice\t", Some("token-alice")),
            ("Bearer ", Some("")),
            ("Bearer", None),
            ("Basic token-alice", None),
            ("token-alice", None),
        ];
        for (value, token) in table {
            let mut headers = HeaderMap::new();
            headers.insert(AUTHORIZATION, HeaderValue::from_static(value));
            assert_eq!(bearer(&headers), token, "{value:?}");
        }
        assert_eq!(bearer(&HeaderMap::new()), None, "no header");
    }

    #[test]
    fn only_a_configured_token_names_a_caller() {
        let callers = Callers::new(HashMap::from([(
            "token-alice".to_owned(),
            Caller {
                id: 7,
                name: "alice".into(),
            },
        )]));
        let signed_in = |value: &'static str| {
            let mut headers = HeaderMap::new();
            headers.insert(AUTHORIZATION, HeaderValue::from_static(value));
            callers
                .by_bearer(&headers)
                .map(|caller| (caller.id, caller.name))
        };
        assert_eq!(signed_in("Bearer token-alice"), Some((7, "alice".into())));
        for value in ["Bearer token-bob", "Bearer ", "Basic token-alice"] {
            assert_eq!(signed_in(value), None, "{value:?}");
        }
        assert_eq!(
            callers.by_token("token-alice").map(|caller| caller.id),
            Some(7)
        );
        assert!(callers.by_token("Bearer token-alice").is_none());
    }

    #[test]
    fn reads_the_api_key_of_either_header() {
        // The headers, then the key read from them.
        type Headers = &'static [(&'static str, &'static str)];
        let table: [(Headers, Option<&str>); 5] = [
            (&[("apikey", "key-1")], Some("key-1")),
            (&[("x-api-key", " key-2 ")], Some("key-2")),
            (
                &[("apikey", "key-1"), ("x-api-key", "key-2")],
                Some("key-1"),
            ),
            (&[("authorization", "Bearer key-1")], None),
            (&[], None),
        ];
        for (pairs, key) in table {
            let mut headers = HeaderMap::new();
            for (name, value) in pairs {
                headers.insert(*name, HeaderValue::from_static(value));
            }
            assert_eq!(api_key(&headers), key, "{pairs:?}");
        }
    }
}

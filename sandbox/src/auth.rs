//! Who is calling: the configured users, by token, and the `Authorization: Bearer …` header that
//! names one. The help-desk API and the backends both sign callers in through here.

use std::collections::HashMap;

use axum::http::header::AUTHORIZATION;
use axum::http::HeaderMap;

/// The signed-in user of a request.
#[derive(Clone, Debug)]
pub struct Caller {
    pub id: i64,
    /// The name the user was configured with.
    pub name: String,
}

/// The configured user whose token is in the `Authorization: Bearer …` header, out of the
/// users by token.
pub fn caller(tokens: &HashMap<String, Caller>, headers: &HeaderMap) -> Option<Caller> {
    bearer(headers).and_then(|token| tokens.get(token).cloned())
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
        let tokens = HashMap::from([(
            "token-alice".to_owned(),
            Caller {
                id: 7,
                name: "alice".into(),
            },
        )]);
        let signed_in = |value: &'static str| {
            let mut headers = HeaderMap::new();
            headers.insert(AUTHORIZATION, HeaderValue::from_static(value));
            caller(&tokens, &headers).map(|caller| (caller.id, caller.name))
        };
        assert_eq!(signed_in("Bearer token-alice"), Some((7, "alice".into())));
        for value in ["Bearer token-bob", "Bearer ", "Basic token-alice"] {
            assert_eq!(signed_in(value), None, "{value:?}");
        }
    }
}

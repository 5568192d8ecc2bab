//! The three other help desks together: Mijn Klantportaal, Series and WHMCS share the CORS layer,
//! the database file and the start-up banner. Each one's own endpoint is tested in its file
//! (`klantportaal.rs`, `series.rs`, `whmcs.rs`), with requests built by the widget's backends.

mod common;

use axum::body::Body;
use axum::http::{Method, Request, StatusCode};
use common::{file, klantportaal_path, series_path, series_target, target, Sandbox, TOKEN};
use feedback_widget::contract::backends::BackendKind;
use sandbox::backends::{klantportaal, series, whmcs};
use serde_json::json;

#[tokio::test]
async fn cors_lets_pages_send_the_api_key_headers() {
    let sandbox = Sandbox::new();
    for (path, headers) in [
        (series_path(series::CLAIMED_TICKET), "apikey,content-type"),
        (
            series_path(series::CLAIMED_TICKET),
            "x-api-key,content-type",
        ),
        (
            klantportaal_path(klantportaal::EXAMPLE_TICKET),
            "authorization,content-type",
        ),
        (whmcs::PATH.to_owned(), "authorization"),
    ] {
        let preflight = Request::builder()
            .method(Method::OPTIONS)
            .uri(format!("/api{path}"))
            .header("origin", "http://localhost:3000")
            .header("access-control-request-method", "POST")
            .header("access-control-request-headers", headers)
            .body(Body::empty())
            .unwrap();
        let answer = sandbox.send(preflight).await;
        assert_eq!(answer.status, StatusCode::OK, "{path}");
        assert_eq!(
            answer.headers["access-control-allow-origin"],
            "http://localhost:3000"
        );
        let allowed = answer.headers["access-control-allow-headers"]
            .to_str()
            .unwrap()
            .to_owned();
        for header in headers.split(',') {
            assert!(allowed.contains(header), "{header} not in {allowed}");
        }
    }
    // The 429's wait is readable across origins.
    let request = Request::post(format!("/api{}", series_path("X")))
        .header("origin", "http://localhost:3000")
        .body(Body::empty())
        .unwrap();
    let answer = sandbox.send(request).await;
    assert!(answer.headers["access-control-expose-headers"]
        .to_str()
        .unwrap()
        .contains("retry-after"));
}

#[tokio::test]
async fn replies_and_seeds_survive_a_restart() {
    let sandbox = Sandbox::new();
    let kp = sandbox
        .widget(
            BackendKind::Klantportaal,
            &target(klantportaal::EXAMPLE_TICKET),
            "First",
            &[],
            TOKEN,
        )
        .await;
    assert_eq!(kp.status, StatusCode::OK);
    let series = sandbox
        .widget(
            BackendKind::Series,
            &series_target(series::CLAIMED_TICKET),
            "First",
            &[],
            TOKEN,
        )
        .await;
    assert_eq!(series.status, StatusCode::OK);
    let whmcs = sandbox
        .widget(
            BackendKind::Whmcs,
            &target("1"),
            "First",
            &[file("a.txt", b"kept".to_vec())],
            TOKEN,
        )
        .await;
    assert_eq!(whmcs.body, json!({"result": "success"}));
    let before = sandbox.inbox().await;

    let sandbox = sandbox.restart();
    assert_eq!(sandbox.inbox().await, before);
    // The seeds are not added twice: the ticket has its two seeded messages, the first reply
    // and this one.
    let answer = sandbox
        .widget(
            BackendKind::Klantportaal,
            &target(klantportaal::EXAMPLE_TICKET),
            "Second",
            &[],
            TOKEN,
        )
        .await;
    assert_eq!(answer.body["messages"].as_array().unwrap().len(), 4);
    let id = before["whmcs"][0]["attachments"][0]["id"].as_i64().unwrap();
    let download = sandbox.get(&format!("/inbox/attachments/{id}")).await;
    assert_eq!(download.bytes, b"kept");
}

#[test]
fn the_server_names_the_three_backends_when_it_starts() {
    use std::io::{BufRead, BufReader};
    let dir = tempfile::tempdir().unwrap();
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_sandbox"))
        .args(["--addr", "127.0.0.1:0", "--db"])
        .arg(dir.path().join("start.sqlite"))
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let stdout = child.stdout.take().unwrap();
    let lines: Vec<String> = BufReader::new(stdout)
        .lines()
        .map_while(Result::ok)
        .take_while(|line| !line.contains("token"))
        .collect();
    child.kill().unwrap();
    child.wait().unwrap();
    let base = lines[0]
        .strip_prefix("sandbox listening on ")
        .unwrap_or_else(|| panic!("first line: {:?}", lines[0]));
    assert!(base.starts_with("http://127.0.0.1:"));
    let text = lines.join("\n");
    for url in [
        format!("{base}/api/klantportaal/v1"),
        format!("{base}/api/series"),
        format!("{base}/api/whmcs/api/AddTicketReply"),
    ] {
        assert!(text.contains(&format!(" {url}")), "{url} in {text}");
    }
}

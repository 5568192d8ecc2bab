//! The other help desks' endpoints: Mijn Klantportaal, Series and WHMCS. Requests are built by
//! the widget's own backends and answers read by them, so the sandbox takes what the widget sends
//! and answers what it reads; every documented refusal is checked with its status and words.

mod common;

use axum::body::Body;
use axum::http::{Method, Request, StatusCode};
use base64::engine::general_purpose::STANDARD;
use base64::Engine;
use common::{
    file, klantportaal_path, series_path, series_target, target, Sandbox, BOUNDARY, OTHER_TOKEN,
    TOKEN,
};
use feedback_widget::contract::backends::{encode_attachments, BackendKind, Receipt, Target};
use feedback_widget::contract::Failure;
use sandbox::backends::{klantportaal, series, whmcs};
use serde_json::{json, Value};

// WHMCS

fn whmcs_error(message: &str) -> Value {
    json!({"result": "error", "message": message})
}

#[tokio::test]
async fn whmcs_takes_a_reply_with_files_and_keeps_them_byte_for_byte() {
    let sandbox = Sandbox::new();
    let text = file("notes.txt", b"line one\r\nline two\n".to_vec());
    let binary = file("pixel.PNG", (0..=255).chain(0..=255).collect());
    let target = Target {
        contact_id: Some(2),
        markdown: true,
        ..target("1")
    };
    let answer = sandbox
        .widget(
            BackendKind::Whmcs,
            &target,
            "It is down **again**.",
            &[text.clone(), binary.clone()],
            TOKEN,
        )
        .await;
    assert_eq!(answer.status, StatusCode::OK);
    assert_eq!(answer.body, json!({"result": "success"}));
    assert_eq!(answer.read(BackendKind::Whmcs), Ok(Receipt::default()));

    let inbox = sandbox.inbox().await;
    let reply = &inbox["whmcs"][0];
    assert_eq!(reply["ticketid"], 1);
    assert_eq!(reply["contactid"], 2);
    assert_eq!(reply["name"], Value::Null);
    assert_eq!(reply["message"], "It is down **again**.");
    assert_eq!(reply["markdown"], true);
    assert_eq!(reply["user"], "alice");
    let files = reply["attachments"].as_array().unwrap();
    assert_eq!(files.len(), 2);
    for (listed, sent) in files.iter().zip([&text, &binary]) {
        assert_eq!(listed["name"], sent.name.as_str());
        assert_eq!(listed["size"], sent.data.len());
        let id = listed["id"].as_i64().unwrap();
        let download = sandbox.get(&format!("/inbox/attachments/{id}")).await;
        assert_eq!(download.status, StatusCode::OK);
        assert_eq!(download.bytes, sent.data, "{}", sent.name);
        assert_eq!(download.headers["content-type"], "application/octet-stream");
        assert_eq!(download.headers["x-content-type-options"], "nosniff");
        let disposition = download.headers["content-disposition"].to_str().unwrap();
        assert_eq!(
            disposition,
            format!("attachment; filename=\"{}\"", sent.name)
        );
    }

    // A guest reply, without markdown or files; the document's literal `[]` is no files.
    let answer = sandbox
        .post_form(
            Some(OTHER_TOKEN),
            &[
                ("action", "AddTicketReply"),
                ("responsetype", "json"),
                ("ticketid", "2"),
                ("message", "From a guest"),
                ("markdown", "0"),
                ("name", "Gus Guest"),
                ("email", "gus@example.com"),
                ("attachments", "[]"),
            ],
        )
        .await;
    assert_eq!(answer.body, json!({"result": "success"}));
    let inbox = sandbox.inbox().await;
    let guest = &inbox["whmcs"][0];
    assert_eq!(guest["ticketid"], 2);
    assert_eq!(guest["contactid"], Value::Null);
    assert_eq!(guest["name"], "Gus Guest");
    assert_eq!(guest["email"], "gus@example.com");
    assert_eq!(guest["markdown"], false);
    assert_eq!(guest["attachments"], json!([]));
    assert_eq!(guest["user"], "bob");
}

#[tokio::test]
async fn whmcs_needs_a_known_bearer_token() {
    let sandbox = Sandbox::new();
    let fields = [("ticketid", "1"), ("message", "Hi")];
    for token in [None, Some("wrong"), Some("")] {
        let answer = sandbox.post_form(token, &fields).await;
        assert_eq!(answer.status, StatusCode::UNAUTHORIZED, "{token:?}");
        assert_eq!(answer.body, whmcs_error("Authentication Failed"));
    }
    let answer = sandbox.post_form(Some("wrong"), &fields).await;
    assert_eq!(
        answer.read(BackendKind::Whmcs),
        Err(Failure::Unauthenticated {
            message: Some("Authentication Failed".into())
        })
    );
}

#[tokio::test]
async fn whmcs_refuses_with_200_and_a_clear_message() {
    let sandbox = Sandbox::new();
    let mib = 1024 * 1024;
    let files = |list: &[(&str, usize)]| {
        encode_attachments(
            &list
                .iter()
                .map(|(name, size)| file(name, vec![b'x'; *size]))
                .collect::<Vec<_>>(),
        )
    };
    let exe = files(&[("run.exe", 10)]);
    let no_extension = files(&[("README", 10)]);
    let too_large = files(&[("big.png", 2 * mib + 1)]);
    let empty = files(&[("empty.txt", 0)]);
    let too_many = files(&[("a.txt", 1), ("b.txt", 1), ("c.txt", 1), ("d.txt", 1)]);
    let too_much = files(&[("a.png", 2 * mib), ("b.png", 2 * mib), ("c.txt", 1)]);
    let not_json = STANDARD.encode("not json");
    let table: Vec<(Vec<(&str, &str)>, &str)> = vec![
        (vec![("message", "Hi")], "Ticket ID Not Found"),
        (
            vec![("ticketid", "99"), ("message", "Hi")],
            "Ticket ID Not Found",
        ),
        (
            vec![("ticketid", "abc"), ("message", "Hi")],
            "Ticket ID Not Found",
        ),
        (vec![("ticketid", "1")], "Message is required"),
        (
            vec![("ticketid", "1"), ("message", " \r\n ")],
            "Message is required",
        ),
        (
            vec![("ticketid", "1"), ("message", "Hi"), ("contactid", "3")],
            "Contact ID Not Found",
        ),
        (
            vec![("ticketid", "2"), ("message", "Hi"), ("contactid", "1")],
            "Contact ID Not Found",
        ),
        (
            vec![("ticketid", "1"), ("message", "Hi"), ("contactid", "999")],
            "Contact ID Not Found",
        ),
        (
            vec![("ticketid", "1"), ("message", "Hi"), ("contactid", "x")],
            "Contact ID Not Found",
        ),
        (
            vec![("ticketid", "1"), ("message", "Hi"), ("name", "Gus")],
            "A reply from a guest needs both a name and an email address",
        ),
        (
            vec![
                ("ticketid", "1"),
                ("message", "Hi"),
                ("email", "g@x.example"),
            ],
            "A reply from a guest needs both a name and an email address",
        ),
        (
            vec![("ticketid", "1"), ("message", "Hi"), ("attachments", "%%%")],
            "Invalid attachments",
        ),
        (
            vec![
                ("ticketid", "1"),
                ("message", "Hi"),
                ("attachments", &not_json),
            ],
            "Invalid attachments",
        ),
        (
            vec![("ticketid", "1"), ("message", "Hi"), ("attachments", &exe)],
            "File Type Not Allowed: exe",
        ),
        (
            vec![
                ("ticketid", "1"),
                ("message", "Hi"),
                ("attachments", &no_extension),
            ],
            "File Type Not Allowed: README has no file extension",
        ),
        (
            vec![
                ("ticketid", "1"),
                ("message", "Hi"),
                ("attachments", &too_large),
            ],
            "Attachment Too Large: big.png is larger than 2 MiB",
        ),
        (
            vec![
                ("ticketid", "1"),
                ("message", "Hi"),
                ("attachments", &empty),
            ],
            "Attachment Is Empty: empty.txt",
        ),
        (
            vec![
                ("ticketid", "1"),
                ("message", "Hi"),
                ("attachments", &too_many),
            ],
            "Too Many Attachments: d.txt is one more than the 3 allowed",
        ),
        (
            vec![
                ("ticketid", "1"),
                ("message", "Hi"),
                ("attachments", &too_much),
            ],
            "Attachments Too Large: with c.txt the files are larger than 4 MiB together",
        ),
        (
            vec![
                ("action", "GetTickets"),
                ("ticketid", "1"),
                ("message", "Hi"),
            ],
            "Command Not Found",
        ),
    ];
    for (fields, message) in table {
        let answer = sandbox.post_form(Some(TOKEN), &fields).await;
        assert_eq!(answer.status, StatusCode::OK, "{message}");
        assert_eq!(answer.body, whmcs_error(message));
    }
    // Not a form at all.
    let request = Request::post(format!("/api{}", whmcs::PATH))
        .header("authorization", format!("Bearer {TOKEN}"))
        .header("content-type", "application/json")
        .body(Body::from(r#"{"ticketid": 1, "message": "Hi"}"#))
        .unwrap();
    let answer = sandbox.send(request).await;
    assert_eq!(answer.status, StatusCode::OK);
    assert_eq!(
        answer.body,
        whmcs_error("The request must be sent as multipart/form-data")
    );
    // A form that breaks off.
    let request = Request::post(format!("/api{}", whmcs::PATH))
        .header("authorization", format!("Bearer {TOKEN}"))
        .header(
            "content-type",
            format!("multipart/form-data; boundary={BOUNDARY}"),
        )
        .body(Body::from(format!(
            "--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"ticketid\"\r\n\r\n1"
        )))
        .unwrap();
    let answer = sandbox.send(request).await;
    assert_eq!(answer.status, StatusCode::OK);
    assert!(answer.body["message"]
        .as_str()
        .unwrap()
        .starts_with("The form could not be read"));

    // The widget reads a refusal with its message.
    let answer = sandbox
        .post_form(Some(TOKEN), &[("ticketid", "99"), ("message", "Hi")])
        .await;
    assert_eq!(
        answer.read(BackendKind::Whmcs),
        Err(Failure::Refused {
            message: Some("Ticket ID Not Found".into())
        })
    );
    assert_eq!(sandbox.inbox().await["whmcs"], json!([]));
}

#[tokio::test]
async fn whmcs_takes_the_largest_files_and_refuses_more_than_12_mib() {
    let sandbox = Sandbox::new();
    let mib = 1024 * 1024;
    // Two files of 2 MiB, at the widget's limits: about 7.2 MB on the wire.
    let largest = [
        file("a.png", vec![7; 2 * mib]),
        file("b.pdf", vec![8; 2 * mib]),
    ];
    let answer = sandbox
        .widget(BackendKind::Whmcs, &target("1"), "Big", &largest, TOKEN)
        .await;
    assert_eq!(answer.body, json!({"result": "success"}));

    let huge = "x".repeat(whmcs::MAX_BODY);
    let answer = sandbox
        .post_form(
            Some(TOKEN),
            &[
                ("ticketid", "1"),
                ("message", "Hi"),
                ("customfields", &huge),
            ],
        )
        .await;
    assert_eq!(answer.status, StatusCode::PAYLOAD_TOO_LARGE);
    assert_eq!(answer.body["result"], "error");
    assert_eq!(
        answer.body["message"],
        "The request body is larger than 12 MiB"
    );
    assert_eq!(sandbox.inbox().await["whmcs"].as_array().unwrap().len(), 1);
}

#[tokio::test]
async fn attachments_download_under_a_safe_name_and_show_as_text() {
    let sandbox = Sandbox::new();
    let hostile = file("<img src=x onerror=alert(1)>\".png", b"\x89PNG".to_vec());
    let answer = sandbox
        .widget(
            BackendKind::Whmcs,
            &target("1"),
            "<script>alert(2)</script>",
            &[hostile],
            TOKEN,
        )
        .await;
    assert_eq!(answer.body, json!({"result": "success"}));
    let id = sandbox.inbox().await["whmcs"][0]["attachments"][0]["id"]
        .as_i64()
        .unwrap();
    let download = sandbox.get(&format!("/inbox/attachments/{id}")).await;
    assert_eq!(download.bytes, b"\x89PNG");
    assert_eq!(
        download.headers["content-disposition"],
        "attachment; filename=\"_img src_x onerror_alert(1)__.png\""
    );
    let page = sandbox.inbox_page().await;
    assert!(page.contains("&lt;img src=x onerror=alert(1)&gt;&quot;.png"));
    assert!(page.contains("&lt;script&gt;alert(2)&lt;/script&gt;"));
    assert!(page.contains(&format!("href=\"/inbox/attachments/{id}\"")));
    assert!(!page.contains("<script>"));
    assert!(!page.contains("<img"));

    for missing in ["999", "abc", "-1", "1.5", "%FF"] {
        let answer = sandbox.get(&format!("/inbox/attachments/{missing}")).await;
        assert_eq!(answer.status, StatusCode::NOT_FOUND, "{missing}");
    }
}

// All three

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

//! WHMCS: a reply with files kept byte for byte, every refusal with its message (a 200 with
//! `result: error`, as WHMCS answers), the largest files the widget sends, and the downloads of
//! what arrived.

mod common;

use axum::body::Body;
use axum::http::{Request, StatusCode};
use base64::engine::general_purpose::STANDARD;
use base64::Engine;
use common::{assert_case, file, target, Answer, Sandbox, BOUNDARY, OTHER_TOKEN, TOKEN};
use feedback_widget::contract::backends::{encode_attachments, BackendKind, Receipt, Target};
use feedback_widget::contract::Failure;
use sandbox::backends::whmcs;
use serde_json::{json, Value};

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

const MIB: usize = 1024 * 1024;

/// How a post carries its fields.
#[derive(Clone, Copy)]
enum Sent {
    /// As `multipart/form-data`, as WHMCS takes them.
    Form,
    /// As this JSON text instead.
    Json(&'static str),
    /// As a form that breaks off in its first field.
    CutOff,
}

/// A post to `AddTicketReply`, as a case of a table changes it.
struct Post {
    token: Option<&'static str>,
    fields: Vec<(&'static str, String)>,
    sent: Sent,
}

impl Post {
    /// A post that is taken: alice replies "Hi" to ticket 1.
    fn good() -> Self {
        Post {
            token: Some(TOKEN),
            fields: vec![("ticketid", "1".into()), ("message", "Hi".into())],
            sent: Sent::Form,
        }
    }

    /// Sets a field, in its place when the post has it, else after the others.
    fn set(&mut self, name: &'static str, value: impl Into<String>) {
        let value = value.into();
        match self.fields.iter_mut().find(|(field, _)| *field == name) {
            Some((_, old)) => *old = value,
            None => self.fields.push((name, value)),
        }
    }

    fn remove(&mut self, name: &str) {
        self.fields.retain(|(field, _)| *field != name);
    }

    /// Attaches files of these names and sizes, encoded as the widget encodes them.
    fn attach(&mut self, files: &[(&str, usize)]) {
        let files: Vec<_> = files
            .iter()
            .map(|(name, size)| file(name, vec![b'x'; *size]))
            .collect();
        self.set("attachments", encode_attachments(&files));
    }

    async fn send(&self, sandbox: &Sandbox) -> Answer {
        let (content_type, body) = match self.sent {
            Sent::Form => {
                let fields: Vec<(&str, &str)> = self
                    .fields
                    .iter()
                    .map(|(name, value)| (*name, value.as_str()))
                    .collect();
                return sandbox.post_form(self.token, &fields).await;
            }
            Sent::Json(body) => ("application/json".to_owned(), body.to_owned()),
            Sent::CutOff => (
                format!("multipart/form-data; boundary={BOUNDARY}"),
                format!(
                    "--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"ticketid\"\r\n\r\n1"
                ),
            ),
        };
        let mut request =
            Request::post(format!("/api{}", whmcs::PATH)).header("content-type", content_type);
        if let Some(token) = self.token {
            request = request.header("authorization", format!("Bearer {token}"));
        }
        sandbox.send(request.body(Body::from(body)).unwrap()).await
    }
}

/// The `message` of a refusal's `{"result": "error", "message": …}`.
enum Says {
    Exactly(&'static str),
    /// The words before the parser's own, which name the break.
    StartsWith(&'static str),
}

/// One refusal: what changes in a good post, and the answer it gets.
struct Refusal {
    name: &'static str,
    change: fn(&mut Post),
    status: StatusCode,
    says: Says,
}

const TICKET_NOT_FOUND: Says = Says::Exactly("Ticket ID Not Found");
const MESSAGE_REQUIRED: Says = Says::Exactly("Message is required");
const CONTACT_NOT_FOUND: Says = Says::Exactly("Contact ID Not Found");
const GUEST_NEEDS_BOTH: Says =
    Says::Exactly("A reply from a guest needs both a name and an email address");

/// A wrong token is a 401 and a body over 12 MiB a 413; WHMCS answers every other refusal with
/// 200 and `result: error`.
const REFUSALS: &[Refusal] = &[
    Refusal {
        name: "no token",
        change: |post| post.token = None,
        status: StatusCode::UNAUTHORIZED,
        says: Says::Exactly("Authentication Failed"),
    },
    Refusal {
        name: "an unknown token",
        change: |post| post.token = Some("wrong"),
        status: StatusCode::UNAUTHORIZED,
        says: Says::Exactly("Authentication Failed"),
    },
    Refusal {
        name: "an empty token",
        change: |post| post.token = Some(""),
        status: StatusCode::UNAUTHORIZED,
        says: Says::Exactly("Authentication Failed"),
    },
    Refusal {
        name: "no ticket id",
        change: |post| post.remove("ticketid"),
        status: StatusCode::OK,
        says: TICKET_NOT_FOUND,
    },
    Refusal {
        name: "an unknown ticket",
        change: |post| post.set("ticketid", "99"),
        status: StatusCode::OK,
        says: TICKET_NOT_FOUND,
    },
    Refusal {
        name: "a ticket id that is not a number",
        change: |post| post.set("ticketid", "abc"),
        status: StatusCode::OK,
        says: TICKET_NOT_FOUND,
    },
    Refusal {
        name: "no message",
        change: |post| post.remove("message"),
        status: StatusCode::OK,
        says: MESSAGE_REQUIRED,
    },
    Refusal {
        name: "a message of white space",
        change: |post| post.set("message", " \r\n "),
        status: StatusCode::OK,
        says: MESSAGE_REQUIRED,
    },
    Refusal {
        name: "a contact of another client",
        change: |post| post.set("contactid", "3"),
        status: StatusCode::OK,
        says: CONTACT_NOT_FOUND,
    },
    Refusal {
        name: "a contact of the other ticket's client",
        change: |post| {
            post.set("ticketid", "2");
            post.set("contactid", "1");
        },
        status: StatusCode::OK,
        says: CONTACT_NOT_FOUND,
    },
    Refusal {
        name: "an unknown contact",
        change: |post| post.set("contactid", "999"),
        status: StatusCode::OK,
        says: CONTACT_NOT_FOUND,
    },
    Refusal {
        name: "a contact id that is not a number",
        change: |post| post.set("contactid", "x"),
        status: StatusCode::OK,
        says: CONTACT_NOT_FOUND,
    },
    Refusal {
        name: "a guest with a name only",
        change: |post| post.set("name", "Gus"),
        status: StatusCode::OK,
        says: GUEST_NEEDS_BOTH,
    },
    Refusal {
        name: "a guest with an email address only",
        change: |post| post.set("email", "g@x.example"),
        status: StatusCode::OK,
        says: GUEST_NEEDS_BOTH,
    },
    Refusal {
        name: "attachments that are not base64",
        change: |post| post.set("attachments", "%%%"),
        status: StatusCode::OK,
        says: Says::Exactly("Invalid attachments"),
    },
    Refusal {
        name: "attachments that are not JSON in base64",
        change: |post| post.set("attachments", STANDARD.encode("not json")),
        status: StatusCode::OK,
        says: Says::Exactly("Invalid attachments"),
    },
    Refusal {
        name: "a file of a refused type",
        change: |post| post.attach(&[("run.exe", 10)]),
        status: StatusCode::OK,
        says: Says::Exactly("File Type Not Allowed: exe"),
    },
    Refusal {
        name: "a file without an extension",
        change: |post| post.attach(&[("README", 10)]),
        status: StatusCode::OK,
        says: Says::Exactly("File Type Not Allowed: README has no file extension"),
    },
    Refusal {
        name: "a file over 2 MiB",
        change: |post| post.attach(&[("big.png", 2 * MIB + 1)]),
        status: StatusCode::OK,
        says: Says::Exactly("Attachment Too Large: big.png is larger than 2 MiB"),
    },
    Refusal {
        name: "an empty file",
        change: |post| post.attach(&[("empty.txt", 0)]),
        status: StatusCode::OK,
        says: Says::Exactly("Attachment Is Empty: empty.txt"),
    },
    Refusal {
        name: "four files",
        change: |post| post.attach(&[("a.txt", 1), ("b.txt", 1), ("c.txt", 1), ("d.txt", 1)]),
        status: StatusCode::OK,
        says: Says::Exactly("Too Many Attachments: d.txt is one more than the 3 allowed"),
    },
    Refusal {
        name: "files over 4 MiB together",
        change: |post| post.attach(&[("a.png", 2 * MIB), ("b.png", 2 * MIB), ("c.txt", 1)]),
        status: StatusCode::OK,
        says: Says::Exactly(
            "Attachments Too Large: with c.txt the files are larger than 4 MiB together",
        ),
    },
    Refusal {
        name: "another action",
        change: |post| post.set("action", "GetTickets"),
        status: StatusCode::OK,
        says: Says::Exactly("Command Not Found"),
    },
    Refusal {
        name: "JSON instead of a form",
        change: |post| post.sent = Sent::Json(r#"{"ticketid": 1, "message": "Hi"}"#),
        status: StatusCode::OK,
        says: Says::Exactly("The request must be sent as multipart/form-data"),
    },
    Refusal {
        name: "a form that breaks off",
        change: |post| post.sent = Sent::CutOff,
        status: StatusCode::OK,
        says: Says::StartsWith("The form could not be read"),
    },
    Refusal {
        name: "a body over 12 MiB",
        change: |post| post.set("customfields", "x".repeat(whmcs::MAX_BODY)),
        status: StatusCode::PAYLOAD_TOO_LARGE,
        says: Says::Exactly("The request body is larger than 12 MiB"),
    },
];

#[tokio::test]
async fn whmcs_refuses_with_a_clear_message() {
    let sandbox = Sandbox::new();
    for refusal in REFUSALS {
        let mut post = Post::good();
        (refusal.change)(&mut post);
        let answer = post.send(&sandbox).await;
        match refusal.says {
            Says::Exactly(message) => {
                assert_case(refusal.name, &answer, refusal.status, &whmcs_error(message));
            }
            Says::StartsWith(start) => {
                let case = refusal.name;
                assert_eq!(answer.status, refusal.status, "case {case:?}: the status");
                assert_eq!(answer.body["result"], "error", "case {case:?}: the result");
                let message = answer.body["message"].as_str().unwrap_or_default();
                assert!(
                    message.starts_with(start),
                    "case {case:?}: the message {message:?}"
                );
            }
        }
    }
    assert_eq!(sandbox.inbox().await["whmcs"], json!([]));

    // The widget reads a refusal with its message.
    let mut post = Post::good();
    post.token = Some("wrong");
    let answer = post.send(&sandbox).await;
    assert_eq!(
        answer.read(BackendKind::Whmcs),
        Err(Failure::Unauthenticated {
            message: Some("Authentication Failed".into())
        })
    );
    let mut post = Post::good();
    post.set("ticketid", "99");
    let answer = post.send(&sandbox).await;
    assert_eq!(
        answer.read(BackendKind::Whmcs),
        Err(Failure::Refused {
            message: Some("Ticket ID Not Found".into())
        })
    );
    // And a good post is taken, so the refusals above were refused for their change alone.
    let answer = Post::good().send(&sandbox).await;
    assert_eq!(answer.body, json!({"result": "success"}));
}

#[tokio::test]
async fn whmcs_takes_the_largest_files_the_widget_sends() {
    let sandbox = Sandbox::new();
    // Two files of 2 MiB, at the widget's limits: about 7.2 MB on the wire, under the 12 MiB the
    // endpoint reads (the refusals try one byte more).
    let largest = [
        file("a.png", vec![7; 2 * MIB]),
        file("b.pdf", vec![8; 2 * MIB]),
    ];
    let answer = sandbox
        .widget(BackendKind::Whmcs, &target("1"), "Big", &largest, TOKEN)
        .await;
    assert_eq!(answer.body, json!({"result": "success"}));
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

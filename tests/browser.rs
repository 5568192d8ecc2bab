//! Browser tests of the components, in headless Chromium: the form renders, counters count code
//! points, problems show next to their field, and Send stays disabled while a request is out.
#![cfg(target_arch = "wasm32")]

use feedback_widget::contract::backends::{BackendKind, Target};
use feedback_widget::embed::attach;
use feedback_widget::{Options, WidgetControls, WidgetEvent};
use leptos::prelude::Callback;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement, HtmlInputElement, ShadowRoot};

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen(inline_js = r#"
export function stub_fetch(answer) {
  window.__fetchCalls = 0;
  window.fetch = function () {
    window.__fetchCalls += 1;
    if (answer === null) return new Promise(function () {});
    return Promise.resolve(new Response(JSON.stringify(answer.body), {
      status: answer.status,
      headers: Object.assign({ "content-type": "application/json" }, answer.headers || {}),
    }));
  };
}
export function fetch_calls() { return window.__fetchCalls || 0; }
export function json(text) { return JSON.parse(text); }
export function hold_frames(held) {
  if (held) {
    window.__frame = window.__frame || window.requestAnimationFrame;
    window.requestAnimationFrame = function () { return 0; };
  } else if (window.__frame) {
    window.requestAnimationFrame = window.__frame;
  }
}
"#)]
extern "C" {
    /// Replaces `window.fetch`: `null` never answers, `{status, body, headers}` answers with that.
    fn stub_fetch(answer: JsValue);
    fn fetch_calls() -> u32;
    fn json(text: &str) -> JsValue;
    /// While `held`, `requestAnimationFrame` takes callbacks and never calls them, as a page in
    /// a background tab or an engine that skips frames does.
    fn hold_frames(held: bool);
}

/// Lets Leptos run its effects and the browser deliver events.
async fn tick() {
    for _ in 0..3 {
        let promise = js_sys::Promise::new(&mut |resolve, _| {
            web_sys::window()
                .unwrap()
                .set_timeout_with_callback(&resolve)
                .unwrap();
        });
        wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
    }
}

/// A widget mounted as a host page would have it, removed again when the test ends.
struct Widget {
    host: Element,
    root: ShadowRoot,
}

impl Drop for Widget {
    fn drop(&mut self) {
        self.host.remove();
    }
}

fn options() -> Options {
    Options {
        api_base: "http://127.0.0.1:9/api".into(),
        channel: "feedback".into(),
        ..Options::default()
    }
}

/// Forgets what earlier tests left in localStorage: drafts, the outbox, the request count.
fn clear_storage() {
    let storage = web_sys::window().unwrap().local_storage().unwrap().unwrap();
    storage.clear().unwrap();
}

async fn open_form() -> Widget {
    open_with(options()).await
}

/// A widget with `options`, its dialog opened by its button.
async fn open_with(options: Options) -> Widget {
    clear_storage();
    let host = attach(
        options,
        Callback::new(|_: WidgetEvent| {}),
        Callback::new(|_: WidgetControls| {}),
    )
    .unwrap();
    let root = host.shadow_root().expect("an open shadow root");
    let widget = Widget { host, root };
    // The button comes with the widget's first idle part; the dialog shows in the next frame.
    widget.wait_for("button.fw-trigger").await.click();
    widget.wait_for("dialog[open]").await;
    widget
}

impl Widget {
    fn find(&self, selector: &str) -> HtmlElement {
        self.root
            .query_selector(selector)
            .unwrap()
            .unwrap_or_else(|| panic!("nothing matches {selector}"))
            .unchecked_into()
    }

    /// `selector` once it matches, waiting a tick at a time: a count of ticks, not a time, so a
    /// slow machine waits as long as it needs.
    async fn wait_for(&self, selector: &str) -> HtmlElement {
        for _ in 0..2000 {
            if let Some(element) = self.root.query_selector(selector).unwrap() {
                return element.unchecked_into();
            }
            tick().await;
        }
        panic!("nothing matches {selector}")
    }

    fn all(&self, selector: &str) -> Vec<Element> {
        let list = self.root.query_selector_all(selector).unwrap();
        (0..list.length())
            .filter_map(|i| list.item(i))
            .map(JsCast::unchecked_into)
            .collect()
    }

    fn text(&self, selector: &str) -> String {
        self.find(selector).text_content().unwrap_or_default()
    }

    /// The text of `selector` once it `holds`, waiting a tick at a time for the widget to take
    /// the stubbed server's answer: a count of ticks, not a time, so a slow machine waits as long
    /// as it needs. Gives the last text seen (or "") after 2,000 ticks, for the caller to assert.
    async fn text_once(&self, selector: &str, holds: impl Fn(&str) -> bool) -> String {
        let mut text = String::new();
        for _ in 0..2000 {
            if let Some(element) = self.root.query_selector(selector).unwrap() {
                text = element.text_content().unwrap_or_default();
                if holds(&text) {
                    break;
                }
            }
            tick().await;
        }
        text
    }

    /// The control a `<label>` starting with `label` points at.
    fn field(&self, label: &str) -> HtmlElement {
        let label = self
            .all("label")
            .into_iter()
            .find(|element| {
                element
                    .text_content()
                    .is_some_and(|text| text.trim_start().starts_with(label))
            })
            .unwrap_or_else(|| panic!("no label {label:?}"));
        let id = label
            .get_attribute("for")
            .expect("a label tied to its control");
        self.find(&format!("#{id}"))
    }

    async fn type_into(&self, label: &str, text: &str) {
        let field = self.field(label);
        js_sys::Reflect::set(&field, &"value".into(), &text.into()).unwrap();
        let init = web_sys::EventInit::new();
        init.set_bubbles(true);
        let event = web_sys::Event::new_with_event_init_dict("input", &init).unwrap();
        field.dispatch_event(&event).unwrap();
        tick().await;
    }

    /// The number the success view shows for the ticket just sent, once it shows one.
    async fn ticket_number(&self) -> String {
        self.text_once(".fw-ticket", |text| !text.is_empty()).await
    }

    async fn press_send(&self) {
        self.find("button[type=submit]").click();
        tick().await;
    }
}

#[wasm_bindgen_test]
async fn the_form_renders_in_an_open_dialog() {
    let widget = open_form().await;
    let dialog = widget.find("dialog");
    assert!(dialog.has_attribute("open"), "the trigger opens the dialog");
    assert_eq!(
        widget
            .find("button.fw-trigger")
            .get_attribute("aria-expanded")
            .as_deref(),
        Some("true")
    );
    assert_eq!(widget.text("#fw-title"), "Send feedback");
    for label in ["Subject", "Message", "Type", "Priority"] {
        widget.field(label);
    }
    assert!(widget.text("legend").starts_with("Rating"));
    assert_eq!(widget.all("input[type=radio]").len(), 5);
    assert_eq!(widget.text("button[type=submit]"), "Send");
    let focused = widget.root.active_element().map(|element| element.id());
    assert_eq!(
        focused.as_deref(),
        Some("fw-subject"),
        "focus starts on Subject"
    );
}

#[wasm_bindgen_test]
async fn counters_count_code_points_as_the_server_does() {
    let widget = open_form().await;
    let cases = [
        ("😀😀😀", "3 / 255"),
        ("  é  ", "1 / 255"),
        ("a\u{200B}", "1 / 255"),
        ("", "0 / 255"),
    ];
    for (text, counter) in cases {
        widget.type_into("Subject", text).await;
        assert_eq!(
            widget.text("#fw-subject-count [aria-hidden]"),
            counter,
            "{text:?}"
        );
    }
    // 255 astral characters are 510 UTF-16 units, and still within the limit.
    widget.type_into("Subject", &"😀".repeat(255)).await;
    assert_eq!(widget.text("#fw-subject-count [aria-hidden]"), "255 / 255");
    assert!(widget.find("#fw-subject-errors").has_attribute("hidden"));
    widget.type_into("Message", &"😀".repeat(5001)).await;
    assert_eq!(
        widget.text("#fw-message-count [aria-hidden]"),
        "5001 / 5000"
    );
    assert_eq!(
        widget.text("#fw-message-errors"),
        "The message is too long: at most 5000 characters."
    );
}

#[wasm_bindgen_test]
async fn a_client_error_shows_next_to_its_field() {
    stub_fetch(JsValue::NULL);
    let widget = open_form().await;
    widget.type_into("Message", "Only a message").await;
    widget.press_send().await;
    assert_eq!(fetch_calls(), 0, "nothing invalid is sent");
    let subject = widget.field("Subject");
    assert_eq!(
        subject.get_attribute("aria-invalid").as_deref(),
        Some("true")
    );
    let described = subject.get_attribute("aria-describedby").unwrap();
    assert!(
        described.split(' ').any(|id| id == "fw-subject-errors"),
        "{described}"
    );
    assert!(!widget.find("#fw-subject-errors").has_attribute("hidden"));
    assert_eq!(widget.text("#fw-subject-errors"), "Fill in the subject.");
    assert_eq!(
        widget
            .field("Message")
            .get_attribute("aria-invalid")
            .as_deref(),
        Some("false")
    );
    // Fixing the field takes the problem away.
    widget.type_into("Subject", "A subject").await;
    assert!(widget.find("#fw-subject-errors").has_attribute("hidden"));
}

#[wasm_bindgen_test]
async fn send_is_disabled_while_sending() {
    stub_fetch(JsValue::NULL);
    let widget = open_form().await;
    widget.type_into("Subject", "Broken button").await;
    widget.type_into("Message", "Nothing happens").await;
    let send = widget.find("button[type=submit]");
    assert_eq!(
        send.get_attribute("aria-disabled").as_deref(),
        Some("false")
    );
    send.click();
    send.click();
    tick().await;
    send.click();
    tick().await;
    assert_eq!(fetch_calls(), 1, "three clicks, one request");
    assert_eq!(send.get_attribute("aria-disabled").as_deref(), Some("true"));
    assert_eq!(send.text_content().as_deref(), Some("Sending…"));
    assert_eq!(
        widget
            .field("Subject")
            .unchecked_into::<HtmlInputElement>()
            .value(),
        "Broken button"
    );
}

#[wasm_bindgen_test]
async fn a_confirmed_ticket_shows_its_number_and_a_422_its_fields() {
    let answer = json(
        r#"{"status": 200, "body": {"error": false, "message": "ok",
            "data": {"id": 41, "ticket_number": "TCK-000041"}}}"#,
    );
    stub_fetch(answer);
    let widget = open_form().await;
    widget.type_into("Subject", "Works").await;
    widget.type_into("Message", "Thanks").await;
    widget.press_send().await;
    assert_eq!(widget.ticket_number().await, "TCK-000041");
    widget.find(".fw-success__actions .fw-button").click();
    tick().await;
    let focused = widget.root.active_element().map(|element| element.id());
    assert_eq!(
        focused.as_deref(),
        Some("fw-subject"),
        "a new form starts at Subject"
    );
    assert_eq!(
        widget
            .field("Subject")
            .unchecked_into::<HtmlInputElement>()
            .value(),
        ""
    );

    let refused = json(
        r#"{"status": 422, "body": {"message": "The message is bad.",
            "errors": {"message": ["<b>The message is bad.</b>"], "page": ["Page too long."]}}}"#,
    );
    stub_fetch(refused);
    let widget = open_form().await;
    widget.type_into("Subject", "Works").await;
    widget.type_into("Message", "Thanks").await;
    widget.press_send().await;
    assert_eq!(
        widget
            .text_once("#fw-message-errors", |text| !text.is_empty())
            .await,
        "<b>The message is bad.</b>"
    );
    assert!(
        widget.all("#fw-message-errors b").is_empty(),
        "server text stays text"
    );
    assert!(widget.text(".fw-status").contains("page: Page too long."));
    assert_eq!(
        widget
            .field("Message")
            .unchecked_into::<HtmlInputElement>()
            .value(),
        "Thanks"
    );
}

/// Waits `ms` milliseconds of real time.
async fn sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

/// The seconds the rate-limit countdown shows ("… in 1:39.").
fn countdown_seconds(widget: &Widget) -> u32 {
    let text = widget.text(".fw-status__countdown");
    let time = text
        .rsplit(" in ")
        .next()
        .and_then(|rest| rest.strip_suffix('.'))
        .unwrap_or_else(|| panic!("no wait in {text:?}"));
    let (minutes, seconds) = time.split_once(':').expect("minutes:seconds");
    minutes.parse::<u32>().unwrap() * 60 + seconds.parse::<u32>().unwrap()
}

/// Waits until the countdown shows another time than `seconds`.
async fn countdown_moves_from(widget: &Widget, seconds: u32) -> u32 {
    loop {
        sleep(100).await;
        let now = countdown_seconds(widget);
        if now != seconds {
            return now;
        }
    }
}

#[wasm_bindgen_test]
async fn editing_during_a_rate_limit_does_not_restart_the_wait() {
    stub_fetch(json(
        r#"{"status": 429, "headers": {"retry-after": "100"},
            "body": {"error": true, "message": "Too Many Attempts."}}"#,
    ));
    let widget = open_form().await;
    widget.type_into("Subject", "Again").await;
    widget.type_into("Message", "Please").await;
    widget.press_send().await;
    assert!(widget
        .text_once(".fw-status__live", |text| text
            .contains("You can send again in"))
        .await
        // 1:40 when shown, or a second less if the machine was slow to look.
        .contains("You can send again in 1:"));
    // Once the wait has gone down a second, an edit must not bring it back up: however slow the
    // machine, the next time shown is lower again.
    let before = countdown_moves_from(&widget, 100).await;
    widget.type_into("Message", "Please, now").await;
    let after = countdown_moves_from(&widget, before).await;
    assert!(after < before, "the wait went from {before} s to {after} s");
    let send = widget.find("button[type=submit]");
    assert_eq!(send.get_attribute("aria-disabled").as_deref(), Some("true"));
    send.click();
    tick().await;
    assert_eq!(fetch_calls(), 1, "no request while the wait lasts");
}

/// A closed widget with the default options, and the controls it hands the host.
fn with_controls() -> (Widget, WidgetControls) {
    clear_storage();
    let controls = std::sync::Arc::new(std::sync::OnceLock::new());
    let ready = controls.clone();
    let host = attach(
        options(),
        Callback::new(|_: WidgetEvent| {}),
        Callback::new(move |handle: WidgetControls| {
            let _ = ready.set(handle);
        }),
    )
    .unwrap();
    let widget = Widget {
        root: host.shadow_root().unwrap(),
        host,
    };
    let controls = *controls.get().expect("valid options hand out controls");
    (widget, controls)
}

#[wasm_bindgen_test]
async fn a_late_close_event_does_not_close_a_reopened_dialog() {
    let (widget, controls) = with_controls();
    controls.open(Vec::new());
    widget.wait_for("dialog[open]").await;
    // After close() then open() in one go, Chromium delivers the close event of close() when
    // the dialog is already open again. Such a late event must not close it.
    controls.close();
    controls.open(Vec::new());
    widget.wait_for("dialog[open]").await;
    let late = web_sys::Event::new("close").unwrap();
    widget.find("dialog").dispatch_event(&late).unwrap();
    tick().await;
    assert!(widget.find("dialog").has_attribute("open"), "still open");
    assert_eq!(
        widget
            .find("button.fw-trigger")
            .get_attribute("aria-expanded")
            .as_deref(),
        Some("true")
    );
}

#[wasm_bindgen_test]
async fn the_dialog_opens_without_an_animation_frame() {
    let (widget, controls) = with_controls();
    widget.wait_for("button.fw-trigger").await;
    hold_frames(true);
    controls.open(Vec::new());
    // wait_for counts timer ticks, which go on without frames.
    let opened = widget.wait_for("dialog[open]").await;
    hold_frames(false);
    assert!(opened.matches(":modal").unwrap(), "shown as a modal dialog");
}

#[wasm_bindgen_test]
async fn a_restored_draft_is_not_written_back() {
    clear_storage();
    let storage = web_sys::window().unwrap().local_storage().unwrap().unwrap();
    let key = "feedback-widget:v1:draft:http://127.0.0.1:9/api|feedback|";
    let draft = r#"{"subject":"Kept","message":"From the last visit","rating":null,"type":null,"priority":null}"#;
    storage.set_item(key, draft).unwrap();
    let host = attach(
        options(),
        Callback::new(|_: WidgetEvent| {}),
        Callback::new(|_: WidgetControls| {}),
    )
    .unwrap();
    let widget = Widget {
        root: host.shadow_root().unwrap(),
        host,
    };
    // Another tab sends that draft and clears it, after this widget restored it and before the
    // widget's hooks start (its first idle part).
    storage.remove_item(key).unwrap();
    widget.wait_for("button.fw-trigger").await.click();
    let subject: HtmlInputElement = widget
        .wait_for("dialog[open] #fw-subject")
        .await
        .unchecked_into();
    assert_eq!(subject.value(), "Kept", "the restored draft is shown");
    tick().await;
    assert_eq!(
        storage.get_item(key).unwrap(),
        None,
        "the cleared draft stays cleared"
    );
    widget.type_into("Subject", "Kept, and more").await;
    let saved = storage.get_item(key).unwrap().unwrap_or_default();
    assert!(
        saved.contains("Kept, and more"),
        "a change is saved: {saved}"
    );
}

/// Options for replies to `ticket` through `backend`.
fn reply_options(backend: BackendKind, target: Target) -> Options {
    Options {
        api_base: "http://127.0.0.1:9/api".into(),
        backend: Some(backend),
        target,
        ..Options::default()
    }
}

fn ticket(id: &str) -> Target {
    Target {
        ticket: id.into(),
        ..Target::default()
    }
}

#[wasm_bindgen_test]
async fn a_reply_to_this_apis_ticket_has_its_limit_and_no_files() {
    let reply = open_with(reply_options(BackendKind::Default, ticket("7"))).await;
    assert_eq!(reply.text("#fw-title"), "Reply to ticket 7");
    assert!(reply.all("#fw-subject").is_empty(), "no new-ticket fields");
    reply.field("Your reply");
    assert_eq!(reply.text(".fw-counter [aria-hidden]"), "0 / 5000");
    assert!(reply.all("#fw-files").is_empty(), "this API takes no files");
    assert!(
        reply.all(".fw-thread").is_empty(),
        "nor sends a thread back"
    );
}

#[cfg(feature = "helpdesks")]
#[wasm_bindgen_test]
async fn a_reply_form_shows_only_what_its_backend_offers() {
    let whmcs = open_with(reply_options(
        BackendKind::Whmcs,
        Target {
            contact_id: Some(1),
            ..ticket("1")
        },
    ))
    .await;
    assert_eq!(whmcs.text("#fw-title"), "Reply to ticket 1");
    assert!(whmcs.all("#fw-subject").is_empty(), "no new-ticket fields");
    let files = whmcs.field("Attach files");
    assert_eq!(
        files.get_attribute("accept").as_deref(),
        Some(".jpg,.jpeg,.gif,.png,.pdf,.txt")
    );
    assert_eq!(
        whmcs.text("#fw-files-limits"),
        "Up to 3 files of type JPG, JPEG, GIF, PNG, PDF, TXT; at most 2 MB each and 4 MB in all."
    );
    assert!(
        whmcs.all(".fw-counter").is_empty(),
        "WHMCS documents no length limit, so there is no counter"
    );
    drop(whmcs);

    let series = open_with(reply_options(
        BackendKind::Series,
        Target {
            staff_user_id: Some(987654321),
            ..ticket("TICKET-1")
        },
    ))
    .await;
    assert_eq!(series.text("#fw-title"), "Reply to ticket TICKET-1");
    series.field("Your reply");
    assert!(series.all("#fw-files").is_empty(), "Series takes no files");
}

#[cfg(feature = "helpdesks")]
#[wasm_bindgen_test]
async fn a_target_its_backend_cannot_use_shows_no_widget() {
    clear_storage();
    let errors = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
    let seen = errors.clone();
    let host = attach(
        reply_options(BackendKind::Series, ticket("TICKET-1")),
        Callback::new(move |event: WidgetEvent| {
            if let WidgetEvent::Error { code, message } = event {
                seen.lock().unwrap().push((code, message));
            }
        }),
        Callback::new(|_: WidgetControls| {}),
    )
    .unwrap();
    tick().await;
    let widget = Widget {
        root: host.shadow_root().unwrap(),
        host,
    };
    assert!(widget.all("button.fw-trigger").is_empty(), "no button");
    let errors = errors.lock().unwrap();
    assert_eq!(errors.len(), 1);
    assert_eq!(errors[0].0, "config");
    assert!(
        errors[0].1.contains("data-staff-user-id"),
        "names the missing attribute: {}",
        errors[0].1
    );
}

#[cfg(feature = "helpdesks")]
#[wasm_bindgen_test]
async fn a_thread_with_hostile_html_is_shown_as_text() {
    let widget = open_with(reply_options(
        BackendKind::Klantportaal,
        ticket("tic_abc12345def678"),
    ))
    .await;
    stub_fetch(json(
        r#"{"status": 200, "body": {"id": "tic_abc12345def678", "messages": [{
            "postedBy": "<img src=x onerror=\"window.__pwned=1\">Mallory",
            "postedAt": "not a date",
            "isPostedByCustomer": false,
            "message": "<p>Visible words</p><script>window.__pwned=1</script><img src=x onerror=\"window.__pwned=1\">",
            "attachments": [{"name": "<b>log</b>.txt", "size": 1536}]
        }]}}"#,
    ));
    widget.type_into("Your reply", "Thanks").await;
    widget.press_send().await;
    tick().await;
    assert_eq!(fetch_calls(), 1);
    assert_eq!(
        widget
            .text_once(".fw-thread__text", |text| !text.is_empty())
            .await,
        "Visible words"
    );
    assert_eq!(
        widget.text(".fw-thread__author"),
        "<img src=x onerror=\"window.__pwned=1\">Mallory"
    );
    assert_eq!(widget.text(".fw-thread time"), "not a date");
    assert_eq!(widget.text(".fw-thread__files li"), "<b>log</b>.txt 1.5 KB");
    assert!(widget
        .all(".fw-thread img, .fw-thread script, .fw-thread b")
        .is_empty());
    let pwned = js_sys::Reflect::get(&web_sys::window().unwrap(), &"__pwned".into()).unwrap();
    assert!(pwned.is_undefined(), "no script of the thread ran");
    assert_eq!(
        widget.text(".fw-reply__sent"),
        "Your reply was added to ticket tic_abc12345def678."
    );
}

/// The browser's JSON values, as the widget hands them to the contract, equal what serde_json
/// reads from the same text; values nested too deep, and undefined, are refused.
#[wasm_bindgen_test]
fn browser_json_reads_as_serde_json_does() {
    use feedback_widget::browser::json;
    for text in [
        r#"{"error":false,"data":{"id":41,"ticket_number":"TCK-41"}}"#,
        r#"{"errors":{"subject":["Too long."]},"message":"The given data was invalid."}"#,
        r#"[1,-2,3.5,0,-0.25,9007199254740991,-9007199254740991,1e300,true,false,null]"#,
        r#"["é ✓ \"q\" \n","",[],{},[[{"a":[{}]}]]]"#,
        r#""text""#,
        "12",
        "null",
    ] {
        let expected: serde_json::Value = serde_json::from_str(text).unwrap();
        assert_eq!(json::parse(text), Some(expected), "{text}");
    }
    let deep = "[".repeat(70) + &"]".repeat(70);
    assert_eq!(json::parse(&deep), None);
    assert_eq!(json::from_js(&JsValue::UNDEFINED), None);
    assert_eq!(json::parse("{not json"), None);
}

/// Placeholders are filled in one pass: unknown ones, stray braces and braces inside a value
/// stay as written.
#[wasm_bindgen_test]
fn texts_fill_their_placeholders_once() {
    use feedback_widget::ui::texts::{around, fill};
    let too_long = "The {field} is too long: at most {max} characters.";
    assert_eq!(
        fill(too_long, &[("field", "subject"), ("max", "255")]),
        "The subject is too long: at most 255 characters."
    );
    assert_eq!(fill("{n} of {n}", &[("n", "3")]), "3 of 3");
    assert_eq!(
        fill("Remove {name}", &[("name", "{max}.txt"), ("max", "9")]),
        "Remove {max}.txt"
    );
    assert_eq!(
        fill("{unknown} {a} { {a}", &[("a", "x")]),
        "{unknown} x { x"
    );
    assert_eq!(fill("open { brace", &[]), "open { brace");
    assert_eq!(
        around("Added to ticket {ticket}.", "ticket"),
        ("Added to ticket ", ".")
    );
    assert_eq!(around("{x} then {ticket}", "ticket"), ("{x} then ", ""));
    assert_eq!(around("none", "ticket"), ("none", ""));
}

/// The wasm module's memory, in bytes.
fn wasm_memory() -> f64 {
    let memory: js_sys::WebAssembly::Memory = wasm_bindgen::memory().unchecked_into();
    memory
        .buffer()
        .unchecked_into::<js_sys::ArrayBuffer>()
        .byte_length() as f64
}

/// Opens and closes the form `times` times, then sends `tickets` tickets, each followed by
/// "Send other feedback".
async fn use_for_a_while(widget: &Widget, controls: WidgetControls, times: u32, tickets: u32) {
    for _ in 0..times {
        controls.open(Vec::new());
        widget.wait_for("dialog[open]").await;
        controls.close();
        widget.wait_for("dialog:not([open])").await;
    }
    for n in 0..tickets {
        // The widget's own count of sent tickets would refuse the 11th in five minutes.
        clear_storage();
        controls.open(Vec::new());
        widget.wait_for("dialog[open]").await;
        widget.type_into("Subject", &format!("Ticket {n}")).await;
        widget
            .type_into("Message", "A message that takes some room.")
            .await;
        widget.press_send().await;
        assert_eq!(widget.ticket_number().await, "TCK-000041");
        widget.find(".fw-success__actions .fw-button").click();
        tick().await;
        controls.close();
        widget.wait_for("dialog:not([open])").await;
    }
}

#[wasm_bindgen_test]
async fn memory_stays_bounded_over_many_opens_and_tickets() {
    stub_fetch(json(
        r#"{"status": 200, "body": {"error": false, "message": "ok",
            "data": {"id": 41, "ticket_number": "TCK-000041"}}}"#,
    ));
    let (widget, controls) = with_controls();
    // A first round lets the allocator reach its working size.
    use_for_a_while(&widget, controls, 20, 2).await;
    let warm = wasm_memory();
    use_for_a_while(&widget, controls, 180, 0).await;
    let opened = wasm_memory();
    use_for_a_while(&widget, controls, 0, 18).await;
    let sent = wasm_memory();
    // Opening and closing keeps nothing: 180 more take at most one page (64 KB), where a leak
    // of even 400 bytes an open would take two.
    assert!(
        opened - warm <= 64.0 * 1024.0,
        "180 opens grew wasm memory by {} bytes, from {warm}",
        opened - warm
    );
    // Nor does a sent ticket with the form built again after "Send other feedback": 18 more
    // take at most one page, where the 8 KB a ticket once kept took four.
    assert!(
        sent - opened <= 64.0 * 1024.0,
        "18 tickets grew wasm memory by {} bytes, from {opened}",
        sent - opened
    );
}

/// An unknown backend's word is named with the words this build knows, and the main build
/// points to the other one for the other help desks.
#[wasm_bindgen_test]
fn an_unknown_backend_is_worded_for_this_build() {
    use feedback_widget::contract::ConfigProblem;
    use feedback_widget::ui::texts::config_text;

    let unknown = |word: &str, tickets_instead| {
        config_text(&ConfigProblem::UnknownBackend {
            word: word.into(),
            tickets_instead,
        })
    };
    let names: Vec<&str> = BackendKind::ALL.iter().map(|kind| kind.name()).collect();
    assert_eq!(
        unknown(" zendesk ", false),
        format!("\"zendesk\" is not one of {}.", names.join(", "))
    );
    assert!(unknown("zendesk", true).ends_with(". The widget makes new tickets instead."));
    #[cfg(not(feature = "helpdesks"))]
    for word in BackendKind::HELPDESKS {
        let problem = unknown(word, false);
        assert!(
            problem.starts_with(&format!("\"{word}\" is not in this build of the widget"))
                && problem.contains("feedback-widget-helpdesks.js"),
            "{problem}"
        );
    }
}

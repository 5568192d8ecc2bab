//! A Leptos app with the feedback widget as one of its own components, on the crate rather than
//! the script tag. The app draws its own button, which opens the widget's form through the
//! controls the widget hands over when it is ready, and lists the tickets the help desk confirmed.
//!
//! `scripts/test.sh` builds it into `target/leptos-app-site` and serves it from the sandbox, which
//! answers the API on the same origin (`tests/e2e/specs/leptos-app.test.js`).

use feedback_widget::ui::options::Position;
use feedback_widget::ui::STYLES;
use feedback_widget::{FeedbackWidget, Options, WidgetControls, WidgetEvent};
use leptos::prelude::*;

fn main() {
    // Scoped to the widget's container: the stylesheet is written for the script tag's shadow
    // root, and its few rules for bare buttons, fields and `[hidden]` would reach the app's own.
    if let Err(error) = adopt_styles(&format!("@scope (.app-feedback) {{ {STYLES} }}")) {
        leptos::logging::error!("the feedback widget's stylesheet was not adopted: {error:?}");
    }
    leptos::mount::mount_to_body(App);
}

/// The app: a header with its feedback button, its page, and the widget.
#[component]
fn App() -> impl IntoView {
    let options = Options {
        // The sandbox serves this app and the API on one origin.
        api_base: "/api".into(),
        channel: "feedback".into(),
        tool_key: Some("leptos_app".into()),
        // The sandbox's demo user. A real app leaves the token out and lets a same-origin proxy
        // add it, or sets one the user's session may only create tickets with.
        token: Some("demo-token".into()),
        // No button of the widget's own: the app's header has one.
        position: Position::None,
        ..Options::default()
    };
    // The widget hands over its controls once it has checked the options.
    let controls = RwSignal::new(None::<WidgetControls>);
    let sent = RwSignal::new(Vec::<String>::new());
    let on_event = move |event: WidgetEvent| {
        if let WidgetEvent::Submitted(ticket) = event {
            sent.update(|sent| sent.push(ticket.label()));
        }
    };
    let open_form = move |_| {
        if let Some(controls) = controls.get_untracked() {
            controls.open(vec![]);
        }
    };

    view! {
        <header class="app-bar">
            <strong>"Acme Notes"</strong>
            <button class="app-button" on:click=open_form disabled=move || controls.with(Option::is_none)>
                "Tell us what you think"
            </button>
        </header>
        <main class="app-main">
            <h1>"Your notes"</h1>
            <p>"Groceries: oat milk, lemons, rye bread."</p>
            <p>"Call the garage about the winter tyres."</p>
            <h2>"Feedback you sent"</h2>
            <ul class="app-sent">
                {move || sent.get().into_iter().map(|ticket| view! { <li>{ticket}</li> }).collect_view()}
            </ul>
        </main>
        <div class="app-feedback">
            <FeedbackWidget options on_event on_ready=move |ready| controls.set(Some(ready)) />
        </div>
    }
}

/// Gives the page the widget's stylesheet, as a constructed sheet after the page's own.
fn adopt_styles(css: &str) -> Result<(), web_sys::wasm_bindgen::JsValue> {
    let sheet = web_sys::CssStyleSheet::new()?;
    sheet.replace_sync(css)?;
    let document = document();
    let sheets = document.adopted_style_sheets();
    sheets.push(&sheet);
    document.set_adopted_style_sheets(&sheets);
    Ok(())
}

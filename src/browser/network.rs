//! What the browser knows about its connection.

/// Whether the browser believes it is online. Without a window (a worker, a test runner) it is.
pub fn online() -> bool {
    web_sys::window().is_none_or(|window| window.navigator().on_line())
}

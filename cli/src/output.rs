//! Printing results and errors: text for people, `--json` for scripts.

use avalo_core::Error;
use serde_json::{json, Value};

/// Prints a result: the JSON value with `--json`, the text otherwise.
pub fn print(json_mode: bool, value: &Value, text: &str) {
    if json_mode {
        println!("{}", serde_json::to_string_pretty(value).unwrap_or_else(|_| value.to_string()));
    } else {
        println!("{text}");
    }
}

/// Prints an error to standard error: `CODE: reason` and the user message, or a JSON object
/// `{"code", "message", "reason"}` with `--json` (on standard output, for scripts).
pub fn print_error(e: &Error, json_mode: bool) {
    if json_mode {
        let v = json!({"ok": false, "code": e.code.as_str(), "message": e.message(), "reason": e.reason});
        println!("{}", serde_json::to_string_pretty(&v).unwrap_or_else(|_| v.to_string()));
    } else {
        eprintln!("error: {}: {}\n({})", e.code.as_str(), e.reason, e.message());
    }
}

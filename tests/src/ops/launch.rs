//! Vector operations of the `launch` module (SPEC §7.1).

use super::{arg, out, OpResult};
use avalo_core::launch::{self, LaunchMode, ModeChangeRequest, SignupRequest};
use avalo_core::{Error, Policy};
use serde::de::DeserializeOwned;
use serde_json::{json, Value};

/// The whole input as one typed request.
pub(crate) fn whole<T: DeserializeOwned>(input: &Value) -> Result<T, Error> {
    serde_json::from_value(input.clone()).map_err(|e| Error::invalid(format!("{}: {e}", super::BAD_VECTOR)))
}

/// Runs one `launch` operation, or `None` if the name is not one of them.
pub fn run(policy: &Policy, op: &str, i: &Value) -> Option<OpResult> {
    let r = match op {
        "check_signup" => whole::<SignupRequest>(i).and_then(|r| launch::check_signup(policy, &r)).and_then(out),
        "check_mode_change" => {
            whole::<ModeChangeRequest>(i).and_then(|r| launch::check_mode_change(policy, &r)).and_then(out)
        }
        "mode_rules" => arg::<LaunchMode>(i, "mode").and_then(|m| out(launch::mode_rules(policy, m))),
        "normalize_country" => arg::<String>(i, "country")
            .and_then(|c| launch::normalize_country(&c))
            .map(|c| json!({"country": c.as_str()})),
        _ => return None,
    };
    Some(r)
}

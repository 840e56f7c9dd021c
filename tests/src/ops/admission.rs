//! Vector operations of the `admission` module (SPEC §13).

use super::launch::whole;
use super::{arg, out, OpResult};
use avalo_core::admission::{self, AdmissionRequest};
use avalo_core::Policy;
use serde_json::{json, Value};

/// Runs one `admission` operation, or `None` if the name is not one of them.
pub fn run(policy: &Policy, op: &str, i: &Value) -> Option<OpResult> {
    let r = match op {
        "admit" => whole::<AdmissionRequest>(i).and_then(|r| admission::admit(policy, &r)).and_then(out),
        "next_utc_midnight" => {
            arg::<i64>(i, "now_ms").and_then(admission::next_utc_midnight).map(|t| json!({"retry_at_ms": t}))
        }
        _ => return None,
    };
    Some(r)
}

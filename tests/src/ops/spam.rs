//! Vector operations of the `spam` module (SPEC §4.8).

use super::{arg, opt, out, OpResult};
use avalo_core::spam::{check_spam, RecentMessage};
use avalo_core::Policy;
use serde_json::Value;

/// Runs one `spam` operation, or `None` if the name is not one of them.
pub fn run(policy: &Policy, op: &str, i: &Value) -> Option<OpResult> {
    let r = match op {
        "check_spam" => (|| {
            let recent = opt::<Vec<RecentMessage>>(i, "recent")?.unwrap_or_default();
            Ok(check_spam(policy, &arg::<String>(i, "text")?, &recent, arg(i, "now_ms")?))
        })()
        .and_then(out),
        _ => return None,
    };
    Some(r)
}

//! Vector operations of the `creator` module (SPEC §16.1; the creator rate of §16.2 is in
//! `billing`).

use super::{arg, opt, out, OpResult};
use avalo_core::creator;
use avalo_core::ledger::LedgerRecord;
use avalo_core::Policy;
use serde_json::Value;

/// Runs one `creator` operation, or `None` if the name is not one of them.
pub fn run(_policy: &Policy, op: &str, i: &Value) -> Option<OpResult> {
    let r = match op {
        "creator_analytics" => (|| {
            creator::creator_analytics(
                &arg::<String>(i, "creator_id")?,
                &arg::<Vec<LedgerRecord>>(i, "records")?,
                arg(i, "from_ms")?,
                arg(i, "to_ms")?,
                opt(i, "top_n")?,
            )
        })()
        .and_then(out),
        _ => return None,
    };
    Some(r)
}

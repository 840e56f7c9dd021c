//! Vector operations of the `royal` module (SPEC §7.3): `royal_status`, `tier_for_spend`.

use super::{arg, opt, out, OpResult};
use avalo_core::royal::{self, RoyalSubscription, SpendBucket};
use avalo_core::Policy;
use serde_json::{json, Value};

/// Runs one `royal` operation, or `None` if the name is not one of them.
pub fn run(policy: &Policy, op: &str, i: &Value) -> Option<OpResult> {
    let r = match op {
        "royal_status" => (|| {
            let buckets = opt::<Vec<SpendBucket>>(i, "buckets")?.unwrap_or_default();
            let sub = opt::<RoyalSubscription>(i, "subscription")?;
            royal::royal_status(policy, &buckets, sub.as_ref(), arg(i, "now_ms")?)
        })()
        .and_then(out),
        "tier_for_spend" => arg(i, "spent").map(|s| json!({"tier": royal::tier_for_spend(policy, s)})),
        _ => return None,
    };
    Some(r)
}

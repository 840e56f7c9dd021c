//! Vector operations of the `rollout` module (SPEC §7.2).

use super::launch::whole;
use super::{arg, opt, out, OpResult};
use avalo_core::rollout::{self, CapRequest, DayMetrics, RolloutPhase};
use avalo_core::Policy;
use serde_json::{json, Value};

/// Runs one `rollout` operation, or `None` if the name is not one of them.
pub fn run(policy: &Policy, op: &str, i: &Value) -> Option<OpResult> {
    let r = match op {
        "check_country_cap" => {
            whole::<CapRequest>(i).and_then(|r| rollout::check_country_cap(policy, &r)).and_then(out)
        }
        "effective_caps" => (|| {
            let phase = arg::<RolloutPhase>(i, "phase")?;
            Ok(rollout::effective_caps(policy, phase, &opt(i, "overrides")?.unwrap_or_default()))
        })()
        .and_then(out),
        "progression_readiness" => {
            (|| rollout::progression_readiness(policy, &arg::<Vec<DayMetrics>>(i, "days")?, arg(i, "now_ms")?))()
                .and_then(out)
        }
        "next_market" => (|| rollout::next_market(policy, &arg::<Vec<String>>(i, "launched")?))()
            .map(|c| json!({"country": c.map(|c| c.as_str().to_string())})),
        _ => return None,
    };
    Some(r)
}

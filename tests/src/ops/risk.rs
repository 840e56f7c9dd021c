//! Vector operations of the `risk` module (SPEC §8).

use super::launch::whole;
use super::{arg, out, OpResult};
use avalo_core::risk::{self, ComponentCheck, ReadinessCheck};
use avalo_core::Policy;
use serde_json::Value;

/// Runs one `risk` operation, or `None` if the name is not one of them.
pub fn run(policy: &Policy, op: &str, i: &Value) -> Option<OpResult> {
    let r = match op {
        "region_risk" => whole(i).and_then(|m| risk::region_risk(policy, &m)).and_then(out),
        "fraud_shield" => whole(i).and_then(|w| risk::fraud_shield(policy, &w)).and_then(out),
        "check_load" => whole(i).and_then(|m| out(risk::check_load(policy, &m))),
        "campaign_metrics" => whole(i).and_then(|c| out(risk::campaign_metrics(policy, &c))),
        "component_health" => {
            arg::<Vec<ComponentCheck>>(i, "checks").and_then(|c| risk::component_health(policy, &c)).and_then(out)
        }
        "launch_readiness" => {
            arg::<Vec<ReadinessCheck>>(i, "checks").and_then(|c| risk::launch_readiness(&c)).and_then(out)
        }
        "check_alerts" => whole(i).and_then(|m| risk::check_alerts(policy, &m)).and_then(out),
        _ => return None,
    };
    Some(r)
}

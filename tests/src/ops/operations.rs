//! Vector operations of the `ops` module (SPEC §15).

use super::launch::whole;
use super::{arg, out, OpResult};
use avalo_core::ops::{self, Environment, OpsResult, Severity};
use avalo_core::Policy;
use serde_json::{json, Value};

/// Runs one `ops` operation, or `None` if the name is not one of them.
pub fn run(policy: &Policy, op: &str, i: &Value) -> Option<OpResult> {
    let r = match op {
        "triage" => (|| ops::triage(policy, &arg::<OpsResult>(i, "result")?, arg(i, "raised_at_ms")?))().and_then(out),
        "route" => (|| ops::route(policy, arg::<Severity>(i, "severity")?, arg(i, "raised_at_ms")?))().and_then(out),
        "incident_severity" => {
            arg::<Vec<Severity>>(i, "severities").map(|s| ops::incident_severity(&s)).map(|s| json!({"severity": s}))
        }
        "parse_environment" => arg::<String>(i, "environment")
            .and_then(|e| Environment::parse(&e))
            .map(|e| json!({"environment": e.as_str()})),
        "release_gate" => whole(i).and_then(|r| ops::release_gate(policy, &r)).and_then(out),
        "deploy_gate" => whole(i).and_then(|r| ops::deploy_gate(policy, &r)).and_then(out),
        "secret_rotation" => {
            (|| ops::secret_rotation(policy, arg(i, "rotated_at_ms")?, arg(i, "now_ms")?))().and_then(out)
        }
        "migration_permission" => whole(i).and_then(|r| ops::migration_permission(&r)).and_then(out),
        _ => return None,
    };
    Some(r)
}

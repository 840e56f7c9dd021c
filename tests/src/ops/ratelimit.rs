//! Vector operations of the `ratelimit` module (SPEC §6).

use super::{arg, out, OpResult};
use avalo_core::ratelimit::{self, LimitBatchItem, LimitRequest, LimitSpec, RateLimit};
use avalo_core::{Error, Policy};
use serde_json::{json, Value};

fn limit(i: &Value) -> Result<RateLimit, Error> {
    RateLimit::new(arg::<LimitSpec>(i, "limit")?)
}

/// Runs one `ratelimit` operation, or `None` if the name is not one of them.
pub fn run(policy: &Policy, op: &str, i: &Value) -> Option<OpResult> {
    let r = match op {
        "rate_limit" => limit(i).and_then(out),
        "decide" => {
            (|| ratelimit::decide(&limit(i)?, arg(i, "state")?, arg(i, "now_ms")?, arg(i, "cost")?))().and_then(out)
        }
        "decide_sequence" => {
            (|| ratelimit::decide_sequence(&limit(i)?, arg(i, "state")?, &arg::<Vec<LimitRequest>>(i, "requests")?))()
                .and_then(out)
        }
        "decide_batch" => (|| ratelimit::decide_batch(&limit(i)?, &arg::<Vec<LimitBatchItem>>(i, "items")?))()
            .and_then(|d| out(json!({"decisions": d}))),
        "decide_action" => (|| {
            ratelimit::decide_action(
                policy,
                &arg::<String>(i, "action")?,
                arg(i, "tier")?,
                arg(i, "state")?,
                arg(i, "now_ms")?,
                arg(i, "cost")?,
            )
        })()
        .and_then(out),
        "action_limit" => {
            (|| ratelimit::action_limit(policy, &arg::<String>(i, "action")?, arg(i, "tier")?))().and_then(out)
        }
        "list_actions" => {
            (|| ratelimit::list_actions(policy, arg(i, "tier")?))().and_then(|a| out(json!({"actions": a})))
        }
        "failure_policy" => (|| ratelimit::failure_policy(policy, &arg::<String>(i, "action")?))()
            .and_then(|f| out(json!({"on_failure": f}))),
        "validate_subject" => {
            (|| ratelimit::validate_subject(&arg::<String>(i, "key")?))().map(|()| json!({"valid": true}))
        }
        "hash_subject" => arg::<String>(i, "raw").map(|raw| json!({"key": ratelimit::hash_subject(&raw)})),
        _ => return None,
    };
    Some(r)
}

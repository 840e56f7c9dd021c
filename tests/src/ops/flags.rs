//! Vector operations of the `flags` module (SPEC §7.4).

use super::{arg, opt, out, OpResult};
use avalo_core::flags::{self, FlagContext, FlagDefinition, FlagSet};
use avalo_core::Policy;
use serde_json::{json, Value};

/// Runs one `flags` operation, or `None` if the name is not one of them.
pub fn run(policy: &Policy, op: &str, i: &Value) -> Option<OpResult> {
    let r = match op {
        "flag_bucket" => (|| Ok(flags::flag_bucket(&arg::<String>(i, "flag")?, &arg::<String>(i, "user_id")?)))()
            .map(|b| json!({"bucket": b})),
        "evaluate_flag" => (|| {
            let killed = opt::<Vec<String>>(i, "killed_groups")?.unwrap_or_default();
            flags::evaluate_flag(
                policy,
                &killed,
                &arg::<FlagDefinition>(i, "flag")?,
                &arg::<FlagContext>(i, "context")?,
            )
        })()
        .and_then(out),
        "evaluate_flags" => {
            (|| flags::evaluate_flags(policy, &arg::<FlagSet>(i, "set")?, &arg::<FlagContext>(i, "context")?))()
                .and_then(out)
        }
        _ => return None,
    };
    Some(r)
}

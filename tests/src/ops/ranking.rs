//! Vector operations of the `ranking` module (none yet).

use super::OpResult;
use avalo_core::Policy;
use serde_json::Value;

/// Runs one `ranking` operation, or `None` if the name is not one of them.
pub fn run(_policy: &Policy, _op: &str, _input: &Value) -> Option<OpResult> {
    None
}

//! Vector operations of the `spam` module (none yet).

use super::OpResult;
use avalo_core::Policy;
use serde_json::Value;

/// Runs one `spam` operation, or `None` if the name is not one of them.
pub fn run(_policy: &Policy, _op: &str, _input: &Value) -> Option<OpResult> {
    None
}

//! Facade of `core/src/policy.rs`: policy validation. The [`Policy`] object itself (constructors
//! `Policy()`, `fromJson`, `fromPatch` and its methods) is exported by the core
//! (`core/src/ffi_support.rs`).
//!
//! A `Policy` is immutable and thread-safe; build it once (built-in, from JSON, or from a merge
//! patch over the built-in one) and pass it to every function that needs it.
//!
//! ```text
//! Kotlin: val p = Policy();  Policy.fromJson(json);  Policy.fromPatch("""{"splits":{"tip_creator_bp":8500}}""")
//! Swift:  let p = Policy();  try Policy.fromJson(json: json);  try Policy.fromPatch(patchJson: patch)
//! ```

use crate::error::{guard, AvaloError};
use avalo_core::policy::PolicyProblem;

/// Every problem a complete policy JSON has (a parse error, or every validation problem),
/// without building it. Empty means [`Policy::from_json`] accepts it.
#[uniffi::export]
pub fn policy_problems(json: String) -> Result<Vec<PolicyProblem>, AvaloError> {
    guard(|| Ok(avalo_core::Policy::problems_in_json(&json)))
}

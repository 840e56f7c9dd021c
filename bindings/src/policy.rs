//! Facade of `core/src/policy.rs`: the [`Policy`] object and policy validation.
//!
//! A `Policy` is immutable and thread-safe; build it once (built-in, from JSON, or from a merge
//! patch over the built-in one) and pass it to every function that needs it.
//!
//! ```text
//! Kotlin: val p = Policy();  Policy.fromJson(json);  Policy.fromPatch("""{"splits":{"tip_creator_bp":8500}}""")
//! Swift:  let p = Policy();  try Policy.fromJson(json: json);  try Policy.fromPatch(patchJson: patch)
//! ```

use crate::error::{guard, AvaloError};
use avalo_core::policy as core;
use std::sync::Arc;

/// A validated, immutable policy with its fingerprint (SPEC §1).
#[derive(Debug, uniffi::Object)]
pub struct Policy {
    core: avalo_core::Policy,
}

impl Policy {
    /// The core policy, for facade functions.
    pub fn core(&self) -> &avalo_core::Policy {
        &self.core
    }
}

impl From<avalo_core::Policy> for Policy {
    fn from(core: avalo_core::Policy) -> Self {
        Policy { core }
    }
}

#[uniffi::export]
impl Policy {
    /// The built-in policy: exactly the defaults of SPEC.md.
    #[uniffi::constructor]
    pub fn new() -> Arc<Self> {
        Arc::new(avalo_core::Policy::default().into())
    }

    /// Loads a complete policy from JSON. A wrong type, a missing or unknown field, or any
    /// validation problem is `INVALID_INPUT`; the reason lists every problem with its JSON path.
    #[uniffi::constructor]
    pub fn from_json(json: String) -> Result<Arc<Self>, AvaloError> {
        guard(|| Ok(Arc::new(avalo_core::Policy::from_json(&json)?.into())))
    }

    /// The built-in policy with a JSON merge patch (RFC 7386) applied, then validated like
    /// [`Policy::from_json`]: `{"splits":{"tip_creator_bp":8500}}` changes one number.
    #[uniffi::constructor]
    pub fn from_patch(patch_json: String) -> Result<Arc<Self>, AvaloError> {
        guard(|| Ok(Arc::new(avalo_core::Policy::from_patch(&patch_json)?.into())))
    }

    /// The version label (`"2026.11"` for the built-in policy).
    pub fn version(&self) -> String {
        self.core.version().to_string()
    }

    /// SHA-256 (lower-case hex) of the canonical JSON; equal fingerprints price alike.
    pub fn fingerprint(&self) -> String {
        self.core.fingerprint().to_string()
    }

    /// The canonical JSON (sorted keys, compact) that the fingerprint hashes; loadable with
    /// [`Policy::from_json`].
    pub fn canonical_json(&self) -> Result<String, AvaloError> {
        guard(|| Ok(self.core.canonical_json()))
    }
}

/// One problem found in a policy JSON, with its JSON path (`$.splits.chat_creator_bp`).
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct PolicyProblem {
    /// JSON path of the offending value, starting with `$`.
    pub path: String,
    /// What is wrong with it.
    pub problem: String,
}

impl From<core::PolicyProblem> for PolicyProblem {
    fn from(p: core::PolicyProblem) -> Self {
        PolicyProblem { path: p.path, problem: p.problem }
    }
}

/// Every problem a complete policy JSON has (a parse error, or every validation problem),
/// without building it. Empty means [`Policy::from_json`] accepts it.
#[uniffi::export]
pub fn policy_problems(json: String) -> Result<Vec<PolicyProblem>, AvaloError> {
    guard(|| Ok(avalo_core::Policy::problems_in_json(&json).into_iter().map(Into::into).collect()))
}

//! Secret rotation (SPEC §15.4, §15.5).
//!
//! A secret is due (overdue) when `now − rotated_at ≥ max_age_ms` (90 days = 7 776 000 000 ms),
//! due soon when `≥ due_soon_ms` (76 days), with `due_at_ms = rotated_at + max_age_ms`. A future
//! `rotated_at` counts as now (as §5.1 treats future times).
//!
//! Note: §15.4 writes "older than 90 days (`>`)" and §15.5's settled details "`≥ 90 days`" with
//! `due_at_ms = rotated_at + 90 days`; the settled detail is implemented (at `due_at_ms` the
//! secret is due).

use crate::error::{Error, Result};
use crate::policy::{check, Policy, PolicyProblem};
use serde::{Deserialize, Serialize};

/// Secret rotation thresholds.
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(deny_unknown_fields)]
pub struct SecretPolicy {
    /// Age at which a secret is due, ms (7 776 000 000 = 90 days).
    pub max_age_ms: u64,
    /// Age at which a secret is due soon, ms (6 566 400 000 = 76 days).
    pub due_soon_ms: u64,
}

impl Default for SecretPolicy {
    fn default() -> Self {
        SecretPolicy { max_age_ms: 7_776_000_000, due_soon_ms: 6_566_400_000 }
    }
}

impl SecretPolicy {
    pub(crate) fn validate(&self, path: &str, p: &mut Vec<PolicyProblem>) {
        check(self.max_age_ms > 0, p, format!("{path}.max_age_ms"), "must be > 0");
        check(self.max_age_ms <= 1 << 53, p, format!("{path}.max_age_ms"), "must be <= 2^53");
        check(self.due_soon_ms <= self.max_age_ms, p, format!("{path}.due_soon_ms"), "must be <= max_age_ms");
    }
}

/// Where a secret stands.
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[serde(rename_all = "snake_case")]
pub enum SecretState {
    /// Fine.
    Current,
    /// Due soon (P3).
    DueSoon,
    /// Due: rotate now (P2).
    Overdue,
}

/// A secret's rotation status.
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct SecretStatus {
    /// Where it stands.
    pub state: SecretState,
    /// Its age, ms (0 for a future `rotated_at`).
    pub age_ms: u64,
    /// When it is (or was) due, ms since the epoch.
    pub due_at_ms: i64,
    /// Fingerprint of the policy.
    pub policy_fingerprint: String,
}

/// Checks a secret's rotation (SPEC §15.4).
pub fn secret_rotation(policy: &Policy, rotated_at_ms: i64, now_ms: i64) -> Result<SecretStatus> {
    let s = &policy.ops.secrets;
    let rotated = rotated_at_ms.min(now_ms);
    let age_ms = u64::try_from(i128::from(now_ms) - i128::from(rotated))
        .map_err(|_| Error::invalid("the secret's age is out of range"))?;
    let due_at_ms = i64::try_from(s.max_age_ms)
        .ok()
        .and_then(|m| rotated.checked_add(m))
        .ok_or_else(|| Error::invalid("rotated_at_ms + max_age_ms overflows"))?;
    let state = if age_ms >= s.max_age_ms {
        SecretState::Overdue
    } else if age_ms >= s.due_soon_ms {
        SecretState::DueSoon
    } else {
        SecretState::Current
    };
    Ok(SecretStatus { state, age_ms, due_at_ms, policy_fingerprint: policy.fingerprint().to_string() })
}

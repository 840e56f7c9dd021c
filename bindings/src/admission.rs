//! Facade of `core/src/admission.rs`: one admission decision for signups and paid operations
//! (SPEC §13). Conversions only; the rules are in the core.

use crate::error::{guard, AvaloError};
use avalo_core::admission::{self as core, *};
use avalo_core::Policy;

/// Admits (or refuses, with the §11 code and the retry time) a signup or paid operation.
#[uniffi::export]
pub fn admit(policy: &Policy, request: AdmissionRequest) -> Result<Admission, AvaloError> {
    guard(|| Ok(core::admit(policy, &request)?))
}

/// The next UTC midnight after `now_ms` (when a daily cap resets); out of range is
/// `INVALID_INPUT`.
#[uniffi::export]
pub fn next_utc_midnight(now_ms: i64) -> Result<i64, AvaloError> {
    guard(|| Ok(core::next_utc_midnight(now_ms)?))
}

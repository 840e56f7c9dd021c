//! Facade of `core/src/error.rs`: the SPEC §11 codes, retry strategy, and [`guard`].
//!
//! [`AvaloError`] (declared in `core/src/ffi_support.rs`, so that a value that fails to lift
//! at the boundary is a typed `INVALID_INPUT` too) is the only error any exported function throws (Kotlin `AvaloException`,
//! Swift `AvaloError`). It has one variant, `Failure { code, reason }`, plus the methods
//! `code()` and `reason()` so callers can read them without matching:
//!
//! ```text
//! Kotlin: catch (e: AvaloException) { e.code() == ErrorCode.KYC_REQUIRED; e.reason() }
//! Swift:  catch let e as AvaloError { e.code() == .kycRequired; e.reason() }  (or `catch AvaloError.Failure(let code, let reason)`)
//! ```
//!
//! The field is `reason`, never `message` (that clashes with `Throwable.message`). The stable
//! wire string of a code is `code.asStr()` (`"KYC_REQUIRED"`), identical in every language.
//! A panic inside the core (a bug) is caught by [`guard`] and reported as `SERVICE_DEGRADED`
//! with a reason starting `internal error:`.

use avalo_core::error::{self as core, ErrorCode, ErrorInfo, RetryDecision};
pub use avalo_core::ffi_support::AvaloError;

/// Runs a facade body, turning a panic (a bug in the core) into `SERVICE_DEGRADED`, so no panic
/// ever reaches Swift or Kotlin. Every exported function that runs core code uses it.
pub fn guard<T>(body: impl FnOnce() -> Result<T, AvaloError>) -> Result<T, AvaloError> {
    avalo_core::ffi_support::guarded(body)
}

/// The user-facing message and retry strategy of a code.
#[uniffi::export]
pub fn error_info(code: ErrorCode) -> Result<ErrorInfo, AvaloError> {
    guard(|| Ok(code.info()))
}

/// Parses a wire string (`"KYC_REQUIRED"`, exact, upper-case) into a code; an unknown string
/// is `INVALID_INPUT`.
#[uniffi::export]
pub fn parse_error_code(code: String) -> Result<ErrorCode, AvaloError> {
    guard(|| core::ErrorCode::parse(&code).ok_or_else(|| AvaloError::invalid(format!("unknown error code {code:?}"))))
}

/// Every code, in SPEC §11 order.
#[uniffi::export]
pub fn all_error_codes() -> Vec<ErrorCode> {
    core::ErrorCode::ALL.to_vec()
}

/// The delay before retrying attempt `attempt` (1 = the first attempt failed) of a request that
/// failed with `code`, with the policy's retry numbers. `jitter_ppm` is the caller's random
/// value in [0, 1) in millionths (0..=999 999); `retry_after_ms` is the limiter's hint, required
/// for `RATE_LIMITED`. Attempt 0 or a jitter ≥ 1 000 000 is `INVALID_INPUT`.
#[uniffi::export]
pub fn retry_delay(
    policy: &crate::Policy,
    code: ErrorCode,
    attempt: u32,
    jitter_ppm: u32,
    retry_after_ms: Option<u64>,
) -> Result<RetryDecision, AvaloError> {
    guard(|| Ok(core::retry_delay(&policy.retry, code, attempt, jitter_ppm, retry_after_ms)?))
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::panic)]
mod tests {
    use super::*;

    #[test]
    fn a_panic_becomes_service_degraded() {
        let r: Result<(), AvaloError> = guard(|| panic!("boom"));
        let e = r.unwrap_err();
        assert_eq!(e.code(), ErrorCode::ServiceDegraded);
        assert_eq!(e.reason(), "internal error: boom");
    }

    #[test]
    fn codes_mirror_the_core_in_order() {
        let codes = all_error_codes();
        assert_eq!(codes.len(), core::ErrorCode::ALL.len());
        for (c, k) in codes.iter().zip(core::ErrorCode::ALL) {
            assert_eq!(c.as_str(), k.as_str());
            assert_eq!(parse_error_code(k.as_str().to_string()).unwrap(), *c);
        }
        assert_eq!(parse_error_code("NOPE".into()).unwrap_err().code(), ErrorCode::InvalidInput);
    }
}

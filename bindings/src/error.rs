//! Facade of `core/src/error.rs`: the one error type, the SPEC §11 codes, retry strategy.
//!
//! [`AvaloError`] is the only error any exported function throws (Kotlin `AvaloException`,
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

use avalo_core::error as core;
use std::panic::{catch_unwind, AssertUnwindSafe};

/// The one error of the Avalo API: a stable SPEC §11 code and a developer-readable reason.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, uniffi::Error)]
pub enum AvaloError {
    /// A refusal or failure, with its code and what exactly was wrong.
    #[error("{}: {reason}", code.as_str())]
    Failure {
        /// The stable SPEC §11 code.
        code: ErrorCode,
        /// What exactly was wrong, for developers and logs (not shown to end users).
        reason: String,
    },
}

impl AvaloError {
    /// `INVALID_INPUT` with a reason (used for malformed values at the boundary).
    pub fn invalid(reason: impl Into<String>) -> Self {
        AvaloError::Failure { code: ErrorCode::InvalidInput, reason: reason.into() }
    }
}

#[uniffi::export]
impl AvaloError {
    /// The stable SPEC §11 code.
    pub fn code(&self) -> ErrorCode {
        match self {
            AvaloError::Failure { code, .. } => *code,
        }
    }

    /// What exactly was wrong, for developers and logs.
    pub fn reason(&self) -> String {
        match self {
            AvaloError::Failure { reason, .. } => reason.clone(),
        }
    }
}

impl From<core::Error> for AvaloError {
    fn from(e: core::Error) -> Self {
        AvaloError::Failure { code: e.code.into(), reason: e.reason }
    }
}

/// Runs a facade body, turning a panic (a bug in the core) into `SERVICE_DEGRADED`, so no panic
/// ever reaches Swift or Kotlin. Every exported function that runs core code uses it.
pub fn guard<T>(body: impl FnOnce() -> Result<T, AvaloError>) -> Result<T, AvaloError> {
    catch_unwind(AssertUnwindSafe(body)).unwrap_or_else(|panic| {
        let what = panic
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| panic.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "panic".to_string());
        Err(AvaloError::Failure { code: ErrorCode::ServiceDegraded, reason: format!("internal error: {what}") })
    })
}

/// The stable error codes of SPEC §11 (mirror of the core's `ErrorCode`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, uniffi::Enum)]
#[allow(missing_docs)] // each variant is its SPEC §11 code; see `error_info` for the message
pub enum ErrorCode {
    RateLimited,
    LaunchModeRestricted,
    CountryNotAllowed,
    InviteCodeRequired,
    InvalidInviteCode,
    InviteCodeDepleted,
    AllowlistRequired,
    NotOnAllowlist,
    DailyLimitReached,
    FileTooLarge,
    FileEmpty,
    MimeTypeNotAllowed,
    PurposeKindMismatch,
    InvalidFilename,
    DangerousFileExtension,
    ExtensionMimeMismatch,
    ContentTypeMismatch,
    InsufficientTokens,
    AmountOutOfRange,
    KycRequired,
    SelfPayment,
    AlreadyReferred,
    SpamTooShort,
    SpamRepeated,
    SpamGeneric,
    SpamEmojiOnly,
    SpamTooFast,
    SignatureInvalid,
    SignatureExpired,
    OriginNotAllowed,
    SessionStale,
    AgeRestricted,
    LikeLimitReached,
    CountryPaused,
    MediaLocked,
    MediaPrivate,
    MediaExpired,
    MediaUnderReview,
    MediaRemoved,
    StoryLimitReached,
    SystemMaintenance,
    ServiceDegraded,
    InvalidInput,
}

/// Both directions are exhaustive matches: a code added to the core fails to compile here
/// until it is mirrored.
macro_rules! mirror_codes {
    ($($v:ident),* $(,)?) => {
        impl From<core::ErrorCode> for ErrorCode {
            fn from(c: core::ErrorCode) -> Self {
                match c { $(core::ErrorCode::$v => ErrorCode::$v,)* }
            }
        }
        impl From<ErrorCode> for core::ErrorCode {
            fn from(c: ErrorCode) -> Self {
                match c { $(ErrorCode::$v => core::ErrorCode::$v,)* }
            }
        }
    };
}

mirror_codes!(
    RateLimited,
    LaunchModeRestricted,
    CountryNotAllowed,
    InviteCodeRequired,
    InvalidInviteCode,
    InviteCodeDepleted,
    AllowlistRequired,
    NotOnAllowlist,
    DailyLimitReached,
    FileTooLarge,
    FileEmpty,
    MimeTypeNotAllowed,
    PurposeKindMismatch,
    InvalidFilename,
    DangerousFileExtension,
    ExtensionMimeMismatch,
    ContentTypeMismatch,
    InsufficientTokens,
    AmountOutOfRange,
    KycRequired,
    SelfPayment,
    AlreadyReferred,
    SpamTooShort,
    SpamRepeated,
    SpamGeneric,
    SpamEmojiOnly,
    SpamTooFast,
    SignatureInvalid,
    SignatureExpired,
    OriginNotAllowed,
    SessionStale,
    AgeRestricted,
    LikeLimitReached,
    CountryPaused,
    MediaLocked,
    MediaPrivate,
    MediaExpired,
    MediaUnderReview,
    MediaRemoved,
    StoryLimitReached,
    SystemMaintenance,
    ServiceDegraded,
    InvalidInput,
);

#[uniffi::export]
impl ErrorCode {
    /// The stable wire string of this code (`"KYC_REQUIRED"`), identical in every language.
    pub fn as_str(&self) -> String {
        core::ErrorCode::from(*self).as_str().to_string()
    }
}

/// How a client should react to an error code (SPEC §11).
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Enum)]
pub enum RetryStrategy {
    /// Retry after the rate limiter's `retry_after_ms`, but never sooner than 1 000 ms.
    AfterLimiter,
    /// Full-jitter exponential backoff (see `retry_delay`).
    ExponentialBackoff,
    /// Do not retry: the user must change something.
    NoRetry,
}

impl From<core::RetryStrategy> for RetryStrategy {
    fn from(s: core::RetryStrategy) -> Self {
        match s {
            core::RetryStrategy::AfterLimiter => RetryStrategy::AfterLimiter,
            core::RetryStrategy::ExponentialBackoff => RetryStrategy::ExponentialBackoff,
            core::RetryStrategy::NoRetry => RetryStrategy::NoRetry,
        }
    }
}

/// The retry decision for one failed attempt (see [`retry_delay`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Enum)]
pub enum RetryDecision {
    /// Retry after this many milliseconds.
    RetryAfter {
        /// Delay before the next attempt, in ms.
        delay_ms: u64,
    },
    /// Stop retrying: the attempts are exhausted.
    GiveUp,
    /// Never retry this code: the user must change something.
    DoNotRetry,
}

impl From<core::RetryDecision> for RetryDecision {
    fn from(d: core::RetryDecision) -> Self {
        match d {
            core::RetryDecision::RetryAfter { delay_ms } => RetryDecision::RetryAfter { delay_ms },
            core::RetryDecision::GiveUp => RetryDecision::GiveUp,
            core::RetryDecision::DoNotRetry => RetryDecision::DoNotRetry,
        }
    }
}

/// What SPEC §11 says about one code.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct ErrorInfo {
    /// The code.
    pub code: ErrorCode,
    /// The English user-facing message.
    pub message: String,
    /// How a client should react.
    pub retry_strategy: RetryStrategy,
}

/// The user-facing message and retry strategy of a code.
#[uniffi::export]
pub fn error_info(code: ErrorCode) -> Result<ErrorInfo, AvaloError> {
    guard(|| {
        let c = core::ErrorCode::from(code);
        Ok(ErrorInfo { code, message: c.message().to_string(), retry_strategy: c.retry_strategy().into() })
    })
}

/// Parses a wire string (`"KYC_REQUIRED"`, exact, upper-case) into a code; an unknown string
/// is `INVALID_INPUT`.
#[uniffi::export]
pub fn parse_error_code(code: String) -> Result<ErrorCode, AvaloError> {
    guard(|| {
        core::ErrorCode::parse(&code)
            .map(ErrorCode::from)
            .ok_or_else(|| AvaloError::invalid(format!("unknown error code {code:?}")))
    })
}

/// Every code, in SPEC §11 order.
#[uniffi::export]
pub fn all_error_codes() -> Vec<ErrorCode> {
    core::ErrorCode::ALL.iter().map(|&c| c.into()).collect()
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
    guard(|| Ok(core::retry_delay(&policy.core().retry, code.into(), attempt, jitter_ppm, retry_after_ms)?.into()))
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

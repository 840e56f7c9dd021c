//! Error codes (SPEC §11): one stable string per refusal, the same in every language, with a
//! user-facing message and a retry strategy.
//!
//! Every fallible core function returns [`Error`], which carries exactly one [`ErrorCode`] and a
//! readable `reason` for developers and logs. Modules that need richer detail (for example the
//! signature verifier's `Expired { skew_ms }`) keep their own enum and convert into [`Error`].

use serde::{Deserialize, Serialize};

/// The stable error codes of SPEC §11. `as_str()` gives the wire string (`"INVALID_INPUT"`).
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
#[allow(missing_docs)] // each variant is documented by its SPEC §11 name and `message()`
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
    PolicyUnsupportedSchema,
    PolicyUnknownKey,
    PolicySignatureInvalid,
    PolicyNotYetValid,
    PolicyExpired,
    PolicyRollback,
    PolicyStale,
    ContentBlocked,
    TextTooLong,
    PriceChanged,
    AdmissionQueued,
    DeployBlocked,
    MigrationForceRequired,
    IdempotencyConflict,
    InvalidTransition,
    NotRefundable,
}

/// How a client should react to an error code (SPEC §11).
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[serde(rename_all = "snake_case")]
pub enum RetryStrategy {
    /// Retry after the rate limiter's `retry_after_ms`, but never sooner than 1 000 ms.
    AfterLimiter,
    /// Full-jitter exponential backoff (base 30 s, factor 2, cap 15 min, at most 5 attempts).
    ExponentialBackoff,
    /// Do not retry: the user must change something.
    NoRetry,
    /// Fetch the current policy envelope, recompute, then retry once (`POLICY_STALE`, SPEC §17.4).
    RefreshPolicyThenRetryOnce,
    /// Retry at the result's `retry_at_ms` (the next UTC midnight for a daily cap, SPEC §13).
    AtRetryTime,
}

impl ErrorCode {
    /// Every code, in SPEC §11 order.
    pub const ALL: [ErrorCode; 59] = [
        Self::RateLimited,
        Self::LaunchModeRestricted,
        Self::CountryNotAllowed,
        Self::InviteCodeRequired,
        Self::InvalidInviteCode,
        Self::InviteCodeDepleted,
        Self::AllowlistRequired,
        Self::NotOnAllowlist,
        Self::DailyLimitReached,
        Self::FileTooLarge,
        Self::FileEmpty,
        Self::MimeTypeNotAllowed,
        Self::PurposeKindMismatch,
        Self::InvalidFilename,
        Self::DangerousFileExtension,
        Self::ExtensionMimeMismatch,
        Self::ContentTypeMismatch,
        Self::InsufficientTokens,
        Self::AmountOutOfRange,
        Self::KycRequired,
        Self::SelfPayment,
        Self::AlreadyReferred,
        Self::SpamTooShort,
        Self::SpamRepeated,
        Self::SpamGeneric,
        Self::SpamEmojiOnly,
        Self::SpamTooFast,
        Self::SignatureInvalid,
        Self::SignatureExpired,
        Self::OriginNotAllowed,
        Self::SessionStale,
        Self::AgeRestricted,
        Self::LikeLimitReached,
        Self::CountryPaused,
        Self::MediaLocked,
        Self::MediaPrivate,
        Self::MediaExpired,
        Self::MediaUnderReview,
        Self::MediaRemoved,
        Self::StoryLimitReached,
        Self::SystemMaintenance,
        Self::ServiceDegraded,
        Self::InvalidInput,
        Self::PolicyUnsupportedSchema,
        Self::PolicyUnknownKey,
        Self::PolicySignatureInvalid,
        Self::PolicyNotYetValid,
        Self::PolicyExpired,
        Self::PolicyRollback,
        Self::PolicyStale,
        Self::ContentBlocked,
        Self::TextTooLong,
        Self::PriceChanged,
        Self::AdmissionQueued,
        Self::DeployBlocked,
        Self::MigrationForceRequired,
        Self::IdempotencyConflict,
        Self::InvalidTransition,
        Self::NotRefundable,
    ];

    /// The stable wire string of this code, identical in every language.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::RateLimited => "RATE_LIMITED",
            Self::LaunchModeRestricted => "LAUNCH_MODE_RESTRICTED",
            Self::CountryNotAllowed => "COUNTRY_NOT_ALLOWED",
            Self::InviteCodeRequired => "INVITE_CODE_REQUIRED",
            Self::InvalidInviteCode => "INVALID_INVITE_CODE",
            Self::InviteCodeDepleted => "INVITE_CODE_DEPLETED",
            Self::AllowlistRequired => "ALLOWLIST_REQUIRED",
            Self::NotOnAllowlist => "NOT_ON_ALLOWLIST",
            Self::DailyLimitReached => "DAILY_LIMIT_REACHED",
            Self::FileTooLarge => "FILE_TOO_LARGE",
            Self::FileEmpty => "FILE_EMPTY",
            Self::MimeTypeNotAllowed => "MIME_TYPE_NOT_ALLOWED",
            Self::PurposeKindMismatch => "PURPOSE_KIND_MISMATCH",
            Self::InvalidFilename => "INVALID_FILENAME",
            Self::DangerousFileExtension => "DANGEROUS_FILE_EXTENSION",
            Self::ExtensionMimeMismatch => "EXTENSION_MIME_MISMATCH",
            Self::ContentTypeMismatch => "CONTENT_TYPE_MISMATCH",
            Self::InsufficientTokens => "INSUFFICIENT_TOKENS",
            Self::AmountOutOfRange => "AMOUNT_OUT_OF_RANGE",
            Self::KycRequired => "KYC_REQUIRED",
            Self::SelfPayment => "SELF_PAYMENT",
            Self::AlreadyReferred => "ALREADY_REFERRED",
            Self::SpamTooShort => "SPAM_TOO_SHORT",
            Self::SpamRepeated => "SPAM_REPEATED",
            Self::SpamGeneric => "SPAM_GENERIC",
            Self::SpamEmojiOnly => "SPAM_EMOJI_ONLY",
            Self::SpamTooFast => "SPAM_TOO_FAST",
            Self::SignatureInvalid => "SIGNATURE_INVALID",
            Self::SignatureExpired => "SIGNATURE_EXPIRED",
            Self::OriginNotAllowed => "ORIGIN_NOT_ALLOWED",
            Self::SessionStale => "SESSION_STALE",
            Self::AgeRestricted => "AGE_RESTRICTED",
            Self::LikeLimitReached => "LIKE_LIMIT_REACHED",
            Self::CountryPaused => "COUNTRY_PAUSED",
            Self::MediaLocked => "MEDIA_LOCKED",
            Self::MediaPrivate => "MEDIA_PRIVATE",
            Self::MediaExpired => "MEDIA_EXPIRED",
            Self::MediaUnderReview => "MEDIA_UNDER_REVIEW",
            Self::MediaRemoved => "MEDIA_REMOVED",
            Self::StoryLimitReached => "STORY_LIMIT_REACHED",
            Self::SystemMaintenance => "SYSTEM_MAINTENANCE",
            Self::ServiceDegraded => "SERVICE_DEGRADED",
            Self::InvalidInput => "INVALID_INPUT",
            Self::PolicyUnsupportedSchema => "POLICY_UNSUPPORTED_SCHEMA",
            Self::PolicyUnknownKey => "POLICY_UNKNOWN_KEY",
            Self::PolicySignatureInvalid => "POLICY_SIGNATURE_INVALID",
            Self::PolicyNotYetValid => "POLICY_NOT_YET_VALID",
            Self::PolicyExpired => "POLICY_EXPIRED",
            Self::PolicyRollback => "POLICY_ROLLBACK",
            Self::PolicyStale => "POLICY_STALE",
            Self::ContentBlocked => "CONTENT_BLOCKED",
            Self::TextTooLong => "TEXT_TOO_LONG",
            Self::PriceChanged => "PRICE_CHANGED",
            Self::AdmissionQueued => "ADMISSION_QUEUED",
            Self::DeployBlocked => "DEPLOY_BLOCKED",
            Self::MigrationForceRequired => "MIGRATION_FORCE_REQUIRED",
            Self::IdempotencyConflict => "IDEMPOTENCY_CONFLICT",
            Self::InvalidTransition => "INVALID_TRANSITION",
            Self::NotRefundable => "NOT_REFUNDABLE",
        }
    }

    /// Parses a wire string (exact, upper-case) back into a code.
    #[must_use]
    pub fn parse(code: &str) -> Option<ErrorCode> {
        Self::ALL.iter().copied().find(|c| c.as_str() == code)
    }

    /// The English user-facing message for this code.
    #[must_use]
    pub const fn message(self) -> &'static str {
        match self {
            Self::RateLimited => "Too many requests. Please wait a moment and try again.",
            Self::LaunchModeRestricted => "Registration is not open to you yet.",
            Self::CountryNotAllowed => "Avalo is not available in your country yet.",
            Self::InviteCodeRequired => "An invite code is required to join.",
            Self::InvalidInviteCode => "This invite code is not valid.",
            Self::InviteCodeDepleted => "This invite code has been used up.",
            Self::AllowlistRequired => "Registration is limited to invited testers.",
            Self::NotOnAllowlist => "This account is not on the tester list.",
            Self::DailyLimitReached => "Today's limit has been reached. Please try again tomorrow.",
            Self::FileTooLarge => "This file is too large.",
            Self::FileEmpty => "This file is empty.",
            Self::MimeTypeNotAllowed => "This file type is not supported.",
            Self::PurposeKindMismatch => "This kind of file cannot be used here.",
            Self::InvalidFilename => "This file name is not allowed.",
            Self::DangerousFileExtension => "This file type is not allowed for safety reasons.",
            Self::ExtensionMimeMismatch => "The file extension does not match its type.",
            Self::ContentTypeMismatch => "The file content does not match its type.",
            Self::InsufficientTokens => "You do not have enough tokens.",
            Self::AmountOutOfRange => "This amount is outside the allowed range.",
            Self::KycRequired => "Identity verification is required first.",
            Self::SelfPayment => "You cannot pay yourself.",
            Self::AlreadyReferred => "This account has already been referred.",
            Self::SpamTooShort => "This message is too short.",
            Self::SpamRepeated => "You have sent this message too many times.",
            Self::SpamGeneric => "Please write something more personal.",
            Self::SpamEmojiOnly => "Please add some words to your message.",
            Self::SpamTooFast => "You are sending messages too quickly.",
            Self::SignatureInvalid => "The request signature is not valid.",
            Self::SignatureExpired => "The request has expired. Please try again.",
            Self::OriginNotAllowed => "This origin is not allowed.",
            Self::SessionStale => "Please sign in again to continue.",
            Self::AgeRestricted => "You must be at least 18 years old.",
            Self::LikeLimitReached => "You have reached today's like limit.",
            Self::CountryPaused => "Avalo is temporarily paused in your country.",
            Self::MediaLocked => "Unlock this content to view it.",
            Self::MediaPrivate => "This content is private.",
            Self::MediaExpired => "This content has expired.",
            Self::MediaUnderReview => "This content is under review.",
            Self::MediaRemoved => "This content has been removed.",
            Self::StoryLimitReached => "You already have the maximum number of active stories.",
            Self::SystemMaintenance => "Avalo is under maintenance. Please try again later.",
            Self::ServiceDegraded => "Avalo is having trouble right now. Please try again later.",
            Self::InvalidInput => "Something in the request is not valid.",
            Self::PolicyUnsupportedSchema => "This app version cannot read the new rules. Please update the app.",
            Self::PolicyUnknownKey => "The rules update was signed by a key this app does not trust.",
            Self::PolicySignatureInvalid => "The rules update has an invalid signature.",
            Self::PolicyNotYetValid => "The rules update is not valid yet.",
            Self::PolicyExpired => "The rules update has expired.",
            Self::PolicyRollback => "The rules update is older than the rules in use.",
            Self::PolicyStale => "The app's rules are out of date. Refreshing and trying again.",
            Self::ContentBlocked => "This text contains something that is not allowed.",
            Self::TextTooLong => "This text is too long.",
            Self::PriceChanged => "The price has changed. Please check the new price.",
            Self::AdmissionQueued => "Avalo is very busy right now. You are in the queue; please try again shortly.",
            Self::DeployBlocked => "This deploy is blocked until every release check passes.",
            Self::MigrationForceRequired => "A production migration needs to be forced explicitly.",
            Self::IdempotencyConflict => "This request was already made with different details.",
            Self::InvalidTransition => "This withdrawal cannot be changed that way.",
            Self::NotRefundable => "This transaction cannot be refunded.",
        }
    }

    /// The retry strategy of this code (SPEC §11).
    #[must_use]
    pub const fn retry_strategy(self) -> RetryStrategy {
        match self {
            Self::RateLimited => RetryStrategy::AfterLimiter,
            Self::SystemMaintenance | Self::ServiceDegraded => RetryStrategy::ExponentialBackoff,
            Self::PolicyStale => RetryStrategy::RefreshPolicyThenRetryOnce,
            Self::DailyLimitReached | Self::LikeLimitReached | Self::AdmissionQueued => RetryStrategy::AtRetryTime,
            _ => RetryStrategy::NoRetry,
        }
    }
}

impl std::fmt::Display for ErrorCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// What SPEC §11 says about one code: its message and retry strategy ([`ErrorCode::info`]).
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct ErrorInfo {
    /// The code.
    pub code: ErrorCode,
    /// The English user-facing message.
    pub message: String,
    /// How a client should react.
    pub retry_strategy: RetryStrategy,
}

impl ErrorCode {
    /// The code with its user-facing message and retry strategy.
    #[must_use]
    pub fn info(self) -> ErrorInfo {
        ErrorInfo { code: self, message: self.message().to_string(), retry_strategy: self.retry_strategy() }
    }
}

/// The one error type of the core: a stable [`ErrorCode`] and a developer-readable reason.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, Serialize, Deserialize)]
#[error("{code}: {reason}")]
pub struct Error {
    /// The stable SPEC §11 code.
    pub code: ErrorCode,
    /// What exactly was wrong, for developers and logs (not shown to end users).
    pub reason: String,
}

impl Error {
    /// An error with a code and a reason.
    pub fn new(code: ErrorCode, reason: impl Into<String>) -> Self {
        Error { code, reason: reason.into() }
    }
    /// `INVALID_INPUT` with a reason.
    pub fn invalid(reason: impl Into<String>) -> Self {
        Self::new(ErrorCode::InvalidInput, reason)
    }
    /// `AMOUNT_OUT_OF_RANGE` with a reason.
    pub fn out_of_range(reason: impl Into<String>) -> Self {
        Self::new(ErrorCode::AmountOutOfRange, reason)
    }
    /// The user-facing message of this error's code.
    #[must_use]
    pub fn message(&self) -> &'static str {
        self.code.message()
    }
}

/// The result type of every fallible core function.
pub type Result<T> = std::result::Result<T, Error>;

/// The retry decision for one failed attempt (see [`retry_delay`]).
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[serde(tag = "kind", rename_all = "snake_case")]
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

/// Backoff numbers of SPEC §11 for `SYSTEM_MAINTENANCE` / `SERVICE_DEGRADED`.
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RetryPolicy {
    /// Minimum delay for `RATE_LIMITED`, ms (1 000).
    pub rate_limited_min_ms: u64,
    /// Backoff base, ms (30 000).
    pub backoff_base_ms: u64,
    /// Backoff growth factor (2).
    pub backoff_factor: u64,
    /// Backoff cap, ms (900 000 = 15 min).
    pub backoff_cap_ms: u64,
    /// Attempts allowed before giving up (5).
    pub max_attempts: u32,
}

impl Default for RetryPolicy {
    fn default() -> Self {
        RetryPolicy {
            rate_limited_min_ms: 1_000,
            backoff_base_ms: 30_000,
            backoff_factor: 2,
            backoff_cap_ms: 15 * 60 * 1_000,
            max_attempts: 5,
        }
    }
}

impl RetryPolicy {
    pub(crate) fn validate(&self, path: &str, problems: &mut Vec<crate::policy::PolicyProblem>) {
        use crate::policy::PolicyProblem as P;
        if self.backoff_base_ms == 0 {
            problems.push(P::new(format!("{path}.backoff_base_ms"), "must be > 0"));
        }
        if self.backoff_factor == 0 {
            problems.push(P::new(format!("{path}.backoff_factor"), "must be > 0"));
        }
        if self.backoff_cap_ms < self.backoff_base_ms {
            problems.push(P::new(format!("{path}.backoff_cap_ms"), "must be >= backoff_base_ms"));
        }
        if self.max_attempts == 0 {
            problems.push(P::new(format!("{path}.max_attempts"), "must be > 0"));
        }
        use crate::policy::bounds as b;
        for (name, v) in [
            ("rate_limited_min_ms", self.rate_limited_min_ms),
            ("backoff_base_ms", self.backoff_base_ms),
            ("backoff_cap_ms", self.backoff_cap_ms),
        ] {
            if v > b::MAX_RETRY_MS {
                problems.push(P::new(format!("{path}.{name}"), "must be <= 86400000 (1 day)"));
            }
        }
        if self.backoff_factor > b::MAX_BACKOFF_FACTOR {
            problems.push(P::new(format!("{path}.backoff_factor"), "must be <= 100"));
        }
        if self.max_attempts > b::MAX_RETRY_ATTEMPTS {
            problems.push(P::new(format!("{path}.max_attempts"), "must be <= 100"));
        }
    }
}

/// The delay before retrying attempt `attempt` (1 = the first attempt failed) of a request that
/// failed with `code`.
///
/// - `RATE_LIMITED`: `max(retry_after_ms, 1 000)`; `retry_after_ms` is required for this code.
/// - `SYSTEM_MAINTENANCE` / `SERVICE_DEGRADED`: full jitter,
///   `floor(jitter × min(cap, base × factor^(attempt−1)))` for attempts 1..=5, then `GiveUp`.
///   `jitter_ppm` is the caller's random value in [0, 1) written in millionths (0..=999 999), so
///   that no float crosses the boundary and every language computes the same delay.
/// - `POLICY_STALE`: attempt 1 is retried at once (`delay_ms` 0) after the caller refreshed its
///   policy; a second stale answer is `GiveUp`.
/// - `DAILY_LIMIT_REACHED`, `LIKE_LIMIT_REACHED`, `ADMISSION_QUEUED`: retry at the result's
///   `retry_at_ms`; the caller passes the wait `retry_at_ms − now` as `retry_after_ms` (required)
///   and the delay is exactly that wait (no minimum, no attempt limit: the time is the rule's).
/// - every other code: `DoNotRetry`.
///
/// Attempt 0 or a jitter of 1 000 000 or more is `INVALID_INPUT`.
pub fn retry_delay(
    policy: &RetryPolicy,
    code: ErrorCode,
    attempt: u32,
    jitter_ppm: u32,
    retry_after_ms: Option<u64>,
) -> Result<RetryDecision> {
    if attempt == 0 {
        return Err(Error::invalid("attempt numbers start at 1"));
    }
    if jitter_ppm >= 1_000_000 {
        return Err(Error::invalid("jitter_ppm must be in 0..=999999 (a value in [0, 1))"));
    }
    match code.retry_strategy() {
        RetryStrategy::NoRetry => Ok(RetryDecision::DoNotRetry),
        RetryStrategy::RefreshPolicyThenRetryOnce if attempt == 1 => Ok(RetryDecision::RetryAfter { delay_ms: 0 }),
        RetryStrategy::RefreshPolicyThenRetryOnce => Ok(RetryDecision::GiveUp),
        RetryStrategy::AtRetryTime => {
            let wait = retry_after_ms
                .ok_or_else(|| Error::invalid("this code retries at its retry_at_ms: pass retry_at_ms - now"))?;
            Ok(RetryDecision::RetryAfter { delay_ms: wait })
        }
        RetryStrategy::AfterLimiter => {
            let after =
                retry_after_ms.ok_or_else(|| Error::invalid("RATE_LIMITED needs the limiter's retry_after_ms"))?;
            Ok(RetryDecision::RetryAfter { delay_ms: after.max(policy.rate_limited_min_ms) })
        }
        RetryStrategy::ExponentialBackoff => {
            if attempt > policy.max_attempts {
                return Ok(RetryDecision::GiveUp);
            }
            let mut ceiling = policy.backoff_base_ms.min(policy.backoff_cap_ms);
            for _ in 1..attempt {
                ceiling = ceiling.saturating_mul(policy.backoff_factor).min(policy.backoff_cap_ms);
            }
            // jitter_ppm < 1 000 000 (checked above), so delay ≤ ceiling fits u64.
            let delay = u64::try_from(u128::from(ceiling) * u128::from(jitter_ppm) / 1_000_000).unwrap_or(ceiling);
            Ok(RetryDecision::RetryAfter { delay_ms: delay })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip_and_are_unique() {
        let mut seen = std::collections::HashSet::new();
        for c in ErrorCode::ALL {
            assert!(seen.insert(c.as_str()));
            assert_eq!(ErrorCode::parse(c.as_str()), Some(c));
            let json = serde_json::to_string(&c).unwrap();
            assert_eq!(json, format!("\"{}\"", c.as_str()));
        }
    }

    #[test]
    fn backoff_grows_and_caps() {
        let p = RetryPolicy::default();
        let d = |n| retry_delay(&p, ErrorCode::ServiceDegraded, n, 999_999, None).unwrap();
        assert_eq!(d(1), RetryDecision::RetryAfter { delay_ms: 29_999 });
        assert_eq!(d(5), RetryDecision::RetryAfter { delay_ms: 479_999 });
        assert_eq!(d(6), RetryDecision::GiveUp);
    }

    #[test]
    fn policy_stale_refreshes_then_retries_once() {
        let p = RetryPolicy::default();
        let d = |n| retry_delay(&p, ErrorCode::PolicyStale, n, 0, None).unwrap();
        assert_eq!(d(1), RetryDecision::RetryAfter { delay_ms: 0 });
        assert_eq!(d(2), RetryDecision::GiveUp);
        assert_eq!(ErrorCode::PolicyRollback.retry_strategy(), RetryStrategy::NoRetry);
        assert_eq!(ErrorCode::parse("POLICY_SIGNATURE_INVALID"), Some(ErrorCode::PolicySignatureInvalid));
    }
}

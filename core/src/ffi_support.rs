//! UniFFI support (feature `uniffi` only): what the core's own types need to cross into Swift
//! and Kotlin, in one place.
//!
//! The core's records and enums derive `uniffi::Record` / `uniffi::Enum` next to their serde
//! derives, so they are the Swift/Kotlin types themselves (no mirror in `avalo-ffi`). This file
//! holds the rest:
//! - [`AvaloError`], the one error of the API (Kotlin `AvaloException`, Swift `AvaloError`). It
//!   lives here, not in the facade, because a boundary value that fails to lift (an unknown
//!   currency, a Money amount with too many decimals, Swift's `Decimal.nan`) can only become a
//!   typed `INVALID_INPUT` if the failing custom type builds the very error type the function
//!   throws.
//! - The custom types: values that are checked newtypes in Rust and plain values abroad.
//!   [`Decimal`] and [`Money`]'s amount cross as exact decimal strings (`java.math.BigDecimal`,
//!   `Foundation.Decimal`; see `core/uniffi.toml`), [`Currency`] and [`CountryCode`] as their
//!   upper-case code strings, [`BasisPoints`] as `u32`. Lifting checks them exactly like
//!   `serde` does, so the foreign side cannot build a value the core would refuse.
//! - The exported constructors and methods of the [`Policy`] object and of [`ErrorCode`] (an
//!   inherent impl must live in the type's crate).

use crate::error::{Error, ErrorCode};
use crate::launch::CountryCode;
use crate::money::{BasisPoints, Currency, Money};
use crate::policy::Policy;
use crate::ranking::BirthDate;
use crate::ratelimit::{LimitSpec, RateLimit};
use crate::upload::{parse_mime, AllowedMime};
use rust_decimal::Decimal;
use std::sync::Arc;

/// The one error of the Avalo API: a stable SPEC §11 code and a developer-readable reason.
///
/// Kotlin `AvaloException.Failure(code, reason)`, Swift `AvaloError.Failure(code:reason:)`;
/// `code()` and `reason()` read them without matching. The field is `reason`, never `message`
/// (that clashes with Kotlin's `Throwable.message`).
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
    /// `INVALID_INPUT` with a reason (a malformed value at the boundary).
    pub fn invalid(reason: impl Into<String>) -> Self {
        Error::invalid(reason).into()
    }
}

impl From<Error> for AvaloError {
    fn from(e: Error) -> Self {
        AvaloError::Failure { code: e.code, reason: e.reason }
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

/// A lift failure as the function's error: UniFFI downcasts it to [`AvaloError`], so the
/// caller gets `INVALID_INPUT` (not an untyped internal error) from every function that throws.
fn lift_failure(e: Error) -> uniffi::deps::anyhow::Error {
    uniffi::deps::anyhow::Error::new(AvaloError::from(e))
}

/// Parses an exact decimal string (no exponent); anything else is `INVALID_INPUT`.
fn parse_decimal(text: &str) -> Result<Decimal, Error> {
    text.trim().parse::<Decimal>().map_err(|e| Error::invalid(format!("decimal {text:?}: {e}")))
}

// Rates and other decimals: an exact decimal string (`"0.185"`).
uniffi::custom_type!(Decimal, String, {
    remote,
    lower: |d| d.to_string(),
    try_lift: |s| parse_decimal(&s).map_err(lift_failure),
});

uniffi::custom_type!(
    /// Basis points, 0..=10 000 (1 bp = 0.01 %); more is `INVALID_INPUT`.
    BasisPoints, u32, {
    lower: |bp| bp.get(),
    try_lift: |v| BasisPoints::new(v).map_err(lift_failure),
});

uniffi::custom_type!(
    /// An ISO 4217 code the core knows (`"PLN"`); trimmed and case-insensitive on the way in,
    /// upper-case on the way out; unknown is `INVALID_INPUT`.
    Currency, String, {
    lower: |c| c.code().to_string(),
    try_lift: |s| Currency::from_code(&s).map_err(lift_failure),
});

uniffi::custom_type!(
    /// A two-letter ISO 3166-1 country code (`"PL"`); trimmed and case-insensitive on the way
    /// in, upper-case on the way out; anything else is `INVALID_INPUT`.
    CountryCode, String, {
    lower: |c| c.as_str().to_string(),
    try_lift: |s| CountryCode::parse(&s).map_err(lift_failure),
});

/// How [`Money`] crosses the boundary: a non-negative decimal amount in major units and its
/// currency (Swift and Kotlin see it under the name `Money`).
///
/// An amount coming out of the core always has exactly the currency's minor digits (`134.99`
/// PLN, `1000` JPY), so two Kotlin `BigDecimal`s of one currency compare equal with `==`. Into
/// the core it is parsed exactly: more decimals than the currency has, or a negative amount,
/// is `INVALID_INPUT`, never a rounding.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct MoneyAmount {
    /// Amount in major units (`134.99`).
    pub amount: Decimal,
    /// The ISO 4217 currency (`"PLN"`).
    pub currency: Currency,
}

uniffi::custom_type!(
    /// A fiat amount: a decimal amount in major units and its ISO 4217 currency.
    Money, MoneyAmount, {
    lower: |m| MoneyAmount { amount: m.to_decimal(), currency: m.currency },
    try_lift: |m| Money::parse(&m.amount.to_string(), m.currency).map_err(lift_failure),
});

#[uniffi::export]
impl ErrorCode {
    /// The stable wire string of this code (`"KYC_REQUIRED"`), identical in every language.
    #[uniffi::method(name = "as_str")]
    pub fn wire_string(&self) -> String {
        self.as_str().to_string()
    }
}

#[uniffi::export]
impl Policy {
    /// The built-in policy: exactly the defaults of SPEC.md.
    #[uniffi::constructor(name = "new")]
    pub fn builtin() -> Arc<Self> {
        Arc::new(Policy::default())
    }

    /// Loads a complete policy from JSON. A wrong type, a missing or unknown field, or any
    /// validation problem is `INVALID_INPUT`; the reason lists every problem with its JSON path.
    #[uniffi::constructor(name = "from_json")]
    pub fn exported_from_json(json: String) -> Result<Arc<Self>, AvaloError> {
        guarded(|| Ok(Arc::new(Policy::from_json(&json)?)))
    }

    /// The built-in policy with a JSON merge patch (RFC 7386) applied, then validated like
    /// `fromJson`: `{"splits":{"tip_creator_bp":8500}}` changes one number.
    #[uniffi::constructor(name = "from_patch")]
    pub fn exported_from_patch(patch_json: String) -> Result<Arc<Self>, AvaloError> {
        guarded(|| Ok(Arc::new(Policy::from_patch(&patch_json)?)))
    }

    /// The version label (`"2026.11"` for the built-in policy).
    #[uniffi::method(name = "version")]
    pub fn exported_version(&self) -> String {
        self.version().to_string()
    }

    /// SHA-256 (lower-case hex) of the canonical JSON; equal fingerprints price alike.
    #[uniffi::method(name = "fingerprint")]
    pub fn exported_fingerprint(&self) -> String {
        self.fingerprint().to_string()
    }

    /// The canonical JSON (sorted keys, compact) that the fingerprint hashes; loadable with
    /// `fromJson`.
    #[uniffi::method(name = "canonical_json")]
    pub fn exported_canonical_json(&self) -> Result<String, AvaloError> {
        guarded(|| Ok(self.canonical_json()))
    }
}

/// Runs a body, turning a panic (a bug) into `SERVICE_DEGRADED`, so no panic ever reaches
/// Swift or Kotlin. `avalo-ffi`'s `guard()` is this function.
pub fn guarded<T>(body: impl FnOnce() -> Result<T, AvaloError>) -> Result<T, AvaloError> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(body)).unwrap_or_else(|panic| {
        let what = panic
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| panic.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "panic".to_string());
        Err(AvaloError::Failure { code: ErrorCode::ServiceDegraded, reason: format!("internal error: {what}") })
    })
}

uniffi::custom_type!(
    /// A calendar date as `"YYYY-MM-DD"` (a real day); anything else is `INVALID_INPUT`.
    BirthDate, String, {
    lower: |d| String::from(d),
    try_lift: |s| BirthDate::parse(&s).map_err(lift_failure),
});

uniffi::custom_type!(
    /// One allowed MIME type of SPEC §9.1 as its canonical string (`"image/jpeg"`).
    AllowedMime, String, {
    lower: |m| m.as_str().to_string(),
    try_lift: |s| parse_mime(&s)
        .ok_or_else(|| Error::new(ErrorCode::MimeTypeNotAllowed, format!("MIME type {s:?} is not allowed")))
        .map_err(lift_failure),
});

/// How a compiled [`RateLimit`] crosses the boundary (Swift and Kotlin see it under the name
/// `RateLimit`): its spec and the derived units, read-only in effect. Coming back in, it is
/// compiled again from `limit`, `window_ms` and `burst` (the derived numbers are recomputed,
/// never trusted), so the foreign side cannot forge a limiter with inconsistent internals.
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Record)]
pub struct RateLimitUnits {
    /// Requests refilled per window.
    pub limit: u32,
    /// Window length, ms.
    pub window_ms: u64,
    /// Bucket capacity.
    pub burst: u32,
    /// Ticks per millisecond (1 whenever the emission interval is a whole number of ms).
    pub ticks_per_ms: i64,
    /// Emission interval in ticks: one request refills every `interval_ticks` ticks.
    pub interval_ticks: i64,
    /// `burst × interval_ticks`: how far ahead of now the state may run.
    pub capacity_ticks: i64,
}

uniffi::custom_type!(
    /// A validated GCRA limit and its derived units.
    RateLimit, RateLimitUnits, {
    lower: |r| {
        let spec = r.spec();
        RateLimitUnits {
            limit: spec.limit,
            window_ms: spec.window_ms,
            burst: spec.burst,
            ticks_per_ms: r.ticks_per_ms(),
            interval_ticks: r.interval_ticks(),
            capacity_ticks: r.capacity_ticks(),
        }
    },
    try_lift: |u| RateLimit::new(LimitSpec { limit: u.limit, window_ms: u.window_ms, burst: u.burst }).map_err(lift_failure),
});

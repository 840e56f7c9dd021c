//! Facade of `core/src/launch.rs`: launch modes and signup eligibility (SPEC §7.1).
//!
//! The age gate comes first and cannot be switched off; the mode table (registration kind,
//! countries, daily cap) is policy data. Country codes cross as two-letter strings.

use crate::error::{guard, AvaloError};
use avalo_core::launch::{self as core, *};
use avalo_core::Policy;

/// Checks one signup against the current launch mode (SPEC §7.1). Checks in order, first
/// failure wins: age 18+ on the current UTC date (`AGE_RESTRICTED`, never switchable), the
/// mode's registration kind (`LAUNCH_MODE_RESTRICTED`, `ALLOWLIST_REQUIRED`,
/// `NOT_ON_ALLOWLIST`, `INVITE_CODE_REQUIRED`, `INVALID_INVITE_CODE`, `INVITE_CODE_DEPLETED`),
/// country (`COUNTRY_NOT_ALLOWED`), daily cap (`DAILY_LIMIT_REACHED`). A malformed birth date or
/// country code is `INVALID_INPUT`. Returns the new daily counter to store.
#[uniffi::export]
pub fn check_signup(policy: &Policy, request: SignupRequest) -> Result<SignupDecision, AvaloError> {
    guard(|| Ok(core::check_signup(policy, &request)?))
}

/// Validates a launch mode change: a different mode and a reason of at least 10 characters
/// after trimming; otherwise `INVALID_INPUT`.
#[uniffi::export]
pub fn check_mode_change(policy: &Policy, request: ModeChangeRequest) -> Result<ModeChange, AvaloError> {
    guard(|| Ok(core::check_mode_change(policy, &request)?))
}

/// The mode table row of a mode (registration kind, countries, daily cap), for dashboards.
#[uniffi::export]
pub fn mode_rules(policy: &Policy, mode: LaunchMode) -> Result<ModeRule, AvaloError> {
    guard(|| Ok(core::mode_rules(policy, mode)))
}

/// Normalises a country code: trimmed, upper-cased, exactly two ASCII letters (`" pl "` →
/// `"PL"`); anything else is `INVALID_INPUT`.
#[uniffi::export]
pub fn normalize_country(country: String) -> Result<String, AvaloError> {
    guard(|| Ok(core::normalize_country(&country)?.to_string()))
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::indexing_slicing)]
mod tests {
    use super::*;
    use avalo_core::rollout::DailyCounter;

    #[test]
    fn calls_reach_the_core() {
        let p = avalo_core::Policy::default();
        let request = SignupRequest {
            mode: LaunchMode::SoftLaunch,
            birth_date: "2008-11-20".into(),
            country: " it ".into(),
            on_allowlist: None,
            invite_code: None,
            invite: None,
            signups_today: DailyCounter { count: 1_999, updated_at_ms: 1_795_176_000_000 },
            now_ms: 1_795_176_000_000,
        };
        let d = check_signup(&p, request.clone()).unwrap();
        assert_eq!((d.country.as_str(), d.age_years, d.signups_today.count), ("IT", 18, 2_000));
        let full = SignupRequest { signups_today: d.signups_today, ..request };
        assert_eq!(check_signup(&p, full).unwrap_err().code(), crate::ErrorCode::DailyLimitReached);
        assert_eq!(mode_rules(&p, LaunchMode::ClosedBeta).unwrap().daily_cap, Some(500));
        assert_eq!(normalize_country("gb".into()).unwrap(), "GB");
    }
}

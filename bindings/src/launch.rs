//! Facade of `core/src/launch.rs`: launch modes and signup eligibility (SPEC §7.1).
//!
//! The age gate comes first and cannot be switched off; the mode table (registration kind,
//! countries, daily cap) is policy data. Country codes cross as two-letter strings.

use crate::error::{guard, AvaloError};
use crate::policy::Policy;
use avalo_core::launch as core;

/// The launch modes of SPEC §7.1.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, uniffi::Enum)]
pub enum LaunchMode {
    /// Internal test: allowlist only, all countries, 50 signups a day.
    InternalTest,
    /// Closed beta: invite code, PL DE GB FR ES, 500 a day.
    ClosedBeta,
    /// Soft launch: open, ten European countries, 2 000 a day.
    SoftLaunch,
    /// Global launch: open, all eligible countries, unlimited.
    GlobalLaunch,
}

impl From<LaunchMode> for core::LaunchMode {
    fn from(v: LaunchMode) -> Self {
        match v {
            LaunchMode::InternalTest => core::LaunchMode::InternalTest,
            LaunchMode::ClosedBeta => core::LaunchMode::ClosedBeta,
            LaunchMode::SoftLaunch => core::LaunchMode::SoftLaunch,
            LaunchMode::GlobalLaunch => core::LaunchMode::GlobalLaunch,
        }
    }
}

impl From<core::LaunchMode> for LaunchMode {
    fn from(v: core::LaunchMode) -> Self {
        match v {
            core::LaunchMode::InternalTest => LaunchMode::InternalTest,
            core::LaunchMode::ClosedBeta => LaunchMode::ClosedBeta,
            core::LaunchMode::SoftLaunch => LaunchMode::SoftLaunch,
            core::LaunchMode::GlobalLaunch => LaunchMode::GlobalLaunch,
        }
    }
}

/// Who can register in a mode.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, uniffi::Enum)]
pub enum Registration {
    /// Nobody (`LAUNCH_MODE_RESTRICTED`); not used by the default table.
    Closed,
    /// Only applicants on the allowlist.
    Allowlist,
    /// Only applicants with a valid invite code.
    Invite,
    /// Anyone (subject to country and cap).
    Open,
}

impl From<core::Registration> for Registration {
    fn from(v: core::Registration) -> Self {
        match v {
            core::Registration::Closed => Registration::Closed,
            core::Registration::Allowlist => Registration::Allowlist,
            core::Registration::Invite => Registration::Invite,
            core::Registration::Open => Registration::Open,
        }
    }
}

/// One row of the mode table.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct ModeRule {
    /// Who can register.
    pub registration: Registration,
    /// Allowed countries; `None` means all eligible countries.
    pub countries: Option<Vec<String>>,
    /// Signups per UTC day; `None` means unlimited.
    pub daily_cap: Option<u64>,
}

impl From<core::ModeRule> for ModeRule {
    fn from(v: core::ModeRule) -> Self {
        let core::ModeRule { registration, countries, daily_cap } = v;
        ModeRule {
            registration: registration.into(),
            countries: countries.map(|v| v.iter().map(ToString::to_string).collect()),
            daily_cap,
        }
    }
}

/// An invite-code record as the host found it for the code the applicant typed.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct InviteRecord {
    /// The code as stored.
    pub code: String,
    /// How many signups have used it.
    pub used_count: u64,
    /// How many signups may use it.
    pub max_uses: u64,
}

impl From<InviteRecord> for core::InviteRecord {
    fn from(v: InviteRecord) -> Self {
        let InviteRecord { code, used_count, max_uses } = v;
        core::InviteRecord { code, used_count, max_uses }
    }
}

/// A per-day counter as the host stores it: the count and when it was last incremented.
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Record)]
pub struct DailyCounter {
    /// Operations counted on the UTC day of `updated_at_ms`.
    pub count: u64,
    /// When the counter was last incremented, ms since the epoch (0 for a fresh counter).
    pub updated_at_ms: i64,
}

impl From<DailyCounter> for avalo_core::rollout::DailyCounter {
    fn from(v: DailyCounter) -> Self {
        let DailyCounter { count, updated_at_ms } = v;
        avalo_core::rollout::DailyCounter { count, updated_at_ms }
    }
}

impl From<avalo_core::rollout::DailyCounter> for DailyCounter {
    fn from(v: avalo_core::rollout::DailyCounter) -> Self {
        let avalo_core::rollout::DailyCounter { count, updated_at_ms } = v;
        DailyCounter { count, updated_at_ms }
    }
}

/// One signup attempt.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct SignupRequest {
    /// The current launch mode.
    pub mode: LaunchMode,
    /// The applicant's birth date, `YYYY-MM-DD`.
    pub birth_date: String,
    /// The applicant's country, ISO 3166-1 alpha-2 (any case).
    pub country: String,
    /// Allowlist lookup: `None` when nothing was supplied to look up, else whether it matched.
    #[uniffi(default = None)]
    pub on_allowlist: Option<bool>,
    /// The invite code the applicant typed, if any.
    #[uniffi(default = None)]
    pub invite_code: Option<String>,
    /// The record the host found for that code, if any.
    #[uniffi(default = None)]
    pub invite: Option<InviteRecord>,
    /// Signups counted today in this mode (reset when from an earlier UTC day).
    pub signups_today: DailyCounter,
    /// Now, ms since the epoch (UTC).
    pub now_ms: i64,
}

impl From<SignupRequest> for core::SignupRequest {
    fn from(v: SignupRequest) -> Self {
        let SignupRequest { mode, birth_date, country, on_allowlist, invite_code, invite, signups_today, now_ms } = v;
        core::SignupRequest {
            mode: mode.into(),
            birth_date,
            country,
            on_allowlist,
            invite_code,
            invite: invite.map(|v| v.into()),
            signups_today: signups_today.into(),
            now_ms,
        }
    }
}

/// An allowed signup.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct SignupDecision {
    /// The mode it was checked under.
    pub mode: LaunchMode,
    /// The normalised country code.
    pub country: String,
    /// The applicant's age in whole years today.
    pub age_years: u32,
    /// The new daily counter, including this signup (store it).
    pub signups_today: DailyCounter,
    /// The invite record's new use count, when an invite was used.
    pub invite_used_count: Option<u64>,
    /// Fingerprint of the policy.
    pub policy_fingerprint: String,
}

impl From<core::SignupDecision> for SignupDecision {
    fn from(v: core::SignupDecision) -> Self {
        let core::SignupDecision { mode, country, age_years, signups_today, invite_used_count, policy_fingerprint } = v;
        SignupDecision {
            mode: mode.into(),
            country: country.to_string(),
            age_years,
            signups_today: signups_today.into(),
            invite_used_count,
            policy_fingerprint,
        }
    }
}

/// A requested change of launch mode.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct ModeChangeRequest {
    /// The mode in force.
    pub from: LaunchMode,
    /// The requested mode.
    pub to: LaunchMode,
    /// Why (at least 10 characters after trimming).
    pub reason: String,
}

impl From<ModeChangeRequest> for core::ModeChangeRequest {
    fn from(v: ModeChangeRequest) -> Self {
        let ModeChangeRequest { from, to, reason } = v;
        core::ModeChangeRequest { from: from.into(), to: to.into(), reason }
    }
}

/// An accepted mode change.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct ModeChange {
    /// The previous mode.
    pub from: LaunchMode,
    /// The new mode.
    pub to: LaunchMode,
    /// The trimmed reason (for the audit log).
    pub reason: String,
    /// Fingerprint of the policy.
    pub policy_fingerprint: String,
}

impl From<core::ModeChange> for ModeChange {
    fn from(v: core::ModeChange) -> Self {
        let core::ModeChange { from, to, reason, policy_fingerprint } = v;
        ModeChange { from: from.into(), to: to.into(), reason, policy_fingerprint }
    }
}

/// Checks one signup against the current launch mode (SPEC §7.1). Checks in order, first
/// failure wins: age 18+ on the current UTC date (`AGE_RESTRICTED`, never switchable), the
/// mode's registration kind (`LAUNCH_MODE_RESTRICTED`, `ALLOWLIST_REQUIRED`,
/// `NOT_ON_ALLOWLIST`, `INVITE_CODE_REQUIRED`, `INVALID_INVITE_CODE`, `INVITE_CODE_DEPLETED`),
/// country (`COUNTRY_NOT_ALLOWED`), daily cap (`DAILY_LIMIT_REACHED`). A malformed birth date or
/// country code is `INVALID_INPUT`. Returns the new daily counter to store.
#[uniffi::export]
pub fn check_signup(policy: &Policy, request: SignupRequest) -> Result<SignupDecision, AvaloError> {
    guard(|| Ok(core::check_signup(policy.core(), &request.into())?.into()))
}

/// Validates a launch mode change: a different mode and a reason of at least 10 characters
/// after trimming; otherwise `INVALID_INPUT`.
#[uniffi::export]
pub fn check_mode_change(policy: &Policy, request: ModeChangeRequest) -> Result<ModeChange, AvaloError> {
    guard(|| Ok(core::check_mode_change(policy.core(), &request.into())?.into()))
}

/// The mode table row of a mode (registration kind, countries, daily cap), for dashboards.
#[uniffi::export]
pub fn mode_rules(policy: &Policy, mode: LaunchMode) -> Result<ModeRule, AvaloError> {
    guard(|| Ok(core::mode_rules(policy.core(), mode.into()).into()))
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

    #[test]
    fn calls_reach_the_core() {
        let p = Policy::from(avalo_core::Policy::default());
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

//! Facade of `core/src/rollout.rs`: country phases, daily caps, progression and the market
//! sequence (SPEC §7.2).

use crate::error::{guard, AvaloError};
use crate::launch::DailyCounter;
use crate::policy::Policy;
use avalo_core::rollout as core;

/// Rollout phase of a country.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, uniffi::Enum)]
pub enum RolloutPhase {
    /// First, small market test.
    Alpha,
    /// Soft launch.
    Soft,
    /// Public.
    Public,
    /// Paused: every operation is refused with `COUNTRY_PAUSED`.
    Pause,
}

impl From<RolloutPhase> for core::RolloutPhase {
    fn from(v: RolloutPhase) -> Self {
        match v {
            RolloutPhase::Alpha => core::RolloutPhase::Alpha,
            RolloutPhase::Soft => core::RolloutPhase::Soft,
            RolloutPhase::Public => core::RolloutPhase::Public,
            RolloutPhase::Pause => core::RolloutPhase::Pause,
        }
    }
}

/// The kind of operation a cap counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, uniffi::Enum)]
pub enum CapKind {
    /// New users (signups).
    Users,
    /// Payments.
    Payments,
    /// New creators.
    Creators,
}

impl From<CapKind> for core::CapKind {
    fn from(v: CapKind) -> Self {
        match v {
            CapKind::Users => core::CapKind::Users,
            CapKind::Payments => core::CapKind::Payments,
            CapKind::Creators => core::CapKind::Creators,
        }
    }
}

/// Daily caps of one phase.
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Record)]
pub struct PhaseCaps {
    /// New users per UTC day.
    pub users: u64,
    /// Payments per UTC day.
    pub payments: u64,
    /// New creators per UTC day.
    pub creators: u64,
}

impl From<core::PhaseCaps> for PhaseCaps {
    fn from(v: core::PhaseCaps) -> Self {
        let core::PhaseCaps { users, payments, creators } = v;
        PhaseCaps { users, payments, creators }
    }
}

/// Per-country cap overrides; `None` keeps the phase default, `Some(0)` blocks that kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Record)]
pub struct CapOverrides {
    /// Override of the users cap.
    #[uniffi(default = None)]
    pub users: Option<u64>,
    /// Override of the payments cap.
    #[uniffi(default = None)]
    pub payments: Option<u64>,
    /// Override of the creators cap.
    #[uniffi(default = None)]
    pub creators: Option<u64>,
}

impl From<CapOverrides> for core::CapOverrides {
    fn from(v: CapOverrides) -> Self {
        let CapOverrides { users, payments, creators } = v;
        core::CapOverrides { users, payments, creators }
    }
}

/// One operation to count against a country's cap.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct CapRequest {
    /// The country's phase; `None` = not controlled.
    #[uniffi(default = None)]
    pub phase: Option<RolloutPhase>,
    /// The country's cap overrides.
    pub overrides: CapOverrides,
    /// What is being counted.
    pub kind: CapKind,
    /// The stored counter for this country and kind.
    pub counter: DailyCounter,
    /// Now, ms since the epoch (UTC).
    pub now_ms: i64,
}

impl From<CapRequest> for core::CapRequest {
    fn from(v: CapRequest) -> Self {
        let CapRequest { phase, overrides, kind, counter, now_ms } = v;
        core::CapRequest {
            phase: phase.map(|v| v.into()),
            overrides: overrides.into(),
            kind: kind.into(),
            counter: counter.into(),
            now_ms,
        }
    }
}

/// An allowed operation.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct CapDecision {
    /// Whether the country is controlled (has a phase).
    pub controlled: bool,
    /// The cap that applied (`None` when not controlled).
    pub cap: Option<u64>,
    /// The new counter including this operation (store it).
    pub counter: DailyCounter,
    /// Operations left today after this one (`None` when not controlled).
    pub remaining: Option<u64>,
}

impl From<core::CapDecision> for CapDecision {
    fn from(v: core::CapDecision) -> Self {
        let core::CapDecision { controlled, cap, counter, remaining } = v;
        CapDecision { controlled, cap, counter: counter.into(), remaining }
    }
}

/// One day of a country's metrics.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct DayMetrics {
    /// The UTC date, `YYYY-MM-DD`.
    pub date: String,
    /// Active users that day.
    pub active_users: u64,
    /// Revenue, minor units of the reporting currency.
    pub revenue_minor: u64,
    /// Safety incidents.
    pub safety_incidents: u64,
    /// Installs.
    pub installs: u64,
    /// Verified users among those installs.
    pub verified: u64,
}

impl From<DayMetrics> for core::DayMetrics {
    fn from(v: DayMetrics) -> Self {
        let DayMetrics { date, active_users, revenue_minor, safety_incidents, installs, verified } = v;
        core::DayMetrics { date, active_users, revenue_minor, safety_incidents, installs, verified }
    }
}

/// A progression criterion.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, uniffi::Enum)]
pub enum ProgressionCriterion {
    /// No metrics for the day.
    MissingData,
    /// Active users below the minimum.
    ActiveUsers,
    /// Revenue below the minimum.
    Revenue,
    /// Safety incidents above the maximum.
    SafetyIncidents,
    /// Verification rate below the minimum.
    VerificationRate,
}

impl From<core::ProgressionCriterion> for ProgressionCriterion {
    fn from(v: core::ProgressionCriterion) -> Self {
        match v {
            core::ProgressionCriterion::MissingData => ProgressionCriterion::MissingData,
            core::ProgressionCriterion::ActiveUsers => ProgressionCriterion::ActiveUsers,
            core::ProgressionCriterion::Revenue => ProgressionCriterion::Revenue,
            core::ProgressionCriterion::SafetyIncidents => ProgressionCriterion::SafetyIncidents,
            core::ProgressionCriterion::VerificationRate => ProgressionCriterion::VerificationRate,
        }
    }
}

/// One failed criterion on one day.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct ProgressionFailure {
    /// The UTC date, `YYYY-MM-DD`.
    pub date: String,
    /// What failed.
    pub criterion: ProgressionCriterion,
    /// The day's value (rates in floored basis points; `None` for missing data).
    pub actual: Option<u64>,
    /// The threshold it missed (`None` for missing data).
    pub threshold: Option<u64>,
}

impl From<core::ProgressionFailure> for ProgressionFailure {
    fn from(v: core::ProgressionFailure) -> Self {
        let core::ProgressionFailure { date, criterion, actual, threshold } = v;
        ProgressionFailure { date, criterion: criterion.into(), actual, threshold }
    }
}

/// Progression readiness of a `soft` country.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct ProgressionReport {
    /// Whether moving to `public` is recommended (no failures).
    pub recommended: bool,
    /// First day of the window, `YYYY-MM-DD`.
    pub window_start: String,
    /// Last day of the window (yesterday), `YYYY-MM-DD`.
    pub window_end: String,
    /// Every failed criterion, by date then in the spec's order.
    pub failures: Vec<ProgressionFailure>,
    /// Fingerprint of the policy.
    pub policy_fingerprint: String,
}

impl From<core::ProgressionReport> for ProgressionReport {
    fn from(v: core::ProgressionReport) -> Self {
        let core::ProgressionReport { recommended, window_start, window_end, failures, policy_fingerprint } = v;
        ProgressionReport {
            recommended,
            window_start,
            window_end,
            failures: failures.into_iter().map(Into::into).collect(),
            policy_fingerprint,
        }
    }
}

/// Checks one operation against its country's daily cap (SPEC §7.2): a counter from an
/// earlier UTC day counts as 0; allowed when `count < cap`, with the new counter to store;
/// otherwise `DAILY_LIMIT_REACHED`. A paused country is `COUNTRY_PAUSED`; a country with no
/// phase is not controlled (allowed).
#[uniffi::export]
pub fn check_country_cap(policy: &Policy, request: CapRequest) -> Result<CapDecision, AvaloError> {
    guard(|| Ok(core::check_country_cap(policy.core(), &request.into())?.into()))
}

/// The daily caps of a phase after per-country overrides (`None` keeps the phase default).
#[uniffi::export]
pub fn effective_caps(policy: &Policy, phase: RolloutPhase, overrides: CapOverrides) -> Result<PhaseCaps, AvaloError> {
    guard(|| Ok(core::effective_caps(policy.core(), phase.into(), &overrides.into()).into()))
}

/// `soft` → `public` progression over the 7 completed UTC days before `now_ms`: recommended
/// when every criterion holds on every day; lists each failed criterion and day. A malformed
/// or repeated date, or verified above installs, is `INVALID_INPUT`.
#[uniffi::export]
pub fn progression_readiness(
    policy: &Policy,
    days: Vec<DayMetrics>,
    now_ms: i64,
) -> Result<ProgressionReport, AvaloError> {
    guard(|| {
        let days: Vec<core::DayMetrics> = days.into_iter().map(Into::into).collect();
        Ok(core::progression_readiness(policy.core(), &days, now_ms)?.into())
    })
}

/// The first market of the policy's sequence not yet launched (`None` when all are). A
/// malformed code is `INVALID_INPUT`.
#[uniffi::export]
pub fn next_market(policy: &Policy, launched: Vec<String>) -> Result<Option<String>, AvaloError> {
    guard(|| Ok(core::next_market(policy.core(), &launched)?.map(|c| c.to_string())))
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::indexing_slicing)]
mod tests {
    use super::*;

    #[test]
    fn calls_reach_the_core() {
        let p = Policy::from(avalo_core::Policy::default());
        let request = CapRequest {
            phase: Some(RolloutPhase::Alpha),
            overrides: CapOverrides { users: None, payments: Some(0), creators: None },
            kind: CapKind::Users,
            counter: DailyCounter { count: 99, updated_at_ms: 0 },
            now_ms: 0,
        };
        let d = check_country_cap(&p, request.clone()).unwrap();
        assert_eq!((d.cap, d.counter.count, d.remaining), (Some(100), 100, Some(0)));
        let payments = CapRequest { kind: CapKind::Payments, ..request };
        assert_eq!(check_country_cap(&p, payments).unwrap_err().code(), crate::ErrorCode::DailyLimitReached);
        let caps =
            effective_caps(&p, RolloutPhase::Soft, CapOverrides { users: None, payments: None, creators: Some(0) })
                .unwrap();
        assert_eq!((caps.users, caps.creators), (1_000, 0));
        let report = progression_readiness(&p, vec![], 1_795_176_000_000).unwrap();
        assert_eq!((report.recommended, report.failures.len()), (false, 7));
        assert_eq!(next_market(&p, vec!["pl".into()]).unwrap().as_deref(), Some("CZ"));
    }
}

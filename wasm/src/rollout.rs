//! Facade of `core/src/rollout.rs`: country phases, daily caps, progression and the market
//! sequence (SPEC §7.2).

use crate::convert::{from_js, millis, to_js, JsResult};
use crate::launch::DailyCounter;
use crate::Policy;
use avalo_core::rollout as rules;
use js_sys::Number;
use serde::{Deserialize, Serialize};
use tsify::{Ts, Tsify};
use wasm_bindgen::prelude::*;

/// A list of daily metrics (one entry per UTC day).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Tsify)]
pub struct DayMetricsList(pub Vec<DayMetrics>);

/// A list of two-letter country codes (any case).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Tsify)]
pub struct CountryCodes(pub Vec<String>);

/// Rollout phase of a country.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize, Tsify)]
#[serde(rename_all = "snake_case")]
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

impl From<RolloutPhase> for rules::RolloutPhase {
    fn from(v: RolloutPhase) -> Self {
        match v {
            RolloutPhase::Alpha => rules::RolloutPhase::Alpha,
            RolloutPhase::Soft => rules::RolloutPhase::Soft,
            RolloutPhase::Public => rules::RolloutPhase::Public,
            RolloutPhase::Pause => rules::RolloutPhase::Pause,
        }
    }
}

/// The kind of operation a cap counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize, Tsify)]
#[serde(rename_all = "snake_case")]
pub enum CapKind {
    /// New users (signups).
    Users,
    /// Payments.
    Payments,
    /// New creators.
    Creators,
}

impl From<CapKind> for rules::CapKind {
    fn from(v: CapKind) -> Self {
        match v {
            CapKind::Users => rules::CapKind::Users,
            CapKind::Payments => rules::CapKind::Payments,
            CapKind::Creators => rules::CapKind::Creators,
        }
    }
}

/// Daily caps of one phase.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Tsify)]
#[tsify(missing_as_null)]
pub struct PhaseCaps {
    /// New users per UTC day.
    pub users: u64,
    /// Payments per UTC day.
    pub payments: u64,
    /// New creators per UTC day.
    pub creators: u64,
}

impl From<rules::PhaseCaps> for PhaseCaps {
    fn from(v: rules::PhaseCaps) -> Self {
        let rules::PhaseCaps { users, payments, creators } = v;
        PhaseCaps { users, payments, creators }
    }
}

/// Per-country cap overrides; `None` keeps the phase default, `Some(0)` blocks that kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize, Tsify)]
pub struct CapOverrides {
    /// Override of the users cap.
    #[serde(default)]
    #[tsify(optional)]
    pub users: Option<u64>,
    /// Override of the payments cap.
    #[serde(default)]
    #[tsify(optional)]
    pub payments: Option<u64>,
    /// Override of the creators cap.
    #[serde(default)]
    #[tsify(optional)]
    pub creators: Option<u64>,
}

impl From<CapOverrides> for rules::CapOverrides {
    fn from(v: CapOverrides) -> Self {
        let CapOverrides { users, payments, creators } = v;
        rules::CapOverrides { users, payments, creators }
    }
}

/// One operation to count against a country's cap.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Tsify)]
pub struct CapRequest {
    /// The country's phase; `None` = not controlled.
    #[serde(default)]
    #[tsify(optional)]
    pub phase: Option<RolloutPhase>,
    /// The country's cap overrides.
    #[serde(default)]
    #[tsify(optional)]
    pub overrides: CapOverrides,
    /// What is being counted.
    pub kind: CapKind,
    /// The stored counter for this country and kind.
    pub counter: DailyCounter,
    /// Now, ms since the epoch (UTC).
    pub now_ms: i64,
}

impl From<CapRequest> for rules::CapRequest {
    fn from(v: CapRequest) -> Self {
        let CapRequest { phase, overrides, kind, counter, now_ms } = v;
        rules::CapRequest {
            phase: phase.map(|v| v.into()),
            overrides: overrides.into(),
            kind: kind.into(),
            counter: counter.into(),
            now_ms,
        }
    }
}

/// An allowed operation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Tsify)]
#[tsify(missing_as_null)]
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

impl From<rules::CapDecision> for CapDecision {
    fn from(v: rules::CapDecision) -> Self {
        let rules::CapDecision { controlled, cap, counter, remaining } = v;
        CapDecision { controlled, cap, counter: counter.into(), remaining }
    }
}

/// One day of a country's metrics.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Tsify)]
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

impl From<DayMetrics> for rules::DayMetrics {
    fn from(v: DayMetrics) -> Self {
        let DayMetrics { date, active_users, revenue_minor, safety_incidents, installs, verified } = v;
        rules::DayMetrics { date, active_users, revenue_minor, safety_incidents, installs, verified }
    }
}

/// A progression criterion.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Tsify)]
#[serde(rename_all = "snake_case")]
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

impl From<rules::ProgressionCriterion> for ProgressionCriterion {
    fn from(v: rules::ProgressionCriterion) -> Self {
        match v {
            rules::ProgressionCriterion::MissingData => ProgressionCriterion::MissingData,
            rules::ProgressionCriterion::ActiveUsers => ProgressionCriterion::ActiveUsers,
            rules::ProgressionCriterion::Revenue => ProgressionCriterion::Revenue,
            rules::ProgressionCriterion::SafetyIncidents => ProgressionCriterion::SafetyIncidents,
            rules::ProgressionCriterion::VerificationRate => ProgressionCriterion::VerificationRate,
        }
    }
}

/// One failed criterion on one day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Tsify)]
#[tsify(missing_as_null)]
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

impl From<rules::ProgressionFailure> for ProgressionFailure {
    fn from(v: rules::ProgressionFailure) -> Self {
        let rules::ProgressionFailure { date, criterion, actual, threshold } = v;
        ProgressionFailure { date, criterion: criterion.into(), actual, threshold }
    }
}

/// Progression readiness of a `soft` country.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Tsify)]
#[tsify(missing_as_null)]
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

impl From<rules::ProgressionReport> for ProgressionReport {
    fn from(v: rules::ProgressionReport) -> Self {
        let rules::ProgressionReport { recommended, window_start, window_end, failures, policy_fingerprint } = v;
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
#[wasm_bindgen(js_name = checkCountryCap)]
pub fn check_country_cap(policy: &Policy, request: Ts<CapRequest>) -> JsResult<Ts<CapDecision>> {
    let d = rules::check_country_cap(policy.core(), &from_js(&request)?.into())?;
    Ok(to_js(&CapDecision::from(d))?)
}

/// The daily caps of a phase after per-country overrides (an absent or `null` override keeps
/// the phase default; pass `{}` for none).
#[wasm_bindgen(js_name = effectiveCaps)]
pub fn effective_caps(
    policy: &Policy,
    phase: Ts<RolloutPhase>,
    overrides: Ts<CapOverrides>,
) -> JsResult<Ts<PhaseCaps>> {
    let overrides: rules::CapOverrides = from_js(&overrides)?.into();
    let caps = rules::effective_caps(policy.core(), from_js(&phase)?.into(), &overrides);
    Ok(to_js(&PhaseCaps::from(caps))?)
}

/// `soft` → `public` progression over the 7 completed UTC days before `nowMs`: recommended
/// when every criterion holds on every day; lists each failed criterion and day. A malformed
/// or repeated date, or verified above installs, is `INVALID_INPUT`.
#[wasm_bindgen(js_name = progressionReadiness)]
pub fn progression_readiness(
    policy: &Policy,
    days: Ts<DayMetricsList>,
    #[wasm_bindgen(js_name = nowMs)] now_ms: Number,
) -> JsResult<Ts<ProgressionReport>> {
    let DayMetricsList(days) = from_js(&days)?;
    let days: Vec<rules::DayMetrics> = days.into_iter().map(Into::into).collect();
    let r = rules::progression_readiness(policy.core(), &days, millis(&now_ms, "nowMs")?)?;
    Ok(to_js(&ProgressionReport::from(r))?)
}

/// The first market of the policy's sequence not yet launched, or `undefined` when all are.
/// A malformed code is `INVALID_INPUT`.
#[wasm_bindgen(js_name = nextMarket)]
pub fn next_market(policy: &Policy, launched: Ts<CountryCodes>) -> JsResult<Option<String>> {
    let CountryCodes(launched) = from_js(&launched)?;
    Ok(rules::next_market(policy.core(), &launched)?.map(|c| c.to_string()))
}

#[cfg(test)]
#[path = "rollout_tests.rs"]
mod tests;

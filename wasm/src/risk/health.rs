//! Component health, launch readiness and alert thresholds (SPEC §8.5).

use crate::convert::{from_js, to_js, JsResult};
use crate::Policy;
use avalo_core::risk as rules;
use serde::{Deserialize, Serialize};
use tsify::{Ts, Tsify};
use wasm_bindgen::prelude::*;

/// A list of component checks.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Tsify)]
pub struct ComponentChecks(pub Vec<ComponentCheck>);

/// A list of launch readiness checks.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Tsify)]
pub struct ReadinessChecks(pub Vec<ReadinessCheck>);

/// What a component's check reported.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize, Tsify)]
#[serde(rename_all = "snake_case")]
pub enum HealthCheckOutcome {
    /// Worked.
    Ok,
    /// Worked, but reported itself degraded.
    Degraded,
    /// Failed.
    Failed,
}

impl From<HealthCheckOutcome> for rules::HealthCheckOutcome {
    fn from(v: HealthCheckOutcome) -> Self {
        match v {
            HealthCheckOutcome::Ok => rules::HealthCheckOutcome::Ok,
            HealthCheckOutcome::Degraded => rules::HealthCheckOutcome::Degraded,
            HealthCheckOutcome::Failed => rules::HealthCheckOutcome::Failed,
        }
    }
}

/// One component's check.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Tsify)]
pub struct ComponentCheck {
    /// Component name.
    pub name: String,
    /// What the check reported.
    pub outcome: HealthCheckOutcome,
    /// How long the check took, ms.
    pub duration_ms: u64,
}

impl From<ComponentCheck> for rules::ComponentCheck {
    fn from(v: ComponentCheck) -> Self {
        let ComponentCheck { name, outcome, duration_ms } = v;
        rules::ComponentCheck { name, outcome: outcome.into(), duration_ms }
    }
}

/// Health of a component or the whole system, from best to worst.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Tsify)]
#[serde(rename_all = "snake_case")]
pub enum HealthStatus {
    /// Fine.
    Healthy,
    /// Slow or self-reported degraded.
    Degraded,
    /// Failed.
    Down,
}

impl From<rules::HealthStatus> for HealthStatus {
    fn from(v: rules::HealthStatus) -> Self {
        match v {
            rules::HealthStatus::Healthy => HealthStatus::Healthy,
            rules::HealthStatus::Degraded => HealthStatus::Degraded,
            rules::HealthStatus::Down => HealthStatus::Down,
        }
    }
}

/// One component's status.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Tsify)]
#[tsify(missing_as_null)]
pub struct ComponentStatus {
    /// Component name.
    pub name: String,
    /// Its status.
    pub status: HealthStatus,
}

impl From<rules::ComponentStatus> for ComponentStatus {
    fn from(v: rules::ComponentStatus) -> Self {
        let rules::ComponentStatus { name, status } = v;
        ComponentStatus { name, status: status.into() }
    }
}

/// System health.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Tsify)]
#[tsify(missing_as_null)]
pub struct HealthReport {
    /// The worst component status.
    pub overall: HealthStatus,
    /// Each component, in input order.
    pub components: Vec<ComponentStatus>,
}

impl From<rules::HealthReport> for HealthReport {
    fn from(v: rules::HealthReport) -> Self {
        let rules::HealthReport { overall, components } = v;
        HealthReport { overall: overall.into(), components: components.into_iter().map(Into::into).collect() }
    }
}

/// A readiness check result, from best to worst.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Tsify)]
#[serde(rename_all = "snake_case")]
pub enum ReadinessStatus {
    /// Passed.
    Pass,
    /// Passed with a warning.
    Warn,
    /// Failed.
    Fail,
}

impl From<ReadinessStatus> for rules::ReadinessStatus {
    fn from(v: ReadinessStatus) -> Self {
        match v {
            ReadinessStatus::Pass => rules::ReadinessStatus::Pass,
            ReadinessStatus::Warn => rules::ReadinessStatus::Warn,
            ReadinessStatus::Fail => rules::ReadinessStatus::Fail,
        }
    }
}

impl From<rules::ReadinessStatus> for ReadinessStatus {
    fn from(v: rules::ReadinessStatus) -> Self {
        match v {
            rules::ReadinessStatus::Pass => ReadinessStatus::Pass,
            rules::ReadinessStatus::Warn => ReadinessStatus::Warn,
            rules::ReadinessStatus::Fail => ReadinessStatus::Fail,
        }
    }
}

/// One launch readiness check.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Tsify)]
pub struct ReadinessCheck {
    /// Check name.
    pub name: String,
    /// Its result.
    pub status: ReadinessStatus,
}

impl From<ReadinessCheck> for rules::ReadinessCheck {
    fn from(v: ReadinessCheck) -> Self {
        let ReadinessCheck { name, status } = v;
        rules::ReadinessCheck { name, status: status.into() }
    }
}

/// Launch readiness.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Tsify)]
#[tsify(missing_as_null)]
pub struct ReadinessReport {
    /// FAIL if any fails, else WARN if any warns, else PASS.
    pub overall: ReadinessStatus,
    /// No check failed.
    pub ready_for_launch: bool,
    /// Names of the failed checks, in input order.
    pub failed: Vec<String>,
    /// Names of the checks with warnings, in input order.
    pub warnings: Vec<String>,
}

impl From<rules::ReadinessReport> for ReadinessReport {
    fn from(v: rules::ReadinessReport) -> Self {
        let rules::ReadinessReport { overall, ready_for_launch, failed, warnings } = v;
        ReadinessReport { overall: overall.into(), ready_for_launch, failed, warnings }
    }
}

/// Counts for the alert checks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize, Tsify)]
pub struct AlertMetrics {
    /// Requests served.
    pub requests: u64,
    /// Of which failed.
    pub errors: u64,
    /// Payments attempted.
    pub payments: u64,
    /// Of which failed.
    pub payment_failures: u64,
    /// Tokens spent in the current period.
    pub token_spend: u64,
    /// Tokens spent over the trailing periods (the average's numerator).
    pub trailing_token_spend: u64,
    /// Number of trailing periods (the average's denominator).
    pub trailing_periods: u64,
    /// Sessions.
    pub sessions: u64,
    /// Of which crash-free.
    pub crash_free_sessions: u64,
}

impl From<AlertMetrics> for rules::AlertMetrics {
    fn from(v: AlertMetrics) -> Self {
        let AlertMetrics {
            requests,
            errors,
            payments,
            payment_failures,
            token_spend,
            trailing_token_spend,
            trailing_periods,
            sessions,
            crash_free_sessions,
        } = v;
        rules::AlertMetrics {
            requests,
            errors,
            payments,
            payment_failures,
            token_spend,
            trailing_token_spend,
            trailing_periods,
            sessions,
            crash_free_sessions,
        }
    }
}

/// An alert kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Tsify)]
#[serde(rename_all = "snake_case")]
pub enum AlertKind {
    /// Error rate at or above its threshold.
    ErrorRate,
    /// Payment failure rate at or above its threshold.
    PaymentFailureRate,
    /// Token spend at or above the multiple of its trailing average.
    TokenSpendSpike,
    /// Crash-free sessions below their threshold.
    CrashFreeSessions,
}

impl From<rules::AlertKind> for AlertKind {
    fn from(v: rules::AlertKind) -> Self {
        match v {
            rules::AlertKind::ErrorRate => AlertKind::ErrorRate,
            rules::AlertKind::PaymentFailureRate => AlertKind::PaymentFailureRate,
            rules::AlertKind::TokenSpendSpike => AlertKind::TokenSpendSpike,
            rules::AlertKind::CrashFreeSessions => AlertKind::CrashFreeSessions,
        }
    }
}

/// A fired alert.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Tsify)]
#[tsify(missing_as_null)]
pub struct MetricAlert {
    /// Which alert.
    pub kind: AlertKind,
    /// The observed value in basis points, floored: the rate, or spend ÷ average for a spike
    /// (`None` when the trailing average is 0).
    pub value_bp: Option<u64>,
    /// The threshold in basis points (for a spike, the multiple × 10 000).
    pub threshold_bp: u64,
}

impl From<rules::MetricAlert> for MetricAlert {
    fn from(v: rules::MetricAlert) -> Self {
        let rules::MetricAlert { kind, value_bp, threshold_bp } = v;
        MetricAlert { kind: kind.into(), value_bp, threshold_bp }
    }
}

/// Alerts that fired.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Tsify)]
#[tsify(missing_as_null)]
pub struct AlertReport {
    /// Whether any alert fired.
    pub alerting: bool,
    /// The alerts, in the spec's order.
    pub alerts: Vec<MetricAlert>,
}

impl From<rules::AlertReport> for AlertReport {
    fn from(v: rules::AlertReport) -> Self {
        let rules::AlertReport { alerting, alerts } = v;
        AlertReport { alerting, alerts: alerts.into_iter().map(Into::into).collect() }
    }
}

/// Rates the components (SPEC §8.5): DEGRADED when slower than 2 000 ms or self-reported,
/// DOWN when failed; overall = the worst. An empty list is `INVALID_INPUT`.
#[wasm_bindgen(js_name = componentHealth)]
pub fn component_health(policy: &Policy, checks: Ts<ComponentChecks>) -> JsResult<Ts<HealthReport>> {
    let ComponentChecks(checks) = from_js(&checks)?;
    let checks: Vec<rules::ComponentCheck> = checks.into_iter().map(Into::into).collect();
    let r = rules::component_health(policy.core(), &checks)?;
    Ok(to_js(&HealthReport::from(r))?)
}

/// Summarises launch readiness checks (SPEC §8.5): FAIL if any fails, else WARN if any
/// warns, else PASS; ready when nothing fails. An empty list is `INVALID_INPUT`.
#[wasm_bindgen(js_name = launchReadiness)]
pub fn launch_readiness(checks: Ts<ReadinessChecks>) -> JsResult<Ts<ReadinessReport>> {
    let ReadinessChecks(checks) = from_js(&checks)?;
    let checks: Vec<rules::ReadinessCheck> = checks.into_iter().map(Into::into).collect();
    let r = rules::launch_readiness(&checks)?;
    Ok(to_js(&ReadinessReport::from(r))?)
}

/// Evaluates the alert thresholds (SPEC §8.5). A part above its whole (errors above
/// requests, …) is `INVALID_INPUT`.
#[wasm_bindgen(js_name = checkAlerts)]
pub fn check_alerts(policy: &Policy, metrics: Ts<AlertMetrics>) -> JsResult<Ts<AlertReport>> {
    let r = rules::check_alerts(policy.core(), &from_js(&metrics)?.into())?;
    Ok(to_js(&AlertReport::from(r))?)
}

#[cfg(test)]
#[path = "health_tests.rs"]
mod tests;

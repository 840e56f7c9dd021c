//! Component health, launch readiness and alert thresholds (SPEC §8.5).

use crate::error::{guard, AvaloError};
use crate::policy::Policy;
use avalo_core::risk as core;

/// What a component's check reported.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, uniffi::Enum)]
pub enum HealthCheckOutcome {
    /// Worked.
    Ok,
    /// Worked, but reported itself degraded.
    Degraded,
    /// Failed.
    Failed,
}

impl From<HealthCheckOutcome> for core::HealthCheckOutcome {
    fn from(v: HealthCheckOutcome) -> Self {
        match v {
            HealthCheckOutcome::Ok => core::HealthCheckOutcome::Ok,
            HealthCheckOutcome::Degraded => core::HealthCheckOutcome::Degraded,
            HealthCheckOutcome::Failed => core::HealthCheckOutcome::Failed,
        }
    }
}

/// One component's check.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct ComponentCheck {
    /// Component name.
    pub name: String,
    /// What the check reported.
    pub outcome: HealthCheckOutcome,
    /// How long the check took, ms.
    pub duration_ms: u64,
}

impl From<ComponentCheck> for core::ComponentCheck {
    fn from(v: ComponentCheck) -> Self {
        let ComponentCheck { name, outcome, duration_ms } = v;
        core::ComponentCheck { name, outcome: outcome.into(), duration_ms }
    }
}

/// Health of a component or the whole system, from best to worst.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, uniffi::Enum)]
pub enum HealthStatus {
    /// Fine.
    Healthy,
    /// Slow or self-reported degraded.
    Degraded,
    /// Failed.
    Down,
}

impl From<core::HealthStatus> for HealthStatus {
    fn from(v: core::HealthStatus) -> Self {
        match v {
            core::HealthStatus::Healthy => HealthStatus::Healthy,
            core::HealthStatus::Degraded => HealthStatus::Degraded,
            core::HealthStatus::Down => HealthStatus::Down,
        }
    }
}

/// One component's status.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct ComponentStatus {
    /// Component name.
    pub name: String,
    /// Its status.
    pub status: HealthStatus,
}

impl From<core::ComponentStatus> for ComponentStatus {
    fn from(v: core::ComponentStatus) -> Self {
        let core::ComponentStatus { name, status } = v;
        ComponentStatus { name, status: status.into() }
    }
}

/// System health.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct HealthReport {
    /// The worst component status.
    pub overall: HealthStatus,
    /// Each component, in input order.
    pub components: Vec<ComponentStatus>,
}

impl From<core::HealthReport> for HealthReport {
    fn from(v: core::HealthReport) -> Self {
        let core::HealthReport { overall, components } = v;
        HealthReport { overall: overall.into(), components: components.into_iter().map(Into::into).collect() }
    }
}

/// A readiness check result, from best to worst.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, uniffi::Enum)]
pub enum ReadinessStatus {
    /// Passed.
    Pass,
    /// Passed with a warning.
    Warn,
    /// Failed.
    Fail,
}

impl From<ReadinessStatus> for core::ReadinessStatus {
    fn from(v: ReadinessStatus) -> Self {
        match v {
            ReadinessStatus::Pass => core::ReadinessStatus::Pass,
            ReadinessStatus::Warn => core::ReadinessStatus::Warn,
            ReadinessStatus::Fail => core::ReadinessStatus::Fail,
        }
    }
}

impl From<core::ReadinessStatus> for ReadinessStatus {
    fn from(v: core::ReadinessStatus) -> Self {
        match v {
            core::ReadinessStatus::Pass => ReadinessStatus::Pass,
            core::ReadinessStatus::Warn => ReadinessStatus::Warn,
            core::ReadinessStatus::Fail => ReadinessStatus::Fail,
        }
    }
}

/// One launch readiness check.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct ReadinessCheck {
    /// Check name.
    pub name: String,
    /// Its result.
    pub status: ReadinessStatus,
}

impl From<ReadinessCheck> for core::ReadinessCheck {
    fn from(v: ReadinessCheck) -> Self {
        let ReadinessCheck { name, status } = v;
        core::ReadinessCheck { name, status: status.into() }
    }
}

/// Launch readiness.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
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

impl From<core::ReadinessReport> for ReadinessReport {
    fn from(v: core::ReadinessReport) -> Self {
        let core::ReadinessReport { overall, ready_for_launch, failed, warnings } = v;
        ReadinessReport { overall: overall.into(), ready_for_launch, failed, warnings }
    }
}

/// Counts for the alert checks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Record)]
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

impl From<AlertMetrics> for core::AlertMetrics {
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
        core::AlertMetrics {
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
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, uniffi::Enum)]
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

impl From<core::AlertKind> for AlertKind {
    fn from(v: core::AlertKind) -> Self {
        match v {
            core::AlertKind::ErrorRate => AlertKind::ErrorRate,
            core::AlertKind::PaymentFailureRate => AlertKind::PaymentFailureRate,
            core::AlertKind::TokenSpendSpike => AlertKind::TokenSpendSpike,
            core::AlertKind::CrashFreeSessions => AlertKind::CrashFreeSessions,
        }
    }
}

/// A fired alert.
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Record)]
pub struct MetricAlert {
    /// Which alert.
    pub kind: AlertKind,
    /// The observed value in basis points, floored: the rate, or spend ÷ average for a spike
    /// (`None` when the trailing average is 0).
    pub value_bp: Option<u64>,
    /// The threshold in basis points (for a spike, the multiple × 10 000).
    pub threshold_bp: u64,
}

impl From<core::MetricAlert> for MetricAlert {
    fn from(v: core::MetricAlert) -> Self {
        let core::MetricAlert { kind, value_bp, threshold_bp } = v;
        MetricAlert { kind: kind.into(), value_bp, threshold_bp }
    }
}

/// Alerts that fired.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct AlertReport {
    /// Whether any alert fired.
    pub alerting: bool,
    /// The alerts, in the spec's order.
    pub alerts: Vec<MetricAlert>,
}

impl From<core::AlertReport> for AlertReport {
    fn from(v: core::AlertReport) -> Self {
        let core::AlertReport { alerting, alerts } = v;
        AlertReport { alerting, alerts: alerts.into_iter().map(Into::into).collect() }
    }
}

/// Rates the components (SPEC §8.5): DEGRADED when slower than 2 000 ms or self-reported,
/// DOWN when failed; overall = the worst. An empty list is `INVALID_INPUT`.
#[uniffi::export]
pub fn component_health(policy: &Policy, checks: Vec<ComponentCheck>) -> Result<HealthReport, AvaloError> {
    guard(|| {
        let checks: Vec<core::ComponentCheck> = checks.into_iter().map(Into::into).collect();
        Ok(core::component_health(policy.core(), &checks)?.into())
    })
}

/// Summarises launch readiness checks (SPEC §8.5): FAIL if any fails, else WARN if any
/// warns, else PASS; ready when nothing fails. An empty list is `INVALID_INPUT`.
#[uniffi::export]
pub fn launch_readiness(checks: Vec<ReadinessCheck>) -> Result<ReadinessReport, AvaloError> {
    guard(|| {
        let checks: Vec<core::ReadinessCheck> = checks.into_iter().map(Into::into).collect();
        Ok(core::launch_readiness(&checks)?.into())
    })
}

/// Evaluates the alert thresholds (SPEC §8.5). A part above its whole (errors above
/// requests, …) is `INVALID_INPUT`.
#[uniffi::export]
pub fn check_alerts(policy: &Policy, metrics: AlertMetrics) -> Result<AlertReport, AvaloError> {
    guard(|| Ok(core::check_alerts(policy.core(), &metrics.into())?.into()))
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::indexing_slicing)]
mod tests {
    use super::*;

    #[test]
    fn calls_reach_the_core() {
        let p = Policy::from(avalo_core::Policy::default());
        let slow = ComponentCheck { name: "db".into(), outcome: HealthCheckOutcome::Ok, duration_ms: 2_001 };
        assert_eq!(component_health(&p, vec![slow]).unwrap().overall, HealthStatus::Degraded);
        let warn = ReadinessCheck { name: "load test".into(), status: ReadinessStatus::Warn };
        let r = launch_readiness(vec![warn]).unwrap();
        assert_eq!((r.overall, r.ready_for_launch), (ReadinessStatus::Warn, true));
        let m = AlertMetrics {
            requests: 100,
            errors: 5,
            payments: 0,
            payment_failures: 0,
            token_spend: 0,
            trailing_token_spend: 0,
            trailing_periods: 0,
            sessions: 0,
            crash_free_sessions: 0,
        };
        assert_eq!(check_alerts(&p, m).unwrap().alerts.first().map(|a| a.kind), Some(AlertKind::ErrorRate));
    }
}

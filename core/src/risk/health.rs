//! Component health, launch readiness and alert thresholds (SPEC §8.5).
//!
//! - Component health: HEALTHY, DEGRADED when its check took more than 2 000 ms or reported
//!   degraded, DOWN when it failed; overall = the worst component.
//! - Launch readiness: overall FAIL if any check fails, else WARN if any warns, else PASS;
//!   `ready_for_launch` = no FAIL.
//! - Alerts: error rate ≥ 5 %, payment failure rate ≥ 2 %, token spend ≥ 10 × its trailing
//!   average, crash-free sessions < 99 %; rates compared in integers.
//!
//! Choices where the spec is silent: an empty list of components or readiness checks is
//! `INVALID_INPUT` (nothing checked is not healthy); a rate with a zero denominator (no
//! requests, payments or sessions) raises no alert; the trailing average is passed as a total
//! over a number of periods (`spend × periods ≥ 10 × total`, exact), no periods means no
//! baseline and no alert, and a spend of 0 never alerts; a part above its whole (errors above
//! requests, …) is `INVALID_INPUT`.

use crate::error::{Error, Result};
use crate::policy::{check, Policy, PolicyProblem};
use serde::{Deserialize, Serialize};

/// Component health thresholds.
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HealthPolicy {
    /// A check slower than this is DEGRADED, ms (2 000).
    pub degraded_after_ms: u64,
}

impl Default for HealthPolicy {
    fn default() -> Self {
        HealthPolicy { degraded_after_ms: 2_000 }
    }
}

/// What a component's check reported.
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[serde(rename_all = "snake_case")]
pub enum HealthCheckOutcome {
    /// Worked.
    Ok,
    /// Worked, but reported itself degraded.
    Degraded,
    /// Failed.
    Failed,
}

/// One component's check.
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct ComponentCheck {
    /// Component name.
    pub name: String,
    /// What the check reported.
    pub outcome: HealthCheckOutcome,
    /// How long the check took, ms.
    pub duration_ms: u64,
}

/// Health of a component or the whole system, from best to worst.
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[serde(rename_all = "snake_case")]
pub enum HealthStatus {
    /// Fine.
    Healthy,
    /// Slow or self-reported degraded.
    Degraded,
    /// Failed.
    Down,
}

/// One component's status.
#[cfg_attr(feature = "wasm", derive(tsify::Tsify), tsify(missing_as_null))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct ComponentStatus {
    /// Component name.
    pub name: String,
    /// Its status.
    pub status: HealthStatus,
}

/// System health.
#[cfg_attr(feature = "wasm", derive(tsify::Tsify), tsify(missing_as_null))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct HealthReport {
    /// The worst component status.
    pub overall: HealthStatus,
    /// Each component, in input order.
    pub components: Vec<ComponentStatus>,
}

/// Rates the components (SPEC §8.5).
pub fn component_health(policy: &Policy, checks: &[ComponentCheck]) -> Result<HealthReport> {
    if checks.is_empty() {
        return Err(Error::invalid("no component checks given"));
    }
    let slow = policy.risk.health.degraded_after_ms;
    let components: Vec<ComponentStatus> = checks
        .iter()
        .map(|c| ComponentStatus {
            name: c.name.clone(),
            status: match c.outcome {
                HealthCheckOutcome::Failed => HealthStatus::Down,
                HealthCheckOutcome::Degraded => HealthStatus::Degraded,
                HealthCheckOutcome::Ok if c.duration_ms > slow => HealthStatus::Degraded,
                HealthCheckOutcome::Ok => HealthStatus::Healthy,
            },
        })
        .collect();
    let overall = components.iter().map(|c| c.status).max().unwrap_or(HealthStatus::Healthy);
    Ok(HealthReport { overall, components })
}

/// A readiness check result, from best to worst.
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[serde(rename_all = "snake_case")]
pub enum ReadinessStatus {
    /// Passed.
    Pass,
    /// Passed with a warning.
    Warn,
    /// Failed.
    Fail,
}

/// One launch readiness check.
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct ReadinessCheck {
    /// Check name.
    pub name: String,
    /// Its result.
    pub status: ReadinessStatus,
}

/// Launch readiness.
#[cfg_attr(feature = "wasm", derive(tsify::Tsify), tsify(missing_as_null))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
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

/// Summarises launch readiness checks (SPEC §8.5).
pub fn launch_readiness(checks: &[ReadinessCheck]) -> Result<ReadinessReport> {
    if checks.is_empty() {
        return Err(Error::invalid("no readiness checks given"));
    }
    let names = |s| checks.iter().filter(|c| c.status == s).map(|c| c.name.clone()).collect::<Vec<_>>();
    let overall = checks.iter().map(|c| c.status).max().unwrap_or(ReadinessStatus::Pass);
    Ok(ReadinessReport {
        overall,
        ready_for_launch: overall != ReadinessStatus::Fail,
        failed: names(ReadinessStatus::Fail),
        warnings: names(ReadinessStatus::Warn),
    })
}

/// Alert thresholds.
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AlertPolicy {
    /// Alert when errors ÷ requests ≥ this, bp (500 = 5 %).
    pub error_rate_bp: u32,
    /// Alert when failed ÷ payments ≥ this, bp (200 = 2 %).
    pub payment_failure_rate_bp: u32,
    /// Alert when token spend ≥ this × its trailing average (10).
    pub token_spend_multiple: u64,
    /// Alert when crash-free ÷ sessions < this, bp (9 900 = 99 %).
    pub min_crash_free_bp: u32,
}

impl Default for AlertPolicy {
    fn default() -> Self {
        AlertPolicy {
            error_rate_bp: 500,
            payment_failure_rate_bp: 200,
            token_spend_multiple: 10,
            min_crash_free_bp: 9_900,
        }
    }
}

impl AlertPolicy {
    pub(crate) fn validate(&self, path: &str, p: &mut Vec<PolicyProblem>) {
        check(self.error_rate_bp <= 10_000, p, format!("{path}.error_rate_bp"), "must be <= 10000");
        check(self.payment_failure_rate_bp <= 10_000, p, format!("{path}.payment_failure_rate_bp"), "must be <= 10000");
        check(self.min_crash_free_bp <= 10_000, p, format!("{path}.min_crash_free_bp"), "must be <= 10000");
        check(self.token_spend_multiple > 0, p, format!("{path}.token_spend_multiple"), "must be > 0");
    }
}

/// Counts for the alert checks.
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
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

/// An alert kind.
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
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

/// A fired alert.
#[cfg_attr(feature = "wasm", derive(tsify::Tsify), tsify(missing_as_null))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct MetricAlert {
    /// Which alert.
    pub kind: AlertKind,
    /// The observed value in basis points, floored: the rate, or spend ÷ average for a spike
    /// (`None` when the trailing average is 0).
    pub value_bp: Option<u64>,
    /// The threshold in basis points (for a spike, the multiple × 10 000).
    pub threshold_bp: u64,
}

/// Alerts that fired.
#[cfg_attr(feature = "wasm", derive(tsify::Tsify), tsify(missing_as_null))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct AlertReport {
    /// Whether any alert fired.
    pub alerting: bool,
    /// The alerts, in the spec's order.
    pub alerts: Vec<MetricAlert>,
}

fn ratio_bp(part: u64, whole: u64) -> Option<u64> {
    (whole > 0).then(|| u64::try_from(u128::from(part) * 10_000 / u128::from(whole)).unwrap_or(u64::MAX))
}

/// Evaluates the alert thresholds (SPEC §8.5).
pub fn check_alerts(policy: &Policy, m: &AlertMetrics) -> Result<AlertReport> {
    for (part, whole, what) in [
        (m.errors, m.requests, "errors exceed requests"),
        (m.payment_failures, m.payments, "payment failures exceed payments"),
        (m.crash_free_sessions, m.sessions, "crash-free sessions exceed sessions"),
    ] {
        if part > whole {
            return Err(Error::invalid(format!("{what} ({part} > {whole})")));
        }
    }
    let a = &policy.risk.alerts;
    let at_least =
        |part: u64, whole: u64, bp: u32| whole > 0 && u128::from(part) * 10_000 >= u128::from(whole) * u128::from(bp);
    let mut alerts = Vec::new();
    let mut fire = |kind, value_bp, threshold_bp: u64| alerts.push(MetricAlert { kind, value_bp, threshold_bp });
    if at_least(m.errors, m.requests, a.error_rate_bp) {
        fire(AlertKind::ErrorRate, ratio_bp(m.errors, m.requests), u64::from(a.error_rate_bp));
    }
    if at_least(m.payment_failures, m.payments, a.payment_failure_rate_bp) {
        fire(
            AlertKind::PaymentFailureRate,
            ratio_bp(m.payment_failures, m.payments),
            u64::from(a.payment_failure_rate_bp),
        );
    }
    let spike = m.trailing_periods > 0
        && m.token_spend > 0
        && u128::from(m.token_spend) * u128::from(m.trailing_periods)
            >= u128::from(a.token_spend_multiple) * u128::from(m.trailing_token_spend);
    if spike {
        // spend ÷ (total ÷ periods) = spend × periods ÷ total.
        let value = (m.trailing_token_spend > 0).then(|| {
            (u128::from(m.token_spend) * u128::from(m.trailing_periods))
                .checked_mul(10_000)
                .map_or(u64::MAX, |v| u64::try_from(v / u128::from(m.trailing_token_spend)).unwrap_or(u64::MAX))
        });
        fire(AlertKind::TokenSpendSpike, value, a.token_spend_multiple.saturating_mul(10_000));
    }
    if m.sessions > 0 && !at_least(m.crash_free_sessions, m.sessions, a.min_crash_free_bp) {
        fire(AlertKind::CrashFreeSessions, ratio_bp(m.crash_free_sessions, m.sessions), u64::from(a.min_crash_free_bp));
    }
    Ok(AlertReport { alerting: !alerts.is_empty(), alerts })
}

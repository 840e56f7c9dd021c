//! Component health, launch readiness and alert thresholds (SPEC §8.5).

use crate::error::{guard, AvaloError};
use avalo_core::risk::{self as core, *};
use avalo_core::Policy;

/// Rates the components (SPEC §8.5): DEGRADED when slower than 2 000 ms or self-reported,
/// DOWN when failed; overall = the worst. An empty list is `INVALID_INPUT`.
#[uniffi::export]
pub fn component_health(policy: &Policy, checks: Vec<ComponentCheck>) -> Result<HealthReport, AvaloError> {
    guard(|| {
        let checks: Vec<core::ComponentCheck> = checks.into_iter().collect();
        Ok(core::component_health(policy, &checks)?)
    })
}

/// Summarises launch readiness checks (SPEC §8.5): FAIL if any fails, else WARN if any
/// warns, else PASS; ready when nothing fails. An empty list is `INVALID_INPUT`.
#[uniffi::export]
pub fn launch_readiness(checks: Vec<ReadinessCheck>) -> Result<ReadinessReport, AvaloError> {
    guard(|| {
        let checks: Vec<core::ReadinessCheck> = checks.into_iter().collect();
        Ok(core::launch_readiness(&checks)?)
    })
}

/// Evaluates the alert thresholds (SPEC §8.5). A part above its whole (errors above
/// requests, …) is `INVALID_INPUT`.
#[uniffi::export]
pub fn check_alerts(policy: &Policy, metrics: AlertMetrics) -> Result<AlertReport, AvaloError> {
    guard(|| Ok(core::check_alerts(policy, &metrics)?))
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::indexing_slicing)]
mod tests {
    use super::*;

    #[test]
    fn calls_reach_the_core() {
        let p = avalo_core::Policy::default();
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

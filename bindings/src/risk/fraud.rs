//! Fraud shield (SPEC §8.2) and infrastructure throttle (SPEC §8.3).

use crate::error::{guard, AvaloError};
use avalo_core::risk::{self as core, *};
use avalo_core::Policy;

/// Runs the fraud shield over one 5-minute window (SPEC §8.2). A device listed twice is
/// `INVALID_INPUT`.
#[uniffi::export]
pub fn fraud_shield(policy: &Policy, window: FraudWindow) -> Result<FraudReport, AvaloError> {
    guard(|| Ok(core::fraud_shield(policy, &window)?))
}

/// Checks the infrastructure throttle (SPEC §8.3): overloaded when any metric is over its
/// limit; names each one.
#[uniffi::export]
pub fn check_load(policy: &Policy, metrics: LoadMetrics) -> Result<LoadReport, AvaloError> {
    guard(|| Ok(core::check_load(policy, &metrics)))
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::indexing_slicing)]
mod tests {
    use super::*;

    #[test]
    fn calls_reach_the_core() {
        let p = avalo_core::Policy::default();
        let w = FraudWindow {
            device_accounts: vec![DeviceAccounts { device_id: "d".into(), accounts: 3 }],
            creator_registrations: 49,
            transactions: 1_000,
        };
        let f = fraud_shield(&p, w).unwrap();
        assert_eq!(
            f.alerts.iter().map(|a| a.signal).collect::<Vec<_>>(),
            [FraudSignal::DeviceFarming, FraudSignal::PaymentBurst]
        );
        let l = check_load(
            &p,
            LoadMetrics { webrtc_sessions: 10_001, payments_per_minute: 100, safety_tickets_per_5min: 0 },
        )
        .unwrap();
        assert_eq!(l.over.iter().map(|o| o.metric).collect::<Vec<_>>(), [LoadMetric::WebrtcSessions]);
    }
}

//! Fraud shield (SPEC §8.2) and infrastructure throttle (SPEC §8.3).

use crate::error::{guard, AvaloError};
use crate::policy::Policy;
use avalo_core::risk as core;

/// Accounts created from one device in the window.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct DeviceAccounts {
    /// The device identifier.
    pub device_id: String,
    /// Accounts created from it.
    pub accounts: u64,
}

impl From<DeviceAccounts> for core::DeviceAccounts {
    fn from(v: DeviceAccounts) -> Self {
        let DeviceAccounts { device_id, accounts } = v;
        core::DeviceAccounts { device_id, accounts }
    }
}

/// Counts over one fraud window.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct FraudWindow {
    /// Accounts per device.
    #[uniffi(default = [])]
    pub device_accounts: Vec<DeviceAccounts>,
    /// Creator registrations.
    pub creator_registrations: u64,
    /// Payment transactions.
    pub transactions: u64,
}

impl From<FraudWindow> for core::FraudWindow {
    fn from(v: FraudWindow) -> Self {
        let FraudWindow { device_accounts, creator_registrations, transactions } = v;
        core::FraudWindow {
            device_accounts: device_accounts.into_iter().map(Into::into).collect(),
            creator_registrations,
            transactions,
        }
    }
}

/// The fraud signals of SPEC §8.2.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, uniffi::Enum)]
pub enum FraudSignal {
    /// Many accounts from one device.
    DeviceFarming,
    /// Many creator registrations.
    CreatorRing,
    /// Many transactions.
    PaymentBurst,
}

impl From<core::FraudSignal> for FraudSignal {
    fn from(v: core::FraudSignal) -> Self {
        match v {
            core::FraudSignal::DeviceFarming => FraudSignal::DeviceFarming,
            core::FraudSignal::CreatorRing => FraudSignal::CreatorRing,
            core::FraudSignal::PaymentBurst => FraudSignal::PaymentBurst,
        }
    }
}

/// One alert.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct FraudAlert {
    /// Which signal.
    pub signal: FraudSignal,
    /// The device, for device farming.
    pub device_id: Option<String>,
    /// The count that tripped it.
    pub count: u64,
    /// The threshold (`count ≥ threshold`).
    pub threshold: u64,
}

impl From<core::FraudAlert> for FraudAlert {
    fn from(v: core::FraudAlert) -> Self {
        let core::FraudAlert { signal, device_id, count, threshold } = v;
        FraudAlert { signal: signal.into(), device_id, count, threshold }
    }
}

/// The fraud shield's verdict on one window.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct FraudReport {
    /// Whether any alert fired.
    pub alert: bool,
    /// The alerts: devices in input order, then creator ring, then payment burst.
    pub alerts: Vec<FraudAlert>,
    /// Fingerprint of the policy.
    pub policy_fingerprint: String,
}

impl From<core::FraudReport> for FraudReport {
    fn from(v: core::FraudReport) -> Self {
        let core::FraudReport { alert, alerts, policy_fingerprint } = v;
        FraudReport { alert, alerts: alerts.into_iter().map(Into::into).collect(), policy_fingerprint }
    }
}

/// Current load.
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Record)]
pub struct LoadMetrics {
    /// Concurrent WebRTC sessions.
    pub webrtc_sessions: u64,
    /// Payments in the last minute.
    pub payments_per_minute: u64,
    /// Safety tickets in the last 5 minutes.
    pub safety_tickets_per_5min: u64,
}

impl From<LoadMetrics> for core::LoadMetrics {
    fn from(v: LoadMetrics) -> Self {
        let LoadMetrics { webrtc_sessions, payments_per_minute, safety_tickets_per_5min } = v;
        core::LoadMetrics { webrtc_sessions, payments_per_minute, safety_tickets_per_5min }
    }
}

/// A throttle metric.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, uniffi::Enum)]
pub enum LoadMetric {
    /// Concurrent WebRTC sessions.
    WebrtcSessions,
    /// Payments per minute.
    PaymentsPerMinute,
    /// Safety tickets per 5 minutes.
    SafetyTicketsPer5Min,
}

impl From<core::LoadMetric> for LoadMetric {
    fn from(v: core::LoadMetric) -> Self {
        match v {
            core::LoadMetric::WebrtcSessions => LoadMetric::WebrtcSessions,
            core::LoadMetric::PaymentsPerMinute => LoadMetric::PaymentsPerMinute,
            core::LoadMetric::SafetyTicketsPer5Min => LoadMetric::SafetyTicketsPer5Min,
        }
    }
}

/// A metric over its limit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Record)]
pub struct LoadOver {
    /// Which metric.
    pub metric: LoadMetric,
    /// Its value.
    pub value: u64,
    /// Its limit (overloaded when `value > limit`).
    pub limit: u64,
}

impl From<core::LoadOver> for LoadOver {
    fn from(v: core::LoadOver) -> Self {
        let core::LoadOver { metric, value, limit } = v;
        LoadOver { metric: metric.into(), value, limit }
    }
}

/// The throttle's verdict.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct LoadReport {
    /// Whether any metric is over its limit.
    pub overloaded: bool,
    /// The metrics over their limit, in the spec's order.
    pub over: Vec<LoadOver>,
}

impl From<core::LoadReport> for LoadReport {
    fn from(v: core::LoadReport) -> Self {
        let core::LoadReport { overloaded, over } = v;
        LoadReport { overloaded, over: over.into_iter().map(Into::into).collect() }
    }
}

/// Runs the fraud shield over one 5-minute window (SPEC §8.2). A device listed twice is
/// `INVALID_INPUT`.
#[uniffi::export]
pub fn fraud_shield(policy: &Policy, window: FraudWindow) -> Result<FraudReport, AvaloError> {
    guard(|| Ok(core::fraud_shield(policy.core(), &window.into())?.into()))
}

/// Checks the infrastructure throttle (SPEC §8.3): overloaded when any metric is over its
/// limit; names each one.
#[uniffi::export]
pub fn check_load(policy: &Policy, metrics: LoadMetrics) -> Result<LoadReport, AvaloError> {
    guard(|| Ok(core::check_load(policy.core(), &metrics.into()).into()))
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::indexing_slicing)]
mod tests {
    use super::*;

    #[test]
    fn calls_reach_the_core() {
        let p = Policy::from(avalo_core::Policy::default());
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

//! Fraud shield (SPEC §8.2) and infrastructure throttle (SPEC §8.3).
//!
//! Fraud shield, over one 5-minute window: device farming when one device created 3 or more
//! accounts, creator ring at 50 or more creator registrations, payment burst at 1 000 or more
//! transactions (all "or more": `count ≥ threshold`). The host passes per-device counts; every
//! device at or over the threshold gets its own alert, and a device listed twice is
//! `INVALID_INPUT` (splitting a device's count would hide farming).
//!
//! Throttle: overloaded when any metric is strictly over its limit (WebRTC sessions > 10 000,
//! payments per minute > 100, safety tickets per 5 min > 500); the report names each one.

use crate::error::{Error, Result};
use crate::policy::{check, Policy, PolicyProblem};
use serde::{Deserialize, Serialize};

/// Fraud shield thresholds (alert when `count ≥ threshold`).
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FraudPolicy {
    /// Window length the host counts over, ms (300 000 = 5 min).
    pub window_ms: u64,
    /// Accounts from one device (3).
    pub device_accounts: u64,
    /// Creator registrations (50).
    pub creator_registrations: u64,
    /// Transactions (1 000).
    pub transactions: u64,
}

impl Default for FraudPolicy {
    fn default() -> Self {
        FraudPolicy { window_ms: 300_000, device_accounts: 3, creator_registrations: 50, transactions: 1_000 }
    }
}

impl FraudPolicy {
    pub(crate) fn validate(&self, path: &str, p: &mut Vec<PolicyProblem>) {
        let max = crate::policy::bounds::MAX_FRAUD_WINDOW_MS;
        check(self.window_ms > 0 && self.window_ms <= max, p, format!("{path}.window_ms"), "must be 1..=30 days");
        check(self.device_accounts > 0, p, format!("{path}.device_accounts"), "must be > 0");
        check(self.creator_registrations > 0, p, format!("{path}.creator_registrations"), "must be > 0");
        check(self.transactions > 0, p, format!("{path}.transactions"), "must be > 0");
    }
}

/// Accounts created from one device in the window.
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct DeviceAccounts {
    /// The device identifier.
    pub device_id: String,
    /// Accounts created from it.
    pub accounts: u64,
}

/// Counts over one fraud window.
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct FraudWindow {
    /// Accounts per device.
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default = []))]
    pub device_accounts: Vec<DeviceAccounts>,
    /// Creator registrations.
    pub creator_registrations: u64,
    /// Payment transactions.
    pub transactions: u64,
}

/// The fraud signals of SPEC §8.2.
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[serde(rename_all = "snake_case")]
pub enum FraudSignal {
    /// Many accounts from one device.
    DeviceFarming,
    /// Many creator registrations.
    CreatorRing,
    /// Many transactions.
    PaymentBurst,
}

/// One alert.
#[cfg_attr(feature = "wasm", derive(tsify::Tsify), tsify(missing_as_null))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
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

/// The fraud shield's verdict on one window.
#[cfg_attr(feature = "wasm", derive(tsify::Tsify), tsify(missing_as_null))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct FraudReport {
    /// Whether any alert fired.
    pub alert: bool,
    /// The alerts: devices in input order, then creator ring, then payment burst.
    pub alerts: Vec<FraudAlert>,
    /// Fingerprint of the policy.
    pub policy_fingerprint: String,
}

/// Runs the fraud shield over one window (SPEC §8.2).
pub fn fraud_shield(policy: &Policy, w: &FraudWindow) -> Result<FraudReport> {
    let f = &policy.risk.fraud;
    let mut alerts = Vec::new();
    let mut seen = std::collections::HashSet::with_capacity(w.device_accounts.len());
    for d in &w.device_accounts {
        if !seen.insert(d.device_id.as_str()) {
            return Err(Error::invalid(format!("device {:?} is listed twice", d.device_id)));
        }
        if d.accounts >= f.device_accounts {
            alerts.push(FraudAlert {
                signal: FraudSignal::DeviceFarming,
                device_id: Some(d.device_id.clone()),
                count: d.accounts,
                threshold: f.device_accounts,
            });
        }
    }
    for (signal, count, threshold) in [
        (FraudSignal::CreatorRing, w.creator_registrations, f.creator_registrations),
        (FraudSignal::PaymentBurst, w.transactions, f.transactions),
    ] {
        if count >= threshold {
            alerts.push(FraudAlert { signal, device_id: None, count, threshold });
        }
    }
    Ok(FraudReport { alert: !alerts.is_empty(), alerts, policy_fingerprint: policy.fingerprint().to_string() })
}

/// Throttle limits (overloaded when strictly over).
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LoadPolicy {
    /// Concurrent WebRTC sessions (10 000).
    pub max_webrtc_sessions: u64,
    /// Payments per minute (100).
    pub max_payments_per_minute: u64,
    /// Safety tickets per 5 minutes (500).
    pub max_safety_tickets_per_5min: u64,
}

impl Default for LoadPolicy {
    fn default() -> Self {
        LoadPolicy { max_webrtc_sessions: 10_000, max_payments_per_minute: 100, max_safety_tickets_per_5min: 500 }
    }
}

/// Current load.
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct LoadMetrics {
    /// Concurrent WebRTC sessions.
    pub webrtc_sessions: u64,
    /// Payments in the last minute.
    pub payments_per_minute: u64,
    /// Safety tickets in the last 5 minutes.
    pub safety_tickets_per_5min: u64,
}

/// A throttle metric.
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum LoadMetric {
    /// Concurrent WebRTC sessions.
    #[serde(rename = "webrtc_sessions")]
    WebrtcSessions,
    /// Payments per minute.
    #[serde(rename = "payments_per_minute")]
    PaymentsPerMinute,
    /// Safety tickets per 5 minutes.
    #[serde(rename = "safety_tickets_per_5min")]
    SafetyTicketsPer5Min,
}

/// A metric over its limit.
#[cfg_attr(feature = "wasm", derive(tsify::Tsify), tsify(missing_as_null))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct LoadOver {
    /// Which metric.
    pub metric: LoadMetric,
    /// Its value.
    pub value: u64,
    /// Its limit (overloaded when `value > limit`).
    pub limit: u64,
}

/// The throttle's verdict.
#[cfg_attr(feature = "wasm", derive(tsify::Tsify), tsify(missing_as_null))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct LoadReport {
    /// Whether any metric is over its limit.
    pub overloaded: bool,
    /// The metrics over their limit, in the spec's order.
    pub over: Vec<LoadOver>,
}

/// Checks the infrastructure throttle (SPEC §8.3). No fingerprint: a per-request hot path.
pub fn check_load(policy: &Policy, m: &LoadMetrics) -> LoadReport {
    let l = &policy.risk.load;
    let over: Vec<LoadOver> = [
        (LoadMetric::WebrtcSessions, m.webrtc_sessions, l.max_webrtc_sessions),
        (LoadMetric::PaymentsPerMinute, m.payments_per_minute, l.max_payments_per_minute),
        (LoadMetric::SafetyTicketsPer5Min, m.safety_tickets_per_5min, l.max_safety_tickets_per_5min),
    ]
    .into_iter()
    .filter(|(_, value, limit)| value > limit)
    .map(|(metric, value, limit)| LoadOver { metric, value, limit })
    .collect();
    LoadReport { overloaded: !over.is_empty(), over }
}

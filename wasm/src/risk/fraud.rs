//! Fraud shield (SPEC §8.2) and infrastructure throttle (SPEC §8.3).

use crate::convert::{from_js, to_js, JsResult};
use crate::Policy;
use avalo_core::risk as rules;
use serde::{Deserialize, Serialize};
use tsify::{Ts, Tsify};
use wasm_bindgen::prelude::*;

/// Accounts created from one device in the window.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Tsify)]
pub struct DeviceAccounts {
    /// The device identifier.
    pub device_id: String,
    /// Accounts created from it.
    pub accounts: u64,
}

impl From<DeviceAccounts> for rules::DeviceAccounts {
    fn from(v: DeviceAccounts) -> Self {
        let DeviceAccounts { device_id, accounts } = v;
        rules::DeviceAccounts { device_id, accounts }
    }
}

/// Counts over one fraud window.
#[derive(Debug, Clone, PartialEq, Eq, Default, Deserialize, Tsify)]
pub struct FraudWindow {
    /// Accounts per device.
    #[serde(default)]
    #[tsify(optional)]
    pub device_accounts: Vec<DeviceAccounts>,
    /// Creator registrations.
    pub creator_registrations: u64,
    /// Payment transactions.
    pub transactions: u64,
}

impl From<FraudWindow> for rules::FraudWindow {
    fn from(v: FraudWindow) -> Self {
        let FraudWindow { device_accounts, creator_registrations, transactions } = v;
        rules::FraudWindow {
            device_accounts: device_accounts.into_iter().map(Into::into).collect(),
            creator_registrations,
            transactions,
        }
    }
}

/// The fraud signals of SPEC §8.2.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Tsify)]
#[serde(rename_all = "snake_case")]
pub enum FraudSignal {
    /// Many accounts from one device.
    DeviceFarming,
    /// Many creator registrations.
    CreatorRing,
    /// Many transactions.
    PaymentBurst,
}

impl From<rules::FraudSignal> for FraudSignal {
    fn from(v: rules::FraudSignal) -> Self {
        match v {
            rules::FraudSignal::DeviceFarming => FraudSignal::DeviceFarming,
            rules::FraudSignal::CreatorRing => FraudSignal::CreatorRing,
            rules::FraudSignal::PaymentBurst => FraudSignal::PaymentBurst,
        }
    }
}

/// One alert.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Tsify)]
#[tsify(missing_as_null)]
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

impl From<rules::FraudAlert> for FraudAlert {
    fn from(v: rules::FraudAlert) -> Self {
        let rules::FraudAlert { signal, device_id, count, threshold } = v;
        FraudAlert { signal: signal.into(), device_id, count, threshold }
    }
}

/// The fraud shield's verdict on one window.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Tsify)]
#[tsify(missing_as_null)]
pub struct FraudReport {
    /// Whether any alert fired.
    pub alert: bool,
    /// The alerts: devices in input order, then creator ring, then payment burst.
    pub alerts: Vec<FraudAlert>,
    /// Fingerprint of the policy.
    pub policy_fingerprint: String,
}

impl From<rules::FraudReport> for FraudReport {
    fn from(v: rules::FraudReport) -> Self {
        let rules::FraudReport { alert, alerts, policy_fingerprint } = v;
        FraudReport { alert, alerts: alerts.into_iter().map(Into::into).collect(), policy_fingerprint }
    }
}

/// Current load.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize, Tsify)]
pub struct LoadMetrics {
    /// Concurrent WebRTC sessions.
    pub webrtc_sessions: u64,
    /// Payments in the last minute.
    pub payments_per_minute: u64,
    /// Safety tickets in the last 5 minutes.
    pub safety_tickets_per_5min: u64,
}

impl From<LoadMetrics> for rules::LoadMetrics {
    fn from(v: LoadMetrics) -> Self {
        let LoadMetrics { webrtc_sessions, payments_per_minute, safety_tickets_per_5min } = v;
        rules::LoadMetrics { webrtc_sessions, payments_per_minute, safety_tickets_per_5min }
    }
}

/// A throttle metric.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Tsify)]
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

impl From<rules::LoadMetric> for LoadMetric {
    fn from(v: rules::LoadMetric) -> Self {
        match v {
            rules::LoadMetric::WebrtcSessions => LoadMetric::WebrtcSessions,
            rules::LoadMetric::PaymentsPerMinute => LoadMetric::PaymentsPerMinute,
            rules::LoadMetric::SafetyTicketsPer5Min => LoadMetric::SafetyTicketsPer5Min,
        }
    }
}

/// A metric over its limit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Tsify)]
#[tsify(missing_as_null)]
pub struct LoadOver {
    /// Which metric.
    pub metric: LoadMetric,
    /// Its value.
    pub value: u64,
    /// Its limit (overloaded when `value > limit`).
    pub limit: u64,
}

impl From<rules::LoadOver> for LoadOver {
    fn from(v: rules::LoadOver) -> Self {
        let rules::LoadOver { metric, value, limit } = v;
        LoadOver { metric: metric.into(), value, limit }
    }
}

/// The throttle's verdict.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Tsify)]
#[tsify(missing_as_null)]
pub struct LoadReport {
    /// Whether any metric is over its limit.
    pub overloaded: bool,
    /// The metrics over their limit, in the spec's order.
    pub over: Vec<LoadOver>,
}

impl From<rules::LoadReport> for LoadReport {
    fn from(v: rules::LoadReport) -> Self {
        let rules::LoadReport { overloaded, over } = v;
        LoadReport { overloaded, over: over.into_iter().map(Into::into).collect() }
    }
}

/// Runs the fraud shield over one 5-minute window (SPEC §8.2). A device listed twice is
/// `INVALID_INPUT`.
#[wasm_bindgen(js_name = fraudShield)]
pub fn fraud_shield(policy: &Policy, window: Ts<FraudWindow>) -> JsResult<Ts<FraudReport>> {
    let r = rules::fraud_shield(policy.core(), &from_js(&window)?.into())?;
    Ok(to_js(&FraudReport::from(r))?)
}

/// Checks the infrastructure throttle (SPEC §8.3): overloaded when any metric is over its
/// limit; names each one.
#[wasm_bindgen(js_name = checkLoad)]
pub fn check_load(policy: &Policy, metrics: Ts<LoadMetrics>) -> JsResult<Ts<LoadReport>> {
    let r = rules::check_load(policy.core(), &from_js(&metrics)?.into());
    Ok(to_js(&LoadReport::from(r))?)
}

#[cfg(test)]
mod tests {
    use super::*;
    use avalo_core::Policy as CorePolicy;
    use serde_json::Value;

    use crate::test_support::same;

    /// The inputs of every `risk.json` vector case of one operation.
    fn inputs(op: &str) -> Vec<Value> {
        crate::test_support::vector_inputs(include_str!("../../../tests/vectors/risk.json"), op)
    }

    /// Every vector input decodes through the mirror into exactly the core value, and every
    /// result mirrors the core's wire format.
    #[test]
    fn mirrors_have_the_core_wire_format() {
        let p = CorePolicy::default();
        for i in inputs("fraud_shield") {
            let mirror: FraudWindow = serde_json::from_value(i.clone()).unwrap();
            let core: rules::FraudWindow = serde_json::from_value(i).unwrap();
            assert_eq!(rules::FraudWindow::from(mirror), core);
            if let Ok(r) = rules::fraud_shield(&p, &core) {
                same(FraudReport::from(r.clone()), r);
            }
        }
        for i in inputs("check_load") {
            let mirror: LoadMetrics = serde_json::from_value(i.clone()).unwrap();
            let core: rules::LoadMetrics = serde_json::from_value(i).unwrap();
            assert_eq!(rules::LoadMetrics::from(mirror), core);
            let r = rules::check_load(&p, &core);
            same(LoadReport::from(r.clone()), r);
        }
    }
}

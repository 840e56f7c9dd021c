//! The signals each kind of result raises (SPEC §15.1).
//!
//! [`OpsResult`] names the result (health, alerts, region risk, fraud shield, load, rate
//! limiter, country caps, ledger check, release gate, secrets, host events); [`signals_of`] turns
//! it into the [`IncidentSignal`]s it raises, which [`crate::ops::severity`] maps to severities.
//!
//! Thresholds (policy data): the rate limiter raises `limiter_violations` when violations in one
//! hour are `> limiter_violations_per_hour` (1 000, strict, "more than"); a country counter raises
//! `country_cap_near_limit` when `count × 10 000 ≥ cap × cap_warning_bp` (8 000 = 80 %).
//!
//! Choices where the spec is silent: a cap of 0 raises nothing (a kind switched off on purpose);
//! a release gate raises `release_roll_back` on roll back and `release_compliance_hold` on a
//! compliance hold, nothing otherwise; a secret raises `secret_overdue` / `secret_due_soon`.

use crate::ops::release::{HoldReason, ReleaseAction, ReleaseDecision};
use crate::ops::secrets::{SecretState, SecretStatus};
use crate::ops::IncidentSignal;
use crate::policy::Policy;
use crate::risk::{
    AlertKind, AlertReport, FraudReport, FraudSignal, HealthReport, HealthStatus, LoadReport, RegionRisk, RiskLevel,
};
use serde::{Deserialize, Serialize};

/// A host-reported event (§15.1's last row).
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[serde(rename_all = "snake_case")]
pub enum HostEvent {
    /// Data was lost.
    DataLoss,
    /// A security breach.
    SecurityBreach,
    /// A backup of a critical collection (seed 001) failed.
    CriticalBackupFailed,
    /// Another backup failed.
    BackupFailed,
}

/// One result to triage, by source. `From` conversions exist for the library's own reports.
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[serde(tag = "source", rename_all = "snake_case")]
pub enum OpsResult {
    /// Component health (§8.5).
    Health {
        /// The overall status.
        overall: HealthStatus,
    },
    /// Alert thresholds (§8.5).
    Alerts {
        /// The alerts that fired.
        alerts: Vec<AlertKind>,
    },
    /// Region risk (§8.1).
    RegionRisk {
        /// The level.
        level: RiskLevel,
    },
    /// Fraud shield (§8.2).
    FraudShield {
        /// The signals that fired (repeats allowed: one per device).
        signals: Vec<FraudSignal>,
    },
    /// Infrastructure throttle (§8.3).
    Load {
        /// Whether overloaded.
        overloaded: bool,
    },
    /// Rate limiter (§6).
    RateLimiter {
        /// Whether the limiter's store is failing (§6.3).
        #[serde(default)]
        store_failing: bool,
        /// Violations (refused requests) in the last hour.
        #[serde(default)]
        violations_last_hour: u64,
    },
    /// A country's daily counter (§7.2).
    CountryCap {
        /// Today's count.
        count: u64,
        /// Its cap.
        cap: u64,
    },
    /// Ledger check (§12.5).
    LedgerCheck {
        /// Number of findings.
        findings: u64,
    },
    /// Release gate (§15.3).
    ReleaseGate {
        /// The action.
        action: ReleaseAction,
        /// The hold reason, if holding.
        #[serde(default)]
        hold_reason: Option<HoldReason>,
    },
    /// Secret rotation (§15.4).
    Secret {
        /// Where the secret stands.
        state: SecretState,
    },
    /// A host event.
    HostEvent {
        /// What happened.
        event: HostEvent,
    },
}

impl From<&HealthReport> for OpsResult {
    fn from(r: &HealthReport) -> Self {
        OpsResult::Health { overall: r.overall }
    }
}
impl From<&AlertReport> for OpsResult {
    fn from(r: &AlertReport) -> Self {
        OpsResult::Alerts { alerts: r.alerts.iter().map(|a| a.kind).collect() }
    }
}
impl From<&RegionRisk> for OpsResult {
    fn from(r: &RegionRisk) -> Self {
        OpsResult::RegionRisk { level: r.level }
    }
}
impl From<&FraudReport> for OpsResult {
    fn from(r: &FraudReport) -> Self {
        OpsResult::FraudShield { signals: r.alerts.iter().map(|a| a.signal).collect() }
    }
}
impl From<&LoadReport> for OpsResult {
    fn from(r: &LoadReport) -> Self {
        OpsResult::Load { overloaded: r.overloaded }
    }
}
impl From<&ReleaseDecision> for OpsResult {
    fn from(r: &ReleaseDecision) -> Self {
        OpsResult::ReleaseGate { action: r.action, hold_reason: r.hold_reason }
    }
}
impl From<&SecretStatus> for OpsResult {
    fn from(r: &SecretStatus) -> Self {
        OpsResult::Secret { state: r.state }
    }
}

/// The signals a result raises, without repeats, in the table's order.
#[must_use]
pub fn signals_of(policy: &Policy, result: &OpsResult) -> Vec<IncidentSignal> {
    use IncidentSignal as S;
    let o = &policy.ops;
    let mut out: Vec<IncidentSignal> = Vec::new();
    match result {
        OpsResult::Health { overall } => match overall {
            HealthStatus::Down => out.push(S::HealthDown),
            HealthStatus::Degraded => out.push(S::HealthDegraded),
            HealthStatus::Healthy => {}
        },
        OpsResult::Alerts { alerts } => out.extend(alerts.iter().map(|a| match a {
            AlertKind::PaymentFailureRate => S::AlertPaymentFailureRate,
            AlertKind::ErrorRate => S::AlertErrorRate,
            AlertKind::CrashFreeSessions => S::AlertCrashFreeSessions,
            AlertKind::TokenSpendSpike => S::AlertTokenSpendSpike,
        })),
        OpsResult::RegionRisk { level } => match level {
            RiskLevel::Critical => out.push(S::RegionRiskCritical),
            RiskLevel::High => out.push(S::RegionRiskHigh),
            RiskLevel::Low | RiskLevel::Medium => {}
        },
        OpsResult::FraudShield { signals } => out.extend(signals.iter().map(|s| match s {
            FraudSignal::CreatorRing => S::FraudCreatorRing,
            FraudSignal::PaymentBurst => S::FraudPaymentBurst,
            FraudSignal::DeviceFarming => S::FraudDeviceFarming,
        })),
        OpsResult::Load { overloaded } => {
            if *overloaded {
                out.push(S::LoadOverloaded);
            }
        }
        OpsResult::RateLimiter { store_failing, violations_last_hour } => {
            if *store_failing {
                out.push(S::LimiterStoreFailing);
            }
            if *violations_last_hour > o.limiter_violations_per_hour {
                out.push(S::LimiterViolations);
            }
        }
        OpsResult::CountryCap { count, cap } => {
            if *cap > 0 && u128::from(*count) * 10_000 >= u128::from(*cap) * u128::from(o.cap_warning_bp) {
                out.push(S::CountryCapNearLimit);
            }
        }
        OpsResult::LedgerCheck { findings } => {
            if *findings > 0 {
                out.push(S::LedgerFinding);
            }
        }
        OpsResult::ReleaseGate { action, hold_reason } => match (action, hold_reason) {
            (ReleaseAction::RollBack, _) => out.push(S::ReleaseRollBack),
            (ReleaseAction::Hold, Some(HoldReason::ComplianceGate)) => out.push(S::ReleaseComplianceHold),
            _ => {}
        },
        OpsResult::Secret { state } => match state {
            SecretState::Overdue => out.push(S::SecretOverdue),
            SecretState::DueSoon => out.push(S::SecretDueSoon),
            SecretState::Current => {}
        },
        OpsResult::HostEvent { event } => out.push(match event {
            HostEvent::DataLoss => S::HostDataLoss,
            HostEvent::SecurityBreach => S::HostSecurityBreach,
            HostEvent::CriticalBackupFailed => S::HostCriticalBackupFailed,
            HostEvent::BackupFailed => S::HostBackupFailed,
        }),
    }
    out.sort_unstable();
    out.dedup();
    out
}

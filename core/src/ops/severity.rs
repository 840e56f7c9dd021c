//! Incident severity (SPEC §15.1): one table from every kind of result the library produces to
//! a severity, P0 (worst) to P3.
//!
//! [`OpsResult`] names the result (health, alerts, region risk, fraud shield, load, rate
//! limiter, country caps, ledger check, release gate, secrets, host events); [`signals_of`] turns
//! it into the [`IncidentSignal`]s it raises, and the policy's `severities` table (one row per
//! signal) gives each its severity. [`triage`] returns them with the incident's severity (the
//! highest) and its route (§15.1 routing, [`crate::ops::route`]).
//!
//! Thresholds (policy data): the rate limiter raises `limiter_violations` when violations in one
//! hour are `> limiter_violations_per_hour` (1 000, strict, "more than"); a country counter raises
//! `country_cap_near_limit` when `count × 10 000 ≥ cap × cap_warning_bp` (8 000 = 80 %).
//!
//! Choices where the spec is silent: a cap of 0 raises nothing (a kind switched off on purpose);
//! a release gate raises `release_roll_back` on roll back and `release_compliance_hold` on a
//! compliance hold, nothing otherwise; a secret raises `secret_overdue` / `secret_due_soon`.

use crate::error::Result;
use crate::ops::release::{HoldReason, ReleaseAction, ReleaseDecision};
use crate::ops::routing::{route, Route};
use crate::ops::secrets::{SecretState, SecretStatus};
use crate::policy::Policy;
use crate::risk::{
    AlertKind, AlertReport, FraudReport, FraudSignal, HealthReport, HealthStatus, LoadReport, RegionRisk, RiskLevel,
};
use serde::{Deserialize, Serialize};

/// Incident severity, P0 (worst) to P3. Ordered worst first: the minimum is the highest.
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// Critical: page now.
    P0,
    /// High.
    P1,
    /// Medium.
    P2,
    /// Low: a ticket.
    P3,
}

/// A signal that raises an incident: one row of the §15.1 table.
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[serde(rename_all = "snake_case")]
pub enum IncidentSignal {
    /// Health overall DOWN (P0).
    HealthDown,
    /// Health overall DEGRADED (P1).
    HealthDegraded,
    /// Payment failure rate alert (P0).
    AlertPaymentFailureRate,
    /// Error rate alert (P1).
    AlertErrorRate,
    /// Crash-free sessions alert (P1).
    AlertCrashFreeSessions,
    /// Token spend spike alert (P1).
    AlertTokenSpendSpike,
    /// Region risk CRITICAL (P0).
    RegionRiskCritical,
    /// Region risk HIGH (P2).
    RegionRiskHigh,
    /// Fraud: creator ring (P0).
    FraudCreatorRing,
    /// Fraud: payment burst (P0).
    FraudPaymentBurst,
    /// Fraud: device farming (P2).
    FraudDeviceFarming,
    /// Load: overloaded (P0).
    LoadOverloaded,
    /// Rate limiter store failing (P1).
    LimiterStoreFailing,
    /// More than the threshold of limiter violations in one hour (P2).
    LimiterViolations,
    /// A country counter at or above the warning share of its cap (P3).
    CountryCapNearLimit,
    /// A ledger check finding (P0).
    LedgerFinding,
    /// Release gate rolled back (P1).
    ReleaseRollBack,
    /// Release gate held on a compliance gate (P2).
    ReleaseComplianceHold,
    /// Secret overdue (P2).
    SecretOverdue,
    /// Secret due soon (P3).
    SecretDueSoon,
    /// Host event: data loss (P0).
    HostDataLoss,
    /// Host event: security breach (P0).
    HostSecurityBreach,
    /// Host event: a critical collection's backup failed (P0).
    HostCriticalBackupFailed,
    /// Host event: another backup failed (P1).
    HostBackupFailed,
}

impl IncidentSignal {
    /// Every signal, in the table's order.
    pub const ALL: [IncidentSignal; 24] = [
        IncidentSignal::HealthDown,
        IncidentSignal::HealthDegraded,
        IncidentSignal::AlertPaymentFailureRate,
        IncidentSignal::AlertErrorRate,
        IncidentSignal::AlertCrashFreeSessions,
        IncidentSignal::AlertTokenSpendSpike,
        IncidentSignal::RegionRiskCritical,
        IncidentSignal::RegionRiskHigh,
        IncidentSignal::FraudCreatorRing,
        IncidentSignal::FraudPaymentBurst,
        IncidentSignal::FraudDeviceFarming,
        IncidentSignal::LoadOverloaded,
        IncidentSignal::LimiterStoreFailing,
        IncidentSignal::LimiterViolations,
        IncidentSignal::CountryCapNearLimit,
        IncidentSignal::LedgerFinding,
        IncidentSignal::ReleaseRollBack,
        IncidentSignal::ReleaseComplianceHold,
        IncidentSignal::SecretOverdue,
        IncidentSignal::SecretDueSoon,
        IncidentSignal::HostDataLoss,
        IncidentSignal::HostSecurityBreach,
        IncidentSignal::HostCriticalBackupFailed,
        IncidentSignal::HostBackupFailed,
    ];

    /// The SPEC §15.1 default severity of this signal.
    pub const fn default_severity(self) -> Severity {
        use IncidentSignal as S;
        match self {
            S::HealthDown
            | S::AlertPaymentFailureRate
            | S::RegionRiskCritical
            | S::FraudCreatorRing
            | S::FraudPaymentBurst
            | S::LoadOverloaded
            | S::LedgerFinding
            | S::HostDataLoss
            | S::HostSecurityBreach
            | S::HostCriticalBackupFailed => Severity::P0,
            S::HealthDegraded
            | S::AlertErrorRate
            | S::AlertCrashFreeSessions
            | S::AlertTokenSpendSpike
            | S::LimiterStoreFailing
            | S::ReleaseRollBack
            | S::HostBackupFailed => Severity::P1,
            S::RegionRiskHigh
            | S::FraudDeviceFarming
            | S::LimiterViolations
            | S::ReleaseComplianceHold
            | S::SecretOverdue => Severity::P2,
            S::CountryCapNearLimit | S::SecretDueSoon => Severity::P3,
        }
    }
}

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

/// The policy's severity of a signal.
pub fn severity_of(policy: &Policy, signal: IncidentSignal) -> Severity {
    policy.ops.severities.get(&signal).copied().unwrap_or_else(|| signal.default_severity())
}

/// The highest severity among an incident's alerts (`None` for none).
pub fn incident_severity(severities: &[Severity]) -> Option<Severity> {
    severities.iter().copied().min()
}

/// One raised signal with its severity.
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Incident {
    /// The signal.
    pub signal: IncidentSignal,
    /// Its severity.
    pub severity: Severity,
}

/// The triage of one result.
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Triage {
    /// The signals raised, in the table's order.
    pub incidents: Vec<Incident>,
    /// The incident's severity: the highest of its signals (`None` when nothing is raised).
    pub severity: Option<Severity>,
    /// Where to send it and by when it must be acknowledged (`None` when nothing is raised).
    pub route: Option<Route>,
    /// Fingerprint of the policy.
    pub policy_fingerprint: String,
}

/// Triages one result raised at `raised_at_ms` (SPEC §15.1).
pub fn triage(policy: &Policy, result: &OpsResult, raised_at_ms: i64) -> Result<Triage> {
    let incidents: Vec<Incident> = signals_of(policy, result)
        .into_iter()
        .map(|signal| Incident { signal, severity: severity_of(policy, signal) })
        .collect();
    let severity = incidents.iter().map(|i| i.severity).min();
    let route = severity.map(|s| route(policy, s, raised_at_ms)).transpose()?;
    Ok(Triage { incidents, severity, route, policy_fingerprint: policy.fingerprint().to_string() })
}

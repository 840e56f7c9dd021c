//! Incident severity (SPEC §15.1): one table from every kind of result the library produces to
//! a severity, P0 (worst) to P3.
//!
//! [`crate::ops::signals`] turns a result into the [`IncidentSignal`]s it raises; the policy's
//! `severities` table (one row per signal) gives each its severity. [`triage`] returns them with
//! the incident's severity (the highest) and its route (§15.1 routing, [`crate::ops::route`]).

use crate::error::Result;
use crate::ops::routing::{route, Route};
use crate::ops::signals::{signals_of, OpsResult};
use crate::policy::Policy;
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
#[cfg_attr(feature = "wasm", derive(tsify::Tsify), tsify(missing_as_null))]
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

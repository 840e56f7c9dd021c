//! Region risk, fraud shield, load control, campaigns, health and launch readiness (SPEC §8).
//!
//! Submodules: [`region`] (§8.1 region risk score), [`fraud`] (§8.2 fraud shield, §8.3
//! infrastructure throttle), [`campaign`] (§8.4), [`health`] (§8.5 component health, launch
//! readiness, alert thresholds). Every threshold is policy data in [`RiskPolicy`]; every rate is
//! compared in integers (`a × 10 000 < b × threshold_bp`), never in floating point, so every
//! language agrees to the unit.

pub mod campaign;
pub mod fraud;
pub mod health;
pub mod region;

pub use campaign::{campaign_metrics, Campaign, CampaignPolicy, CampaignReport};
pub use fraud::{
    check_load, fraud_shield, DeviceAccounts, FraudAlert, FraudPolicy, FraudReport, FraudSignal, FraudWindow,
    LoadMetric, LoadMetrics, LoadOver, LoadPolicy, LoadReport,
};
pub use health::{
    check_alerts, component_health, launch_readiness, AlertKind, AlertMetrics, AlertPolicy, AlertReport,
    ComponentCheck, ComponentStatus, HealthCheckOutcome, HealthPolicy, HealthReport, HealthStatus, MetricAlert,
    ReadinessCheck, ReadinessReport, ReadinessStatus,
};
pub use region::{
    region_risk, AboveTier, BelowTier, RateTier, RegionMetrics, RegionRisk, RegionRiskPolicy, RiskBreakdown, RiskLevel,
};

use crate::money::Currency;
use crate::policy::PolicyProblem;
use serde::{Deserialize, Serialize};

/// Risk section of the policy (SPEC §8).
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RiskPolicy {
    /// Currency that revenue inputs are reported in, as integer minor units (USD). The revenue
    /// thresholds here and in `rollout.progression` are minor units of this currency.
    pub reporting_currency: Currency,
    /// Region risk score (§8.1).
    pub region: RegionRiskPolicy,
    /// Fraud shield (§8.2).
    pub fraud: FraudPolicy,
    /// Infrastructure throttle (§8.3).
    pub load: LoadPolicy,
    /// Campaigns (§8.4).
    pub campaign: CampaignPolicy,
    /// Component health (§8.5).
    pub health: HealthPolicy,
    /// Alert thresholds (§8.5).
    pub alerts: AlertPolicy,
}

impl Default for RiskPolicy {
    fn default() -> Self {
        RiskPolicy {
            reporting_currency: Currency::USD,
            region: RegionRiskPolicy::default(),
            fraud: FraudPolicy::default(),
            load: LoadPolicy::default(),
            campaign: CampaignPolicy::default(),
            health: HealthPolicy::default(),
            alerts: AlertPolicy::default(),
        }
    }
}

impl RiskPolicy {
    pub(crate) fn validate(&self, path: &str, p: &mut Vec<PolicyProblem>) {
        self.region.validate(&format!("{path}.region"), p);
        self.fraud.validate(&format!("{path}.fraud"), p);
        self.alerts.validate(&format!("{path}.alerts"), p);
        crate::policy::check(
            self.health.degraded_after_ms <= crate::policy::bounds::MAX_DEGRADED_AFTER_MS,
            p,
            format!("{path}.health.degraded_after_ms"),
            "must be <= 3600000",
        );
    }
}

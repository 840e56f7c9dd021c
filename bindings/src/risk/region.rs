//! Region risk score (SPEC §8.1): points per factor, level, pause recommendation.

use crate::error::{guard, AvaloError};
use crate::policy::Policy;
use avalo_core::risk as core;

/// One region's metrics over one window (normally 24 h).
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Record)]
pub struct RegionMetrics {
    /// Support tickets.
    pub support_tickets: u64,
    /// Safety incidents.
    pub safety_incidents: u64,
    /// Revenue, minor units of the reporting currency (USD cents by default).
    pub revenue_minor: u64,
    /// Installs.
    pub installs: u64,
    /// Verified users among those installs.
    pub verified: u64,
}

impl From<RegionMetrics> for core::RegionMetrics {
    fn from(v: RegionMetrics) -> Self {
        let RegionMetrics { support_tickets, safety_incidents, revenue_minor, installs, verified } = v;
        core::RegionMetrics { support_tickets, safety_incidents, revenue_minor, installs, verified }
    }
}

/// Risk level of a region.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, uniffi::Enum)]
pub enum RiskLevel {
    /// 0–2 points.
    Low,
    /// 3–4 points.
    Medium,
    /// 5–6 points.
    High,
    /// 7 or more points: pause the region.
    Critical,
}

impl From<core::RiskLevel> for RiskLevel {
    fn from(v: core::RiskLevel) -> Self {
        match v {
            core::RiskLevel::Low => RiskLevel::Low,
            core::RiskLevel::Medium => RiskLevel::Medium,
            core::RiskLevel::High => RiskLevel::High,
            core::RiskLevel::Critical => RiskLevel::Critical,
        }
    }
}

/// Points per factor.
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Record)]
pub struct RiskBreakdown {
    /// Points from support tickets.
    pub support_tickets: u32,
    /// Points from safety incidents.
    pub safety_incidents: u32,
    /// Points from revenue.
    pub revenue: u32,
    /// Points from the verification rate.
    pub verification_rate: u32,
}

impl From<core::RiskBreakdown> for RiskBreakdown {
    fn from(v: core::RiskBreakdown) -> Self {
        let core::RiskBreakdown { support_tickets, safety_incidents, revenue, verification_rate } = v;
        RiskBreakdown { support_tickets, safety_incidents, revenue, verification_rate }
    }
}

/// A region's risk.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct RegionRisk {
    /// Total points.
    pub score: u32,
    /// Highest possible score under this policy (9).
    pub max_score: u32,
    /// Level of the score.
    pub level: RiskLevel,
    /// Points of each factor, so a dashboard can show why.
    pub breakdown: RiskBreakdown,
    /// Verification rate in basis points, floored (display only; scoring is exact).
    pub verification_rate_bp: u32,
    /// Whether pausing the region is recommended (CRITICAL).
    pub pause_recommended: bool,
    /// Fingerprint of the policy.
    pub policy_fingerprint: String,
}

impl From<core::RegionRisk> for RegionRisk {
    fn from(v: core::RegionRisk) -> Self {
        let core::RegionRisk {
            score,
            max_score,
            level,
            breakdown,
            verification_rate_bp,
            pause_recommended,
            policy_fingerprint,
        } = v;
        RegionRisk {
            score,
            max_score,
            level: level.into(),
            breakdown: breakdown.into(),
            verification_rate_bp,
            pause_recommended,
            policy_fingerprint,
        }
    }
}

/// Scores one region (SPEC §8.1): points per factor, level, and whether to pause it.
/// `verified` above `installs` is `INVALID_INPUT`.
#[uniffi::export]
pub fn region_risk(policy: &Policy, metrics: RegionMetrics) -> Result<RegionRisk, AvaloError> {
    guard(|| Ok(core::region_risk(policy.core(), &metrics.into())?.into()))
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::indexing_slicing)]
mod tests {
    use super::*;

    #[test]
    fn calls_reach_the_core() {
        let p = Policy::from(avalo_core::Policy::default());
        let m =
            RegionMetrics { support_tickets: 101, safety_incidents: 51, revenue_minor: 0, installs: 0, verified: 0 };
        let r = region_risk(&p, m).unwrap();
        assert_eq!((r.score, r.level, r.pause_recommended), (9, RiskLevel::Critical, true));
    }
}

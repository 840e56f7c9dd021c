//! Region risk score (SPEC §8.1): points per factor, level, pause recommendation.

use crate::convert::{from_js, to_js, JsResult};
use crate::Policy;
use avalo_core::risk as rules;
use serde::{Deserialize, Serialize};
use tsify::{Ts, Tsify};
use wasm_bindgen::prelude::*;

/// One region's metrics over one window (normally 24 h).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize, Tsify)]
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

impl From<RegionMetrics> for rules::RegionMetrics {
    fn from(v: RegionMetrics) -> Self {
        let RegionMetrics { support_tickets, safety_incidents, revenue_minor, installs, verified } = v;
        rules::RegionMetrics { support_tickets, safety_incidents, revenue_minor, installs, verified }
    }
}

/// Risk level of a region.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Tsify)]
#[serde(rename_all = "snake_case")]
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

impl From<rules::RiskLevel> for RiskLevel {
    fn from(v: rules::RiskLevel) -> Self {
        match v {
            rules::RiskLevel::Low => RiskLevel::Low,
            rules::RiskLevel::Medium => RiskLevel::Medium,
            rules::RiskLevel::High => RiskLevel::High,
            rules::RiskLevel::Critical => RiskLevel::Critical,
        }
    }
}

/// Points per factor.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Tsify)]
#[tsify(missing_as_null)]
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

impl From<rules::RiskBreakdown> for RiskBreakdown {
    fn from(v: rules::RiskBreakdown) -> Self {
        let rules::RiskBreakdown { support_tickets, safety_incidents, revenue, verification_rate } = v;
        RiskBreakdown { support_tickets, safety_incidents, revenue, verification_rate }
    }
}

/// A region's risk.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Tsify)]
#[tsify(missing_as_null)]
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

impl From<rules::RegionRisk> for RegionRisk {
    fn from(v: rules::RegionRisk) -> Self {
        let rules::RegionRisk {
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
#[wasm_bindgen(js_name = regionRisk)]
pub fn region_risk(policy: &Policy, metrics: Ts<RegionMetrics>) -> JsResult<Ts<RegionRisk>> {
    let r = rules::region_risk(policy.core(), &from_js(&metrics)?.into())?;
    Ok(to_js(&RegionRisk::from(r))?)
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
        for i in inputs("region_risk") {
            let mirror: RegionMetrics = serde_json::from_value(i.clone()).unwrap();
            let core: rules::RegionMetrics = serde_json::from_value(i).unwrap();
            assert_eq!(rules::RegionMetrics::from(mirror), core);
            if let Ok(r) = rules::region_risk(&p, &core) {
                same(RegionRisk::from(r.clone()), r);
            }
        }
    }
}

//! Region risk score (SPEC §8.1).
//!
//! Four factors, each scoring the points of its highest matching row (all comparisons strict):
//! support tickets above 100 / 50, safety incidents above 50 / 20 / 10, revenue (minor units of
//! the reporting currency) below 1 000.00 / 5 000.00, verification rate below 0.30 / 0.50. The
//! verification rate is `verified ÷ installs`, 0 with no installs, and is compared exactly in
//! integers (`verified × 10 000 < installs × 3 000`, the same as `verified × 100 < installs × 30`).
//! Levels: 0–2 low, 3–4 medium, 5–6 high, 7 or more critical (maximum 9); critical carries the
//! recommendation to pause the region. `verified` above `installs` is `INVALID_INPUT`.

use crate::error::{Error, Result};
use crate::policy::{check, Policy, PolicyProblem};
use serde::{Deserialize, Serialize};

/// A row scoring `points` when the value is strictly above `above`.
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AboveTier {
    /// Threshold (exclusive).
    pub above: u64,
    /// Points when exceeded.
    pub points: u32,
}

/// A row scoring `points` when the value is strictly below `below`.
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BelowTier {
    /// Threshold (exclusive).
    pub below: u64,
    /// Points when under.
    pub points: u32,
}

/// A row scoring `points` when a rate is strictly below `below_bp` basis points.
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RateTier {
    /// Threshold, basis points (exclusive).
    pub below_bp: u32,
    /// Points when under.
    pub points: u32,
}

/// Region risk rows and level bounds.
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RegionRiskPolicy {
    /// Support tickets: > 100 → 2, > 50 → 1.
    pub support_tickets: Vec<AboveTier>,
    /// Safety incidents: > 50 → 3, > 20 → 2, > 10 → 1.
    pub safety_incidents: Vec<AboveTier>,
    /// Revenue, minor units: < 100 000 → 2, < 500 000 → 1.
    pub revenue_minor: Vec<BelowTier>,
    /// Verification rate: < 3 000 bp → 2, < 5 000 bp → 1.
    pub verification_rate: Vec<RateTier>,
    /// Lowest score that is MEDIUM (3).
    pub medium_from: u32,
    /// Lowest score that is HIGH (5).
    pub high_from: u32,
    /// Lowest score that is CRITICAL (7).
    pub critical_from: u32,
}

impl Default for RegionRiskPolicy {
    fn default() -> Self {
        let above = |above, points| AboveTier { above, points };
        RegionRiskPolicy {
            support_tickets: vec![above(100, 2), above(50, 1)],
            safety_incidents: vec![above(50, 3), above(20, 2), above(10, 1)],
            revenue_minor: vec![BelowTier { below: 100_000, points: 2 }, BelowTier { below: 500_000, points: 1 }],
            verification_rate: vec![RateTier { below_bp: 3_000, points: 2 }, RateTier { below_bp: 5_000, points: 1 }],
            medium_from: 3,
            high_from: 5,
            critical_from: 7,
        }
    }
}

impl RegionRiskPolicy {
    pub(crate) fn validate(&self, path: &str, p: &mut Vec<PolicyProblem>) {
        // Monotone rows: a stricter threshold never scores fewer points (so risk is monotone).
        let ok_above = |t: &[AboveTier]| t.iter().all(|a| t.iter().all(|b| a.above <= b.above || a.points >= b.points));
        let ok_below = |t: &[BelowTier]| t.iter().all(|a| t.iter().all(|b| a.below >= b.below || a.points >= b.points));
        let ok_rate =
            |t: &[RateTier]| t.iter().all(|a| t.iter().all(|b| a.below_bp >= b.below_bp || a.points >= b.points));
        let msg = "a stricter threshold must not score fewer points";
        let max = crate::policy::bounds::MAX_RISK_TIERS;
        let lens = [
            ("support_tickets", self.support_tickets.len()),
            ("safety_incidents", self.safety_incidents.len()),
            ("revenue_minor", self.revenue_minor.len()),
            ("verification_rate", self.verification_rate.len()),
        ];
        for (name, len) in lens {
            check(len <= max, p, format!("{path}.{name}"), "must hold at most 32 rows");
        }
        // The monotonicity checks compare every pair of rows: skipped on oversized lists
        // (already refused) so validation stays linear in the input.
        let oversized = lens.iter().any(|&(_, len)| len > max);
        check(oversized || ok_above(&self.support_tickets), p, format!("{path}.support_tickets"), msg);
        check(oversized || ok_above(&self.safety_incidents), p, format!("{path}.safety_incidents"), msg);
        check(oversized || ok_below(&self.revenue_minor), p, format!("{path}.revenue_minor"), msg);
        check(oversized || ok_rate(&self.verification_rate), p, format!("{path}.verification_rate"), msg);
        for (i, t) in self.verification_rate.iter().enumerate() {
            check(t.below_bp <= 10_000, p, format!("{path}.verification_rate[{i}].below_bp"), "must be <= 10000");
        }
        check(
            0 < self.medium_from && self.medium_from < self.high_from && self.high_from < self.critical_from,
            p,
            format!("{path}.critical_from"),
            "levels must satisfy 0 < medium_from < high_from < critical_from",
        );
    }

    /// The highest possible score (9 with the defaults).
    pub fn max_score(&self) -> u32 {
        let max = |it: &mut dyn Iterator<Item = u32>| it.max().unwrap_or(0);
        max(&mut self.support_tickets.iter().map(|t| t.points))
            .saturating_add(max(&mut self.safety_incidents.iter().map(|t| t.points)))
            .saturating_add(max(&mut self.revenue_minor.iter().map(|t| t.points)))
            .saturating_add(max(&mut self.verification_rate.iter().map(|t| t.points)))
    }
}

/// One region's metrics over one window (normally 24 h).
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
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

/// Risk level of a region.
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
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

/// Points per factor.
#[cfg_attr(feature = "wasm", derive(tsify::Tsify), tsify(missing_as_null))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
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

/// A region's risk.
#[cfg_attr(feature = "wasm", derive(tsify::Tsify), tsify(missing_as_null))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
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

fn above_points(tiers: &[AboveTier], value: u64) -> u32 {
    tiers.iter().filter(|t| value > t.above).map(|t| t.points).max().unwrap_or(0)
}

fn below_points(tiers: &[BelowTier], value: u64) -> u32 {
    tiers.iter().filter(|t| value < t.below).map(|t| t.points).max().unwrap_or(0)
}

fn rate_points(tiers: &[RateTier], verified: u64, installs: u64) -> u32 {
    tiers
        .iter()
        .filter(|t| {
            if installs == 0 {
                t.below_bp > 0 // rate 0
            } else {
                u128::from(verified) * 10_000 < u128::from(installs) * u128::from(t.below_bp)
            }
        })
        .map(|t| t.points)
        .max()
        .unwrap_or(0)
}

impl RegionRiskPolicy {
    /// The level of a score.
    pub fn level(&self, score: u32) -> RiskLevel {
        if score >= self.critical_from {
            RiskLevel::Critical
        } else if score >= self.high_from {
            RiskLevel::High
        } else if score >= self.medium_from {
            RiskLevel::Medium
        } else {
            RiskLevel::Low
        }
    }
}

/// Scores one region (SPEC §8.1).
pub fn region_risk(policy: &Policy, m: &RegionMetrics) -> Result<RegionRisk> {
    if m.verified > m.installs {
        return Err(Error::invalid(format!("verified {} exceeds installs {}", m.verified, m.installs)));
    }
    let r = &policy.risk.region;
    let breakdown = RiskBreakdown {
        support_tickets: above_points(&r.support_tickets, m.support_tickets),
        safety_incidents: above_points(&r.safety_incidents, m.safety_incidents),
        revenue: below_points(&r.revenue_minor, m.revenue_minor),
        verification_rate: rate_points(&r.verification_rate, m.verified, m.installs),
    };
    let score = breakdown
        .support_tickets
        .saturating_add(breakdown.safety_incidents)
        .saturating_add(breakdown.revenue)
        .saturating_add(breakdown.verification_rate);
    let level = r.level(score);
    let verification_rate_bp =
        // verified ≤ installs (checked above), so the rate is ≤ 10 000 and fits u32.
        if m.installs == 0 {
            0
        } else {
            u32::try_from(u128::from(m.verified) * 10_000 / u128::from(m.installs)).unwrap_or(10_000)
        };
    Ok(RegionRisk {
        score,
        max_score: r.max_score(),
        level,
        breakdown,
        verification_rate_bp,
        pause_recommended: level == RiskLevel::Critical,
        policy_fingerprint: policy.fingerprint().to_string(),
    })
}

//! Region risk score (SPEC §8.1): points per factor, level, pause recommendation.

use crate::error::{guard, AvaloError};
use avalo_core::risk::{self as core, *};
use avalo_core::Policy;

/// Scores one region (SPEC §8.1): points per factor, level, and whether to pause it.
/// `verified` above `installs` is `INVALID_INPUT`.
#[uniffi::export]
pub fn region_risk(policy: &Policy, metrics: RegionMetrics) -> Result<RegionRisk, AvaloError> {
    guard(|| Ok(core::region_risk(policy, &metrics)?))
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::indexing_slicing)]
mod tests {
    use super::*;

    #[test]
    fn calls_reach_the_core() {
        let p = avalo_core::Policy::default();
        let m =
            RegionMetrics { support_tickets: 101, safety_incidents: 51, revenue_minor: 0, installs: 0, verified: 0 };
        let r = region_risk(&p, m).unwrap();
        assert_eq!((r.score, r.level, r.pause_recommended), (9, RiskLevel::Critical, true));
    }
}

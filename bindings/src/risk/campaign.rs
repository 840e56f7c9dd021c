//! Campaigns (SPEC §8.4): ratios as integer basis points and minor units, rounded half-up.

use crate::error::{guard, AvaloError};
use avalo_core::risk::{self as core, *};
use avalo_core::Policy;

/// Campaign metrics (SPEC §8.4): install conversion in basis points and revenue per install
/// in minor units, both rounded half-up, and whether to pre-warm.
#[uniffi::export]
pub fn campaign_metrics(policy: &Policy, campaign: Campaign) -> Result<CampaignReport, AvaloError> {
    guard(|| Ok(core::campaign_metrics(policy, &campaign)))
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::indexing_slicing)]
mod tests {
    use super::*;

    #[test]
    fn calls_reach_the_core() {
        let p = avalo_core::Policy::default();
        let c = Campaign { expected_installs: 3, actual_installs: 2, revenue_minor: 200, forecast_visits: 10_001 };
        let r = campaign_metrics(&p, c).unwrap();
        assert_eq!((r.install_conversion_bp, r.revenue_per_install_minor, r.needs_prewarm), (Some(6_667), 100, true));
    }
}

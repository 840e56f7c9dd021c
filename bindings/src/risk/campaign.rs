//! Campaigns (SPEC §8.4): ratios as integer basis points and minor units, rounded half-up.

use crate::error::{guard, AvaloError};
use crate::policy::Policy;
use avalo_core::risk as core;

/// One campaign's numbers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Record)]
pub struct Campaign {
    /// Installs the campaign was expected to bring.
    pub expected_installs: u64,
    /// Installs it brought.
    pub actual_installs: u64,
    /// Revenue attributed to it, minor units of the reporting currency.
    pub revenue_minor: u64,
    /// Forecast visits.
    pub forecast_visits: u64,
}

impl From<Campaign> for core::Campaign {
    fn from(v: Campaign) -> Self {
        let Campaign { expected_installs, actual_installs, revenue_minor, forecast_visits } = v;
        core::Campaign { expected_installs, actual_installs, revenue_minor, forecast_visits }
    }
}

/// Campaign metrics.
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Record)]
pub struct CampaignReport {
    /// actual ÷ expected installs, basis points rounded half-up; `None` when expected is 0.
    pub install_conversion_bp: Option<u64>,
    /// revenue ÷ max(installs, 1), minor units rounded half-up.
    pub revenue_per_install_minor: u64,
    /// Whether the forecast needs pre-warming.
    pub needs_prewarm: bool,
}

impl From<core::CampaignReport> for CampaignReport {
    fn from(v: core::CampaignReport) -> Self {
        let core::CampaignReport { install_conversion_bp, revenue_per_install_minor, needs_prewarm } = v;
        CampaignReport { install_conversion_bp, revenue_per_install_minor, needs_prewarm }
    }
}

/// Campaign metrics (SPEC §8.4): install conversion in basis points and revenue per install
/// in minor units, both rounded half-up, and whether to pre-warm.
#[uniffi::export]
pub fn campaign_metrics(policy: &Policy, campaign: Campaign) -> Result<CampaignReport, AvaloError> {
    guard(|| Ok(core::campaign_metrics(policy.core(), &campaign.into()).into()))
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::indexing_slicing)]
mod tests {
    use super::*;

    #[test]
    fn calls_reach_the_core() {
        let p = Policy::from(avalo_core::Policy::default());
        let c = Campaign { expected_installs: 3, actual_installs: 2, revenue_minor: 200, forecast_visits: 10_001 };
        let r = campaign_metrics(&p, c).unwrap();
        assert_eq!((r.install_conversion_bp, r.revenue_per_install_minor, r.needs_prewarm), (Some(6_667), 100, true));
    }
}

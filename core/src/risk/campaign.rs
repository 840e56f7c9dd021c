//! Campaigns (SPEC §8.4).
//!
//! Install conversion = actual ÷ expected installs (none when expected is 0); revenue per
//! install = revenue ÷ max(installs, 1); more than 10 000 forecast visits needs pre-warming.
//!
//! Choice where the spec is silent: no floats. The conversion is returned in integer basis
//! points (10 000 = 100 %, above 10 000 when a campaign beats its forecast) and revenue per
//! install in whole minor units of the reporting currency, both rounded half-up (so 1 of 3
//! installs is 3 333 bp, 2 of 3 is 6 667 bp, and 100 cents over 3 installs is 33 cents).

use crate::policy::Policy;
use serde::{Deserialize, Serialize};

/// Campaign thresholds.
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CampaignPolicy {
    /// Forecast visits above which the infrastructure must be pre-warmed (10 000).
    pub prewarm_above_visits: u64,
}

impl Default for CampaignPolicy {
    fn default() -> Self {
        CampaignPolicy { prewarm_above_visits: 10_000 }
    }
}

/// One campaign's numbers.
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
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

/// Campaign metrics.
#[cfg_attr(feature = "wasm", derive(tsify::Tsify), tsify(missing_as_null))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct CampaignReport {
    /// actual ÷ expected installs, basis points rounded half-up; `None` when expected is 0.
    pub install_conversion_bp: Option<u64>,
    /// revenue ÷ max(installs, 1), minor units rounded half-up.
    pub revenue_per_install_minor: u64,
    /// Whether the forecast needs pre-warming.
    pub needs_prewarm: bool,
}

/// `round_half_up(num ÷ den)` for `den > 0`, saturating at `u64::MAX`.
fn div_half_up(num: u128, den: u128) -> u64 {
    let q = (2 * num + den) / (2 * den);
    u64::try_from(q).unwrap_or(u64::MAX)
}

/// Computes a campaign's metrics (SPEC §8.4).
pub fn campaign_metrics(policy: &Policy, c: &Campaign) -> CampaignReport {
    let install_conversion_bp = (c.expected_installs > 0)
        .then(|| div_half_up(u128::from(c.actual_installs) * 10_000, u128::from(c.expected_installs)));
    CampaignReport {
        install_conversion_bp,
        revenue_per_install_minor: div_half_up(u128::from(c.revenue_minor), u128::from(c.actual_installs.max(1))),
        needs_prewarm: c.forecast_visits > policy.risk.campaign.prewarm_above_visits,
    }
}

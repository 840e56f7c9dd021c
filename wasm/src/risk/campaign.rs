//! Campaigns (SPEC §8.4): ratios as integer basis points and minor units, rounded half-up.

use crate::convert::{from_js, to_js, JsResult};
use crate::Policy;
use avalo_core::risk as rules;
use serde::{Deserialize, Serialize};
use tsify::{Ts, Tsify};
use wasm_bindgen::prelude::*;

/// One campaign's numbers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize, Tsify)]
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

impl From<Campaign> for rules::Campaign {
    fn from(v: Campaign) -> Self {
        let Campaign { expected_installs, actual_installs, revenue_minor, forecast_visits } = v;
        rules::Campaign { expected_installs, actual_installs, revenue_minor, forecast_visits }
    }
}

/// Campaign metrics.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Tsify)]
#[tsify(missing_as_null)]
pub struct CampaignReport {
    /// actual ÷ expected installs, basis points rounded half-up; `None` when expected is 0.
    pub install_conversion_bp: Option<u64>,
    /// revenue ÷ max(installs, 1), minor units rounded half-up.
    pub revenue_per_install_minor: u64,
    /// Whether the forecast needs pre-warming.
    pub needs_prewarm: bool,
}

impl From<rules::CampaignReport> for CampaignReport {
    fn from(v: rules::CampaignReport) -> Self {
        let rules::CampaignReport { install_conversion_bp, revenue_per_install_minor, needs_prewarm } = v;
        CampaignReport { install_conversion_bp, revenue_per_install_minor, needs_prewarm }
    }
}

/// Campaign metrics (SPEC §8.4): install conversion in basis points and revenue per install
/// in minor units, both rounded half-up, and whether to pre-warm.
#[wasm_bindgen(js_name = campaignMetrics)]
pub fn campaign_metrics(policy: &Policy, campaign: Ts<Campaign>) -> JsResult<Ts<CampaignReport>> {
    let r = rules::campaign_metrics(policy.core(), &from_js(&campaign)?.into());
    Ok(to_js(&CampaignReport::from(r))?)
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
        for i in inputs("campaign_metrics") {
            let mirror: Campaign = serde_json::from_value(i.clone()).unwrap();
            let core: rules::Campaign = serde_json::from_value(i).unwrap();
            assert_eq!(rules::Campaign::from(mirror), core);
            let r = rules::campaign_metrics(&p, &core);
            same(CampaignReport::from(r), r);
        }
    }
}

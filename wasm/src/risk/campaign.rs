//! Campaigns (SPEC §8.4): ratios as integer basis points and minor units, rounded half-up.

use crate::convert::{from_js, to_js, JsResult};
use crate::Policy;
use avalo_core::risk as rules;
use avalo_core::risk::{Campaign, CampaignReport};
use tsify::Ts;
use wasm_bindgen::prelude::*;

/// Campaign metrics (SPEC §8.4): install conversion in basis points and revenue per install
/// in minor units, both rounded half-up, and whether to pre-warm.
#[wasm_bindgen(js_name = campaignMetrics)]
pub fn campaign_metrics(policy: &Policy, campaign: Ts<Campaign>) -> JsResult<Ts<CampaignReport>> {
    let r = rules::campaign_metrics(policy.core(), &from_js(&campaign)?);
    Ok(to_js(&r)?)
}

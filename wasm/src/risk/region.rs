//! Region risk score (SPEC §8.1): points per factor, level, pause recommendation.

use crate::convert::{from_js, to_js, JsResult};
use crate::Policy;
use avalo_core::risk as rules;
use avalo_core::risk::{RegionMetrics, RegionRisk};
use tsify::Ts;
use wasm_bindgen::prelude::*;

/// Scores one region (SPEC §8.1): points per factor, level, and whether to pause it.
/// `verified` above `installs` is `INVALID_INPUT`.
#[wasm_bindgen(js_name = regionRisk)]
pub fn region_risk(policy: &Policy, metrics: Ts<RegionMetrics>) -> JsResult<Ts<RegionRisk>> {
    let r = rules::region_risk(policy.core(), &from_js(&metrics)?)?;
    Ok(to_js(&r)?)
}

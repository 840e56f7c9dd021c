//! Facade of `core/src/ranking` (SPEC §5): profile score, discovery ranking (records or a
//! columnar deck of typed arrays), likes and matches.

mod columns;
mod pack;

pub use columns::rank_candidate_columns;

use crate::convert::{from_js, list_from_js, millis, to_js, JsResult};
use crate::Policy;
use avalo_core::ranking as rules;
use avalo_core::ranking::{
    GeoPoint, LikeDecision, LikeRequest, PageRequest, Profile, ProfileScore, RankedPage, Viewer,
};
use avalo_core::{Error, Result};
use js_sys::Number;
use tsify::Ts;
use wasm_bindgen::prelude::*;

/// A finite `number` parameter (a distance, a radius).
fn real(value: &Number, name: &str) -> Result<f64> {
    value.as_f64().filter(|v| v.is_finite()).ok_or_else(|| Error::invalid(format!("{name} must be a finite number")))
}

/// The profile score of SPEC §5.1 at `nowMs`: the total in [0, 100] and the six components.
/// `INVALID_INPUT` for a malformed birth date or an out-of-range latitude/longitude.
#[wasm_bindgen(js_name = profileScore)]
pub fn profile_score(
    policy: &Policy,
    profile: Ts<Profile>,
    #[wasm_bindgen(js_name = nowMs)] now_ms: Number,
) -> JsResult<Ts<ProfileScore>> {
    let profile: rules::Profile = from_js(&profile)?;
    let score = rules::profile_score(policy.core(), &profile, millis(&now_ms, "nowMs")?)?;
    Ok(to_js(&score)?)
}

/// Ranks a deck for a viewer (SPEC §5.2) and returns one page, best first; the same page a
/// full sort would give. Plain candidate objects are packed into columns in JS and ranked by
/// the columnar engine (100 000 candidates in ~20 ms); a deck the packer cannot represent
/// exactly (a value of the wrong type, a lone surrogate, a newline in an id, a `nowMs` before
/// the epoch) is decoded record by record instead, so results and refusals are the same
/// either way. Errors: `INVALID_INPUT` (page size outside 1..=50, bad viewer filters,
/// invalid candidate data).
#[wasm_bindgen(js_name = rankCandidates)]
pub fn rank_candidates(
    policy: &Policy,
    viewer: Ts<Viewer>,
    #[wasm_bindgen(unchecked_param_type = "Candidate[]")] candidates: JsValue,
    #[wasm_bindgen(js_name = nowMs)] now_ms: Number,
    page: Option<Ts<PageRequest>>,
) -> JsResult<Ts<RankedPage>> {
    let viewer: rules::Viewer = from_js(&viewer)?;
    let page: Result<rules::PageRequest> = page.map(|p| from_js(&p)).transpose().map(Option::unwrap_or_default);
    let now = millis(&now_ms, "nowMs");
    // Columns hold "no boost" as 0, which is only "not boosted" from the epoch on.
    if let (Ok(page), Ok(now)) = (&page, &now) {
        if *now >= 0 {
            if let Some(columns) = pack::packed_deck(&candidates) {
                // Any refusal is left to the record path below, which gives its own message.
                if let Ok(ranked) = rules::rank_candidate_columns(policy.core(), &viewer, &columns, *now, page) {
                    return Ok(to_js(&ranked)?);
                }
            }
        }
    }
    let candidates: Vec<rules::Candidate> = list_from_js(&candidates, "candidates")?;
    let page = page?;
    let ranked = rules::rank_candidates(policy.core(), &viewer, &candidates, now?, &page)?;
    Ok(to_js(&ranked)?)
}

/// Great-circle distance in km between two points (haversine on a sphere of `radiusKm`).
/// `INVALID_INPUT` for an out-of-range point or a radius that is not a finite number.
#[wasm_bindgen(js_name = haversineKm)]
pub fn haversine_km(
    a: Ts<GeoPoint>,
    b: Ts<GeoPoint>,
    #[wasm_bindgen(js_name = radiusKm)] radius_km: Number,
) -> JsResult<f64> {
    let (a, b): (rules::GeoPoint, rules::GeoPoint) = (from_js(&a)?, from_js(&b)?);
    a.validate()?;
    b.validate()?;
    Ok(rules::haversine_km(a, b, real(&radius_km, "radiusKm")?))
}

/// Decides a like (SPEC §5.3): at most 100 per UTC day (`LIKE_LIMIT_REACHED`), a match when
/// the target already liked the liker. `INVALID_INPUT`: empty ids, a self-like, a counter
/// dated after today.
#[wasm_bindgen(js_name = decideLike)]
pub fn decide_like(
    policy: &Policy,
    request: Ts<LikeRequest>,
    #[wasm_bindgen(js_name = nowMs)] now_ms: Number,
) -> JsResult<Ts<LikeDecision>> {
    let LikeRequest { liker_id, target_id, counter, target_likes_liker } = from_js(&request)?;
    let request = rules::LikeRequest {
        liker_id,
        target_id,
        counter: counter.map(|c| rules::LikeCounter { day: c.day, count: c.count }),
        target_likes_liker,
    };
    let decision = rules::decide_like(policy.core(), &request, millis(&now_ms, "nowMs")?)?;
    Ok(to_js(&decision)?)
}

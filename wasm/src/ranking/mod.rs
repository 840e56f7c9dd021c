//! Facade of `core/src/ranking` (SPEC §5): profile score, discovery ranking (records or a
//! columnar deck of typed arrays), likes and matches.

mod columns;
mod types;

pub use columns::rank_candidate_columns;
pub use types::*;

use crate::convert::{from_js, millis, to_js, JsResult};
use crate::Policy;
use avalo_core::ranking as rules;
use avalo_core::{Error, Result};
use js_sys::Number;
use serde::{Deserialize, Serialize};
use tsify::{Ts, Tsify};
use wasm_bindgen::prelude::*;

/// Likes a user made on one UTC day (store it, pass it back next time).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Tsify)]
pub struct LikeCounter {
    /// UTC day number (days since 1970-01-01).
    pub day: i64,
    /// Likes made on that day.
    pub count: u32,
}

/// A like to decide.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Tsify)]
pub struct LikeRequest {
    /// Who likes.
    pub liker_id: String,
    /// Who is liked.
    pub target_id: String,
    /// The liker's counter as last returned (absent before the first like).
    #[serde(default)]
    #[tsify(optional)]
    pub counter: Option<LikeCounter>,
    /// Whether the target already liked the liker.
    pub target_likes_liker: bool,
}

/// What a like leads to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Tsify)]
#[serde(rename_all = "snake_case")]
pub enum LikeOutcome {
    /// Recorded; no match yet.
    Liked,
    /// Mutual like: a match, which opens a chat.
    Match,
}

/// The decision for an accepted like.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Tsify)]
pub struct LikeDecision {
    /// Liked or match.
    pub outcome: LikeOutcome,
    /// Free messages of the chat a match opens; 0 without a match.
    pub chat_free_messages: u32,
    /// The counter to store.
    pub counter: LikeCounter,
    /// Likes left today.
    pub remaining_today: u32,
    /// The next UTC midnight, ms.
    pub resets_at_ms: i64,
    /// Fingerprint of the policy.
    pub policy_fingerprint: String,
}

impl From<rules::LikeDecision> for LikeDecision {
    fn from(d: rules::LikeDecision) -> Self {
        let rules::LikeDecision {
            outcome,
            chat_free_messages,
            counter,
            remaining_today,
            resets_at_ms,
            policy_fingerprint,
        } = d;
        let rules::LikeCounter { day, count } = counter;
        LikeDecision {
            outcome: match outcome {
                rules::LikeOutcome::Liked => LikeOutcome::Liked,
                rules::LikeOutcome::Match => LikeOutcome::Match,
            },
            chat_free_messages,
            counter: LikeCounter { day, count },
            remaining_today,
            resets_at_ms,
            policy_fingerprint,
        }
    }
}

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
    let profile: rules::Profile = from_js(&profile)?.try_into()?;
    let score = rules::profile_score(policy.core(), &profile, millis(&now_ms, "nowMs")?)?;
    Ok(to_js(&ProfileScore::from(score))?)
}

/// Ranks a deck for a viewer (SPEC §5.2) and returns one page, best first; the same page a
/// full sort would give. For large decks prefer `rankCandidateColumns` (typed arrays convert
/// much faster than objects). Errors: `INVALID_INPUT` (page size outside 1..=50, bad viewer
/// filters, invalid candidate data).
#[wasm_bindgen(js_name = rankCandidates)]
pub fn rank_candidates(
    policy: &Policy,
    viewer: Ts<Viewer>,
    candidates: Ts<Candidates>,
    #[wasm_bindgen(js_name = nowMs)] now_ms: Number,
    page: Option<Ts<PageRequest>>,
) -> JsResult<Ts<RankedPage>> {
    let viewer: rules::Viewer = from_js(&viewer)?.into();
    let candidates =
        from_js(&candidates)?.0.into_iter().map(TryInto::try_into).collect::<Result<Vec<rules::Candidate>>>()?;
    let page: rules::PageRequest = page.map(|p| from_js(&p)).transpose()?.unwrap_or_default().into();
    let ranked = rules::rank_candidates(policy.core(), &viewer, &candidates, millis(&now_ms, "nowMs")?, &page)?;
    Ok(to_js(&RankedPage::from(ranked))?)
}

/// Great-circle distance in km between two points (haversine on a sphere of `radiusKm`).
/// `INVALID_INPUT` for an out-of-range point or a radius that is not a finite number.
#[wasm_bindgen(js_name = haversineKm)]
pub fn haversine_km(
    a: Ts<GeoPoint>,
    b: Ts<GeoPoint>,
    #[wasm_bindgen(js_name = radiusKm)] radius_km: Number,
) -> JsResult<f64> {
    let (a, b): (rules::GeoPoint, rules::GeoPoint) = (from_js(&a)?.into(), from_js(&b)?.into());
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
    Ok(to_js(&LikeDecision::from(decision))?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mirrors_serialise_like_the_core() {
        let policy = avalo_core::Policy::default();
        let p =
            rules::Profile { photos: 3, birth_date: rules::BirthDate::parse("2000-02-29").ok(), ..Default::default() };
        let s = rules::profile_score(&policy, &p, 0).unwrap();
        assert_eq!(serde_json::to_value(ProfileScore::from(s)).unwrap(), serde_json::to_value(s).unwrap());
        let viewer = rules::Viewer {
            user_id: "v".into(),
            interested_in: vec![],
            age_min: 18,
            age_max: 99,
            location: None,
            max_distance_km: None,
            liked_ids: vec![],
            passed_ids: vec![],
            blocked_ids: vec![],
            blocked_by_ids: vec![],
        };
        let c =
            rules::Candidate { user_id: "a".into(), active: true, verified: true, boost_until_ms: Some(5), profile: p };
        let page = rules::rank_candidates(
            &policy,
            &viewer,
            &[c],
            0,
            &rules::PageRequest { explain: true, ..Default::default() },
        )
        .unwrap();
        assert_eq!(serde_json::to_value(RankedPage::from(page.clone())).unwrap(), serde_json::to_value(page).unwrap());
        let req =
            rules::LikeRequest { liker_id: "a".into(), target_id: "b".into(), counter: None, target_likes_liker: true };
        let d = rules::decide_like(&policy, &req, 0).unwrap();
        assert_eq!(serde_json::to_value(LikeDecision::from(d.clone())).unwrap(), serde_json::to_value(d).unwrap());
        // Inputs: the core's JSON reads into the mirrors.
        let json = serde_json::json!({"user_id": "a", "active": true, "verified": false, "profile": {"birth_date": "2000-02-29", "gender": "non_binary"}});
        let m: Candidate = serde_json::from_value(json).unwrap();
        let core: rules::Candidate = m.try_into().unwrap();
        assert_eq!(core.profile.gender, Some(rules::Gender::NonBinary));
    }
}

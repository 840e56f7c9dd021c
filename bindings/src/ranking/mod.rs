//! Facade of `core/src/ranking` (SPEC §5): profile score, discovery ranking of a whole deck in
//! one call (records, or compact columns), likes and matches.

use crate::error::{guard, AvaloError};
use avalo_core::ranking::{self as core, *};
use avalo_core::Policy;

/// The profile score of SPEC §5.1 at `now_ms`: the total in [0, 100] and the six components.
/// `INVALID_INPUT` for a malformed birth date, a NaN/infinite response rate or an out-of-range
/// location.
#[uniffi::export]
pub fn profile_score(policy: &Policy, profile: Profile, now_ms: i64) -> Result<ProfileScore, AvaloError> {
    guard(|| Ok(core::profile_score(policy, &profile, now_ms)?))
}

/// Ranks a whole deck for a viewer in one call (SPEC §5.2) and returns one page, best first:
/// exactly the page a full sort would give. `INVALID_INPUT`: page size outside 1..=50, bad
/// viewer filters, invalid candidate data (named in the reason).
#[uniffi::export]
pub fn rank_candidates(
    policy: &Policy,
    viewer: Viewer,
    candidates: Vec<Candidate>,
    now_ms: i64,
    page: PageRequest,
) -> Result<RankedPage, AvaloError> {
    guard(|| Ok(core::rank_candidates(policy, &viewer, &candidates, now_ms, &page)?))
}

/// [`rank_candidates`] over a columnar deck: the same filters, order and page, with one list
/// per field instead of one record per candidate. Extra `INVALID_INPUT`: columns of different
/// lengths, a wrong id count, an invalid `yyyymmdd`, a gender code above 3, unknown flag bits.
#[uniffi::export]
pub fn rank_candidate_columns(
    policy: &Policy,
    viewer: Viewer,
    columns: CandidateColumns,
    now_ms: i64,
    page: PageRequest,
) -> Result<RankedPage, AvaloError> {
    guard(|| Ok(core::rank_candidate_columns(policy, &viewer, &columns, now_ms, &page)?))
}

/// Great-circle distance in km (haversine on a sphere of `radius_km`). `INVALID_INPUT` for a
/// point out of range.
#[uniffi::export]
pub fn haversine_km(a: GeoPoint, b: GeoPoint, radius_km: f64) -> Result<f64, AvaloError> {
    guard(|| {
        let (a, b): (core::GeoPoint, core::GeoPoint) = (a, b);
        a.validate()?;
        b.validate()?;
        Ok(core::haversine_km(a, b, radius_km))
    })
}

/// Decides a like (SPEC §5.3): at most 100 per UTC day (`LIKE_LIMIT_REACHED`), a match when
/// the target already liked the liker. `INVALID_INPUT`: empty ids, a self-like, a counter
/// dated after today.
#[uniffi::export]
pub fn decide_like(policy: &Policy, request: LikeRequest, now_ms: i64) -> Result<LikeDecision, AvaloError> {
    guard(|| {
        let LikeRequest { liker_id, target_id, target_likes_liker, counter } = request;
        let request = core::LikeRequest {
            liker_id,
            target_id,
            counter: counter.map(|c| core::LikeCounter { day: c.day, count: c.count }),
            target_likes_liker,
        };
        Ok(core::decide_like(policy, &request, now_ms)?)
    })
}

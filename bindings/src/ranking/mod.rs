//! Facade of `core/src/ranking` (SPEC §5): profile score, discovery ranking of a whole deck in
//! one call (records, or compact columns), likes and matches.

mod columns;
mod types;

pub use columns::*;
pub use types::*;

use crate::error::{guard, AvaloError};
use crate::policy::Policy;
use avalo_core::ranking as core;

/// Likes a user made on one UTC day (store it, pass it back next time).
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Record)]
pub struct LikeCounter {
    /// UTC day number (days since 1970-01-01).
    pub day: i64,
    /// Likes made on that day.
    pub count: u32,
}

/// A like to decide.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct LikeRequest {
    /// Who likes.
    pub liker_id: String,
    /// Who is liked.
    pub target_id: String,
    /// Whether the target already liked the liker (then this like is a match).
    pub target_likes_liker: bool,
    /// The liker's counter as last returned (none before the first like).
    #[uniffi(default)]
    pub counter: Option<LikeCounter>,
}

/// What a like leads to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, uniffi::Enum)]
pub enum LikeOutcome {
    /// Recorded; no match yet.
    Liked,
    /// Mutual like: a match, which opens a chat.
    Match,
}

/// The decision for an accepted like.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
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

impl From<core::LikeDecision> for LikeDecision {
    fn from(d: core::LikeDecision) -> Self {
        let core::LikeDecision {
            outcome,
            chat_free_messages,
            counter,
            remaining_today,
            resets_at_ms,
            policy_fingerprint,
        } = d;
        LikeDecision {
            outcome: match outcome {
                core::LikeOutcome::Liked => LikeOutcome::Liked,
                core::LikeOutcome::Match => LikeOutcome::Match,
            },
            chat_free_messages,
            counter: LikeCounter { day: counter.day, count: counter.count },
            remaining_today,
            resets_at_ms,
            policy_fingerprint,
        }
    }
}

/// The profile score of SPEC §5.1 at `now_ms`: the total in [0, 100] and the six components.
/// `INVALID_INPUT` for a malformed birth date, a NaN/infinite response rate or an out-of-range
/// location.
#[uniffi::export]
pub fn profile_score(policy: &Policy, profile: Profile, now_ms: i64) -> Result<ProfileScore, AvaloError> {
    guard(|| Ok(core::profile_score(policy.core(), &profile.try_into()?, now_ms)?.into()))
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
    page: RankPageRequest,
) -> Result<RankedPage, AvaloError> {
    guard(|| {
        let candidates = candidates.into_iter().map(core::Candidate::try_from).collect::<Result<Vec<_>, _>>()?;
        Ok(core::rank_candidates(policy.core(), &viewer.into(), &candidates, now_ms, &page.into())?.into())
    })
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
    page: RankPageRequest,
) -> Result<RankedPage, AvaloError> {
    guard(|| {
        Ok(core::rank_candidate_columns(policy.core(), &viewer.into(), &columns.into(), now_ms, &page.into())?.into())
    })
}

/// Great-circle distance in km (haversine on a sphere of `radius_km`). `INVALID_INPUT` for a
/// point out of range.
#[uniffi::export]
pub fn haversine_km(a: GeoPoint, b: GeoPoint, radius_km: f64) -> Result<f64, AvaloError> {
    guard(|| {
        let (a, b): (core::GeoPoint, core::GeoPoint) = (a.into(), b.into());
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
        Ok(core::decide_like(policy.core(), &request, now_ms)?.into())
    })
}

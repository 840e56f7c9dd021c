//! Discovery ordering (SPEC §5.2): filters, boosts, a deterministic order and a partial
//! selection that returns exactly the page a full sort would: the public types and calls (the
//! engine is in `engine.rs`).

use super::engine::{full_sort_source, rank_source};
use super::score::{Gender, GeoPoint, Profile, ProfileScore};
use crate::error::Result;
use crate::policy::Policy;
use serde::{Deserialize, Serialize};

/// The user asking for a deck, with their filters.
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(deny_unknown_fields)]
pub struct Viewer {
    /// The viewer's user id (never ranked).
    pub user_id: String,
    /// Youngest age shown, whole years, inclusive.
    pub age_min: u32,
    /// Oldest age shown, whole years, inclusive.
    pub age_max: u32,
    /// Genders the viewer wants to see; empty means everyone.
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub interested_in: Vec<Gender>,
    /// The viewer's location (required when `max_distance_km` is set).
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub location: Option<GeoPoint>,
    /// Maximum distance, km, inclusive; `None` means no distance filter.
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub max_distance_km: Option<f64>,
    /// Users the viewer already liked.
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub liked_ids: Vec<String>,
    /// Users the viewer already passed.
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub passed_ids: Vec<String>,
    /// Users the viewer blocked.
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub blocked_ids: Vec<String>,
    /// Users who blocked the viewer.
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub blocked_by_ids: Vec<String>,
}

/// One candidate for the deck.
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(deny_unknown_fields)]
pub struct Candidate {
    /// The candidate's user id (ties are broken by it, ascending, byte-wise).
    pub user_id: String,
    /// Account active (not suspended, not deleted).
    pub active: bool,
    /// Identity verified.
    pub verified: bool,
    /// What the score and the filters read.
    pub profile: Profile,
    /// End of a paid profile boost, ms (active while `now_ms < boost_until_ms`).
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub boost_until_ms: Option<i64>,
}

/// Which page to return, and whether to explain dropped candidates.
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record), uniffi(name = "RankPageRequest"))]
#[serde(default, deny_unknown_fields)]
pub struct PageRequest {
    /// Page size, 1..=50; `None` is the default 20.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub size: Option<u32>,
    /// Ranked candidates to skip before the page (0 = the first page).
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub offset: u32,
    /// List every dropped candidate with the reason (slower: a debug aid; off by default).
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub explain: bool,
}

/// Why a candidate was filtered out (the first reason in this order).
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[serde(rename_all = "snake_case")]
pub enum DropReason {
    /// The candidate is the viewer.
    IsViewer,
    /// Account not active.
    NotActive,
    /// Not verified.
    NotVerified,
    /// The viewer blocked this user.
    BlockedByViewer,
    /// This user blocked the viewer.
    BlockedViewer,
    /// The viewer already liked this user.
    AlreadyLiked,
    /// The viewer already passed this user.
    AlreadyPassed,
    /// The viewer has a gender preference and the candidate has no gender.
    GenderMissing,
    /// Gender not in the viewer's preference.
    GenderNotWanted,
    /// No birth date, so no age.
    BirthDateMissing,
    /// Age outside the viewer's range.
    AgeOutOfRange,
    /// The viewer has a maximum distance and the candidate no location.
    LocationMissing,
    /// Farther than the viewer's maximum distance.
    TooFar,
}

/// A dropped candidate and why (only with `explain`).
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct DroppedCandidate {
    /// The candidate's user id.
    pub user_id: String,
    /// The first filter it failed.
    pub reason: DropReason,
}

/// One ranked candidate of the page.
#[cfg_attr(feature = "wasm", derive(tsify::Tsify), tsify(missing_as_null))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct RankedCandidate {
    /// The candidate's user id.
    pub user_id: String,
    /// `score × (1 + royal_boost if Royal) × (paid factor if boosted)`.
    pub rank: f64,
    /// The profile score and its six components.
    pub score: ProfileScore,
    /// Royal Club member (rank × 1.2).
    pub royal: bool,
    /// Paid boost active (rank × 2).
    pub boosted: bool,
    /// Age in whole years on the UTC date of `now_ms`.
    pub age: u32,
    /// Distance from the viewer, km, when both locations are known (with or without a
    /// distance limit).
    pub distance_km: Option<f64>,
}

/// A page of the deck.
#[cfg_attr(feature = "wasm", derive(tsify::Tsify), tsify(missing_as_null))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct RankedPage {
    /// The page, best first.
    pub results: Vec<RankedCandidate>,
    /// The page size used.
    pub page_size: u32,
    /// The offset used.
    pub offset: u32,
    /// With `explain`: every dropped candidate in input order; otherwise empty.
    pub dropped: Vec<DroppedCandidate>,
    /// Fingerprint of the policy used.
    pub policy_fingerprint: String,
}

/// Ranks a deck for a viewer (SPEC §5.2): drops candidates failing any filter, ranks the rest
/// by `score × 1.2 if Royal × 2 while boosted`, orders by rank descending then user id
/// ascending, and returns the page `[offset, offset + size)`: exactly what a full sort would
/// give ([`rank_candidates_full_sort`]), computed with a bounded heap.
///
/// Errors (`INVALID_INPUT`): page size outside 1..=50, `age_min > age_max`, a distance limit
/// without the viewer's location, a NaN/infinite/out-of-range float in the viewer or in any
/// candidate (named in the reason), `now_ms` outside the calendar.
pub fn rank_candidates(
    policy: &Policy,
    viewer: &Viewer,
    candidates: &[Candidate],
    now_ms: i64,
    page: &PageRequest,
) -> Result<RankedPage> {
    rank_source(policy, viewer, candidates, now_ms, page)
}

/// The same page as [`rank_candidates`], the slow obvious way: every filter on every
/// candidate, score everything, sort everything, take the page. For tests and benchmarks.
pub fn rank_candidates_full_sort(
    policy: &Policy,
    viewer: &Viewer,
    candidates: &[Candidate],
    now_ms: i64,
    page: &PageRequest,
) -> Result<RankedPage> {
    full_sort_source(policy, viewer, candidates, now_ms, page)
}

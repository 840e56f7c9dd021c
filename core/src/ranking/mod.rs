//! Profile score, discovery ordering, likes and matches (SPEC §5).
//!
//! - [`profile_score`] (§5.1): six components, each clamped to [0, 1], weighted to a total in
//!   [0, 100]. Returns the total and the six component values.
//! - [`rank_candidates`] (§5.2): filters, boosts and a deterministic order, with a partial
//!   selection (a bounded heap of `offset + size` entries) that returns exactly the page a full
//!   sort would, plus [`rank_candidate_columns`] for a compact columnar input (one FFI call with
//!   a few flat arrays instead of 100 000 records).
//! - [`decide_like`] (§5.3): the daily like limit and mutual likes becoming matches, as a pure
//!   decision over the caller's counter.
//!
//! Scores are `f64` (the only floats in the core): every float input is validated (finite,
//! in range) so no NaN can arise, and candidates are ordered with `f64::total_cmp` on the rank
//! (descending), then the user id (ascending, byte-wise), so the order is a total order and
//! identical in every language.
//!
//! Choices where the SPEC is silent (documented here, collected in the README):
//! - Component values are unweighted, in [0, 1]; `total = Σ weight × component`, summed in the
//!   table's order (photos, completeness, responsiveness, loyalty, activity, trust).
//! - Hours since last active are fractional (`ms / 3 600 000`); a missing last-active time gives
//!   activity 0, a future one counts as now. A bio counts as present when the caller says it is
//!   non-empty ([`bio_present`] trims white space); birth date, gender, location count as
//!   present when given, interests when at least one.
//! - A response rate outside [0, 1] is clamped; a NaN or infinite one is `INVALID_INPUT`, as is
//!   a latitude outside [−90, 90] or a longitude outside [−180, 180].
//! - "Royal Club member" is a boolean the caller derives from [`crate::royal`] (tier above
//!   NONE). A paid boost is active while `now_ms < boost_until_ms`.
//! - An empty gender preference means "everyone"; with a preference, a candidate without a
//!   gender is dropped. Candidates without a birth date are dropped (the age range always
//!   applies); without a location they are dropped only when the viewer sets a maximum distance
//!   (which then requires the viewer's own location, else `INVALID_INPUT`).
//! - A candidate dropped for several reasons reports the first in this order: is the viewer,
//!   not active, not verified, blocked by the viewer, blocked the viewer, already liked,
//!   already passed, gender, age, distance. "Is the viewer" and the viewer's lists compare ids
//!   by canonical form (trimmed, NFC, case-insensitive: [`crate::identity`]), so `"Alice "` in
//!   the deck is the viewer `"alice"`, and a block of `"bob"` drops `"BOB"`.
//! - Any candidate with invalid data makes the whole call `INVALID_INPUT` (naming the user id),
//!   whether or not a filter would have dropped it: a corrupted row is never silently skipped.
//! - User ids are expected to be unique; duplicates are kept and ordered by input position.
//! - A like on a UTC day other than the counter's starts a new count; a counter dated after
//!   `now_ms`'s day is `INVALID_INPUT` (clock skew must not grant extra likes).

mod birth;
mod columns;
mod discovery;
mod engine;
mod filters;
mod ids;
mod likes;
mod score;

pub use columns::{rank_candidate_columns, CandidateColumns, ColumnFlags};
pub use discovery::{
    rank_candidates, rank_candidates_full_sort, Candidate, DropReason, DroppedCandidate, PageRequest, RankedCandidate,
    RankedPage, Viewer,
};
pub use likes::{decide_like, LikeCounter, LikeDecision, LikeOutcome, LikeRequest};
pub use score::{bio_present, haversine_km, profile_score, BirthDate, Gender, GeoPoint, Profile, ProfileScore};

use crate::policy::{check, PolicyProblem};
use serde::{Deserialize, Serialize};

/// The six weights of the profile score (SPEC §5.1). They must sum to 100.
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScoreWeights {
    /// Photos and video intro (25).
    pub photos: f64,
    /// Profile completeness (20).
    pub completeness: f64,
    /// Response rate (20).
    pub responsiveness: f64,
    /// Royal Club / loyalty level (15).
    pub loyalty: f64,
    /// Recent activity (10).
    pub activity: f64,
    /// Trust (report penalty) (10).
    pub trust: f64,
}

impl Default for ScoreWeights {
    fn default() -> Self {
        ScoreWeights {
            photos: 25.0,
            completeness: 20.0,
            responsiveness: 20.0,
            loyalty: 15.0,
            activity: 10.0,
            trust: 10.0,
        }
    }
}

impl ScoreWeights {
    fn all(&self) -> [(&'static str, f64); 6] {
        [
            ("photos", self.photos),
            ("completeness", self.completeness),
            ("responsiveness", self.responsiveness),
            ("loyalty", self.loyalty),
            ("activity", self.activity),
            ("trust", self.trust),
        ]
    }
}

/// Ranking section of the policy (SPEC §5).
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RankingPolicy {
    /// Component weights, summing to 100.
    pub weights: ScoreWeights,
    /// Photos giving a full photo component (6).
    pub photos_for_full: u32,
    /// Photo component bonus for a video intro (0.2).
    pub video_intro_bonus: f64,
    /// Loyalty level giving a full loyalty component (10).
    pub loyalty_levels: u32,
    /// Hours over which activity decays linearly from 1 to 0 (168 = 7 days).
    pub activity_decay_hours: f64,
    /// Trust lost per report (0.2).
    pub report_penalty: f64,
    /// Rank boost for Royal Club members: `rank = score × (1 + royal_boost)` (0.20).
    pub royal_boost: f64,
    /// Rank factor while a paid profile boost is active (2).
    pub paid_boost_factor: f64,
    /// Earth radius for the haversine distance, km (6371.0088).
    pub earth_radius_km: f64,
    /// Smallest page size (1).
    pub page_size_min: u32,
    /// Largest page size (50).
    pub page_size_max: u32,
    /// Page size when none is asked for (20).
    pub page_size_default: u32,
    /// Likes per user per UTC day (100).
    pub daily_like_limit: u32,
}

impl Default for RankingPolicy {
    fn default() -> Self {
        RankingPolicy {
            weights: ScoreWeights::default(),
            photos_for_full: 6,
            video_intro_bonus: 0.2,
            loyalty_levels: 10,
            activity_decay_hours: 168.0,
            report_penalty: 0.2,
            royal_boost: 0.2,
            paid_boost_factor: 2.0,
            earth_radius_km: 6371.0088,
            page_size_min: 1,
            page_size_max: 50,
            page_size_default: 20,
            daily_like_limit: 100,
        }
    }
}

fn in_range(x: f64, lo: f64, hi: f64) -> bool {
    x.is_finite() && x >= lo && x <= hi
}

impl RankingPolicy {
    pub(crate) fn validate(&self, path: &str, p: &mut Vec<PolicyProblem>) {
        let mut sum = 0.0;
        for (name, w) in self.weights.all() {
            check(in_range(w, 0.0, 100.0), p, format!("{path}.weights.{name}"), "must be within 0..=100");
            sum += w;
        }
        check((sum - 100.0).abs() <= 1e-9, p, format!("{path}.weights"), "must sum to 100");
        use crate::policy::bounds as b;
        let photos = self.photos_for_full;
        check((1..=b::MAX_PHOTOS_FOR_FULL).contains(&photos), p, format!("{path}.photos_for_full"), "must be 1..=100");
        check(self.loyalty_levels <= b::MAX_LOYALTY_LEVELS, p, format!("{path}.loyalty_levels"), "must be <= 1000");
        check(self.daily_like_limit <= b::MAX_DAILY_LIKES, p, format!("{path}.daily_like_limit"), "must be <= 1000000");
        check(
            in_range(self.video_intro_bonus, 0.0, 1.0),
            p,
            format!("{path}.video_intro_bonus"),
            "must be within 0..=1",
        );
        check(self.loyalty_levels >= 1, p, format!("{path}.loyalty_levels"), "must be > 0");
        check(
            in_range(self.activity_decay_hours, f64::MIN_POSITIVE, 1e6),
            p,
            format!("{path}.activity_decay_hours"),
            "must be > 0 and at most 1e6",
        );
        check(in_range(self.report_penalty, 0.0, 1.0), p, format!("{path}.report_penalty"), "must be within 0..=1");
        check(in_range(self.royal_boost, 0.0, 100.0), p, format!("{path}.royal_boost"), "must be within 0..=100");
        check(
            in_range(self.paid_boost_factor, 1.0, 1000.0),
            p,
            format!("{path}.paid_boost_factor"),
            "must be within 1..=1000",
        );
        check(in_range(self.earth_radius_km, 1.0, 1e6), p, format!("{path}.earth_radius_km"), "must be within 1..=1e6");
        check(
            self.page_size_min >= 1
                && self.page_size_min <= self.page_size_default
                && self.page_size_default <= self.page_size_max,
            p,
            format!("{path}.page_size_default"),
            "must satisfy 1 <= page_size_min <= page_size_default <= page_size_max",
        );
        check(self.page_size_max <= 10_000, p, format!("{path}.page_size_max"), "must be at most 10000");
        check(self.daily_like_limit >= 1, p, format!("{path}.daily_like_limit"), "must be > 0");
    }
}

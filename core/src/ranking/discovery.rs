//! Discovery ordering (SPEC §5.2): filters, boosts, a deterministic order and a partial
//! selection that returns exactly the page a full sort would.

use super::score::{haversine_km, score_unchecked, BirthDate, Gender, GeoPoint, Profile, ProfileScore};
use super::RankingPolicy;
use crate::error::{Error, Result};
use crate::policy::Policy;
use crate::time::{age_years, utc_date};
use chrono::Datelike;
use serde::{Deserialize, Serialize};
use std::cmp::Ordering;
use std::collections::BinaryHeap;

/// The user asking for a deck, with their filters.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Viewer {
    /// The viewer's user id (never ranked).
    pub user_id: String,
    /// Genders the viewer wants to see; empty means everyone.
    #[serde(default)]
    pub interested_in: Vec<Gender>,
    /// Youngest age shown, whole years, inclusive.
    pub age_min: u32,
    /// Oldest age shown, whole years, inclusive.
    pub age_max: u32,
    /// The viewer's location (required when `max_distance_km` is set).
    #[serde(default)]
    pub location: Option<GeoPoint>,
    /// Maximum distance, km, inclusive; `None` means no distance filter.
    #[serde(default)]
    pub max_distance_km: Option<f64>,
    /// Users the viewer already liked.
    #[serde(default)]
    pub liked_ids: Vec<String>,
    /// Users the viewer already passed.
    #[serde(default)]
    pub passed_ids: Vec<String>,
    /// Users the viewer blocked.
    #[serde(default)]
    pub blocked_ids: Vec<String>,
    /// Users who blocked the viewer.
    #[serde(default)]
    pub blocked_by_ids: Vec<String>,
}

/// One candidate for the deck.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Candidate {
    /// The candidate's user id (ties are broken by it, ascending, byte-wise).
    pub user_id: String,
    /// Account active (not suspended, not deleted).
    pub active: bool,
    /// Identity verified.
    pub verified: bool,
    /// End of a paid profile boost, ms (active while `now_ms < boost_until_ms`).
    #[serde(default)]
    pub boost_until_ms: Option<i64>,
    /// What the score and the filters read.
    pub profile: Profile,
}

/// Which page to return, and whether to explain dropped candidates.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct PageRequest {
    /// Page size, 1..=50; `None` is the default 20.
    pub size: Option<u32>,
    /// Ranked candidates to skip before the page (0 = the first page).
    pub offset: u32,
    /// List every dropped candidate with the reason (slower: a debug aid; off by default).
    pub explain: bool,
}

/// Why a candidate was filtered out (the first reason in this order).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
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
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DroppedCandidate {
    /// The candidate's user id.
    pub user_id: String,
    /// The first filter it failed.
    pub reason: DropReason,
}

/// One ranked candidate of the page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
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
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
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

/// One candidate as the engine reads it (from rows or from columns).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Row<'a> {
    pub id: &'a str,
    pub active: bool,
    pub verified: bool,
    pub boost_until_ms: Option<i64>,
    pub profile: Profile,
}

/// A list of candidates the engine can read by index.
pub(crate) trait Source {
    fn len(&self) -> usize;
    fn row(&self, i: usize) -> Result<Row<'_>>;
}

impl Source for [Candidate] {
    fn len(&self) -> usize {
        <[Candidate]>::len(self)
    }
    fn row(&self, i: usize) -> Result<Row<'_>> {
        let c = self.get(i).ok_or_else(|| Error::invalid("candidate index out of range"))?;
        Ok(Row { id: &c.user_id, active: c.active, verified: c.verified, boost_until_ms: c.boost_until_ms, profile: c.profile })
    }
}

/// Heap entry. "Worse" compares greater, so a max-heap keeps the worst kept entry on top.
#[derive(Debug, Clone, Copy)]
struct Entry<'a> {
    rank: f64,
    id: &'a str,
    idx: usize,
}

impl Ord for Entry<'_> {
    fn cmp(&self, other: &Self) -> Ordering {
        other.rank.total_cmp(&self.rank).then_with(|| self.id.cmp(other.id)).then_with(|| self.idx.cmp(&other.idx))
    }
}
impl PartialOrd for Entry<'_> {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}
impl PartialEq for Entry<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}
impl Eq for Entry<'_> {}

struct Geo {
    origin: GeoPoint,
    max_km: f64,
}

/// The viewer's filters, prepared once per call.
struct Prepared<'v> {
    rules: &'v RankingPolicy,
    now_ms: i64,
    viewer_id: &'v str,
    gender_mask: u8,
    today: chrono::NaiveDate,
    today_key: i64,
    /// Birth keys `<=` this are at least `age_min`.
    oldest_key_for_min: i64,
    /// Birth keys `>` this are at most `age_max`.
    youngest_key_excluded: i64,
    age_min_is_zero: bool,
    origin: Option<GeoPoint>,
    geo: Option<Geo>,
    /// Viewer lists, sorted by id, one entry per id with the highest-precedence reason.
    excluded: Vec<(&'v str, DropReason)>,
}

impl<'v> Prepared<'v> {
    fn new(rules: &'v RankingPolicy, viewer: &'v Viewer, now_ms: i64) -> Result<Self> {
        if viewer.age_min > viewer.age_max {
            return Err(Error::invalid(format!("age_min {} is above age_max {}", viewer.age_min, viewer.age_max)));
        }
        if viewer.age_max > 1_000 {
            return Err(Error::invalid(format!("age_max {} is not a human age", viewer.age_max)));
        }
        if let Some(loc) = &viewer.location {
            loc.validate()?;
        }
        let geo = match (viewer.max_distance_km, viewer.location) {
            (None, _) => None,
            (Some(d), _) if !(d.is_finite() && d >= 0.0) => {
                return Err(Error::invalid(format!("max_distance_km {d} must be a finite number >= 0")))
            }
            (Some(_), None) => return Err(Error::invalid("max_distance_km needs the viewer's location")),
            (Some(max_km), Some(origin)) => Some(Geo { origin, max_km }),
        };
        let today = utc_date(now_ms)?;
        let (ty, tmd) = (i64::from(today.year()), i64::from(today.month() * 100 + today.day()));
        let mut excluded: Vec<(&str, DropReason)> = Vec::with_capacity(
            viewer.liked_ids.len() + viewer.passed_ids.len() + viewer.blocked_ids.len() + viewer.blocked_by_ids.len(),
        );
        for (ids, reason) in [
            (&viewer.blocked_ids, DropReason::BlockedByViewer),
            (&viewer.blocked_by_ids, DropReason::BlockedViewer),
            (&viewer.liked_ids, DropReason::AlreadyLiked),
            (&viewer.passed_ids, DropReason::AlreadyPassed),
        ] {
            excluded.extend(ids.iter().map(|id| (id.as_str(), reason)));
        }
        excluded.sort_unstable();
        excluded.dedup_by(|later, first| later.0 == first.0);
        Ok(Prepared {
            rules,
            now_ms,
            viewer_id: &viewer.user_id,
            gender_mask: viewer.interested_in.iter().fold(0, |m, g| m | g.bit()),
            today,
            today_key: ty * 10_000 + tmd,
            oldest_key_for_min: (ty - i64::from(viewer.age_min)) * 10_000 + tmd,
            youngest_key_excluded: (ty - i64::from(viewer.age_max) - 1) * 10_000 + tmd,
            age_min_is_zero: viewer.age_min == 0,
            origin: viewer.location,
            geo,
            excluded,
        })
    }

    /// Age filter on the packed `yyyymmdd` key: `age >= m` exactly when
    /// `(birth year, month-day) <= (this year − m, today's month-day)`, the rule of
    /// [`age_years`] (a 29 February birthday is reached on 1 March in common years).
    #[inline]
    fn age_reason(&self, birth: Option<BirthDate>) -> Option<DropReason> {
        let Some(b) = birth else { return Some(DropReason::BirthDateMissing) };
        let key = i64::from(b.yyyymmdd());
        let ok = if key > self.today_key {
            self.age_min_is_zero // born after today: age 0
        } else {
            key <= self.oldest_key_for_min && key > self.youngest_key_excluded
        };
        (!ok).then_some(DropReason::AgeOutOfRange)
    }

    #[inline]
    fn gender_reason(&self, gender: Option<Gender>) -> Option<DropReason> {
        if self.gender_mask == 0 {
            return None;
        }
        match gender {
            None => Some(DropReason::GenderMissing),
            Some(g) if g.bit() & self.gender_mask == 0 => Some(DropReason::GenderNotWanted),
            Some(_) => None,
        }
    }

    fn distance(&self, loc: Option<GeoPoint>) -> Option<f64> {
        Some(haversine_km(self.origin?, loc?, self.rules.earth_radius_km))
    }

    fn distance_reason(&self, loc: Option<GeoPoint>) -> Option<DropReason> {
        let geo = self.geo.as_ref()?;
        match loc {
            None => Some(DropReason::LocationMissing),
            Some(p) => (haversine_km(geo.origin, p, self.rules.earth_radius_km) > geo.max_km).then_some(DropReason::TooFar),
        }
    }

    fn list_reason(&self, id: &str) -> Option<DropReason> {
        if self.excluded.is_empty() {
            return None;
        }
        self.excluded.binary_search_by(|(e, _)| (*e).cmp(id)).ok().and_then(|i| self.excluded.get(i)).map(|(_, r)| *r)
    }

    /// Cheap filters (flags, gender, age): integer work only.
    #[inline]
    fn cheap_pass(&self, r: &Row<'_>) -> bool {
        r.active && r.verified && self.gender_reason(r.profile.gender).is_none() && self.age_reason(r.profile.birth_date).is_none()
    }

    /// Costlier filters (identity, viewer lists, distance), run only for candidates that would
    /// enter the page.
    fn costly_pass(&self, r: &Row<'_>) -> bool {
        r.id != self.viewer_id && self.list_reason(r.id).is_none() && self.distance_reason(r.profile.location).is_none()
    }

    /// Every filter, in the documented order; the first failing one.
    fn drop_reason(&self, r: &Row<'_>) -> Option<DropReason> {
        if r.id == self.viewer_id {
            return Some(DropReason::IsViewer);
        }
        if !r.active {
            return Some(DropReason::NotActive);
        }
        if !r.verified {
            return Some(DropReason::NotVerified);
        }
        self.list_reason(r.id)
            .or_else(|| self.gender_reason(r.profile.gender))
            .or_else(|| self.age_reason(r.profile.birth_date))
            .or_else(|| self.distance_reason(r.profile.location))
    }

    fn boosted(&self, r: &Row<'_>) -> bool {
        r.boost_until_ms.is_some_and(|until| self.now_ms < until)
    }

    #[inline]
    fn rank(&self, r: &Row<'_>, score: f64) -> f64 {
        let mut rank = score;
        if r.profile.royal {
            rank *= 1.0 + self.rules.royal_boost;
        }
        if self.boosted(r) {
            rank *= self.rules.paid_boost_factor;
        }
        rank
    }

    fn ranked(&self, r: &Row<'_>) -> Result<RankedCandidate> {
        let score = score_unchecked(self.rules, &r.profile, self.now_ms);
        let birth = r.profile.birth_date.and_then(BirthDate::to_naive).ok_or_else(|| Error::invalid("birth date"))?;
        Ok(RankedCandidate {
            user_id: r.id.to_string(),
            rank: self.rank(r, score.total),
            score,
            royal: r.profile.royal,
            boosted: self.boosted(r),
            age: age_years(birth, self.today),
            distance_km: self.distance(r.profile.location),
        })
    }
}

fn with_id(e: Error, id: &str) -> Error {
    Error::invalid(format!("candidate {id:?}: {}", e.reason))
}

fn page_size(rules: &RankingPolicy, page: &PageRequest) -> Result<u32> {
    let size = page.size.unwrap_or(rules.page_size_default);
    if size < rules.page_size_min || size > rules.page_size_max {
        return Err(Error::invalid(format!(
            "page size {size} is outside {}..={}",
            rules.page_size_min, rules.page_size_max
        )));
    }
    Ok(size)
}

/// The engine: validates every row, filters, ranks and keeps the best `offset + size` in a
/// bounded heap. Without `explain`, the costly filters run only for candidates that would
/// enter the heap, so typical work is one cheap pass plus `O(k log k)` per heap entry.
pub(crate) fn rank_source<S: Source + ?Sized>(
    policy: &Policy,
    viewer: &Viewer,
    source: &S,
    now_ms: i64,
    page: &PageRequest,
) -> Result<RankedPage> {
    let rules = &policy.ranking;
    let size = page_size(rules, page)?;
    let prep = Prepared::new(rules, viewer, now_ms)?;
    let n = source.len();
    let k = (u64::from(page.offset) + u64::from(size)).min(n as u64) as usize;
    let mut heap: BinaryHeap<Entry<'_>> = BinaryHeap::with_capacity(k + 1);
    let mut dropped = Vec::new();
    for idx in 0..n {
        let row = source.row(idx)?;
        row.profile.validate().map_err(|e| with_id(e, row.id))?;
        if page.explain {
            if let Some(reason) = prep.drop_reason(&row) {
                dropped.push(DroppedCandidate { user_id: row.id.to_string(), reason });
                continue;
            }
        } else if !prep.cheap_pass(&row) {
            continue;
        }
        let score = score_unchecked(rules, &row.profile, now_ms).total;
        let entry = Entry { rank: prep.rank(&row, score), id: row.id, idx };
        let full = heap.len() >= k;
        if full && heap.peek().map_or(true, |worst| entry >= *worst) {
            continue;
        }
        if !page.explain && !prep.costly_pass(&row) {
            continue;
        }
        if full {
            heap.pop();
        }
        heap.push(entry);
    }
    let results = heap
        .into_sorted_vec()
        .into_iter()
        .skip(page.offset as usize)
        .map(|e| source.row(e.idx).and_then(|r| prep.ranked(&r)))
        .collect::<Result<Vec<_>>>()?;
    Ok(RankedPage { results, page_size: size, offset: page.offset, dropped, policy_fingerprint: policy.fingerprint().to_string() })
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
    let rules = &policy.ranking;
    let size = page_size(rules, page)?;
    let prep = Prepared::new(rules, viewer, now_ms)?;
    let mut kept = Vec::new();
    let mut dropped = Vec::new();
    for (idx, c) in candidates.iter().enumerate() {
        let row = Source::row(candidates, idx)?;
        row.profile.validate().map_err(|e| with_id(e, &c.user_id))?;
        match prep.drop_reason(&row) {
            Some(reason) => dropped.push(DroppedCandidate { user_id: c.user_id.clone(), reason }),
            None => {
                let score = score_unchecked(rules, &row.profile, now_ms).total;
                kept.push(Entry { rank: prep.rank(&row, score), id: &c.user_id, idx });
            }
        }
    }
    kept.sort();
    let results = kept
        .into_iter()
        .skip(page.offset as usize)
        .take(size as usize)
        .map(|e| Source::row(candidates, e.idx).and_then(|r| prep.ranked(&r)))
        .collect::<Result<Vec<_>>>()?;
    if !page.explain {
        dropped.clear();
    }
    Ok(RankedPage { results, page_size: size, offset: page.offset, dropped, policy_fingerprint: policy.fingerprint().to_string() })
}

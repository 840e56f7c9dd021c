//! The ranking engine behind [`super::rank_candidates`] and [`super::rank_candidate_columns`]:
//! the viewer's filters prepared once, a bounded heap, and the full-sort reference.

use super::discovery::{Candidate, DropReason, DroppedCandidate, PageRequest, RankedCandidate, RankedPage, Viewer};
use super::score::{haversine_km, score_unchecked, BirthDate, Gender, GeoPoint, Profile};
use super::RankingPolicy;
use crate::error::{Error, Result};
use crate::policy::Policy;
use crate::time::{age_years, utc_date};
use chrono::Datelike;
use std::cmp::Ordering;
use std::collections::{BinaryHeap, HashMap};
use std::hash::{BuildHasherDefault, Hasher};

/// A small deterministic hasher for user ids (the Fx multiply-rotate hash, eight bytes at a
/// time). The core never seeds from randomness; ids come from the host's own database.
#[derive(Default)]
pub(crate) struct IdHasher(u64);

impl IdHasher {
    #[inline]
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

impl Hasher for IdHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut w = [0u8; 8];
            w.copy_from_slice(c);
            self.add(u64::from_le_bytes(w));
        }
        let mut w = [0u8; 8];
        for (d, b) in w.iter_mut().zip(chunks.remainder()) {
            *d = *b;
        }
        self.add(u64::from_le_bytes(w));
    }
    #[inline]
    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }
    fn finish(&self) -> u64 {
        self.0
    }
}

/// One candidate as the engine reads it (from rows or from columns).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Row {
    pub active: bool,
    pub verified: bool,
    pub boost_until_ms: Option<i64>,
    pub profile: Profile,
}

/// The fields the cheap filters read, without copying a whole row.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Cheap {
    pub active: bool,
    pub verified: bool,
    /// [`Gender::bit`], 0 for no gender.
    pub gender_bit: u8,
    pub birth: Option<BirthDate>,
}

/// A list of candidates the engine can read by index. `check(i)` must be called (and pass)
/// before `cheap(i)`/`row(i)`; it may be a no-op for a source validated in bulk. The id is
/// read separately: the fast path needs it only for the few candidates entering the heap.
pub(crate) trait Source {
    fn len(&self) -> usize;
    fn check(&self, i: usize) -> Result<()>;
    fn cheap(&self, i: usize) -> Result<Cheap>;
    fn row(&self, i: usize) -> Result<Row>;
    fn id(&self, i: usize) -> Result<&str>;
}

fn out_of_range() -> Error {
    Error::invalid("candidate index out of range")
}

impl Source for [Candidate] {
    fn len(&self) -> usize {
        <[Candidate]>::len(self)
    }
    #[inline]
    fn check(&self, i: usize) -> Result<()> {
        let c = self.get(i).ok_or_else(out_of_range)?;
        c.profile.validate().map_err(|e| with_id(e, &c.user_id))
    }
    #[inline]
    fn cheap(&self, i: usize) -> Result<Cheap> {
        let c = self.get(i).ok_or_else(out_of_range)?;
        Ok(Cheap { active: c.active, verified: c.verified, gender_bit: c.profile.gender.map_or(0, Gender::bit), birth: c.profile.birth_date })
    }
    #[inline]
    fn row(&self, i: usize) -> Result<Row> {
        let c = self.get(i).ok_or_else(out_of_range)?;
        Ok(Row { active: c.active, verified: c.verified, boost_until_ms: c.boost_until_ms, profile: c.profile })
    }
    #[inline]
    fn id(&self, i: usize) -> Result<&str> {
        self.get(i).map(|c| c.user_id.as_str()).ok_or_else(out_of_range)
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
    /// Viewer lists: one entry per id with the highest-precedence reason.
    excluded: HashMap<&'v str, DropReason, BuildHasherDefault<IdHasher>>,
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
        let mut excluded = HashMap::with_capacity_and_hasher(
            viewer.liked_ids.len() + viewer.passed_ids.len() + viewer.blocked_ids.len() + viewer.blocked_by_ids.len(),
            BuildHasherDefault::<IdHasher>::default(),
        );
        // Lowest precedence first: a later list overwrites, so the first reason in the
        // documented order wins for an id on several lists.
        for (ids, reason) in [
            (&viewer.passed_ids, DropReason::AlreadyPassed),
            (&viewer.liked_ids, DropReason::AlreadyLiked),
            (&viewer.blocked_by_ids, DropReason::BlockedViewer),
            (&viewer.blocked_ids, DropReason::BlockedByViewer),
        ] {
            excluded.extend(ids.iter().map(|id| (id.as_str(), reason)));
        }
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
    fn gender_reason(&self, gender_bit: u8) -> Option<DropReason> {
        if self.gender_mask == 0 || gender_bit & self.gender_mask != 0 {
            None
        } else if gender_bit == 0 {
            Some(DropReason::GenderMissing)
        } else {
            Some(DropReason::GenderNotWanted)
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
        self.excluded.get(id).copied()
    }

    /// Cheap filters (flags, gender, age): integer work only.
    #[inline]
    fn cheap_pass(&self, c: Cheap) -> bool {
        c.active && c.verified && self.gender_reason(c.gender_bit).is_none() && self.age_reason(c.birth).is_none()
    }

    /// Costlier filters (identity, viewer lists, distance), run only for candidates that would
    /// enter the page.
    fn costly_pass(&self, id: &str, r: &Row) -> bool {
        id != self.viewer_id && self.list_reason(id).is_none() && self.distance_reason(r.profile.location).is_none()
    }

    /// Every filter, in the documented order; the first failing one.
    fn drop_reason(&self, id: &str, r: &Row) -> Option<DropReason> {
        if id == self.viewer_id {
            return Some(DropReason::IsViewer);
        }
        if !r.active {
            return Some(DropReason::NotActive);
        }
        if !r.verified {
            return Some(DropReason::NotVerified);
        }
        self.list_reason(id)
            .or_else(|| self.gender_reason(r.profile.gender.map_or(0, Gender::bit)))
            .or_else(|| self.age_reason(r.profile.birth_date))
            .or_else(|| self.distance_reason(r.profile.location))
    }

    fn boosted(&self, r: &Row) -> bool {
        r.boost_until_ms.is_some_and(|until| self.now_ms < until)
    }

    #[inline]
    fn rank(&self, r: &Row, score: f64) -> f64 {
        let mut rank = score;
        if r.profile.royal {
            rank *= 1.0 + self.rules.royal_boost;
        }
        if self.boosted(r) {
            rank *= self.rules.paid_boost_factor;
        }
        rank
    }

    fn ranked(&self, id: &str, r: &Row) -> Result<RankedCandidate> {
        let score = score_unchecked(self.rules, &r.profile, self.now_ms);
        let birth = r.profile.birth_date.and_then(BirthDate::to_naive).ok_or_else(|| Error::invalid("birth date"))?;
        Ok(RankedCandidate {
            user_id: id.to_string(),
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
        source.check(idx)?;
        let row = if page.explain {
            let row = source.row(idx)?;
            if let Some(reason) = prep.drop_reason(source.id(idx)?, &row) {
                dropped.push(DroppedCandidate { user_id: source.id(idx)?.to_string(), reason });
                continue;
            }
            row
        } else {
            if !prep.cheap_pass(source.cheap(idx)?) {
                continue;
            }
            source.row(idx)?
        };
        let rank = prep.rank(&row, score_unchecked(rules, &row.profile, now_ms).total);
        let full = heap.len() >= k;
        if let Some(worst) = heap.peek().filter(|_| full) {
            // Keep only entries strictly better than the worst kept: a higher rank, or the same
            // rank and a smaller (id, position). The id is read only on an exact tie.
            match rank.total_cmp(&worst.rank) {
                Ordering::Less => continue,
                Ordering::Greater => {}
                Ordering::Equal => {
                    if (source.id(idx)?, idx) >= (worst.id, worst.idx) {
                        continue;
                    }
                }
            }
        }
        let id = source.id(idx)?;
        if !page.explain && !prep.costly_pass(id, &row) {
            continue;
        }
        if full {
            heap.pop();
        }
        heap.push(Entry { rank, id, idx });
    }
    let results = heap
        .into_sorted_vec()
        .into_iter()
        .skip(page.offset as usize)
        .map(|e| source.row(e.idx).and_then(|r| prep.ranked(e.id, &r)))
        .collect::<Result<Vec<_>>>()?;
    Ok(RankedPage { results, page_size: size, offset: page.offset, dropped, policy_fingerprint: policy.fingerprint().to_string() })
}

/// Every filter on every candidate, score everything, sort everything, take the page.
pub(crate) fn full_sort_source(
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
        Source::check(candidates, idx)?;
        let row = Source::row(candidates, idx)?;
        match prep.drop_reason(&c.user_id, &row) {
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
        .map(|e| Source::row(candidates, e.idx).and_then(|r| prep.ranked(e.id, &r)))
        .collect::<Result<Vec<_>>>()?;
    if !page.explain {
        dropped.clear();
    }
    Ok(RankedPage { results, page_size: size, offset: page.offset, dropped, policy_fingerprint: policy.fingerprint().to_string() })
}

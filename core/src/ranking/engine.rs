//! The ranking engine behind [`super::rank_candidates`] and [`super::rank_candidate_columns`]:
//! a bounded heap over the viewer's prepared filters (`filters.rs`), and the full-sort
//! reference.

use super::discovery::{Candidate, DroppedCandidate, PageRequest, RankedPage, Viewer};
use super::filters::{with_id, Prepared};
pub(crate) use super::filters::{Cheap, Row};
use super::score::Gender;
use super::RankingPolicy;
use crate::error::{Error, Result};
use crate::policy::Policy;
use std::cmp::Ordering;
use std::collections::BinaryHeap;

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
    /// One inlined test on the valid path; the error (with the id) is built out of line.
    #[inline(always)]
    fn check(&self, i: usize) -> Result<()> {
        match self.get(i) {
            Some(c) if c.profile.is_valid() => Ok(()),
            _ => Err(candidate_error(self, i)),
        }
    }
    #[inline]
    fn cheap(&self, i: usize) -> Result<Cheap> {
        let c = self.get(i).ok_or_else(out_of_range)?;
        Ok(Cheap {
            active: c.active,
            verified: c.verified,
            gender_bit: c.profile.gender.map_or(0, Gender::bit),
            birth: c.profile.birth_date,
        })
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

#[cold]
#[inline(never)]
fn candidate_error(candidates: &[Candidate], i: usize) -> Error {
    match candidates.get(i) {
        Some(c) => {
            c.profile.validate().err().map_or_else(|| Error::invalid("invalid candidate"), |e| with_id(e, &c.user_id))
        }
        None => out_of_range(),
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
    // min(…, n) ≤ n, a usize: exact on every target (no 32-bit truncation).
    let k = usize::try_from(u64::from(page.offset) + u64::from(size)).map_or(n, |k| k.min(n));
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
        let rank = prep.rank(&row, prep.score.score(&row.profile, now_ms).total);
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
        let entry = Entry { rank, id, idx };
        if full {
            // Replace the worst in place: one sift-down instead of a pop and a push.
            if let Some(mut worst) = heap.peek_mut() {
                *worst = entry;
            }
        } else {
            heap.push(entry);
        }
    }
    let results = heap
        .into_sorted_vec()
        .into_iter()
        .skip(page.offset as usize)
        .map(|e| source.row(e.idx).and_then(|r| prep.ranked(e.id, &r)))
        .collect::<Result<Vec<_>>>()?;
    Ok(RankedPage {
        results,
        page_size: size,
        offset: page.offset,
        dropped,
        policy_fingerprint: policy.fingerprint().to_string(),
    })
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
                let score = prep.score.score(&row.profile, now_ms).total;
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
    Ok(RankedPage {
        results,
        page_size: size,
        offset: page.offset,
        dropped,
        policy_fingerprint: policy.fingerprint().to_string(),
    })
}

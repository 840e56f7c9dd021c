//! A compact columnar form of a candidate deck: a dozen flat arrays instead of one record per
//! candidate, so a foreign caller (JavaScript typed arrays, Kotlin/Swift primitive arrays)
//! hands 100 000 candidates over in one cheap call. Ranked by the same engine as rows.

use super::birth::is_calendar_day;
use super::discovery::{Candidate, PageRequest, RankedPage, Viewer};
use super::engine::{rank_source, Cheap, Row, Source};
use super::ids::{split_ids, IdList};
use super::score::{BirthDate, Gender, GeoPoint, Profile};
use crate::error::{Error, Result};
use crate::policy::Policy;
use serde::{Deserialize, Serialize};

/// Bits of [`CandidateColumns::flags`].
#[derive(Debug, Clone, Copy)]
pub struct ColumnFlags;

impl ColumnFlags {
    /// Account active.
    pub const ACTIVE: u8 = 1;
    /// Identity verified.
    pub const VERIFIED: u8 = 2;
    /// Royal Club member.
    pub const ROYAL: u8 = 4;
    /// Has a video intro.
    pub const VIDEO_INTRO: u8 = 8;
    /// Has a non-empty bio.
    pub const BIO: u8 = 16;
    /// `latitudes`/`longitudes` hold a location.
    pub const LOCATION: u8 = 32;
    /// `last_active_ms` holds a time.
    pub const LAST_ACTIVE: u8 = 64;
    const KNOWN: u8 = 127;
}

/// A deck as columns: entry `i` of every array describes candidate `i`. All arrays have the
/// same length `n`, and `user_ids` holds `n` ids joined with `'\n'` (so ids cannot contain a
/// newline). Missing values: gender code 0, birth date 0, response rate 0 (missing counts as 0
/// anyway), a cleared `LOCATION`/`LAST_ACTIVE` flag, and a `boost_until_ms` not after now
/// (0 for "no boost"). Every entry is validated, used or not: latitudes within ±90,
/// longitudes within ±180, response rates finite (NaN anywhere is `INVALID_INPUT`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(deny_unknown_fields)]
pub struct CandidateColumns {
    /// User ids joined with `'\n'`.
    pub user_ids: String,
    /// Bit set of [`ColumnFlags`].
    pub flags: Vec<u8>,
    /// Photos.
    pub photos: Vec<u32>,
    /// Interests.
    pub interests: Vec<u32>,
    /// Loyalty levels.
    pub loyalty_levels: Vec<u32>,
    /// Reports.
    pub reports: Vec<u32>,
    /// Gender codes ([`Gender::code`]; 0 = none).
    pub genders: Vec<u8>,
    /// Birth dates as `yyyymmdd` (0 = none).
    pub birth_dates: Vec<u32>,
    /// Latitudes, degrees (read when the `LOCATION` flag is set).
    pub latitudes: Vec<f64>,
    /// Longitudes, degrees (read when the `LOCATION` flag is set).
    pub longitudes: Vec<f64>,
    /// Response rates in [0, 1].
    pub response_rates: Vec<f64>,
    /// Last activity, ms (read when the `LAST_ACTIVE` flag is set).
    pub last_active_ms: Vec<i64>,
    /// Paid boost end, ms (boosted while `now_ms < boost_until_ms`).
    pub boost_until_ms: Vec<i64>,
}

impl CandidateColumns {
    /// Number of candidates (the length of `flags`).
    pub fn len(&self) -> usize {
        self.flags.len()
    }

    /// Whether there are no candidates.
    pub fn is_empty(&self) -> bool {
        self.flags.is_empty()
    }

    /// Appends one candidate (`INVALID_INPUT` if its id contains a newline).
    pub fn push(&mut self, c: &Candidate) -> Result<()> {
        if c.user_id.contains('\n') {
            return Err(Error::invalid(format!("user id {:?} contains a newline", c.user_id)));
        }
        let p = &c.profile;
        let bit = |on: bool, b: u8| if on { b } else { 0 };
        if !self.is_empty() {
            self.user_ids.push('\n');
        }
        self.user_ids.push_str(&c.user_id);
        self.flags.push(
            bit(c.active, ColumnFlags::ACTIVE)
                | bit(c.verified, ColumnFlags::VERIFIED)
                | bit(p.royal, ColumnFlags::ROYAL)
                | bit(p.has_video_intro, ColumnFlags::VIDEO_INTRO)
                | bit(p.has_bio, ColumnFlags::BIO)
                | bit(p.location.is_some(), ColumnFlags::LOCATION)
                | bit(p.last_active_ms.is_some(), ColumnFlags::LAST_ACTIVE),
        );
        self.photos.push(p.photos);
        self.interests.push(p.interests);
        self.loyalty_levels.push(p.loyalty_level);
        self.reports.push(p.reports);
        self.genders.push(p.gender.map_or(0, Gender::code));
        self.birth_dates.push(p.birth_date.map_or(0, BirthDate::yyyymmdd));
        self.latitudes.push(p.location.map_or(0.0, |l| l.lat));
        self.longitudes.push(p.location.map_or(0.0, |l| l.lon));
        self.response_rates.push(p.response_rate.unwrap_or(0.0));
        self.last_active_ms.push(p.last_active_ms.unwrap_or(0));
        self.boost_until_ms.push(c.boost_until_ms.unwrap_or(0));
        Ok(())
    }

    /// The columns of a list of candidates.
    pub fn from_candidates(candidates: &[Candidate]) -> Result<CandidateColumns> {
        let mut cols = CandidateColumns::default();
        for c in candidates {
            cols.push(c)?;
        }
        Ok(cols)
    }

    /// Checks the shape and every value in bulk (tight loops over each column), so that the
    /// ranking loop reads entries without further checks.
    fn view(&self) -> Result<ColumnView<'_>> {
        let n = self.len();
        let lens = [
            self.photos.len(),
            self.interests.len(),
            self.loyalty_levels.len(),
            self.reports.len(),
            self.genders.len(),
            self.birth_dates.len(),
            self.latitudes.len(),
            self.longitudes.len(),
            self.response_rates.len(),
            self.last_active_ms.len(),
            self.boost_until_ms.len(),
        ];
        if lens.iter().any(|&l| l != n) {
            return Err(Error::invalid(format!(
                "candidate columns have different lengths: flags {n}, others {lens:?}"
            )));
        }
        let ids = split_ids(&self.user_ids, n)?;
        let bad = |i: Option<usize>, what: &str| -> Result<()> {
            match i {
                None => Ok(()),
                Some(i) => {
                    let id = ids.get(i).unwrap_or_default();
                    Err(Error::invalid(format!("candidate {id:?}: {what}")))
                }
            }
        };
        // Each check is a branch-free fold over one column (vectorised); the slow search for the
        // offending index runs only when something is wrong. `x.abs() <= limit` is false for
        // NaN and infinities.
        fn first<T: Copy>(v: &[T], ok: impl Fn(T) -> bool) -> Option<usize> {
            if v.iter().fold(true, |all, &x| all & ok(x)) {
                None
            } else {
                v.iter().position(|&x| !ok(x))
            }
        }
        bad(first(&self.flags, |f| f & !ColumnFlags::KNOWN == 0), "unknown flag bits")?;
        bad(first(&self.genders, |g| g <= 3), "gender code is not 0..=3")?;
        bad(
            first(&self.birth_dates, |d| (d == 0) | is_calendar_day(d)),
            "birth date is not a calendar day (yyyymmdd)",
        )?;
        bad(first(&self.latitudes, |x| x.abs() <= 90.0), "latitude is not a number within -90..=90")?;
        bad(first(&self.longitudes, |x| x.abs() <= 180.0), "longitude is not a number within -180..=180")?;
        bad(first(&self.response_rates, |x| x.is_finite()), "response rate is not a finite number")?;
        Ok(ColumnView { cols: self, ids })
    }
}

struct ColumnView<'a> {
    cols: &'a CandidateColumns,
    ids: IdList<'a>,
}

#[inline]
fn at<T: Copy>(v: &[T], i: usize) -> Result<T> {
    v.get(i).copied().ok_or_else(|| Error::invalid("candidate column index out of range"))
}

/// Preference-mask bit of each columnar gender code (`Gender::bit`; 0 = none).
const GENDER_BITS: [u8; 4] = [0, 1, 2, 4];

#[inline]
fn gender_of(code: u8) -> Option<Gender> {
    Gender::from_code(code).ok().flatten()
}

/// A birth date column entry, already checked by `view`.
#[inline]
fn birth_of(value: u32) -> Option<BirthDate> {
    if value == 0 {
        None
    } else {
        Some(BirthDate::from_checked(value))
    }
}

impl Source for ColumnView<'_> {
    fn len(&self) -> usize {
        self.ids.len()
    }

    /// Validated in bulk by `view`.
    #[inline]
    fn check(&self, _i: usize) -> Result<()> {
        Ok(())
    }

    #[inline]
    fn id(&self, i: usize) -> Result<&str> {
        self.ids.get(i).ok_or_else(|| Error::invalid("candidate id index out of range"))
    }

    #[inline]
    fn cheap(&self, i: usize) -> Result<Cheap> {
        let c = self.cols;
        let flags = at(&c.flags, i)?;
        Ok(Cheap {
            active: flags & ColumnFlags::ACTIVE != 0,
            verified: flags & ColumnFlags::VERIFIED != 0,
            gender_bit: GENDER_BITS.get(usize::from(at(&c.genders, i)?)).copied().unwrap_or(0),
            birth: birth_of(at(&c.birth_dates, i)?),
        })
    }

    // Inlined into the engine loop: returned through memory, the row's field-by-field
    // stores followed by wide reloads cost a store-forwarding stall per candidate.
    #[inline(always)]
    fn row(&self, i: usize) -> Result<Row> {
        let c = self.cols;
        let flags = at(&c.flags, i)?;
        let has = |b: u8| flags & b != 0;
        let location = if has(ColumnFlags::LOCATION) {
            Some(GeoPoint { lat: at(&c.latitudes, i)?, lon: at(&c.longitudes, i)? })
        } else {
            None
        };
        let profile = Profile {
            photos: at(&c.photos, i)?,
            has_video_intro: has(ColumnFlags::VIDEO_INTRO),
            has_bio: has(ColumnFlags::BIO),
            birth_date: birth_of(at(&c.birth_dates, i)?),
            gender: gender_of(at(&c.genders, i)?),
            location,
            interests: at(&c.interests, i)?,
            response_rate: Some(at(&c.response_rates, i)?),
            royal: has(ColumnFlags::ROYAL),
            loyalty_level: at(&c.loyalty_levels, i)?,
            last_active_ms: if has(ColumnFlags::LAST_ACTIVE) { Some(at(&c.last_active_ms, i)?) } else { None },
            reports: at(&c.reports, i)?,
        };
        Ok(Row {
            active: has(ColumnFlags::ACTIVE),
            verified: has(ColumnFlags::VERIFIED),
            boost_until_ms: Some(at(&c.boost_until_ms, i)?),
            profile,
        })
    }
}

/// [`super::rank_candidates`] over the columnar form: the same filters, order and page.
/// Extra errors (`INVALID_INPUT`): columns of different lengths, a wrong id count, an invalid
/// `yyyymmdd` birth date, a gender code above 3, unknown flag bits.
pub fn rank_candidate_columns(
    policy: &Policy,
    viewer: &Viewer,
    columns: &CandidateColumns,
    now_ms: i64,
    page: &PageRequest,
) -> Result<RankedPage> {
    rank_source(policy, viewer, &columns.view()?, now_ms, page)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn split_ids(joined: &str, n: usize) -> Result<Vec<&str>> {
        let list = super::split_ids(joined, n)?;
        assert!(list.get(n).is_none());
        Ok((0..list.len()).filter_map(|i| list.get(i)).collect())
    }

    #[test]
    fn ids_split_exactly() {
        assert_eq!(split_ids("", 0).unwrap(), Vec::<&str>::new());
        assert_eq!(split_ids("", 1).unwrap(), vec![""]);
        assert_eq!(split_ids("a\n\nżółw-1234567\nb", 4).unwrap(), vec!["a", "", "żółw-1234567", "b"]);
        let long: Vec<String> = (0..100).map(|i| format!("user-{i:0>width$}", width = i % 13)).collect();
        assert_eq!(split_ids(&long.join("\n"), 100).unwrap(), long.iter().map(String::as_str).collect::<Vec<_>>());
        assert_eq!(split_ids("a\n", 2).unwrap(), vec!["a", ""]);
        assert!(split_ids("a\nb", 3).is_err());
    }
}

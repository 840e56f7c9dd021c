//! The viewer's filters prepared once per call (flags, lists, gender, age, distance with a
//! bounding-box pre-check), the rows the engine reads, and the id hasher of the viewer lists.

use super::discovery::{DropReason, RankedCandidate, Viewer};
use super::score::{distance_of_h, BirthDate, Gender, GeoPoint, Origin, Profile, ScoreRules};
use super::RankingPolicy;
use crate::error::{Error, Result};
use crate::identity::IdKey;
use crate::time::{age_years, utc_date};
use chrono::Datelike;
use std::collections::HashMap;
use std::f64::consts::FRAC_PI_2;
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
    #[inline]
    fn write_u64(&mut self, i: u64) {
        self.add(i);
    }
    #[inline]
    fn write_usize(&mut self, i: usize) {
        self.add(u64::try_from(i).unwrap_or(u64::MAX));
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

struct Geo {
    origin: Origin,
    max_km: f64,
    /// `None` when the limit is too large for a useful box.
    bounds: Option<GeoBox>,
}

/// A latitude/longitude box (degrees) around the viewer holding every point whose computed
/// haversine distance is within the limit, so a point outside it can be dropped without any
/// trigonometry; the haversine still decides for every point inside (the result is exact).
///
/// Why it holds: with `θ = max_km / R` and `h = sin²(Δφ/2) + cos φ₀ cos φ sin²(Δλ/2)`, a
/// distance `2R·asin(√h) ≤ max_km` means `h ≤ sin²(θ/2)`. Both terms of `h` are ≥ 0, so
/// (1) `sin²(Δφ/2) ≤ sin²(θ/2)`, i.e. `|Δφ| ≤ θ`; and (2) with `|φ| ≤ |φ₀| + θ < 90°`,
/// `cos φ ≥ cos(|φ₀| + θ)`, so `sin(|Δλ|/2) ≤ sin(θ/2) / √(cos φ₀ · cos(|φ₀| + θ))`, which
/// bounds `|Δλ|` (taken round the ±180° meridian, since `sin²(Δλ/2)` has period 360°). When
/// the cap reaches a pole (`|φ₀| + θ` near 90°) or the bound nears 1, longitude is left
/// free. Rounding: every computed term of `h` is ≥ 0 and rounding is monotone, so the
/// computed `h` also bounds each term up to relative errors near 1e-16; the box adds a
/// relative margin of 1e-6 to `θ` and 1e-6° (about 11 cm) to each half-width, far beyond
/// those errors (the cap stops 1e-3 rad short of a pole, so `cos φ` keeps its precision).
///
/// Inside the box, the computed `h` settles the verdict without `√` and `asin` when it is
/// more than a relative 1e-9 away from `h_limit = sin²(θ/2)`: `asin` is convex with
/// `asin 0 = 0`, so `asin(c·x) ≤ c·asin x` for `c ≤ 1` and `≥` for `c ≥ 1`; a term
/// `h ≤ h_limit·(1 − 1e-9)` gives a distance at most `max_km·(1 − 5e-10)` and one above
/// `h_limit·(1 + 1e-9)` at least `max_km·(1 + 4.9e-10)`, while `sin`, `√`, `asin` and
/// the products err by a few 1e-16 (θ < 1, far from the steep end of `asin`). In the band
/// between, the distance is computed from the same `h` exactly as [`haversine_km`] does.
///
/// [`haversine_km`]: super::haversine_km
#[derive(Debug, Clone, Copy)]
pub(crate) struct GeoBox {
    lat: f64,
    lon: f64,
    /// Half-height, degrees.
    dlat: f64,
    /// Half-width, degrees (infinite: no longitude bound).
    dlon: f64,
    /// A haversine term `h` at most this is certainly within the limit ...
    h_within: f64,
    /// ... and one above this certainly beyond it; in between, the distance decides.
    h_beyond: f64,
}

impl GeoBox {
    /// The box for `origin` and `max_km` on a sphere of `radius_km`; `None` when the limit
    /// is a radian or more (a box would drop almost nothing there).
    pub(crate) fn new(origin: GeoPoint, max_km: f64, radius_km: f64) -> Option<GeoBox> {
        const MARGIN_DEG: f64 = 1e-6;
        let theta = max_km / radius_km * (1.0 + 1e-6) + 1e-12;
        if theta >= 1.0 {
            return None;
        }
        let phi0 = origin.lat.to_radians().abs();
        let cap = phi0 + theta;
        let dlon = if cap >= FRAC_PI_2 - 1e-3 {
            f64::INFINITY
        } else {
            let bound = (theta / 2.0).sin() / (phi0.cos() * cap.cos()).sqrt() * (1.0 + 1e-9);
            if bound >= 0.99 {
                f64::INFINITY
            } else {
                (2.0 * bound.asin() * (1.0 + 1e-6)).to_degrees() + MARGIN_DEG
            }
        };
        let h_limit = (max_km / radius_km / 2.0).sin().powi(2);
        Some(GeoBox {
            lat: origin.lat,
            lon: origin.lon,
            dlat: theta.to_degrees() + MARGIN_DEG,
            dlon,
            h_within: h_limit * (1.0 - 1e-9),
            h_beyond: h_limit * (1.0 + 1e-9),
        })
    }

    /// Whether `p` may be within the limit (`false` means certainly farther).
    #[inline]
    pub(crate) fn contains(&self, p: GeoPoint) -> bool {
        let d = (p.lon - self.lon).abs();
        (p.lat - self.lat).abs() <= self.dlat && d.min(360.0 - d) <= self.dlon
    }
}

/// The viewer's filters, prepared once per call.
pub(crate) struct Prepared<'v> {
    rules: &'v RankingPolicy,
    /// The score rules resolved once for the whole deck.
    pub score: ScoreRules,
    now_ms: i64,
    viewer_id: IdKey<'v>,
    gender_mask: u8,
    today: chrono::NaiveDate,
    today_key: i64,
    /// Birth keys `<=` this are at least `age_min`.
    oldest_key_for_min: i64,
    /// Birth keys `>` this are at most `age_max`.
    youngest_key_excluded: i64,
    age_min_is_zero: bool,
    origin: Option<Origin>,
    geo: Option<Geo>,
    /// Viewer lists: one entry per id with the highest-precedence reason.
    /// Keys compare ids by canonical form ([`crate::identity`]: trimmed, NFC, case-insensitive).
    excluded: HashMap<IdKey<'v>, DropReason, BuildHasherDefault<IdHasher>>,
}

impl<'v> Prepared<'v> {
    pub(crate) fn new(rules: &'v RankingPolicy, viewer: &'v Viewer, now_ms: i64) -> Result<Self> {
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
            (Some(max_km), Some(origin)) => Some(Geo {
                origin: Origin::new(origin),
                max_km,
                bounds: GeoBox::new(origin, max_km, rules.earth_radius_km),
            }),
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
            excluded.extend(ids.iter().map(|id| (IdKey::new(id), reason)));
        }
        Ok(Prepared {
            rules,
            score: ScoreRules::new(rules),
            now_ms,
            viewer_id: IdKey::new(&viewer.user_id),
            gender_mask: viewer.interested_in.iter().fold(0, |m, g| m | g.bit()),
            today,
            today_key: ty * 10_000 + tmd,
            oldest_key_for_min: (ty - i64::from(viewer.age_min)) * 10_000 + tmd,
            youngest_key_excluded: (ty - i64::from(viewer.age_max) - 1) * 10_000 + tmd,
            age_min_is_zero: viewer.age_min == 0,
            origin: viewer.location.map(Origin::new),
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
        Some(self.origin?.distance_km(loc?, self.rules.earth_radius_km))
    }

    /// The exact distance filter (haversine for every located candidate).
    fn distance_reason(&self, loc: Option<GeoPoint>) -> Option<DropReason> {
        let geo = self.geo.as_ref()?;
        match loc {
            None => Some(DropReason::LocationMissing),
            Some(p) => {
                (geo.origin.distance_km(p, self.rules.earth_radius_km) > geo.max_km).then_some(DropReason::TooFar)
            }
        }
    }

    fn list_reason(&self, id: &IdKey<'_>) -> Option<DropReason> {
        if self.excluded.is_empty() {
            return None;
        }
        self.excluded.get(id).copied()
    }

    /// Cheap filters (flags, gender, age): integer work only, and branch-free (`&`, not
    /// `&&`): their outcomes are random from one candidate to the next, so each branch would
    /// be a likely misprediction; the same verdicts as [`Self::gender_reason`] and
    /// [`Self::age_reason`] being `None`.
    #[inline]
    pub(crate) fn cheap_pass(&self, c: Cheap) -> bool {
        let gender_ok = (self.gender_mask == 0) | (c.gender_bit & self.gender_mask != 0);
        let key = i64::from(c.birth.map_or(0, BirthDate::yyyymmdd));
        let future = key > self.today_key;
        let age_ok = c.birth.is_some()
            & ((future & self.age_min_is_zero)
                | (!future & (key <= self.oldest_key_for_min) & (key > self.youngest_key_excluded)));
        c.active & c.verified & gender_ok & age_ok
    }

    /// Costlier filters (distance, identity, viewer lists), run only for candidates that would
    /// enter the page. Only the verdict matters here, so the order is free: the distance goes
    /// first as it needs no id bytes (ids live elsewhere in memory), and within it the box
    /// and the haversine term `h` settle most points without the square root and arcsine.
    pub(crate) fn costly_pass(&self, id: &str, r: &Row) -> bool {
        self.distance_pass(r.profile.location) && {
            let key = IdKey::new(id);
            key != self.viewer_id && self.list_reason(&key).is_none()
        }
    }

    /// The same verdict as [`Self::distance_reason`] being `None` (see [`GeoBox`]).
    #[inline]
    fn distance_pass(&self, loc: Option<GeoPoint>) -> bool {
        let Some(geo) = self.geo.as_ref() else { return true };
        let Some(p) = loc else { return false };
        let radius = self.rules.earth_radius_km;
        let Some(b) = geo.bounds.as_ref() else { return geo.origin.distance_km(p, radius) <= geo.max_km };
        if !b.contains(p) {
            return false;
        }
        let h = geo.origin.haversine_h(p);
        if h <= b.h_within {
            true
        } else if h > b.h_beyond {
            false
        } else {
            distance_of_h(h, radius) <= geo.max_km
        }
    }

    /// Every filter, in the documented order; the first failing one.
    pub(crate) fn drop_reason(&self, id: &str, r: &Row) -> Option<DropReason> {
        let key = IdKey::new(id);
        if key == self.viewer_id {
            return Some(DropReason::IsViewer);
        }
        if !r.active {
            return Some(DropReason::NotActive);
        }
        if !r.verified {
            return Some(DropReason::NotVerified);
        }
        self.list_reason(&key)
            .or_else(|| self.gender_reason(r.profile.gender.map_or(0, Gender::bit)))
            .or_else(|| self.age_reason(r.profile.birth_date))
            .or_else(|| self.distance_reason(r.profile.location))
    }

    fn boosted(&self, r: &Row) -> bool {
        r.boost_until_ms.is_some_and(|until| self.now_ms < until)
    }

    #[inline]
    pub(crate) fn rank(&self, r: &Row, score: f64) -> f64 {
        let mut rank = score;
        if r.profile.royal {
            rank *= 1.0 + self.rules.royal_boost;
        }
        if self.boosted(r) {
            rank *= self.rules.paid_boost_factor;
        }
        rank
    }

    pub(crate) fn ranked(&self, id: &str, r: &Row) -> Result<RankedCandidate> {
        let score = self.score.score(&r.profile, self.now_ms);
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

pub(crate) fn with_id(e: Error, id: &str) -> Error {
    Error::invalid(format!("candidate {id:?}: {}", e.reason))
}

//! The six-component profile score (SPEC §5.1) and the value types it reads.

pub use super::birth::BirthDate;
use super::RankingPolicy;
use crate::error::{Error, Result};
use crate::policy::Policy;
use serde::{Deserialize, Serialize};

const MS_PER_HOUR: f64 = 3_600_000.0;

/// `k / 5` for k present fields out of five (the same values as the division).
/// (Padded to eight entries so that a masked index is always in bounds.)
const COMPLETENESS: [f64; 8] = [0.0, 1.0 / 5.0, 2.0 / 5.0, 3.0 / 5.0, 4.0 / 5.0, 1.0, 1.0, 1.0];

/// A profile's gender, as used by the viewer's preference filter.
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[serde(rename_all = "snake_case")]
pub enum Gender {
    /// Female.
    Female,
    /// Male.
    Male,
    /// Non-binary.
    NonBinary,
}

impl Gender {
    /// Bit of this gender in a preference mask.
    pub(crate) const fn bit(self) -> u8 {
        // Also the value of `GENDER_BITS[code]` for the columnar code.
        match self {
            Gender::Female => 1,
            Gender::Male => 2,
            Gender::NonBinary => 4,
        }
    }

    /// The columnar code: 1 female, 2 male, 3 non-binary (0 means "no gender").
    pub const fn code(self) -> u8 {
        match self {
            Gender::Female => 1,
            Gender::Male => 2,
            Gender::NonBinary => 3,
        }
    }

    /// The gender of a columnar code (0 = none; anything above 3 is `INVALID_INPUT`).
    pub fn from_code(code: u8) -> Result<Option<Gender>> {
        match code {
            0 => Ok(None),
            1 => Ok(Some(Gender::Female)),
            2 => Ok(Some(Gender::Male)),
            3 => Ok(Some(Gender::NonBinary)),
            other => Err(Error::invalid(format!("gender code {other} is not 0..=3"))),
        }
    }
}

/// A point on Earth in degrees (latitude −90..=90, longitude −180..=180).
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(deny_unknown_fields)]
pub struct GeoPoint {
    /// Latitude, degrees.
    pub lat: f64,
    /// Longitude, degrees.
    pub lon: f64,
}

impl GeoPoint {
    /// `INVALID_INPUT` unless both coordinates are finite and in range.
    #[inline]
    pub fn validate(&self) -> Result<()> {
        if self.in_range() {
            Ok(())
        } else {
            Err(self.invalid())
        }
    }

    /// Both coordinates in range (`abs() <= limit` is false for NaN and infinities).
    #[inline]
    pub(crate) fn in_range(&self) -> bool {
        self.lat.abs() <= 90.0 && self.lon.abs() <= 180.0
    }

    #[cold]
    #[inline(never)]
    fn invalid(&self) -> Error {
        Error::invalid(format!("location ({}, {}) is not a valid latitude/longitude", self.lat, self.lon))
    }
}

/// Great-circle distance in km by the haversine formula on a sphere of `radius_km`.
pub fn haversine_km(a: GeoPoint, b: GeoPoint, radius_km: f64) -> f64 {
    Origin::new(a).distance_km(b, radius_km)
}

/// A haversine origin with its latitude in radians and that latitude's cosine computed once:
/// [`haversine_km`] and the ranking engine both measure through [`Origin::distance_km`], so a
/// distance is the same bits whichever path computed it.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Origin {
    point: GeoPoint,
    lat_rad: f64,
    cos_lat: f64,
}

impl Origin {
    #[inline]
    pub(crate) fn new(point: GeoPoint) -> Origin {
        let lat_rad = point.lat.to_radians();
        Origin { point, lat_rad, cos_lat: lat_rad.cos() }
    }

    #[inline]
    pub(crate) fn distance_km(&self, b: GeoPoint, radius_km: f64) -> f64 {
        distance_of_h(self.haversine_h(b), radius_km)
    }

    /// The haversine term `h = sin²(Δφ/2) + cos φ₁ cos φ₂ sin²(Δλ/2)`, clamped to [0, 1].
    #[inline]
    pub(crate) fn haversine_h(&self, b: GeoPoint) -> f64 {
        let (p1, p2) = (self.lat_rad, b.lat.to_radians());
        let dp = p2 - p1;
        let dl = (b.lon - self.point.lon).to_radians();
        let s1 = (dp / 2.0).sin();
        let s2 = (dl / 2.0).sin();
        (s1 * s1 + self.cos_lat * p2.cos() * s2 * s2).clamp(0.0, 1.0)
    }
}

/// The distance of a haversine term: `2R·asin(√h)`.
#[inline]
pub(crate) fn distance_of_h(h: f64, radius_km: f64) -> f64 {
    2.0 * radius_km * h.sqrt().asin()
}

impl Origin {}

/// Whether a bio counts as present for completeness: non-empty after trimming white space.
pub fn bio_present(bio: &str) -> bool {
    !bio.trim().is_empty()
}

/// What the profile score reads. Every field may be missing (absent in JSON): missing data
/// counts as 0 (SPEC §5.1). Plain `Copy` data so a large deck converts cheaply.
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(default, deny_unknown_fields)]
pub struct Profile {
    /// Number of photos.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub photos: u32,
    /// Whether the profile has a video intro.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub has_video_intro: bool,
    /// Whether the bio is non-empty (see [`bio_present`]).
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub has_bio: bool,
    /// Birth date.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub birth_date: Option<BirthDate>,
    /// Gender.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub gender: Option<Gender>,
    /// Location.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub location: Option<GeoPoint>,
    /// Number of interests.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub interests: u32,
    /// Response rate in [0, 1] (clamped); must be finite.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub response_rate: Option<f64>,
    /// Royal Club member (loyalty component 1, and the discovery boost).
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub royal: bool,
    /// Loyalty level (0..; `min(1, level / 10)`).
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub loyalty_level: u32,
    /// Last activity, ms since the epoch (a future time counts as now).
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub last_active_ms: Option<i64>,
    /// Number of reports against the profile.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub reports: u32,
}

impl Profile {
    /// `INVALID_INPUT` if a float is NaN/infinite or the location is out of range.
    /// One branch on the valid path; the message is built only on failure.
    #[inline]
    pub fn validate(&self) -> Result<()> {
        if self.is_valid() {
            Ok(())
        } else {
            Err(self.invalid())
        }
    }

    /// The verdict of [`Self::validate`] without building the error.
    #[inline]
    pub(crate) fn is_valid(&self) -> bool {
        let rate_ok = match self.response_rate {
            Some(r) => r.is_finite(),
            None => true,
        };
        let location_ok = match &self.location {
            Some(loc) => loc.in_range(),
            None => true,
        };
        rate_ok & location_ok
    }

    /// The error for an invalid profile (the response rate reported first, as before).
    #[cold]
    #[inline(never)]
    fn invalid(&self) -> Error {
        match (self.response_rate, &self.location) {
            (Some(r), _) if !r.is_finite() => Error::invalid(format!("response_rate {r} is not a finite number")),
            (_, Some(loc)) => loc.invalid(),
            _ => Error::invalid("invalid profile"),
        }
    }
}

/// A profile score: the total in [0, 100] and the six unweighted components in [0, 1].
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct ProfileScore {
    /// `Σ weight × component`, in [0, 100].
    pub total: f64,
    /// `min(1, photos / 6 + 0.2 if video intro)`.
    pub photos: f64,
    /// Share present of: bio, birth date, gender, location, ≥ 1 interest.
    pub completeness: f64,
    /// Response rate, clamped.
    pub responsiveness: f64,
    /// 1 if Royal Club, else `min(1, level / 10)`.
    pub loyalty: f64,
    /// `max(0, 1 − hours since last active / 168)`, computed as
    /// `1 − idle_ms / (168 × 3 600 000)`.
    pub activity: f64,
    /// `1 − min(1, reports × 0.2)`.
    pub trust: f64,
}

/// The profile score of SPEC §5.1 at `now_ms`. `INVALID_INPUT` only for NaN/infinite or
/// out-of-range floats in the profile (see [`Profile::validate`]).
#[inline]
pub fn profile_score(policy: &Policy, profile: &Profile, now_ms: i64) -> Result<ProfileScore> {
    profile.validate()?;
    Ok(ScoreRules::new(&policy.ranking).score(profile, now_ms))
}

#[inline]
fn clamp01(x: f64) -> f64 {
    x.clamp(0.0, 1.0)
}

/// The score rules of a policy resolved once (integer divisors as `f64`, the activity window
/// in ms). The one scoring function of the crate: [`profile_score`], the ranking engine and its
/// full-sort reference all call [`ScoreRules::score`], so their values are bit-identical.
/// Every quotient is still computed as `x / y` (no reciprocals), so the values are those of
/// the plain formulas.
#[derive(Debug, Clone, Copy)]
pub(crate) struct ScoreRules {
    /// Weights in the table's order: photos, completeness, responsiveness, loyalty, activity,
    /// trust.
    weights: [f64; 6],
    photos_for_full: f64,
    video_intro_bonus: f64,
    loyalty_levels: f64,
    /// `activity_decay_hours × 3 600 000`.
    decay_ms: f64,
    report_penalty: f64,
}

impl ScoreRules {
    #[inline]
    pub(crate) fn new(rules: &RankingPolicy) -> ScoreRules {
        let w = &rules.weights;
        ScoreRules {
            weights: [w.photos, w.completeness, w.responsiveness, w.loyalty, w.activity, w.trust],
            photos_for_full: f64::from(rules.photos_for_full),
            video_intro_bonus: rules.video_intro_bonus,
            loyalty_levels: f64::from(rules.loyalty_levels),
            decay_ms: rules.activity_decay_hours * MS_PER_HOUR,
            report_penalty: rules.report_penalty,
        }
    }

    /// The score of an already validated profile.
    #[inline]
    pub(crate) fn score(&self, p: &Profile, now_ms: i64) -> ProfileScore {
        let video = if p.has_video_intro { self.video_intro_bonus } else { 0.0 };
        let photos = clamp01(f64::from(p.photos) / self.photos_for_full + video);
        let present = u8::from(p.has_bio)
            + u8::from(p.birth_date.is_some())
            + u8::from(p.gender.is_some())
            + u8::from(p.location.is_some())
            + u8::from(p.interests > 0);
        // `present` is at most 5; the mask makes the bound visible to the compiler.
        let completeness = COMPLETENESS.get(usize::from(present & 7)).copied().unwrap_or(1.0);
        let responsiveness = clamp01(p.response_rate.unwrap_or(0.0));
        let loyalty = if p.royal { 1.0 } else { clamp01(f64::from(p.loyalty_level) / self.loyalty_levels) };
        let activity = match p.last_active_ms {
            None => 0.0,
            Some(t) => {
                let idle_ms = now_ms.saturating_sub(t).max(0);
                clamp01(1.0 - idle_ms as f64 / self.decay_ms)
            }
        };
        let trust = clamp01(1.0 - (f64::from(p.reports) * self.report_penalty).min(1.0));
        let [w_photos, w_completeness, w_responsiveness, w_loyalty, w_activity, w_trust] = self.weights;
        // Summed pairwise (three independent pairs, then their sum): half the dependent additions
        // of a left-to-right sum. SPEC §5.1 fixes the terms, not their order; every platform
        // runs this same code, so scores stay identical everywhere.
        let sum = (w_photos * photos + w_completeness * completeness)
            + (w_responsiveness * responsiveness + w_loyalty * loyalty)
            + (w_activity * activity + w_trust * trust);
        // `+ 0.0` turns a −0.0 into +0.0 so `total_cmp` never separates equal zero scores.
        let total = sum.clamp(0.0, 100.0) + 0.0;
        ProfileScore { total, photos, completeness, responsiveness, loyalty, activity, trust }
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn full_profile_scores_exactly_100() {
        let p = Profile {
            photos: 6,
            has_bio: true,
            birth_date: BirthDate::parse("1990-01-01").ok(),
            gender: Some(Gender::Female),
            location: Some(GeoPoint { lat: 52.0, lon: 21.0 }),
            interests: 3,
            response_rate: Some(1.0),
            royal: true,
            last_active_ms: Some(1_000),
            ..Profile::default()
        };
        let s = profile_score(&Policy::default(), &p, 1_000).unwrap();
        assert_eq!(s.total, 100.0);
        let empty = profile_score(&Policy::default(), &Profile::default(), 0).unwrap();
        assert_eq!(empty.total, 10.0); // only trust (no reports) is 1
    }

    #[test]
    fn birth_date_forms() {
        let d = BirthDate::parse("2008-02-29").unwrap();
        assert_eq!(d.yyyymmdd(), 20_080_229);
        assert_eq!(BirthDate::from_yyyymmdd(20_080_229).unwrap(), d);
        assert!(BirthDate::from_yyyymmdd(20_070_229).is_err());
        assert!(BirthDate::from_yyyymmdd(0).is_err());
        assert_eq!(String::from(d), "2008-02-29");
        let nan = Profile { response_rate: Some(f64::NAN), ..Profile::default() };
        assert!(profile_score(&Policy::default(), &nan, 0).is_err());
    }
}

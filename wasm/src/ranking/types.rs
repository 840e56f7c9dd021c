//! Mirror types of `core/src/ranking` (same serde shape as the core types).

use avalo_core::ranking as rules;
use avalo_core::{Error, Result};
use serde::{Deserialize, Serialize};
use tsify::Tsify;

/// A profile's gender.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Tsify)]
#[serde(rename_all = "snake_case")]
pub enum Gender {
    /// Female.
    Female,
    /// Male.
    Male,
    /// Non-binary.
    NonBinary,
}

impl From<Gender> for rules::Gender {
    fn from(g: Gender) -> Self {
        match g {
            Gender::Female => rules::Gender::Female,
            Gender::Male => rules::Gender::Male,
            Gender::NonBinary => rules::Gender::NonBinary,
        }
    }
}

/// A point on Earth in degrees (latitude −90..=90, longitude −180..=180).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, Tsify)]
pub struct GeoPoint {
    /// Latitude, degrees.
    pub lat: f64,
    /// Longitude, degrees.
    pub lon: f64,
}

impl From<GeoPoint> for rules::GeoPoint {
    fn from(p: GeoPoint) -> Self {
        let GeoPoint { lat, lon } = p;
        rules::GeoPoint { lat, lon }
    }
}

/// What the profile score reads; every field may be missing (missing data counts as 0).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, Tsify)]
#[serde(default)]
pub struct Profile {
    /// Number of photos.
    #[tsify(optional)]
    pub photos: u32,
    /// Whether the profile has a video intro.
    #[tsify(optional)]
    pub has_video_intro: bool,
    /// Whether the bio is non-empty.
    #[tsify(optional)]
    pub has_bio: bool,
    /// Birth date, `"YYYY-MM-DD"`.
    #[tsify(optional)]
    pub birth_date: Option<String>,
    /// Gender.
    #[tsify(optional)]
    pub gender: Option<Gender>,
    /// Location.
    #[tsify(optional)]
    pub location: Option<GeoPoint>,
    /// Number of interests.
    #[tsify(optional)]
    pub interests: u32,
    /// Response rate in [0, 1] (clamped); must be finite.
    #[tsify(optional)]
    pub response_rate: Option<f64>,
    /// Royal Club member.
    #[tsify(optional)]
    pub royal: bool,
    /// Loyalty level.
    #[tsify(optional)]
    pub loyalty_level: u32,
    /// Last activity, ms since the epoch.
    #[tsify(optional)]
    pub last_active_ms: Option<i64>,
    /// Reports against the profile.
    #[tsify(optional)]
    pub reports: u32,
}

impl TryFrom<Profile> for rules::Profile {
    type Error = Error;
    fn try_from(p: Profile) -> Result<Self> {
        let Profile {
            photos,
            has_video_intro,
            has_bio,
            birth_date,
            gender,
            location,
            interests,
            response_rate,
            royal,
            loyalty_level,
            last_active_ms,
            reports,
        } = p;
        Ok(rules::Profile {
            photos,
            has_video_intro,
            has_bio,
            birth_date: birth_date.as_deref().map(rules::BirthDate::parse).transpose()?,
            gender: gender.map(Into::into),
            location: location.map(Into::into),
            interests,
            response_rate,
            royal,
            loyalty_level,
            last_active_ms,
            reports,
        })
    }
}

/// A profile score: the total in [0, 100] and the six unweighted components in [0, 1].
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Tsify)]
pub struct ProfileScore {
    /// `Σ weight × component`, in [0, 100].
    pub total: f64,
    /// Photos component.
    pub photos: f64,
    /// Completeness component.
    pub completeness: f64,
    /// Responsiveness component.
    pub responsiveness: f64,
    /// Loyalty component.
    pub loyalty: f64,
    /// Activity component.
    pub activity: f64,
    /// Trust component.
    pub trust: f64,
}

impl From<rules::ProfileScore> for ProfileScore {
    fn from(s: rules::ProfileScore) -> Self {
        let rules::ProfileScore { total, photos, completeness, responsiveness, loyalty, activity, trust } = s;
        ProfileScore { total, photos, completeness, responsiveness, loyalty, activity, trust }
    }
}

/// The user asking for a deck, with their filters.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Tsify)]
pub struct Viewer {
    /// The viewer's user id.
    pub user_id: String,
    /// Genders the viewer wants to see; empty or absent means everyone.
    #[serde(default)]
    #[tsify(optional)]
    pub interested_in: Vec<Gender>,
    /// Youngest age shown, inclusive.
    pub age_min: u32,
    /// Oldest age shown, inclusive.
    pub age_max: u32,
    /// The viewer's location (required with `max_distance_km`).
    #[serde(default)]
    #[tsify(optional)]
    pub location: Option<GeoPoint>,
    /// Maximum distance, km, inclusive; absent means no distance filter.
    #[serde(default)]
    #[tsify(optional)]
    pub max_distance_km: Option<f64>,
    /// Users the viewer already liked.
    #[serde(default)]
    #[tsify(optional)]
    pub liked_ids: Vec<String>,
    /// Users the viewer already passed.
    #[serde(default)]
    #[tsify(optional)]
    pub passed_ids: Vec<String>,
    /// Users the viewer blocked.
    #[serde(default)]
    #[tsify(optional)]
    pub blocked_ids: Vec<String>,
    /// Users who blocked the viewer.
    #[serde(default)]
    #[tsify(optional)]
    pub blocked_by_ids: Vec<String>,
}

impl From<Viewer> for rules::Viewer {
    fn from(v: Viewer) -> Self {
        let Viewer {
            user_id,
            interested_in,
            age_min,
            age_max,
            location,
            max_distance_km,
            liked_ids,
            passed_ids,
            blocked_ids,
            blocked_by_ids,
        } = v;
        rules::Viewer {
            user_id,
            interested_in: interested_in.into_iter().map(Into::into).collect(),
            age_min,
            age_max,
            location: location.map(Into::into),
            max_distance_km,
            liked_ids,
            passed_ids,
            blocked_ids,
            blocked_by_ids,
        }
    }
}

/// One candidate for the deck.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Tsify)]
pub struct Candidate {
    /// The candidate's user id.
    pub user_id: String,
    /// Account active.
    pub active: bool,
    /// Identity verified.
    pub verified: bool,
    /// End of a paid profile boost, ms (active while `now < boost_until_ms`).
    #[serde(default)]
    #[tsify(optional)]
    pub boost_until_ms: Option<i64>,
    /// What the score and the filters read.
    pub profile: Profile,
}

impl TryFrom<Candidate> for rules::Candidate {
    type Error = Error;
    fn try_from(c: Candidate) -> Result<Self> {
        let Candidate { user_id, active, verified, boost_until_ms, profile } = c;
        let profile =
            profile.try_into().map_err(|e: Error| Error::invalid(format!("candidate {user_id:?}: {}", e.reason)))?;
        Ok(rules::Candidate { user_id, active, verified, boost_until_ms, profile })
    }
}

/// A list of candidates (`Candidate[]`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Tsify)]
#[serde(transparent)]
pub struct Candidates(pub Vec<Candidate>);

/// Which page to return, and whether to explain dropped candidates.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, Tsify)]
#[serde(default)]
pub struct PageRequest {
    /// Page size, 1..=50; absent is the default 20.
    #[tsify(optional)]
    pub size: Option<u32>,
    /// Ranked candidates to skip (0 = the first page).
    #[tsify(optional)]
    pub offset: u32,
    /// List every dropped candidate with its reason (slower; a debug aid).
    #[tsify(optional)]
    pub explain: bool,
}

impl From<PageRequest> for rules::PageRequest {
    fn from(p: PageRequest) -> Self {
        let PageRequest { size, offset, explain } = p;
        rules::PageRequest { size, offset, explain }
    }
}

/// Why a candidate was filtered out (the first reason in the documented order).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Tsify)]
#[serde(rename_all = "snake_case")]
#[allow(missing_docs)] // the variants are the core's, documented there
pub enum DropReason {
    IsViewer,
    NotActive,
    NotVerified,
    BlockedByViewer,
    BlockedViewer,
    AlreadyLiked,
    AlreadyPassed,
    GenderMissing,
    GenderNotWanted,
    BirthDateMissing,
    AgeOutOfRange,
    LocationMissing,
    TooFar,
}

impl From<rules::DropReason> for DropReason {
    fn from(r: rules::DropReason) -> Self {
        use rules::DropReason as R;
        match r {
            R::IsViewer => DropReason::IsViewer,
            R::NotActive => DropReason::NotActive,
            R::NotVerified => DropReason::NotVerified,
            R::BlockedByViewer => DropReason::BlockedByViewer,
            R::BlockedViewer => DropReason::BlockedViewer,
            R::AlreadyLiked => DropReason::AlreadyLiked,
            R::AlreadyPassed => DropReason::AlreadyPassed,
            R::GenderMissing => DropReason::GenderMissing,
            R::GenderNotWanted => DropReason::GenderNotWanted,
            R::BirthDateMissing => DropReason::BirthDateMissing,
            R::AgeOutOfRange => DropReason::AgeOutOfRange,
            R::LocationMissing => DropReason::LocationMissing,
            R::TooFar => DropReason::TooFar,
        }
    }
}

/// A dropped candidate and why (only with `explain`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Tsify)]
pub struct DroppedCandidate {
    /// The candidate's user id.
    pub user_id: String,
    /// The first filter it failed.
    pub reason: DropReason,
}

/// One ranked candidate of the page.
#[derive(Debug, Clone, PartialEq, Serialize, Tsify)]
#[tsify(missing_as_null)]
pub struct RankedCandidate {
    /// The candidate's user id.
    pub user_id: String,
    /// `score × 1.2 if Royal × 2 while boosted`.
    pub rank: f64,
    /// The profile score and its components.
    pub score: ProfileScore,
    /// Royal Club member.
    pub royal: bool,
    /// Paid boost active.
    pub boosted: bool,
    /// Age in whole years.
    pub age: u32,
    /// Distance from the viewer, km, when both locations are known.
    pub distance_km: Option<f64>,
}

/// A page of the deck.
#[derive(Debug, Clone, PartialEq, Serialize, Tsify)]
#[tsify(missing_as_null)] // absent values are `null`, as in the core's JSON
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

impl From<rules::RankedPage> for RankedPage {
    fn from(p: rules::RankedPage) -> Self {
        let rules::RankedPage { results, page_size, offset, dropped, policy_fingerprint } = p;
        RankedPage {
            results: results
                .into_iter()
                .map(|r| {
                    let rules::RankedCandidate { user_id, rank, score, royal, boosted, age, distance_km } = r;
                    RankedCandidate { user_id, rank, score: score.into(), royal, boosted, age, distance_km }
                })
                .collect(),
            page_size,
            offset,
            dropped: dropped
                .into_iter()
                .map(|d| {
                    let rules::DroppedCandidate { user_id, reason } = d;
                    DroppedCandidate { user_id, reason: reason.into() }
                })
                .collect(),
            policy_fingerprint,
        }
    }
}

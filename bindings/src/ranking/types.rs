//! Mirror records and enums of `core/src/ranking` for Swift and Kotlin.

use crate::error::AvaloError;
use avalo_core::ranking as core;

/// A profile's gender.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, uniffi::Enum)]
pub enum Gender {
    /// Female.
    Female,
    /// Male.
    Male,
    /// Non-binary.
    NonBinary,
}

impl From<Gender> for core::Gender {
    fn from(g: Gender) -> Self {
        match g {
            Gender::Female => core::Gender::Female,
            Gender::Male => core::Gender::Male,
            Gender::NonBinary => core::Gender::NonBinary,
        }
    }
}

/// A point on Earth in degrees (latitude −90..=90, longitude −180..=180).
#[derive(Debug, Clone, Copy, PartialEq, uniffi::Record)]
pub struct GeoPoint {
    /// Latitude, degrees.
    pub lat: f64,
    /// Longitude, degrees.
    pub lon: f64,
}

impl From<GeoPoint> for core::GeoPoint {
    fn from(p: GeoPoint) -> Self {
        core::GeoPoint { lat: p.lat, lon: p.lon }
    }
}

/// What the profile score reads; every field may be left out (missing data counts as 0).
#[derive(Debug, Clone, PartialEq, Default, uniffi::Record)]
pub struct Profile {
    /// Number of photos.
    #[uniffi(default)]
    pub photos: u32,
    /// Whether the profile has a video intro.
    #[uniffi(default)]
    pub has_video_intro: bool,
    /// Whether the bio is non-empty.
    #[uniffi(default)]
    pub has_bio: bool,
    /// Birth date, `"YYYY-MM-DD"`.
    #[uniffi(default)]
    pub birth_date: Option<String>,
    /// Gender.
    #[uniffi(default)]
    pub gender: Option<Gender>,
    /// Location.
    #[uniffi(default)]
    pub location: Option<GeoPoint>,
    /// Number of interests.
    #[uniffi(default)]
    pub interests: u32,
    /// Response rate in [0, 1] (clamped); must be finite.
    #[uniffi(default)]
    pub response_rate: Option<f64>,
    /// Royal Club member.
    #[uniffi(default)]
    pub royal: bool,
    /// Loyalty level.
    #[uniffi(default)]
    pub loyalty_level: u32,
    /// Last activity, ms since the epoch.
    #[uniffi(default)]
    pub last_active_ms: Option<i64>,
    /// Reports against the profile.
    #[uniffi(default)]
    pub reports: u32,
}

impl TryFrom<Profile> for core::Profile {
    type Error = AvaloError;
    fn try_from(p: Profile) -> Result<Self, AvaloError> {
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
        Ok(core::Profile {
            photos,
            has_video_intro,
            has_bio,
            birth_date: birth_date.as_deref().map(core::BirthDate::parse).transpose()?,
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
#[derive(Debug, Clone, Copy, PartialEq, uniffi::Record)]
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

impl From<core::ProfileScore> for ProfileScore {
    fn from(s: core::ProfileScore) -> Self {
        let core::ProfileScore { total, photos, completeness, responsiveness, loyalty, activity, trust } = s;
        ProfileScore { total, photos, completeness, responsiveness, loyalty, activity, trust }
    }
}

/// The user asking for a deck, with their filters.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct Viewer {
    /// The viewer's user id.
    pub user_id: String,
    /// Youngest age shown, inclusive.
    pub age_min: u32,
    /// Oldest age shown, inclusive.
    pub age_max: u32,
    /// Genders the viewer wants to see; empty means everyone.
    #[uniffi(default)]
    pub interested_in: Vec<Gender>,
    /// The viewer's location (required with `max_distance_km`).
    #[uniffi(default)]
    pub location: Option<GeoPoint>,
    /// Maximum distance, km, inclusive; none means no distance filter.
    #[uniffi(default)]
    pub max_distance_km: Option<f64>,
    /// Users the viewer already liked.
    #[uniffi(default)]
    pub liked_ids: Vec<String>,
    /// Users the viewer already passed.
    #[uniffi(default)]
    pub passed_ids: Vec<String>,
    /// Users the viewer blocked.
    #[uniffi(default)]
    pub blocked_ids: Vec<String>,
    /// Users who blocked the viewer.
    #[uniffi(default)]
    pub blocked_by_ids: Vec<String>,
}

impl From<Viewer> for core::Viewer {
    fn from(v: Viewer) -> Self {
        let Viewer {
            user_id,
            age_min,
            age_max,
            interested_in,
            location,
            max_distance_km,
            liked_ids,
            passed_ids,
            blocked_ids,
            blocked_by_ids,
        } = v;
        core::Viewer {
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
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct Candidate {
    /// The candidate's user id.
    pub user_id: String,
    /// Account active.
    pub active: bool,
    /// Identity verified.
    pub verified: bool,
    /// What the score and the filters read.
    pub profile: Profile,
    /// End of a paid profile boost, ms (active while `now < boost_until_ms`).
    #[uniffi(default)]
    pub boost_until_ms: Option<i64>,
}

impl TryFrom<Candidate> for core::Candidate {
    type Error = AvaloError;
    fn try_from(c: Candidate) -> Result<Self, AvaloError> {
        let Candidate { user_id, active, verified, profile, boost_until_ms } = c;
        let profile = core::Profile::try_from(profile).map_err(|e| match e {
            AvaloError::Failure { code, reason } => {
                AvaloError::Failure { code, reason: format!("candidate {user_id:?}: {reason}") }
            }
        })?;
        Ok(core::Candidate { user_id, active, verified, boost_until_ms, profile })
    }
}

/// Which page to return, and whether to explain dropped candidates.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, uniffi::Record)]
pub struct RankPageRequest {
    /// Page size, 1..=50; none is the default 20.
    #[uniffi(default)]
    pub size: Option<u32>,
    /// Ranked candidates to skip (0 = the first page).
    #[uniffi(default)]
    pub offset: u32,
    /// List every dropped candidate with its reason (slower; a debug aid).
    #[uniffi(default)]
    pub explain: bool,
}

impl From<RankPageRequest> for core::PageRequest {
    fn from(p: RankPageRequest) -> Self {
        core::PageRequest { size: p.size, offset: p.offset, explain: p.explain }
    }
}

/// Why a candidate was filtered out (the first reason in the documented order).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, uniffi::Enum)]
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

impl From<core::DropReason> for DropReason {
    fn from(r: core::DropReason) -> Self {
        use core::DropReason as R;
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
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct DroppedCandidate {
    /// The candidate's user id.
    pub user_id: String,
    /// The first filter it failed.
    pub reason: DropReason,
}

/// One ranked candidate of the page.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
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
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
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

impl From<core::RankedPage> for RankedPage {
    fn from(p: core::RankedPage) -> Self {
        let core::RankedPage { results, page_size, offset, dropped, policy_fingerprint } = p;
        RankedPage {
            results: results
                .into_iter()
                .map(|r| {
                    let core::RankedCandidate { user_id, rank, score, royal, boosted, age, distance_km } = r;
                    RankedCandidate { user_id, rank, score: score.into(), royal, boosted, age, distance_km }
                })
                .collect(),
            page_size,
            offset,
            dropped: dropped
                .into_iter()
                .map(|d| DroppedCandidate { user_id: d.user_id, reason: d.reason.into() })
                .collect(),
            policy_fingerprint,
        }
    }
}

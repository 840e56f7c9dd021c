//! Facade of `core/src/media.rs`: who may see a media item, and the story limit (SPEC §9.6).

use crate::error::{guard, AvaloError, ErrorCode};
use crate::policy::Policy;
use crate::upload::mirror_enum;
use avalo_core::media as core;

/// Who may see an item.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, uniffi::Enum)]
pub enum Visibility {
    /// Everyone.
    Public,
    /// The owner's followers.
    Followers,
    /// Only the owner (and moderators).
    Private,
    /// Viewers who unlocked it.
    Paid,
}
mirror_enum!(Visibility, core::Visibility, [Public, Followers, Private, Paid]);

/// Moderation state of a media item.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, uniffi::Enum)]
pub enum ModerationState {
    /// May be served.
    Approved,
    /// Waiting for review.
    Pending,
    /// Flagged for review.
    Flagged,
    /// Removed.
    Rejected,
}
mirror_enum!(ModerationState, core::ModerationState, [Approved, Pending, Flagged, Rejected]);

/// Why access was granted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, uniffi::Enum)]
pub enum AccessGrant {
    /// The viewer owns it.
    Owner,
    /// The viewer is a moderator.
    Moderator,
    /// It is public.
    Public,
    /// The viewer follows the owner.
    Follower,
    /// The viewer unlocked it.
    Unlocked,
}
mirror_enum!(AccessGrant, core::AccessGrant, [Owner, Moderator, Public, Follower, Unlocked]);

/// A media item.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct MediaItem {
    /// The owner's user id.
    pub owner_id: String,
    /// Visibility.
    pub visibility: Visibility,
    /// Unlock price, tokens (required for `Paid`).
    #[uniffi(default = None)]
    pub price: Option<u64>,
    /// Moderation state.
    pub moderation: ModerationState,
    /// Expiry, ms since the epoch (stories: posting + 24 h).
    #[uniffi(default = None)]
    pub expires_at_ms: Option<i64>,
}

impl From<MediaItem> for core::MediaItem {
    fn from(m: MediaItem) -> Self {
        let MediaItem { owner_id, visibility, price, moderation, expires_at_ms } = m;
        core::MediaItem { owner_id, visibility: visibility.into(), price, moderation: moderation.into(), expires_at_ms }
    }
}

/// The viewer asking for a media item.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct MediaViewer {
    /// The viewer's id (`null` when signed out).
    #[uniffi(default = None)]
    pub id: Option<String>,
    /// Follows the owner.
    #[uniffi(default = false)]
    pub follows_owner: bool,
    /// Has unlocked the item.
    #[uniffi(default = false)]
    pub has_unlocked: bool,
    /// Is a moderator.
    #[uniffi(default = false)]
    pub is_moderator: bool,
}

impl From<MediaViewer> for core::Viewer {
    fn from(v: MediaViewer) -> Self {
        let MediaViewer { id, follows_owner, has_unlocked, is_moderator } = v;
        core::Viewer { id, follows_owner, has_unlocked, is_moderator }
    }
}

/// The access decision.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct MediaDecision {
    /// Whether the viewer may see it.
    pub allowed: bool,
    /// Why, when allowed.
    pub grant: Option<AccessGrant>,
    /// The refusal code, when denied.
    pub code: Option<ErrorCode>,
    /// The unlock price, when `MEDIA_LOCKED`.
    pub price: Option<u64>,
}

/// Room for a new story.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct StoryQuota {
    /// Active stories before the new one.
    pub active: u32,
    /// The limit (3).
    pub limit: u32,
    /// When the new story expires.
    pub expires_at_ms: i64,
    /// Fingerprint of the policy.
    pub policy_fingerprint: String,
}

/// Decides whether `viewer` may see `item` at `now_ms`: owner/moderator, then moderation state,
/// expiry, visibility (SPEC §9.6). A paid item without a price is `INVALID_INPUT`.
#[uniffi::export]
pub fn media_access(item: MediaItem, viewer: MediaViewer, now_ms: i64) -> Result<MediaDecision, AvaloError> {
    guard(|| {
        let core::MediaDecision { allowed, grant, code, price } =
            core::media_access(&item.into(), &viewer.into(), now_ms)?;
        Ok(MediaDecision { allowed, grant: grant.map(Into::into), code: code.map(Into::into), price })
    })
}

/// [`media_access`] that fails with the refusal (`MEDIA_REMOVED`, `MEDIA_UNDER_REVIEW`,
/// `MEDIA_EXPIRED`, `MEDIA_PRIVATE`, `MEDIA_LOCKED`) and returns the grant.
#[uniffi::export]
pub fn check_media_access(item: MediaItem, viewer: MediaViewer, now_ms: i64) -> Result<AccessGrant, AvaloError> {
    guard(|| Ok(core::check_media_access(&item.into(), &viewer.into(), now_ms)?.into()))
}

/// Whether a user may post a story now, given when their stories were posted (only those
/// still active count); a 4th active story is `STORY_LIMIT_REACHED`.
#[uniffi::export]
pub fn check_story_quota(policy: &Policy, posted_at_ms: Vec<i64>, now_ms: i64) -> Result<StoryQuota, AvaloError> {
    guard(|| {
        let core::StoryQuota { active, limit, expires_at_ms, policy_fingerprint } =
            core::check_story_quota(policy.core(), &posted_at_ms, now_ms)?;
        Ok(StoryQuota { active, limit, expires_at_ms, policy_fingerprint })
    })
}

/// When a story posted at `posted_at_ms` expires (24 h later).
#[uniffi::export]
pub fn story_expiry(policy: &Policy, posted_at_ms: i64) -> Result<i64, AvaloError> {
    guard(|| Ok(core::story_expiry(policy.core(), posted_at_ms)))
}

//! Facade of `core/src/media.rs`: who may see a media item, and the story limit (SPEC §9.6).

use crate::error::{guard, AvaloError};
use avalo_core::media::{self as core, *};
use avalo_core::Policy;

/// Decides whether `viewer` may see `item` at `now_ms`: owner/moderator, then moderation state,
/// expiry, visibility (SPEC §9.6). A paid item without a price is `INVALID_INPUT`.
#[uniffi::export]
pub fn media_access(item: MediaItem, viewer: Viewer, now_ms: i64) -> Result<MediaDecision, AvaloError> {
    guard(|| Ok(core::media_access(&item, &viewer, now_ms)?))
}

/// [`media_access`] that fails with the refusal (`MEDIA_REMOVED`, `MEDIA_UNDER_REVIEW`,
/// `MEDIA_EXPIRED`, `MEDIA_PRIVATE`, `MEDIA_LOCKED`) and returns the grant.
#[uniffi::export]
pub fn check_media_access(item: MediaItem, viewer: Viewer, now_ms: i64) -> Result<AccessGrant, AvaloError> {
    guard(|| Ok(core::check_media_access(&item, &viewer, now_ms)?))
}

/// Whether a user may post a story now, given when their stories were posted (only those
/// still active count); a 4th active story is `STORY_LIMIT_REACHED`.
#[uniffi::export]
pub fn check_story_quota(policy: &Policy, posted_at_ms: Vec<i64>, now_ms: i64) -> Result<StoryQuota, AvaloError> {
    guard(|| Ok(core::check_story_quota(policy, &posted_at_ms, now_ms)?))
}

/// When a story posted at `posted_at_ms` expires (24 h later).
#[uniffi::export]
pub fn story_expiry(policy: &Policy, posted_at_ms: i64) -> Result<i64, AvaloError> {
    guard(|| Ok(core::story_expiry(policy, posted_at_ms)))
}

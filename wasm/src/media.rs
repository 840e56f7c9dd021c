//! Facade of `core/src/media.rs`: who may see a media item, and the story limit (SPEC §9.6).

use crate::convert::{from_js, millis, to_js, JsResult};
use crate::upload::mirror_enum;
use crate::Policy;
use avalo_core::media as rules;
use avalo_core::ErrorCode;
use js_sys::Number;
use serde::{Deserialize, Serialize};
use tsify::{Ts, Tsify};
use wasm_bindgen::prelude::*;

/// Who may see an item.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Tsify)]
#[serde(rename_all = "snake_case")]
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
mirror_enum!(Visibility, rules::Visibility, [Public, Followers, Private, Paid]);

/// Moderation state.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Tsify)]
#[serde(rename_all = "snake_case")]
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
mirror_enum!(ModerationState, rules::ModerationState, [Approved, Pending, Flagged, Rejected]);

/// Why access was granted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Tsify)]
#[serde(rename_all = "snake_case")]
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
mirror_enum!(AccessGrant, rules::AccessGrant, [Owner, Moderator, Public, Follower, Unlocked]);

/// A media item.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Tsify)]
pub struct MediaItem {
    /// The owner's user id.
    pub owner_id: String,
    /// Visibility.
    pub visibility: Visibility,
    /// Unlock price, tokens (required for `paid`).
    #[serde(default)]
    #[tsify(optional)]
    pub price: Option<u64>,
    /// Moderation state.
    pub moderation: ModerationState,
    /// Expiry, ms since the epoch.
    #[serde(default)]
    #[tsify(optional)]
    pub expires_at_ms: Option<i64>,
}

impl From<MediaItem> for rules::MediaItem {
    fn from(m: MediaItem) -> Self {
        let MediaItem { owner_id, visibility, price, moderation, expires_at_ms } = m;
        rules::MediaItem {
            owner_id,
            visibility: visibility.into(),
            price,
            moderation: moderation.into(),
            expires_at_ms,
        }
    }
}

/// The viewer.
#[derive(Debug, Clone, PartialEq, Eq, Default, Deserialize, Tsify)]
pub struct Viewer {
    /// The viewer's id (absent when signed out).
    #[serde(default)]
    #[tsify(optional)]
    pub id: Option<String>,
    /// Follows the owner.
    #[serde(default)]
    #[tsify(optional)]
    pub follows_owner: bool,
    /// Has unlocked the item.
    #[serde(default)]
    #[tsify(optional)]
    pub has_unlocked: bool,
    /// Is a moderator.
    #[serde(default)]
    #[tsify(optional)]
    pub is_moderator: bool,
}

impl From<Viewer> for rules::Viewer {
    fn from(v: Viewer) -> Self {
        let Viewer { id, follows_owner, has_unlocked, is_moderator } = v;
        rules::Viewer { id, follows_owner, has_unlocked, is_moderator }
    }
}

/// The access decision (`grant`, `code` and `price` are `null` when not applicable).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Tsify)]
#[tsify(missing_as_null)]
pub struct MediaDecision {
    /// Whether the viewer may see it.
    pub allowed: bool,
    /// Why, when allowed.
    pub grant: Option<AccessGrant>,
    /// The refusal code, when denied.
    #[tsify(type = "ErrorCode | null")]
    pub code: Option<ErrorCode>,
    /// The unlock price, when `MEDIA_LOCKED`.
    pub price: Option<u64>,
}

impl From<rules::MediaDecision> for MediaDecision {
    fn from(d: rules::MediaDecision) -> Self {
        let rules::MediaDecision { allowed, grant, code, price } = d;
        MediaDecision { allowed, grant: grant.map(Into::into), code, price }
    }
}

/// Room for a new story.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Tsify)]
pub struct StoryQuota {
    /// Active stories before the new one.
    pub active: u32,
    /// The limit.
    pub limit: u32,
    /// When the new story expires.
    pub expires_at_ms: i64,
    /// Fingerprint of the policy.
    pub policy_fingerprint: String,
}

/// Posting times, ms since the epoch (`number[]`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Tsify)]
#[serde(transparent)]
pub struct Timestamps(pub Vec<i64>);

/// Decides whether `viewer` may see `item` at `nowMs`: owner/moderator, then moderation state,
/// expiry, visibility (SPEC §9.6). A paid item without a price is `INVALID_INPUT`.
#[wasm_bindgen(js_name = mediaAccess)]
pub fn media_access(
    item: Ts<MediaItem>,
    viewer: Ts<Viewer>,
    #[wasm_bindgen(js_name = nowMs)] now_ms: Number,
) -> JsResult<Ts<MediaDecision>> {
    let d = rules::media_access(&from_js(&item)?.into(), &from_js(&viewer)?.into(), millis(&now_ms, "nowMs")?)?;
    Ok(to_js(&MediaDecision::from(d))?)
}

/// [`media_access`] that throws the refusal (`MEDIA_REMOVED`, `MEDIA_UNDER_REVIEW`,
/// `MEDIA_EXPIRED`, `MEDIA_PRIVATE`, `MEDIA_LOCKED`) and returns the grant.
#[wasm_bindgen(js_name = checkMediaAccess)]
pub fn check_media_access(
    item: Ts<MediaItem>,
    viewer: Ts<Viewer>,
    #[wasm_bindgen(js_name = nowMs)] now_ms: Number,
) -> JsResult<Ts<AccessGrant>> {
    let g = rules::check_media_access(&from_js(&item)?.into(), &from_js(&viewer)?.into(), millis(&now_ms, "nowMs")?)?;
    Ok(to_js(&AccessGrant::from(g))?)
}

/// Whether a user may post a story now, given when their stories were posted (only those still
/// active count); a 4th active story is `STORY_LIMIT_REACHED`.
#[wasm_bindgen(js_name = checkStoryQuota)]
pub fn check_story_quota(
    policy: &Policy,
    #[wasm_bindgen(js_name = postedAtMs)] posted_at_ms: Ts<Timestamps>,
    #[wasm_bindgen(js_name = nowMs)] now_ms: Number,
) -> JsResult<Ts<StoryQuota>> {
    let Timestamps(posted) = from_js(&posted_at_ms)?;
    let q = rules::check_story_quota(policy.core(), &posted, millis(&now_ms, "nowMs")?)?;
    let rules::StoryQuota { active, limit, expires_at_ms, policy_fingerprint } = q;
    Ok(to_js(&StoryQuota { active, limit, expires_at_ms, policy_fingerprint })?)
}

/// When a story posted at `postedAtMs` expires (24 h later).
#[wasm_bindgen(js_name = storyExpiry)]
pub fn story_expiry(policy: &Policy, #[wasm_bindgen(js_name = postedAtMs)] posted_at_ms: Number) -> JsResult<f64> {
    let t = rules::story_expiry(policy.core(), millis(&posted_at_ms, "postedAtMs")?);
    Ok(crate::upload::millis_number(t, "expiresAtMs")?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mirrors_have_the_core_wire_format() {
        let item = serde_json::json!({"owner_id": "o", "visibility": "paid", "price": 5, "moderation": "approved"});
        let viewer = serde_json::json!({"id": "v", "follows_owner": true});
        let m: MediaItem = serde_json::from_value(item.clone()).unwrap();
        let v: Viewer = serde_json::from_value(viewer.clone()).unwrap();
        let core_item: rules::MediaItem = serde_json::from_value(item).unwrap();
        let core_viewer: rules::Viewer = serde_json::from_value(viewer).unwrap();
        assert_eq!(rules::MediaItem::from(m), core_item);
        assert_eq!(rules::Viewer::from(v), core_viewer);
        let d = rules::media_access(&core_item, &core_viewer, 0).unwrap();
        assert_eq!(serde_json::to_value(MediaDecision::from(d)).unwrap(), serde_json::to_value(d).unwrap());
    }
}

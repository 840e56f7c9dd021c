//! Facade of `core/src/media.rs`: who may see a media item, and the story limit (SPEC §9.6).

use crate::convert::{from_js, list_from_js, millis, to_js, JsResult};
use crate::Policy;
use avalo_core::media as rules;
use avalo_core::media::{AccessGrant, MediaDecision, MediaItem, StoryQuota, Viewer};
use js_sys::Number;
use tsify::Ts;
use wasm_bindgen::prelude::*;

/// Decides whether `viewer` may see `item` at `nowMs`: owner/moderator, then moderation state,
/// expiry, visibility (SPEC §9.6). A paid item without a price is `INVALID_INPUT`.
#[wasm_bindgen(js_name = mediaAccess)]
pub fn media_access(
    item: Ts<MediaItem>,
    viewer: Ts<Viewer>,
    #[wasm_bindgen(js_name = nowMs)] now_ms: Number,
) -> JsResult<Ts<MediaDecision>> {
    let d = rules::media_access(&from_js(&item)?, &from_js(&viewer)?, millis(&now_ms, "nowMs")?)?;
    Ok(to_js(&d)?)
}

/// [`media_access`] that throws the refusal (`MEDIA_REMOVED`, `MEDIA_UNDER_REVIEW`,
/// `MEDIA_EXPIRED`, `MEDIA_PRIVATE`, `MEDIA_LOCKED`) and returns the grant.
#[wasm_bindgen(js_name = checkMediaAccess)]
pub fn check_media_access(
    item: Ts<MediaItem>,
    viewer: Ts<Viewer>,
    #[wasm_bindgen(js_name = nowMs)] now_ms: Number,
) -> JsResult<Ts<AccessGrant>> {
    let g = rules::check_media_access(&from_js(&item)?, &from_js(&viewer)?, millis(&now_ms, "nowMs")?)?;
    Ok(to_js(&g)?)
}

/// Whether a user may post a story now, given when their stories were posted (only those still
/// active count); a 4th active story is `STORY_LIMIT_REACHED`.
#[wasm_bindgen(js_name = checkStoryQuota)]
pub fn check_story_quota(
    policy: &Policy,
    #[wasm_bindgen(js_name = postedAtMs, unchecked_param_type = "number[]")] posted_at_ms: JsValue,
    #[wasm_bindgen(js_name = nowMs)] now_ms: Number,
) -> JsResult<Ts<StoryQuota>> {
    let posted: Vec<i64> = list_from_js(&posted_at_ms, "posted_at_ms")?;
    let q = rules::check_story_quota(policy.core(), &posted, millis(&now_ms, "nowMs")?)?;
    Ok(to_js(&q)?)
}

/// When a story posted at `postedAtMs` expires (24 h later).
#[wasm_bindgen(js_name = storyExpiry)]
pub fn story_expiry(policy: &Policy, #[wasm_bindgen(js_name = postedAtMs)] posted_at_ms: Number) -> JsResult<f64> {
    let t = rules::story_expiry(policy.core(), millis(&posted_at_ms, "postedAtMs")?);
    Ok(crate::upload::millis_number(t, "expiresAtMs")?)
}

//! Media access and stories (SPEC §9.6).
//!
//! [`media_access`] decides who may see an item; the first matching rule wins (§9.6 with the
//! context rule of §16.3):
//! 1. the owner sees their own item in any state; a moderator sees any item;
//! 2. `rejected` → `MEDIA_REMOVED`; `pending` or `flagged` → `MEDIA_UNDER_REVIEW` (chat media
//!    too);
//! 3. past its expiry → `MEDIA_EXPIRED`;
//! 4. context: `chat` → `MEDIA_PRIVATE` for anyone but its two participants, and for a
//!    participant who blocks the owner or is blocked by them; `calendar_slot` → `MEDIA_PRIVATE`
//!    (owner only);
//! 5. `public` → allowed; `followers` → allowed for followers, else `MEDIA_PRIVATE`;
//!    `private` → `MEDIA_PRIVATE` (in a chat: allowed to the other participant); `paid` →
//!    allowed when unlocked, else `MEDIA_LOCKED` with the price.
//!
//! Choices where the spec is silent:
//! - An item is expired from its expiry instant on (`now_ms >= expires_at_ms`), as JWT's `exp`:
//!   a story posted at `t` is visible while `now < t + 24 h`.
//! - A viewer without an id (signed out) is never the owner; a viewer whose id equals the
//!   owner's by canonical form (trimmed, NFC, case-insensitive: [`crate::identity`]) is the
//!   owner.
//! - A `paid` item must carry a price (`INVALID_INPUT` otherwise, checked before the rules); a
//!   price on a non-paid item is ignored.
//! - Chat media must be `private` or `paid`, with exactly two distinct participants of whom one
//!   is the owner (`INVALID_INPUT` otherwise, checked before the rules); participants are
//!   ignored outside a chat.
//! - Active stories are those not yet expired at `now_ms`; [`check_story_quota`] refuses a new
//!   one when the user already has 3 (`STORY_LIMIT_REACHED`).

use crate::error::{Error, ErrorCode, Result};
use crate::money::Tokens;
use crate::policy::{check, Policy, PolicyProblem};
use serde::{Deserialize, Serialize};

/// Media section of the policy (SPEC §9.6).
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MediaPolicy {
    /// Most active stories per user (3).
    pub max_active_stories: u32,
    /// Story lifetime after posting, ms (24 h = 86 400 000).
    pub story_lifetime_ms: i64,
}

impl Default for MediaPolicy {
    fn default() -> Self {
        MediaPolicy { max_active_stories: 3, story_lifetime_ms: crate::time::DAY_MS }
    }
}

impl MediaPolicy {
    pub(crate) fn validate(&self, path: &str, p: &mut Vec<PolicyProblem>) {
        use crate::policy::bounds as b;
        let stories = self.max_active_stories;
        check(
            stories > 0 && stories <= b::MAX_ACTIVE_STORIES,
            p,
            format!("{path}.max_active_stories"),
            "must be 1..=1000",
        );
        check(
            b::positive_at_most(self.story_lifetime_ms, b::MAX_STORY_LIFETIME_MS),
            p,
            format!("{path}.story_lifetime_ms"),
            "must be 1..=2592000000 (30 days)",
        );
    }
}

/// Who may see an item (SPEC §9.6).
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[serde(rename_all = "snake_case")]
pub enum Visibility {
    /// Everyone.
    Public,
    /// The owner's followers.
    Followers,
    /// Only the owner (and moderators).
    Private,
    /// Viewers who unlocked it for its price.
    Paid,
}

/// Moderation state of an item.
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[serde(rename_all = "snake_case")]
pub enum ModerationState {
    /// Approved: may be served.
    Approved,
    /// Waiting for review: served to the owner and moderators only.
    Pending,
    /// Flagged for review: served to the owner and moderators only.
    Flagged,
    /// Rejected: removed for everyone but the owner and moderators.
    Rejected,
}

/// Where a media item lives (SPEC §16.3).
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[serde(rename_all = "snake_case")]
pub enum MediaContext {
    /// The owner's feed or profile (the default): visibility decides.
    #[default]
    Feed,
    /// Sent in a chat: only its two participants (`private` or `paid`).
    Chat,
    /// Attached to a calendar slot: the owner only.
    CalendarSlot,
}

/// A media item, as the host knows it.
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct MediaItem {
    /// The owner's user id.
    pub owner_id: String,
    /// Visibility.
    pub visibility: Visibility,
    /// Unlock price in tokens (required for `paid`).
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub price: Option<Tokens>,
    /// Moderation state.
    pub moderation: ModerationState,
    /// When it expires, ms since the epoch (stories: posting time + 24 h); `None` never.
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub expires_at_ms: Option<i64>,
    /// Where it lives (`feed` by default).
    #[serde(default)]
    pub context: MediaContext,
    /// The chat's two participants (one of them the owner); empty outside a chat.
    #[serde(default)]
    pub participants: Vec<String>,
}

/// The viewer asking for an item.
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record), uniffi(name = "MediaViewer"))]
pub struct Viewer {
    /// The viewer's user id (`None` when signed out).
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub id: Option<String>,
    /// Whether the viewer follows the owner.
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default = false))]
    pub follows_owner: bool,
    /// Whether the viewer has unlocked this item.
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default = false))]
    pub has_unlocked: bool,
    /// Whether the viewer is a moderator.
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default = false))]
    pub is_moderator: bool,
    /// Whether the viewer blocks the owner or is blocked by them (chat media, §16.3).
    #[serde(default)]
    pub blocked: bool,
}

/// Why access was granted.
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[serde(rename_all = "snake_case")]
pub enum AccessGrant {
    /// The viewer owns the item.
    Owner,
    /// The viewer is a moderator.
    Moderator,
    /// The item is public.
    Public,
    /// The viewer follows the owner.
    Follower,
    /// The viewer unlocked the paid item.
    Unlocked,
    /// The viewer is the other participant of the chat the item was sent in.
    Participant,
}

/// The access decision: allowed with a grant, or denied with a code (and the price when locked).
#[cfg_attr(feature = "wasm", derive(tsify::Tsify), tsify(missing_as_null))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct MediaDecision {
    /// Whether the viewer may see the item.
    pub allowed: bool,
    /// Why, when allowed.
    pub grant: Option<AccessGrant>,
    /// The refusal code, when denied (`MEDIA_REMOVED`, `MEDIA_UNDER_REVIEW`, `MEDIA_EXPIRED`,
    /// `MEDIA_PRIVATE`, `MEDIA_LOCKED`).
    pub code: Option<ErrorCode>,
    /// The unlock price, when denied with `MEDIA_LOCKED`.
    pub price: Option<Tokens>,
}

impl MediaDecision {
    fn allow(grant: AccessGrant) -> Self {
        MediaDecision { allowed: true, grant: Some(grant), code: None, price: None }
    }
    fn deny(code: ErrorCode) -> Self {
        MediaDecision { allowed: false, grant: None, code: Some(code), price: None }
    }

    /// This decision as a `Result`: the grant, or an [`Error`] with the refusal code.
    pub fn into_result(self) -> Result<AccessGrant> {
        match (self.grant, self.code) {
            (Some(g), _) => Ok(g),
            (None, Some(ErrorCode::MediaLocked)) => {
                Err(Error::new(ErrorCode::MediaLocked, format!("unlock for {} tokens", self.price.unwrap_or(0))))
            }
            (None, Some(code)) => Err(Error::new(code, code.message())),
            (None, None) => Err(Error::invalid("empty decision")),
        }
    }
}

/// Decides whether `viewer` may see `item` at `now_ms` (SPEC §9.6, rules in the module doc).
/// A `paid` item without a price is `INVALID_INPUT`.
pub fn media_access(item: &MediaItem, viewer: &Viewer, now_ms: i64) -> Result<MediaDecision> {
    if item.visibility == Visibility::Paid && item.price.is_none() {
        return Err(Error::invalid("a paid item needs a price"));
    }
    if item.context == MediaContext::Chat {
        check_chat_item(item)?;
    }
    if viewer.id.as_deref().is_some_and(|id| crate::identity::same_user(id, &item.owner_id)) {
        return Ok(MediaDecision::allow(AccessGrant::Owner));
    }
    if viewer.is_moderator {
        return Ok(MediaDecision::allow(AccessGrant::Moderator));
    }
    match item.moderation {
        ModerationState::Rejected => return Ok(MediaDecision::deny(ErrorCode::MediaRemoved)),
        ModerationState::Pending | ModerationState::Flagged => {
            return Ok(MediaDecision::deny(ErrorCode::MediaUnderReview))
        }
        ModerationState::Approved => {}
    }
    if item.expires_at_ms.is_some_and(|exp| now_ms >= exp) {
        return Ok(MediaDecision::deny(ErrorCode::MediaExpired));
    }
    match item.context {
        MediaContext::Feed => {}
        MediaContext::CalendarSlot => return Ok(MediaDecision::deny(ErrorCode::MediaPrivate)),
        MediaContext::Chat => {
            let participant = viewer
                .id
                .as_deref()
                .is_some_and(|id| item.participants.iter().any(|p| crate::identity::same_user(id, p)));
            if !participant || viewer.blocked {
                return Ok(MediaDecision::deny(ErrorCode::MediaPrivate));
            }
            if item.visibility == Visibility::Private {
                return Ok(MediaDecision::allow(AccessGrant::Participant));
            }
        }
    }
    Ok(match item.visibility {
        Visibility::Public => MediaDecision::allow(AccessGrant::Public),
        Visibility::Followers if viewer.follows_owner => MediaDecision::allow(AccessGrant::Follower),
        Visibility::Followers | Visibility::Private => MediaDecision::deny(ErrorCode::MediaPrivate),
        Visibility::Paid if viewer.has_unlocked => MediaDecision::allow(AccessGrant::Unlocked),
        Visibility::Paid => MediaDecision { price: item.price, ..MediaDecision::deny(ErrorCode::MediaLocked) },
    })
}

/// A chat item needs two distinct participants, one of them the owner, and is `private` or
/// `paid`.
fn check_chat_item(item: &MediaItem) -> Result<()> {
    let [a, b] = item.participants.as_slice() else {
        return Err(Error::invalid(format!(
            "chat media needs exactly 2 participants, got {}",
            item.participants.len()
        )));
    };
    let same = crate::identity::same_user;
    if same(a, b) || !(same(a, &item.owner_id) || same(b, &item.owner_id)) {
        return Err(Error::invalid("chat media needs two distinct participants, one of them the owner"));
    }
    if !matches!(item.visibility, Visibility::Private | Visibility::Paid) {
        return Err(Error::invalid("chat media is private or paid"));
    }
    Ok(())
}

/// [`media_access`] as a `Result`: the grant, or the refusal as an [`Error`].
pub fn check_media_access(item: &MediaItem, viewer: &Viewer, now_ms: i64) -> Result<AccessGrant> {
    media_access(item, viewer, now_ms)?.into_result()
}

/// Room for a new story.
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct StoryQuota {
    /// Stories still active at `now_ms` (before the new one).
    pub active: u32,
    /// The limit (3).
    pub limit: u32,
    /// When the new story expires (`now_ms` + 24 h).
    pub expires_at_ms: i64,
    /// Fingerprint of the policy.
    pub policy_fingerprint: String,
}

/// When a story posted at `posted_at_ms` expires (24 h later).
pub fn story_expiry(policy: &Policy, posted_at_ms: i64) -> i64 {
    posted_at_ms.saturating_add(policy.media.story_lifetime_ms)
}

/// Whether the user may post a story now, given when their earlier stories were posted (only
/// those still active count). A 4th active story is `STORY_LIMIT_REACHED`.
pub fn check_story_quota(policy: &Policy, posted_at_ms: &[i64], now_ms: i64) -> Result<StoryQuota> {
    let active = posted_at_ms.iter().filter(|t| now_ms < story_expiry(policy, **t)).count();
    let active = u32::try_from(active).unwrap_or(u32::MAX);
    let limit = policy.media.max_active_stories;
    if active >= limit {
        return Err(Error::new(ErrorCode::StoryLimitReached, format!("{active} active stories, the limit is {limit}")));
    }
    Ok(StoryQuota {
        active,
        limit,
        expires_at_ms: story_expiry(policy, now_ms),
        policy_fingerprint: policy.fingerprint().to_string(),
    })
}

//! Likes and matches (SPEC §5.3): a pure decision over the caller's daily counter.

use crate::error::{Error, ErrorCode, Result};
use crate::policy::Policy;
use crate::time::{day_index, DAY_MS};
use serde::{Deserialize, Serialize};

/// Likes a user made on one UTC day. The caller stores it and passes it back next time.
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(deny_unknown_fields)]
pub struct LikeCounter {
    /// UTC day number (days since 1970-01-01) the count belongs to.
    pub day: i64,
    /// Likes made on that day.
    pub count: u32,
}

/// A like to decide.
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(deny_unknown_fields)]
pub struct LikeRequest {
    /// Who likes.
    pub liker_id: String,
    /// Who is liked.
    pub target_id: String,
    /// Whether the target already liked the liker (then this like is a match).
    pub target_likes_liker: bool,
    /// The liker's counter as last returned (`None` before the first like ever).
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub counter: Option<LikeCounter>,
}

/// What a like leads to.
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[serde(rename_all = "snake_case")]
pub enum LikeOutcome {
    /// Recorded; no match yet.
    Liked,
    /// Mutual like: a match, which opens a chat.
    Match,
}

/// The decision for an accepted like.
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct LikeDecision {
    /// Liked or match.
    pub outcome: LikeOutcome,
    /// Free messages of the chat the match opens (SPEC §4.6); 0 without a match.
    pub chat_free_messages: u32,
    /// The counter to store (today, including this like).
    pub counter: LikeCounter,
    /// Likes left today after this one.
    pub remaining_today: u32,
    /// When the count starts again: the next UTC midnight, ms.
    pub resets_at_ms: i64,
    /// Fingerprint of the policy used.
    pub policy_fingerprint: String,
}

/// Decides a like at `now_ms`: at most `daily_like_limit` (100) per UTC day
/// (`LIKE_LIMIT_REACHED` beyond, the counter unchanged), and `Match` when the target already
/// liked the liker. `INVALID_INPUT`: an empty (or blank) id, liking oneself (ids compared by
/// canonical form, [`crate::identity`]), a counter dated after the UTC day of `now_ms`.
pub fn decide_like(policy: &Policy, request: &LikeRequest, now_ms: i64) -> Result<LikeDecision> {
    let rules = &policy.ranking;
    if request.liker_id.trim().is_empty() || request.target_id.trim().is_empty() {
        return Err(Error::invalid("liker_id and target_id must not be empty"));
    }
    if crate::identity::same_user(&request.liker_id, &request.target_id) {
        return Err(Error::invalid("a user cannot like themselves"));
    }
    let today = day_index(now_ms);
    let used = match request.counter {
        None => 0,
        Some(c) if c.day == today => c.count,
        Some(c) if c.day < today => 0,
        Some(c) => return Err(Error::invalid(format!("like counter day {} is after today ({today})", c.day))),
    };
    let resets_at_ms = today.saturating_add(1).saturating_mul(DAY_MS);
    if used >= rules.daily_like_limit {
        return Err(Error::new(
            ErrorCode::LikeLimitReached,
            format!("{used} likes today (limit {}); resets at {resets_at_ms} ms", rules.daily_like_limit),
        ));
    }
    let count = used + 1;
    let (outcome, chat_free_messages) = if request.target_likes_liker {
        (LikeOutcome::Match, policy.billing.free_messages)
    } else {
        (LikeOutcome::Liked, 0)
    };
    Ok(LikeDecision {
        outcome,
        chat_free_messages,
        counter: LikeCounter { day: today, count },
        remaining_today: rules.daily_like_limit - count,
        resets_at_ms,
        policy_fingerprint: policy.fingerprint().to_string(),
    })
}

//! Facade of `core/src/spam.rs`: anti-spam verdicts (SPEC §4.8). Conversions only.

use crate::error::{guard, AvaloError, ErrorCode};
use crate::policy::Policy;
use avalo_core::spam as core;

/// One of the sender's recent messages.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct RecentMessage {
    /// Its text.
    pub text: String,
    /// When it was sent, ms since the Unix epoch (UTC).
    pub sent_at_ms: i64,
}

/// The anti-spam rule that refused a message.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, uniffi::Enum)]
pub enum SpamRule {
    /// Too few grapheme clusters.
    TooShort,
    /// Sent too many times recently.
    Repeated,
    /// A bare generic greeting.
    Generic,
    /// Only emoji (or symbols), and short.
    EmojiOnly,
    /// Too soon after the previous message.
    TooFast,
}

impl From<core::SpamRule> for SpamRule {
    fn from(r: core::SpamRule) -> Self {
        match r {
            core::SpamRule::TooShort => SpamRule::TooShort,
            core::SpamRule::Repeated => SpamRule::Repeated,
            core::SpamRule::Generic => SpamRule::Generic,
            core::SpamRule::EmojiOnly => SpamRule::EmojiOnly,
            core::SpamRule::TooFast => SpamRule::TooFast,
        }
    }
}

/// The verdict on one message.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct SpamVerdict {
    /// True when no rule fired.
    pub allowed: bool,
    /// The first rule that fired.
    pub rule: Option<SpamRule>,
    /// Its code (`SPAM_TOO_SHORT`, …), or `null` when allowed.
    pub code: Option<ErrorCode>,
    /// Why, for developers and logs (empty when allowed).
    pub reason: String,
    /// Fingerprint of the policy used.
    pub policy_fingerprint: String,
}

impl From<core::SpamVerdict> for SpamVerdict {
    fn from(v: core::SpamVerdict) -> Self {
        let core::SpamVerdict { allowed, rule, code, reason, policy_fingerprint } = v;
        SpamVerdict { allowed, rule: rule.map(Into::into), code: code.map(Into::into), reason, policy_fingerprint }
    }
}

/// Checks a message against the anti-spam rules (SPEC §4.8) given the sender's recent messages
/// (any order, across chats) and the current time; the first rule that fires is the verdict.
#[uniffi::export]
pub fn check_spam(
    policy: &Policy,
    text: String,
    recent: Vec<RecentMessage>,
    now_ms: i64,
) -> Result<SpamVerdict, AvaloError> {
    guard(|| {
        let recent: Vec<core::RecentMessage> =
            recent.into_iter().map(|m| core::RecentMessage { text: m.text, sent_at_ms: m.sent_at_ms }).collect();
        Ok(core::check_spam(policy.core(), &text, &recent, now_ms).into())
    })
}

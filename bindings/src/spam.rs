//! Facade of `core/src/spam.rs`: anti-spam verdicts (SPEC §4.8). Conversions only.

use crate::error::{guard, AvaloError};
use avalo_core::spam::{self as core, *};
use avalo_core::Policy;

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
        Ok(core::check_spam(policy, &text, &recent, now_ms))
    })
}

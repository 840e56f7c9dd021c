//! Facade of `core/src/spam.rs`: anti-spam verdicts (SPEC §4.8). Conversions only.

use crate::convert::{from_js, millis, text, to_js, JsResult};
use crate::Policy;
use avalo_core::spam as rules;
use js_sys::{JsString, Number};
use serde::{Deserialize, Serialize};
use tsify::{Ts, Tsify};
use wasm_bindgen::prelude::*;

/// One of the sender's recent messages.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Tsify)]
pub struct RecentMessage {
    /// Its text.
    pub text: String,
    /// When it was sent, ms since the Unix epoch (UTC).
    pub sent_at_ms: i64,
}

/// A list of recent messages (`RecentMessage[]`), any order, across chats.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Tsify)]
#[serde(transparent)]
pub struct RecentMessages(pub Vec<RecentMessage>);

/// The anti-spam rule that refused a message.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Tsify)]
#[serde(rename_all = "snake_case")]
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

impl From<rules::SpamRule> for SpamRule {
    fn from(r: rules::SpamRule) -> Self {
        match r {
            rules::SpamRule::TooShort => SpamRule::TooShort,
            rules::SpamRule::Repeated => SpamRule::Repeated,
            rules::SpamRule::Generic => SpamRule::Generic,
            rules::SpamRule::EmojiOnly => SpamRule::EmojiOnly,
            rules::SpamRule::TooFast => SpamRule::TooFast,
        }
    }
}

/// The verdict on one message.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Tsify)]
#[tsify(missing_as_null)] // `null`, as in the core's JSON, not `undefined`
pub struct SpamVerdict {
    /// True when no rule fired.
    pub allowed: bool,
    /// The first rule that fired.
    pub rule: Option<SpamRule>,
    /// Its code (`SPAM_TOO_SHORT`, …), or `null` when allowed.
    #[tsify(type = "ErrorCode | null")]
    pub code: Option<String>,
    /// Why, for developers and logs (empty when allowed).
    pub reason: String,
    /// Fingerprint of the policy used.
    pub policy_fingerprint: String,
}

impl From<rules::SpamVerdict> for SpamVerdict {
    fn from(v: rules::SpamVerdict) -> Self {
        let rules::SpamVerdict { allowed, rule, code, reason, policy_fingerprint } = v;
        SpamVerdict {
            allowed,
            rule: rule.map(Into::into),
            code: code.map(|c| c.as_str().to_string()),
            reason,
            policy_fingerprint,
        }
    }
}

/// Checks a message against the anti-spam rules (SPEC §4.8) given the sender's recent messages
/// (any order, across chats) and the current time; the first rule that fires is the verdict.
#[wasm_bindgen(js_name = checkSpam)]
pub fn check_spam(
    policy: &Policy,
    #[wasm_bindgen(js_name = text)] text_: JsString,
    recent: Ts<RecentMessages>,
    #[wasm_bindgen(js_name = nowMs)] now_ms: Number,
) -> JsResult<Ts<SpamVerdict>> {
    let RecentMessages(recent) = from_js(&recent)?;
    let recent: Vec<rules::RecentMessage> =
        recent.into_iter().map(|m| rules::RecentMessage { text: m.text, sent_at_ms: m.sent_at_ms }).collect();
    let v = rules::check_spam(policy.core(), &text(&text_, "text")?, &recent, millis(&now_ms, "nowMs")?);
    Ok(to_js(&SpamVerdict::from(v))?)
}

#[cfg(test)]
mod tests {
    use super::*;
    use avalo_core::Policy as CorePolicy;

    #[test]
    fn verdict_has_the_core_wire_format() {
        let p = CorePolicy::default();
        for text in ["hi", "hello!", "Are you free on Saturday?"] {
            let v = rules::check_spam(&p, text, &[], 0);
            assert_eq!(serde_json::to_value(SpamVerdict::from(v.clone())).unwrap(), serde_json::to_value(v).unwrap());
        }
    }
}

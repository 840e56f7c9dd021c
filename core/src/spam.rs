//! Anti-spam verdicts for messages (SPEC §4.8).
//!
//! Rules, checked in this order; the first that fires is the verdict:
//! 1. `SPAM_TOO_SHORT`: fewer than 3 grapheme clusters after trimming white space.
//! 2. `SPAM_REPEATED`: the normalised message (trimmed, case-folded, white space collapsed to
//!    one space) equals at least 3 of the sender's last 10 messages (the 4th copy is blocked).
//! 3. `SPAM_GENERIC`: the normalised message, with trailing `!`, `?`, `.` removed, is one of
//!    the policy's greetings (`hi, hey, hello, sup, yo`).
//! 4. `SPAM_EMOJI_ONLY`: no letter or digit and at most 5 grapheme clusters.
//! 5. `SPAM_TOO_FAST`: less than 1 000 ms since the sender's previous message, in any chat.
//!
//! Choices where the spec is silent:
//! - Grapheme clusters are Unicode extended grapheme clusters (never bytes or UTF-16 units);
//!   "trimming" and "white space" use the Unicode White_Space property.
//! - Case folding is `lowercase(uppercase(s))`, which makes the same strings equal as Unicode
//!   full case folding for this comparison (`Straße` = `STRASSE`, `ΟΔΟΣ` = `οδος`).
//! - After the trailing `!?.` are removed, trailing white space is trimmed again (`"hi !"` is
//!   generic). Greetings in the policy are normalised the same way before comparing.
//! - Emoji-only: a keycap such as `1️⃣` is an emoji, its digit does not count as a digit; the
//!   grapheme count is taken after trimming, as in rule 1. Punctuation-only text (`"?!?"`) also
//!   has no letter or digit and is caught by this rule.
//! - `recent` may come in any order: the last 10 are the 10 latest by `sent_at_ms` (on equal
//!   times, the later in the list is the later message). Hosts pass the messages the sender
//!   actually sent (delivered ones), across all chats.
//! - A previous message timestamped after `now_ms` (clock skew) counts as less than 1 000 ms
//!   ago: `SPAM_TOO_FAST`.

use crate::billing::words::has_letter_or_digit_besides_emoji;
use crate::error::{Error, ErrorCode, Result};
use crate::policy::{check, PolicyProblem};
use crate::Policy;
use serde::{Deserialize, Serialize};
use unicode_segmentation::UnicodeSegmentation;

/// Policy section for anti-spam (SPEC §4.8).
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SpamPolicy {
    /// Messages with fewer grapheme clusters than this, after trimming, are too short (3).
    pub min_graphemes: u32,
    /// A message equal to at least this many of the recent window is repeated (3).
    pub repeat_limit: u32,
    /// How many of the sender's latest messages are compared (10).
    pub repeat_window: u32,
    /// Generic greetings refused as a whole message (`hi, hey, hello, sup, yo`).
    pub generic_greetings: Vec<String>,
    /// Messages without letters or digits of at most this many grapheme clusters are
    /// emoji-only (5).
    pub emoji_only_max_graphemes: u32,
    /// Minimum time between two messages of a sender, in any chat, ms (1 000).
    pub min_interval_ms: u64,
}

impl Default for SpamPolicy {
    fn default() -> Self {
        SpamPolicy {
            min_graphemes: 3,
            repeat_limit: 3,
            repeat_window: 10,
            generic_greetings: ["hi", "hey", "hello", "sup", "yo"].map(String::from).to_vec(),
            emoji_only_max_graphemes: 5,
            min_interval_ms: 1_000,
        }
    }
}

impl SpamPolicy {
    pub(crate) fn validate(&self, path: &str, p: &mut Vec<PolicyProblem>) {
        use crate::policy::bounds as b;
        check(self.repeat_limit >= 1, p, format!("{path}.repeat_limit"), "must be >= 1");
        check(self.repeat_window >= self.repeat_limit, p, format!("{path}.repeat_window"), "must be >= repeat_limit");
        check(self.repeat_window <= b::MAX_SPAM_REPEAT_WINDOW, p, format!("{path}.repeat_window"), "must be <= 1000");
        check(
            self.min_interval_ms <= b::MAX_SPAM_INTERVAL_MS,
            p,
            format!("{path}.min_interval_ms"),
            "must be <= 3600000",
        );
        check(self.min_graphemes <= b::MAX_SPAM_GRAPHEMES, p, format!("{path}.min_graphemes"), "must be <= 1000");
        check(
            self.emoji_only_max_graphemes <= b::MAX_SPAM_GRAPHEMES,
            p,
            format!("{path}.emoji_only_max_graphemes"),
            "must be <= 1000",
        );
        let greetings = &self.generic_greetings;
        check(greetings.len() <= b::MAX_GREETINGS, p, format!("{path}.generic_greetings"), "must hold at most 1000");
        for (i, g) in greetings.iter().enumerate().take(b::MAX_GREETINGS) {
            check(g.len() <= 256, p, format!("{path}.generic_greetings[{i}]"), "must be at most 256 bytes");
            check(
                !greeting_form(&normalise(g)).is_empty(),
                p,
                format!("{path}.generic_greetings[{i}]"),
                "must not be empty",
            );
        }
    }
}

/// One of the sender's recent messages.
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct RecentMessage {
    /// Its text.
    pub text: String,
    /// When it was sent, ms since the Unix epoch (UTC).
    pub sent_at_ms: i64,
}

/// The anti-spam rule that refused a message.
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
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

impl SpamRule {
    /// The SPEC §11 code of this rule.
    pub const fn code(self) -> ErrorCode {
        match self {
            SpamRule::TooShort => ErrorCode::SpamTooShort,
            SpamRule::Repeated => ErrorCode::SpamRepeated,
            SpamRule::Generic => ErrorCode::SpamGeneric,
            SpamRule::EmojiOnly => ErrorCode::SpamEmojiOnly,
            SpamRule::TooFast => ErrorCode::SpamTooFast,
        }
    }
}

/// The verdict on one message.
#[cfg_attr(feature = "wasm", derive(tsify::Tsify), tsify(missing_as_null))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct SpamVerdict {
    /// True when no rule fired.
    pub allowed: bool,
    /// The first rule that fired.
    pub rule: Option<SpamRule>,
    /// Its code (`SPAM_TOO_SHORT`, …), or `None` when allowed.
    pub code: Option<ErrorCode>,
    /// Why, for developers and logs (empty when allowed).
    pub reason: String,
    /// Fingerprint of the policy used.
    pub policy_fingerprint: String,
}

impl SpamVerdict {
    /// `Ok(())` when allowed, else the rule's error.
    pub fn to_result(&self) -> Result<()> {
        match self.code {
            None => Ok(()),
            Some(code) => Err(Error::new(code, self.reason.clone())),
        }
    }
}

/// Trim, case-fold and collapse white space to single spaces.
fn normalise(text: &str) -> String {
    let folded = text.to_uppercase().to_lowercase();
    folded.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A normalised message without its trailing `!`, `?`, `.` (and white space before them).
fn greeting_form(normalised: &str) -> &str {
    normalised.trim_end_matches(['!', '?', '.']).trim_end()
}

/// Checks a message against the anti-spam rules (SPEC §4.8), given the sender's recent
/// messages (any order, across chats) and the current time. Total: every input has a verdict.
pub fn check_spam(policy: &Policy, text: &str, recent: &[RecentMessage], now_ms: i64) -> SpamVerdict {
    let s = &policy.spam;
    let verdict = |rule: Option<SpamRule>, reason: String| SpamVerdict {
        allowed: rule.is_none(),
        rule,
        code: rule.map(SpamRule::code),
        reason,
        policy_fingerprint: policy.fingerprint().to_string(),
    };
    let trimmed = text.trim();
    let graphemes = trimmed.graphemes(true).count() as u64;
    if graphemes < u64::from(s.min_graphemes) {
        return verdict(
            Some(SpamRule::TooShort),
            format!("{graphemes} grapheme clusters, fewer than {}", s.min_graphemes),
        );
    }
    let norm = normalise(text);
    let mut latest: Vec<&RecentMessage> = recent.iter().collect();
    latest.sort_by_key(|m| m.sent_at_ms); // stable: equal times keep their order
    let window = latest.len().saturating_sub(s.repeat_window as usize);
    let copies = latest.get(window..).unwrap_or(&[]).iter().filter(|m| normalise(&m.text) == norm).count() as u64;
    if copies >= u64::from(s.repeat_limit) {
        return verdict(Some(SpamRule::Repeated), format!("same as {copies} of the last {} messages", s.repeat_window));
    }
    let bare = greeting_form(&norm);
    if s.generic_greetings.iter().any(|g| greeting_form(&normalise(g)) == bare) {
        return verdict(Some(SpamRule::Generic), format!("generic greeting {bare:?}"));
    }
    if graphemes <= u64::from(s.emoji_only_max_graphemes) && !has_letter_or_digit_besides_emoji(trimmed) {
        return verdict(Some(SpamRule::EmojiOnly), format!("no letter or digit in {graphemes} grapheme clusters"));
    }
    if let Some(prev) = recent.iter().map(|m| m.sent_at_ms).max() {
        let elapsed = i128::from(now_ms) - i128::from(prev);
        if elapsed < i128::from(s.min_interval_ms) {
            return verdict(
                Some(SpamRule::TooFast),
                format!("{elapsed} ms since the previous message, less than {}", s.min_interval_ms),
            );
        }
    }
    verdict(None, String::new())
}

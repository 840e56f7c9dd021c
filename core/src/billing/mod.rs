//! Word-based message billing (SPEC §4.1–4.7): word counting, chat roles, words per token, the
//! per-chat meter with free messages, and the charge for each message.
//!
//! Choices where the spec is silent (collected into the README):
//! - **Counting** details are in [`words`]: emoji are removed before URLs (so `👉https://…` is a
//!   URL); keycaps are removed with or without VS16; a run of a script written without spaces
//!   is continued by combining marks and format characters and ended by anything else
//!   (punctuation such as `、` or `。` ends a run); only letters and digits of those scripts
//!   count (Script_Extensions decides the script, so `ー` is Japanese); for Thai/Lao/Khmer/
//!   Myanmar only grapheme clusters holding a letter or digit count.
//! - **Unicode version**: 17.0 throughout (`unicode-segmentation` 1.13, `unicode-script`
//!   0.5.8, `unicode-properties` 0.1.4, Rust 1.95's `char`), so every platform counts alike.
//! - **Free messages**: every message the host delivers in the chat goes through the meter,
//!   the payer's too (they are never billed but count towards the per-chat allowance). In
//!   `per_participant` mode each side has its own allowance; the payer's messages are marked
//!   free while within theirs, for display only.
//! - **Royal re-basing**: the meter records the rate it runs at (`royal`). When the earner's
//!   status differs at the next message (or on [`rebase_meter`]), the words not yet converted
//!   (`billed_words − billed_tokens × old rate`) are carried: `billed_words` becomes
//!   `billed_tokens × new rate + carried`. Carried words may then be worth a whole token at the
//!   new rate; it is charged with the earner's next billed message (even one of 0 words).
//!   So `billed_words` is the meter's figure in units of its current rate, which after a
//!   re-base differs from the literal history.
//! - **Meter validity**: `billed_tokens × rate ≤ billed_words < billed_tokens × rate + max rate`,
//!   `creator == floor(billed_tokens × chat share)`, and words only after an earner message;
//!   anything else is `INVALID_INPUT` (never a silent reset). Changing the chat share or the
//!   rates in the policy therefore invalidates running meters that no longer fit.
//! - **Insufficient balance** is `INSUFFICIENT_TOKENS` with the reason
//!   `"needed N tokens, available M"`; a batch fails as a whole, naming the message index.

mod ascii;
mod chars;
pub mod creator_rate;
mod fast;
mod meter;
pub mod words;

pub use creator_rate::{set_creator_rate, CreatorRate};
pub use meter::{
    bill_creator_message, bill_message, bill_messages, preview_creator_message, preview_message, rebase_meter,
    validate_meter, BatchCharge, ChatMessage, ChatMeter, MessageCharge, Sender,
};
pub use words::{count_words_batch_with, count_words_reference, count_words_with, WordRatios};

use crate::policy::{check, PolicyProblem};
use crate::Policy;
use serde::{Deserialize, Serialize};

/// How free messages are counted (SPEC §4.6).
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FreeMessageMode {
    /// The first N messages of the chat, from either side, are free (default).
    PerChat,
    /// Each participant's first N messages are free.
    PerParticipant,
}

/// Policy section for message billing (SPEC §4.3–4.6).
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BillingPolicy {
    /// Words per token when the earner is not a Royal Club member (11).
    pub standard_words_per_token: u32,
    /// Words per token when the earner is a Royal Club member, tier SILVER or higher (7).
    pub royal_words_per_token: u32,
    /// Free messages per chat (or per participant) (4).
    pub free_messages: u32,
    /// How free messages are counted (`per_chat`).
    pub free_message_mode: FreeMessageMode,
    /// Han/Hiragana/Katakana characters per word (2).
    pub cjk_chars_per_word: u32,
    /// Thai/Lao/Khmer/Myanmar grapheme clusters per word (4).
    pub sea_graphemes_per_word: u32,
    /// The lowest words per token a creator may set (5; SPEC §16.2).
    pub creator_min_words_per_token: u32,
    /// The highest words per token a creator may set (20; SPEC §16.2).
    pub creator_max_words_per_token: u32,
}

impl Default for BillingPolicy {
    fn default() -> Self {
        BillingPolicy {
            standard_words_per_token: 11,
            royal_words_per_token: 7,
            free_messages: 4,
            free_message_mode: FreeMessageMode::PerChat,
            cjk_chars_per_word: 2,
            sea_graphemes_per_word: 4,
            creator_min_words_per_token: 5,
            creator_max_words_per_token: 20,
        }
    }
}

impl BillingPolicy {
    pub(crate) fn validate(&self, path: &str, p: &mut Vec<PolicyProblem>) {
        for (name, v) in [
            ("standard_words_per_token", self.standard_words_per_token),
            ("royal_words_per_token", self.royal_words_per_token),
            ("creator_min_words_per_token", self.creator_min_words_per_token),
            ("creator_max_words_per_token", self.creator_max_words_per_token),
        ] {
            check((1..=1_000).contains(&v), p, format!("{path}.{name}"), "must be 1..=1000");
        }
        check(
            self.creator_min_words_per_token <= self.creator_max_words_per_token,
            p,
            format!("{path}.creator_min_words_per_token"),
            "must be <= creator_max_words_per_token",
        );
        for (name, v) in
            [("cjk_chars_per_word", self.cjk_chars_per_word), ("sea_graphemes_per_word", self.sea_graphemes_per_word)]
        {
            check((1..=100).contains(&v), p, format!("{path}.{name}"), "must be 1..=100");
        }
    }

    /// The largest words per token any meter can be billed at (standard, Royal, creator max).
    pub fn max_words_per_token(&self) -> u32 {
        self.standard_words_per_token.max(self.royal_words_per_token).max(self.creator_max_words_per_token)
    }

    /// The counting ratios of this policy.
    pub fn ratios(&self) -> WordRatios {
        WordRatios { cjk_chars_per_word: self.cjk_chars_per_word, sea_graphemes_per_word: self.sea_graphemes_per_word }
    }

    /// Words per token for an earner with or without Royal Club membership (SPEC §4.4).
    pub fn words_per_token(&self, earner_royal: bool) -> u32 {
        if earner_royal {
            self.royal_words_per_token
        } else {
            self.standard_words_per_token
        }
    }
}

/// Counts the billable words of a message with the policy's ratios (SPEC §4.3). See
/// [`words`] for the exact rule: `"I ❤️ you"` is 2, `"e-mail"` is 2, five ideographs are 3.
pub fn count_words(policy: &Policy, text: &str) -> u64 {
    count_words_with(policy.billing.ratios(), text)
}

/// [`count_words`] over a list of messages in one call.
pub fn count_words_batch<S: AsRef<str>>(policy: &Policy, texts: &[S]) -> Vec<u64> {
    count_words_batch_with(policy.billing.ratios(), texts)
}

/// Words per token (SPEC §4.4): 11, or 7 when the earner is a Royal Club member (tier SILVER or
/// higher; the `royal` module decides the tier).
pub fn words_per_token(policy: &Policy, earner_royal: bool) -> u32 {
    policy.billing.words_per_token(earner_royal)
}

/// One side of a chat.
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum), uniffi(name = "ChatParticipant"))]
#[serde(rename_all = "snake_case")]
pub enum Participant {
    /// The participant who started the chat.
    Initiator,
    /// The other participant.
    Receiver,
}

/// Who pays and who earns in a chat (SPEC §4.1).
#[cfg_attr(feature = "wasm", derive(tsify::Tsify), tsify(missing_as_null))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct ChatRoles {
    /// The participant charged for the earner's messages; `None` in a free chat.
    pub payer: Option<Participant>,
    /// The participant whose messages are billed; `None` in a free chat.
    pub earner: Option<Participant>,
    /// True when neither participant earns: nothing is billed.
    pub free: bool,
}

/// Derives the roles from the participants' "earns from chat" flags (SPEC §4.1): exactly one
/// earns → that one earns and the other pays; both earn → the initiator pays and the receiver
/// earns; neither → the chat is free. No other attribute plays a part.
pub fn chat_roles(initiator_earns: bool, receiver_earns: bool) -> ChatRoles {
    use Participant::{Initiator, Receiver};
    let paid = |payer, earner| ChatRoles { payer: Some(payer), earner: Some(earner), free: false };
    match (initiator_earns, receiver_earns) {
        (true, false) => paid(Receiver, Initiator),
        (false, true) | (true, true) => paid(Initiator, Receiver),
        (false, false) => ChatRoles { payer: None, earner: None, free: true },
    }
}

#[cfg(test)]
mod tests;

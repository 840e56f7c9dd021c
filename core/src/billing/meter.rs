//! The chat meter (SPEC §4.5–4.7): a small serialisable state per chat, and the charge for
//! each message. Both [`preview_message`] and [`bill_message`] are pure: they return the charge
//! together with the meter to store; the host persists the meter only after a successful bill.

use super::creator_rate::CreatorRate;
use super::{count_words, FreeMessageMode};
use crate::error::{Error, ErrorCode, Result};
use crate::split::CumulativeSplit;
use crate::{Policy, Tokens};
use serde::{Deserialize, Serialize};

/// Who sent a message of a paid chat (see [`super::chat_roles`]).
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[serde(rename_all = "snake_case")]
pub enum Sender {
    /// The paying participant: never billed.
    Payer,
    /// The earning participant: billed per word after the free messages.
    Earner,
}

/// The running state of one paid chat. Start with `ChatMeter::new(earner_royal)`.
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(deny_unknown_fields)]
pub struct ChatMeter {
    /// Messages the payer has sent in this chat.
    pub payer_messages: u64,
    /// Messages the earner has sent in this chat.
    pub earner_messages: u64,
    /// Cumulative billed words, in units of the current rate (see the module doc on re-basing).
    pub billed_words: u64,
    /// Cumulative tokens charged to the payer.
    pub billed_tokens: Tokens,
    /// Cumulative tokens credited to the creator (the earner): `floor(billed_tokens × share)`.
    pub creator_tokens: Tokens,
    /// Whether the meter runs at the Royal rate.
    pub royal: bool,
    /// The creator's words per token the meter last billed with (SPEC §16.2); 0 when it bills at
    /// §4.4's rate (then `royal` decides).
    #[serde(default)]
    pub creator_words_per_token: u32,
    /// The creator's `rate_version` the meter last billed with; 0 when never set.
    #[serde(default)]
    pub rate_version: u64,
}

impl ChatMeter {
    /// A fresh meter for a chat whose earner is (or is not) a Royal Club member.
    pub fn new(earner_royal: bool) -> Self {
        ChatMeter { royal: earner_royal, ..ChatMeter::default() }
    }

    /// Messages seen in the chat, from either side.
    pub fn messages(&self) -> u64 {
        self.payer_messages.saturating_add(self.earner_messages)
    }

    /// The words per token this meter bills at: the creator's rate it last billed with, else
    /// §4.4's standard or Royal rate.
    pub fn words_per_token(&self, policy: &Policy) -> u32 {
        if self.creator_words_per_token > 0 {
            self.creator_words_per_token
        } else {
            policy.billing.words_per_token(self.royal)
        }
    }

    /// Tokens credited to the platform so far.
    pub fn platform_tokens(&self) -> Tokens {
        self.billed_tokens.saturating_sub(self.creator_tokens)
    }
}

/// One message of a batch.
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct ChatMessage {
    /// Who sent it.
    pub sender: Sender,
    /// Its text.
    pub text: String,
}

/// The charge for one message, with the meter to store afterwards.
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct MessageCharge {
    /// Who sent the message.
    pub sender: Sender,
    /// Words in the message (SPEC §4.3), counted even when it is free or the payer's.
    pub words: u64,
    /// Whether the message is within the free allowance (SPEC §4.6).
    pub free: bool,
    /// Whether the message was billed (an earner's message past the free allowance).
    pub billed: bool,
    /// Words this message added to the meter (0 unless billed).
    pub billed_words: u64,
    /// Tokens the payer is charged for this message.
    pub tokens_due: Tokens,
    /// The creator's credit out of `tokens_due` (cumulative 65/35 split, SPEC §3.3).
    pub creator: Tokens,
    /// The platform's credit out of `tokens_due`.
    pub platform: Tokens,
    /// The rate used (11 or 7, or the creator's own rate of 5–20).
    pub words_per_token: u32,
    /// The creator's `rate_version` priced with (0: §4.4's rate); pass it back to
    /// [`bill_creator_message`] so a later rate change is noticed (`PRICE_CHANGED`).
    #[serde(default)]
    pub rate_version: u64,
    /// Whether the meter was re-based to a new rate (Royal status or creator rate) before this
    /// message.
    pub rebased: bool,
    /// The meter after this message.
    pub meter: ChatMeter,
    /// Fingerprint of the policy used.
    pub policy_fingerprint: String,
}

/// The result of billing many messages against one meter.
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct BatchCharge {
    /// Each message's charge, in order.
    pub charges: Vec<MessageCharge>,
    /// Total tokens charged to the payer.
    pub tokens_due: Tokens,
    /// Total creator credit.
    pub creator: Tokens,
    /// Total platform credit.
    pub platform: Tokens,
    /// The meter after the last message.
    pub meter: ChatMeter,
}

fn invalid_meter(reason: String) -> Error {
    Error::invalid(format!("invalid chat meter: {reason}"))
}

/// Checks a meter against the policy; every inconsistency is `INVALID_INPUT`:
/// `billed_tokens × rate ≤ billed_words < billed_tokens × rate + max(standard, royal rate)`,
/// `creator_tokens == floor(billed_tokens × chat share / 10 000)`, and no billed words without
/// an earner message.
pub fn validate_meter(policy: &Policy, meter: &ChatMeter) -> Result<()> {
    let b = &policy.billing;
    if meter.creator_words_per_token > 0
        && !(b.creator_min_words_per_token..=b.creator_max_words_per_token).contains(&meter.creator_words_per_token)
    {
        return Err(invalid_meter(format!(
            "creator_words_per_token {} is outside the policy's bounds",
            meter.creator_words_per_token
        )));
    }
    if (meter.creator_words_per_token > 0) != (meter.rate_version > 0) {
        return Err(invalid_meter("creator_words_per_token and rate_version are set together".to_string()));
    }
    let wpt = u64::from(meter.words_per_token(policy));
    // Re-basing carries unconverted words to the new rate, so up to the largest rate the meter
    // can have come from may stay unconverted: §4.4's two rates, and any creator rate once one
    // was set (a creator rate is never unset).
    let max_wpt = if meter.rate_version > 0 {
        u64::from(b.max_words_per_token())
    } else {
        u64::from(b.standard_words_per_token.max(b.royal_words_per_token))
    };
    let converted = meter.billed_tokens.checked_mul(wpt).ok_or_else(|| {
        invalid_meter(format!("billed_tokens {} overflow at {wpt} words per token", meter.billed_tokens))
    })?;
    if converted > meter.billed_words {
        return Err(invalid_meter(format!(
            "billed_tokens {} exceed billed_words {} / {wpt} words per token",
            meter.billed_tokens, meter.billed_words
        )));
    }
    let pending = meter.billed_words - converted;
    if pending >= max_wpt {
        return Err(invalid_meter(format!(
            "billed_words {} leave {pending} words unconverted at {wpt} words per token (must be < {max_wpt})",
            meter.billed_words
        )));
    }
    if meter.billed_words > 0 && meter.earner_messages == 0 {
        return Err(invalid_meter(format!("billed_words {} without any earner message", meter.billed_words)));
    }
    CumulativeSplit { total: meter.billed_tokens, creator_total: meter.creator_tokens }
        .validate(policy.splits.chat_creator_bp)
        .map_err(|e| invalid_meter(e.reason))
}

/// Re-bases a meter to the earner's new Royal status (SPEC §4.5): the words not yet converted
/// are carried at the new rate. A meter already at that status is returned unchanged. A meter
/// at a creator's own rate keeps it (the rate replaces §4.4's whatever the Royal status).
pub fn rebase_meter(policy: &Policy, meter: &ChatMeter, earner_royal: bool) -> Result<ChatMeter> {
    let rate = CreatorRate {
        words_per_token: (meter.creator_words_per_token > 0).then_some(meter.creator_words_per_token),
        rate_version: meter.rate_version,
    };
    rebase_to(policy, meter, earner_royal, &rate)
}

/// Re-bases a meter to the earner's Royal status and the creator's current rate (SPEC §4.5,
/// §16.2): the words not yet converted are carried at the new rate.
fn rebase_to(policy: &Policy, meter: &ChatMeter, earner_royal: bool, rate: &CreatorRate) -> Result<ChatMeter> {
    validate_meter(policy, meter)?;
    rate.validate(policy)?;
    let target = ChatMeter {
        royal: earner_royal,
        creator_words_per_token: rate.words_per_token.unwrap_or(0),
        rate_version: rate.rate_version,
        ..*meter
    };
    if target == *meter {
        return Ok(*meter);
    }
    if rate.rate_version < meter.rate_version {
        return Err(Error::invalid(format!(
            "creator rate_version {} is older than the meter's {}",
            rate.rate_version, meter.rate_version
        )));
    }
    let old = u64::from(meter.words_per_token(policy));
    let new = u64::from(target.words_per_token(policy));
    if old == new {
        return Ok(target);
    }
    // Both products were checked or bounded by validation; keep the arithmetic checked anyway.
    let carried = meter.billed_words - meter.billed_tokens * old;
    let billed_words = meter
        .billed_tokens
        .checked_mul(new)
        .and_then(|w| w.checked_add(carried))
        .ok_or_else(|| Error::out_of_range("billed words overflow when re-basing"))?;
    Ok(ChatMeter { billed_words, ..target })
}

/// The charge for one message without a balance check (SPEC §4.7 preview): what
/// [`bill_message`] returns for any sufficient balance. Use it on the phone before sending.
pub fn preview_message(
    policy: &Policy,
    meter: &ChatMeter,
    sender: Sender,
    text: &str,
    earner_royal: bool,
) -> Result<MessageCharge> {
    let words = count_words(policy, text);
    charge(policy, meter, sender, words, earner_royal)
}

/// The charge for one message in a chat whose creator may have set their own rate (SPEC §16.2),
/// without a balance check: returns `tokens_due` with the rate and `rate_version` priced with.
pub fn preview_creator_message(
    policy: &Policy,
    meter: &ChatMeter,
    sender: Sender,
    text: &str,
    earner_royal: bool,
    rate: &CreatorRate,
) -> Result<MessageCharge> {
    let words = count_words(policy, text);
    charge_at(policy, meter, sender, words, earner_royal, rate)
}

/// Bills one message at the creator's current rate (SPEC §16.2): `PRICE_CHANGED` when the
/// `shown_rate_version` (from the preview the payer saw) is not the current one, then as
/// [`bill_message`]. On error nothing changes: keep the old meter.
#[allow(clippy::too_many_arguments)]
pub fn bill_creator_message(
    policy: &Policy,
    meter: &ChatMeter,
    sender: Sender,
    text: &str,
    earner_royal: bool,
    rate: &CreatorRate,
    shown_rate_version: u64,
    payer_balance: Tokens,
) -> Result<MessageCharge> {
    let c = preview_creator_message(policy, meter, sender, text, earner_royal, rate)?;
    if shown_rate_version != rate.rate_version {
        return Err(Error::new(
            ErrorCode::PriceChanged,
            format!(
                "the price shown was rate version {shown_rate_version}; now version {} at {} words per token",
                rate.rate_version, c.words_per_token
            ),
        ));
    }
    if c.tokens_due > payer_balance {
        return Err(insufficient(c.tokens_due, payer_balance, None));
    }
    Ok(c)
}

/// Bills one message (SPEC §4.5–4.7): the same charge as [`preview_message`], or
/// `INSUFFICIENT_TOKENS` ("needed N tokens, available M") when `payer_balance < tokens_due`.
/// On error nothing changes: keep the old meter.
pub fn bill_message(
    policy: &Policy,
    meter: &ChatMeter,
    sender: Sender,
    text: &str,
    earner_royal: bool,
    payer_balance: Tokens,
) -> Result<MessageCharge> {
    let c = preview_message(policy, meter, sender, text, earner_royal)?;
    if c.tokens_due > payer_balance {
        return Err(insufficient(c.tokens_due, payer_balance, None));
    }
    Ok(c)
}

/// Bills a list of messages in order against one meter, the payer's balance going down with
/// each charge (one FFI call for a server's batch). Fails as a whole, with nothing changed, at
/// the first message that fails; the reason names its index (from 0).
pub fn bill_messages(
    policy: &Policy,
    meter: &ChatMeter,
    messages: &[ChatMessage],
    earner_royal: bool,
    payer_balance: Tokens,
) -> Result<BatchCharge> {
    let mut cur = *meter;
    let mut balance = payer_balance;
    let mut charges = Vec::with_capacity(messages.len());
    let (mut due, mut creator, mut platform) = (0u64, 0u64, 0u64);
    for (k, m) in messages.iter().enumerate() {
        let c = preview_message(policy, &cur, m.sender, &m.text, earner_royal)
            .map_err(|e| Error::new(e.code, format!("message {k}: {}", e.reason)))?;
        if c.tokens_due > balance {
            return Err(insufficient(c.tokens_due, balance, Some(k)));
        }
        balance -= c.tokens_due;
        due += c.tokens_due; // bounded by the meter's checked billed_tokens
        creator += c.creator;
        platform += c.platform;
        cur = c.meter;
        charges.push(c);
    }
    Ok(BatchCharge { charges, tokens_due: due, creator, platform, meter: cur })
}

fn insufficient(needed: Tokens, available: Tokens, index: Option<usize>) -> Error {
    let at = index.map(|k| format!("message {k}: ")).unwrap_or_default();
    Error::new(ErrorCode::InsufficientTokens, format!("{at}needed {needed} tokens, available {available}"))
}

/// The charge for a message of `words` words at §4.4's rate.
fn charge(policy: &Policy, meter: &ChatMeter, sender: Sender, words: u64, earner_royal: bool) -> Result<MessageCharge> {
    charge_at(policy, meter, sender, words, earner_royal, &CreatorRate::default())
}

/// The charge for a message of `words` words at the creator's rate (§4.4's when unset).
fn charge_at(
    policy: &Policy,
    meter: &ChatMeter,
    sender: Sender,
    words: u64,
    earner_royal: bool,
    rate: &CreatorRate,
) -> Result<MessageCharge> {
    let mut m = rebase_to(policy, meter, earner_royal, rate)?;
    let rebased = meter.royal != earner_royal || meter.rate_version != rate.rate_version;
    let b = &policy.billing;
    let wpt = m.words_per_token(policy);
    let own = match sender {
        Sender::Payer => m.payer_messages,
        Sender::Earner => m.earner_messages,
    };
    let seen = match b.free_message_mode {
        FreeMessageMode::PerChat => m.messages(),
        FreeMessageMode::PerParticipant => own,
    };
    let free = seen < u64::from(b.free_messages);
    let billed = sender == Sender::Earner && !free;
    let overflow = || Error::out_of_range("chat meter counter overflows");
    let (mut tokens_due, mut creator, mut platform, mut billed_words) = (0, 0, 0, 0);
    if billed {
        let total_words = m.billed_words.checked_add(words).ok_or_else(overflow)?;
        let tokens_now = total_words / u64::from(wpt);
        // Validation guarantees billed_tokens ≤ floor(billed_words / wpt) ≤ tokens_now.
        tokens_due = tokens_now.saturating_sub(m.billed_tokens);
        let step = CumulativeSplit { total: m.billed_tokens, creator_total: m.creator_tokens }
            .apply(tokens_due, policy.splits.chat_creator_bp)?;
        creator = step.split.creator;
        platform = step.split.platform;
        billed_words = words;
        m.billed_words = total_words;
        m.billed_tokens = step.state.total;
        m.creator_tokens = step.state.creator_total;
    }
    match sender {
        Sender::Payer => m.payer_messages = m.payer_messages.checked_add(1).ok_or_else(overflow)?,
        Sender::Earner => m.earner_messages = m.earner_messages.checked_add(1).ok_or_else(overflow)?,
    }
    Ok(MessageCharge {
        sender,
        words,
        free,
        billed,
        billed_words,
        tokens_due,
        creator,
        platform,
        words_per_token: wpt,
        rate_version: m.rate_version,
        rebased,
        meter: m,
        policy_fingerprint: policy.fingerprint().to_string(),
    })
}

//! Facade of `core/src/billing`: word counting, chat roles, words per token and the chat meter
//! (SPEC §4.1–4.7). Conversions only; the rules are in the core.

use crate::error::{guard, AvaloError};
use crate::policy::Policy;
use avalo_core::billing as core;

/// Who sent a message of a paid chat.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, uniffi::Enum)]
pub enum Sender {
    /// The paying participant: never billed.
    Payer,
    /// The earning participant: billed per word after the free messages.
    Earner,
}

impl From<Sender> for core::Sender {
    fn from(s: Sender) -> Self {
        match s {
            Sender::Payer => core::Sender::Payer,
            Sender::Earner => core::Sender::Earner,
        }
    }
}

impl From<core::Sender> for Sender {
    fn from(s: core::Sender) -> Self {
        match s {
            core::Sender::Payer => Sender::Payer,
            core::Sender::Earner => Sender::Earner,
        }
    }
}

/// One side of a chat.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, uniffi::Enum)]
pub enum ChatParticipant {
    /// The participant who started the chat.
    Initiator,
    /// The other participant.
    Receiver,
}

impl From<core::Participant> for ChatParticipant {
    fn from(p: core::Participant) -> Self {
        match p {
            core::Participant::Initiator => ChatParticipant::Initiator,
            core::Participant::Receiver => ChatParticipant::Receiver,
        }
    }
}

/// Who pays and who earns in a chat (SPEC §4.1).
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Record)]
pub struct ChatRoles {
    /// The participant charged for the earner's messages; `null` in a free chat.
    pub payer: Option<ChatParticipant>,
    /// The participant whose messages are billed; `null` in a free chat.
    pub earner: Option<ChatParticipant>,
    /// True when neither participant earns.
    pub free: bool,
}

impl From<core::ChatRoles> for ChatRoles {
    fn from(r: core::ChatRoles) -> Self {
        let core::ChatRoles { payer, earner, free } = r;
        ChatRoles { payer: payer.map(Into::into), earner: earner.map(Into::into), free }
    }
}

/// The running state of one paid chat: store it, pass it back with the next message.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, uniffi::Record)]
pub struct ChatMeter {
    /// Messages the payer has sent in this chat.
    pub payer_messages: u64,
    /// Messages the earner has sent in this chat.
    pub earner_messages: u64,
    /// Cumulative billed words, in units of the current rate.
    pub billed_words: u64,
    /// Cumulative tokens charged to the payer.
    pub billed_tokens: u64,
    /// Cumulative tokens credited to the creator.
    pub creator_tokens: u64,
    /// Whether the meter runs at the Royal rate.
    pub royal: bool,
}

impl From<core::ChatMeter> for ChatMeter {
    fn from(m: core::ChatMeter) -> Self {
        let core::ChatMeter { payer_messages, earner_messages, billed_words, billed_tokens, creator_tokens, royal } = m;
        ChatMeter { payer_messages, earner_messages, billed_words, billed_tokens, creator_tokens, royal }
    }
}

impl From<ChatMeter> for core::ChatMeter {
    fn from(m: ChatMeter) -> Self {
        let ChatMeter { payer_messages, earner_messages, billed_words, billed_tokens, creator_tokens, royal } = m;
        core::ChatMeter { payer_messages, earner_messages, billed_words, billed_tokens, creator_tokens, royal }
    }
}

/// One message of a batch.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct ChatMessage {
    /// Who sent it.
    pub sender: Sender,
    /// Its text.
    pub text: String,
}

/// The charge for one message, with the meter to store afterwards.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct MessageCharge {
    /// Who sent the message.
    pub sender: Sender,
    /// Words in the message (SPEC §4.3).
    pub words: u64,
    /// Whether the message is within the free allowance.
    pub free: bool,
    /// Whether the message was billed.
    pub billed: bool,
    /// Words this message added to the meter.
    pub billed_words: u64,
    /// Tokens the payer is charged for this message.
    pub tokens_due: u64,
    /// The creator's credit out of `tokens_due`.
    pub creator: u64,
    /// The platform's credit out of `tokens_due`.
    pub platform: u64,
    /// The rate used (11 or 7).
    pub words_per_token: u32,
    /// Whether the meter was re-based to a new Royal status first.
    pub rebased: bool,
    /// The meter after this message.
    pub meter: ChatMeter,
    /// Fingerprint of the policy used.
    pub policy_fingerprint: String,
}

impl From<core::MessageCharge> for MessageCharge {
    fn from(c: core::MessageCharge) -> Self {
        let core::MessageCharge {
            sender,
            words,
            free,
            billed,
            billed_words,
            tokens_due,
            creator,
            platform,
            words_per_token,
            rebased,
            meter,
            policy_fingerprint,
        } = c;
        MessageCharge {
            sender: sender.into(),
            words,
            free,
            billed,
            billed_words,
            tokens_due,
            creator,
            platform,
            words_per_token,
            rebased,
            meter: meter.into(),
            policy_fingerprint,
        }
    }
}

/// The result of billing many messages against one meter.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct BatchCharge {
    /// Each message's charge, in order.
    pub charges: Vec<MessageCharge>,
    /// Total tokens charged to the payer.
    pub tokens_due: u64,
    /// Total creator credit.
    pub creator: u64,
    /// Total platform credit.
    pub platform: u64,
    /// The meter after the last message.
    pub meter: ChatMeter,
}

impl From<core::BatchCharge> for BatchCharge {
    fn from(b: core::BatchCharge) -> Self {
        let core::BatchCharge { charges, tokens_due, creator, platform, meter } = b;
        BatchCharge {
            charges: charges.into_iter().map(Into::into).collect(),
            tokens_due,
            creator,
            platform,
            meter: meter.into(),
        }
    }
}

/// Counts the billable words of a message (SPEC §4.3): `"I ❤️ you"` is 2, `"e-mail"` is 2,
/// URLs and emoji count nothing, five ideographs are 3.
#[uniffi::export]
pub fn count_words(policy: &Policy, text: String) -> Result<u64, AvaloError> {
    guard(|| Ok(core::count_words(policy.core(), &text)))
}

/// [`count_words`] over a list of messages in one call (for servers).
#[uniffi::export]
pub fn count_words_batch(policy: &Policy, texts: Vec<String>) -> Result<Vec<u64>, AvaloError> {
    guard(|| Ok(core::count_words_batch(policy.core(), &texts)))
}

/// Words per token (SPEC §4.4): 11, or 7 for a Royal Club earner.
#[uniffi::export]
pub fn words_per_token(policy: &Policy, earner_royal: bool) -> u32 {
    core::words_per_token(policy.core(), earner_royal)
}

/// Who pays and who earns, from the participants' "earns from chat" flags (SPEC §4.1).
#[uniffi::export]
pub fn chat_roles(initiator_earns: bool, receiver_earns: bool) -> ChatRoles {
    core::chat_roles(initiator_earns, receiver_earns).into()
}

/// A fresh meter for a chat whose earner is (or is not) a Royal Club member.
#[uniffi::export]
pub fn new_chat_meter(earner_royal: bool) -> ChatMeter {
    core::ChatMeter::new(earner_royal).into()
}

/// The charge for one message without a balance check (the price preview before sending).
/// An inconsistent meter is `INVALID_INPUT`.
#[uniffi::export]
pub fn preview_message(
    policy: &Policy,
    meter: ChatMeter,
    sender: Sender,
    text: String,
    earner_royal: bool,
) -> Result<MessageCharge, AvaloError> {
    guard(|| Ok(core::preview_message(policy.core(), &meter.into(), sender.into(), &text, earner_royal)?.into()))
}

/// Bills one message: the preview's charge, or `INSUFFICIENT_TOKENS` ("needed N tokens,
/// available M") when `payer_balance` is lower than `tokens_due`; keep the old meter then.
#[uniffi::export]
pub fn bill_message(
    policy: &Policy,
    meter: ChatMeter,
    sender: Sender,
    text: String,
    earner_royal: bool,
    payer_balance: u64,
) -> Result<MessageCharge, AvaloError> {
    guard(|| {
        Ok(core::bill_message(policy.core(), &meter.into(), sender.into(), &text, earner_royal, payer_balance)?.into())
    })
}

/// Bills a list of messages in order against one meter (one call for a server's batch);
/// fails as a whole at the first failing message, naming its index in the reason.
#[uniffi::export]
pub fn bill_messages(
    policy: &Policy,
    meter: ChatMeter,
    messages: Vec<ChatMessage>,
    earner_royal: bool,
    payer_balance: u64,
) -> Result<BatchCharge, AvaloError> {
    guard(|| {
        let messages: Vec<core::ChatMessage> =
            messages.into_iter().map(|m| core::ChatMessage { sender: m.sender.into(), text: m.text }).collect();
        Ok(core::bill_messages(policy.core(), &meter.into(), &messages, earner_royal, payer_balance)?.into())
    })
}

/// Re-bases a meter to the earner's new Royal status (unconverted words carried).
#[uniffi::export]
pub fn rebase_meter(policy: &Policy, meter: ChatMeter, earner_royal: bool) -> Result<ChatMeter, AvaloError> {
    guard(|| Ok(core::rebase_meter(policy.core(), &meter.into(), earner_royal)?.into()))
}

/// Checks a stored meter against the policy; an inconsistent one is `INVALID_INPUT`.
#[uniffi::export]
pub fn validate_meter(policy: &Policy, meter: ChatMeter) -> Result<(), AvaloError> {
    guard(|| Ok(core::validate_meter(policy.core(), &meter.into())?))
}

//! Facade of `core/src/billing`: word counting, chat roles, words per token and the chat meter
//! (SPEC §4.1–4.7). Conversions only; the rules are in the core.

use crate::error::{guard, AvaloError};
use avalo_core::billing::{self as core, *};
use avalo_core::Policy;

/// Counts the billable words of a message (SPEC §4.3): `"I ❤️ you"` is 2, `"e-mail"` is 2,
/// URLs and emoji count nothing, five ideographs are 3.
#[uniffi::export]
pub fn count_words(policy: &Policy, text: String) -> Result<u64, AvaloError> {
    guard(|| Ok(core::count_words(policy, &text)))
}

/// [`count_words`] over a list of messages in one call (for servers).
#[uniffi::export]
pub fn count_words_batch(policy: &Policy, texts: Vec<String>) -> Result<Vec<u64>, AvaloError> {
    guard(|| Ok(core::count_words_batch(policy, &texts)))
}

/// Words per token (SPEC §4.4): 11, or 7 for a Royal Club earner.
#[uniffi::export]
pub fn words_per_token(policy: &Policy, earner_royal: bool) -> u32 {
    core::words_per_token(policy, earner_royal)
}

/// Who pays and who earns, from the participants' "earns from chat" flags (SPEC §4.1).
#[uniffi::export]
pub fn chat_roles(initiator_earns: bool, receiver_earns: bool) -> ChatRoles {
    core::chat_roles(initiator_earns, receiver_earns)
}

/// A fresh meter for a chat whose earner is (or is not) a Royal Club member.
#[uniffi::export]
pub fn new_chat_meter(earner_royal: bool) -> ChatMeter {
    core::ChatMeter::new(earner_royal)
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
    guard(|| Ok(core::preview_message(policy, &meter, sender, &text, earner_royal)?))
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
    guard(|| Ok(core::bill_message(policy, &meter, sender, &text, earner_royal, payer_balance)?))
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
            messages.into_iter().map(|m| core::ChatMessage { sender: m.sender, text: m.text }).collect();
        Ok(core::bill_messages(policy, &meter, &messages, earner_royal, payer_balance)?)
    })
}

/// Re-bases a meter to the earner's new Royal status (unconverted words carried).
#[uniffi::export]
pub fn rebase_meter(policy: &Policy, meter: ChatMeter, earner_royal: bool) -> Result<ChatMeter, AvaloError> {
    guard(|| Ok(core::rebase_meter(policy, &meter, earner_royal)?))
}

/// Checks a stored meter against the policy; an inconsistent one is `INVALID_INPUT`.
#[uniffi::export]
pub fn validate_meter(policy: &Policy, meter: ChatMeter) -> Result<(), AvaloError> {
    guard(|| Ok(core::validate_meter(policy, &meter)?))
}

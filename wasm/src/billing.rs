//! Facade of `core/src/billing`: word counting, chat roles, words per token and the chat meter
//! (SPEC §4.1–4.7). Conversions only; the rules are in the core.

use crate::convert::{flag, from_js, number, text, to_js, uint, JsResult};
use crate::Policy;
use avalo_core::billing as rules;
use js_sys::{Boolean, JsString, Number};
use serde::{Deserialize, Serialize};
use tsify::{Ts, Tsify};
use wasm_bindgen::prelude::*;

/// Who sent a message of a paid chat.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Tsify)]
#[serde(rename_all = "snake_case")]
pub enum Sender {
    /// The paying participant: never billed.
    Payer,
    /// The earning participant: billed per word after the free messages.
    Earner,
}

impl From<Sender> for rules::Sender {
    fn from(s: Sender) -> Self {
        match s {
            Sender::Payer => rules::Sender::Payer,
            Sender::Earner => rules::Sender::Earner,
        }
    }
}

impl From<rules::Sender> for Sender {
    fn from(s: rules::Sender) -> Self {
        match s {
            rules::Sender::Payer => Sender::Payer,
            rules::Sender::Earner => Sender::Earner,
        }
    }
}

/// One side of a chat.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Tsify)]
#[serde(rename_all = "snake_case")]
pub enum Participant {
    /// The participant who started the chat.
    Initiator,
    /// The other participant.
    Receiver,
}

impl From<rules::Participant> for Participant {
    fn from(p: rules::Participant) -> Self {
        match p {
            rules::Participant::Initiator => Participant::Initiator,
            rules::Participant::Receiver => Participant::Receiver,
        }
    }
}

/// Who pays and who earns in a chat (SPEC §4.1).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Tsify)]
#[tsify(missing_as_null)] // `null`, as in the core's JSON, not `undefined`
pub struct ChatRoles {
    /// The participant charged for the earner's messages; `null` in a free chat.
    pub payer: Option<Participant>,
    /// The participant whose messages are billed; `null` in a free chat.
    pub earner: Option<Participant>,
    /// True when neither participant earns.
    pub free: bool,
}

/// The running state of one paid chat: store it, pass it back with the next message.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, Tsify)]
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

impl From<rules::ChatMeter> for ChatMeter {
    fn from(m: rules::ChatMeter) -> Self {
        let rules::ChatMeter { payer_messages, earner_messages, billed_words, billed_tokens, creator_tokens, royal } =
            m;
        ChatMeter { payer_messages, earner_messages, billed_words, billed_tokens, creator_tokens, royal }
    }
}

impl From<ChatMeter> for rules::ChatMeter {
    fn from(m: ChatMeter) -> Self {
        let ChatMeter { payer_messages, earner_messages, billed_words, billed_tokens, creator_tokens, royal } = m;
        rules::ChatMeter { payer_messages, earner_messages, billed_words, billed_tokens, creator_tokens, royal }
    }
}

/// One message of a batch.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Tsify)]
pub struct ChatMessage {
    /// Who sent it.
    pub sender: Sender,
    /// Its text.
    pub text: String,
}

/// A list of messages (`ChatMessage[]`).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Tsify)]
#[serde(transparent)]
pub struct ChatMessages(pub Vec<ChatMessage>);

/// A list of texts (`string[]`).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Tsify)]
#[serde(transparent)]
pub struct Texts(pub Vec<String>);

/// A list of word counts (`number[]`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Tsify)]
#[serde(transparent)]
pub struct WordCounts(pub Vec<u64>);

/// The charge for one message, with the meter to store afterwards.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Tsify)]
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

impl From<rules::MessageCharge> for MessageCharge {
    fn from(c: rules::MessageCharge) -> Self {
        let rules::MessageCharge {
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
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Tsify)]
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

impl From<rules::BatchCharge> for BatchCharge {
    fn from(b: rules::BatchCharge) -> Self {
        let rules::BatchCharge { charges, tokens_due, creator, platform, meter } = b;
        BatchCharge {
            charges: charges.into_iter().map(Into::into).collect(),
            tokens_due,
            creator,
            platform,
            meter: meter.into(),
        }
    }
}

fn meter_arg(meter: Option<Ts<ChatMeter>>) -> avalo_core::Result<rules::ChatMeter> {
    Ok(meter.map(|m| from_js(&m)).transpose()?.unwrap_or_default().into())
}

/// Counts the billable words of a message (SPEC §4.3): `"I ❤️ you"` is 2, `"e-mail"` is 2,
/// URLs and emoji count nothing, five ideographs are 3.
#[wasm_bindgen(js_name = countWords)]
pub fn count_words(policy: &Policy, #[wasm_bindgen(js_name = text)] text_: JsString) -> JsResult<f64> {
    let n = rules::count_words(policy.core(), &text(&text_, "text")?);
    Ok(number(n, "words")?)
}

/// [`count_words`] over a list of messages in one call.
#[wasm_bindgen(js_name = countWordsBatch)]
pub fn count_words_batch(policy: &Policy, texts: Ts<Texts>) -> JsResult<Ts<WordCounts>> {
    let Texts(texts) = from_js(&texts)?;
    Ok(to_js(&WordCounts(rules::count_words_batch(policy.core(), &texts)))?)
}

/// Words per token (SPEC §4.4): 11, or 7 for a Royal Club earner.
#[wasm_bindgen(js_name = wordsPerToken)]
pub fn words_per_token(policy: &Policy, #[wasm_bindgen(js_name = earnerRoyal)] earner_royal: Boolean) -> JsResult<u32> {
    Ok(rules::words_per_token(policy.core(), flag(&earner_royal, "earnerRoyal")?))
}

/// Who pays and who earns, from the participants' "earns from chat" flags (SPEC §4.1).
#[wasm_bindgen(js_name = chatRoles)]
pub fn chat_roles(
    #[wasm_bindgen(js_name = initiatorEarns)] initiator_earns: Boolean,
    #[wasm_bindgen(js_name = receiverEarns)] receiver_earns: Boolean,
) -> JsResult<Ts<ChatRoles>> {
    let r = rules::chat_roles(flag(&initiator_earns, "initiatorEarns")?, flag(&receiver_earns, "receiverEarns")?);
    let rules::ChatRoles { payer, earner, free } = r;
    Ok(to_js(&ChatRoles { payer: payer.map(Into::into), earner: earner.map(Into::into), free })?)
}

/// A fresh meter for a chat whose earner is (or is not) a Royal Club member.
#[wasm_bindgen(js_name = newChatMeter)]
pub fn new_chat_meter(#[wasm_bindgen(js_name = earnerRoyal)] earner_royal: Boolean) -> JsResult<Ts<ChatMeter>> {
    Ok(to_js(&ChatMeter::from(rules::ChatMeter::new(flag(&earner_royal, "earnerRoyal")?)))?)
}

/// The charge for one message without a balance check (the price preview before sending).
/// `meter` `undefined` starts a new chat; an inconsistent meter is `INVALID_INPUT`.
#[wasm_bindgen(js_name = previewMessage)]
pub fn preview_message(
    policy: &Policy,
    meter: Option<Ts<ChatMeter>>,
    sender: Ts<Sender>,
    #[wasm_bindgen(js_name = text)] text_: JsString,
    #[wasm_bindgen(js_name = earnerRoyal)] earner_royal: Boolean,
) -> JsResult<Ts<MessageCharge>> {
    let c = rules::preview_message(
        policy.core(),
        &meter_arg(meter)?,
        from_js(&sender)?.into(),
        &text(&text_, "text")?,
        flag(&earner_royal, "earnerRoyal")?,
    )?;
    Ok(to_js(&MessageCharge::from(c))?)
}

/// Bills one message: the preview's charge, or `INSUFFICIENT_TOKENS` ("needed N tokens,
/// available M") when `payerBalance` is lower than `tokens_due`; keep the old meter then.
#[wasm_bindgen(js_name = billMessage)]
pub fn bill_message(
    policy: &Policy,
    meter: Option<Ts<ChatMeter>>,
    sender: Ts<Sender>,
    #[wasm_bindgen(js_name = text)] text_: JsString,
    #[wasm_bindgen(js_name = earnerRoyal)] earner_royal: Boolean,
    #[wasm_bindgen(js_name = payerBalance)] payer_balance: Number,
) -> JsResult<Ts<MessageCharge>> {
    let c = rules::bill_message(
        policy.core(),
        &meter_arg(meter)?,
        from_js(&sender)?.into(),
        &text(&text_, "text")?,
        flag(&earner_royal, "earnerRoyal")?,
        uint(&payer_balance, "payerBalance")?,
    )?;
    Ok(to_js(&MessageCharge::from(c))?)
}

/// Bills a list of messages in order against one meter (one call for a server's batch);
/// fails as a whole at the first failing message, naming its index in the reason.
#[wasm_bindgen(js_name = billMessages)]
pub fn bill_messages(
    policy: &Policy,
    meter: Option<Ts<ChatMeter>>,
    messages: Ts<ChatMessages>,
    #[wasm_bindgen(js_name = earnerRoyal)] earner_royal: Boolean,
    #[wasm_bindgen(js_name = payerBalance)] payer_balance: Number,
) -> JsResult<Ts<BatchCharge>> {
    let ChatMessages(messages) = from_js(&messages)?;
    let messages: Vec<rules::ChatMessage> =
        messages.into_iter().map(|m| rules::ChatMessage { sender: m.sender.into(), text: m.text }).collect();
    let b = rules::bill_messages(
        policy.core(),
        &meter_arg(meter)?,
        &messages,
        flag(&earner_royal, "earnerRoyal")?,
        uint(&payer_balance, "payerBalance")?,
    )?;
    Ok(to_js(&BatchCharge::from(b))?)
}

/// Re-bases a meter to the earner's new Royal status (unconverted words carried).
#[wasm_bindgen(js_name = rebaseMeter)]
pub fn rebase_meter(
    policy: &Policy,
    meter: Ts<ChatMeter>,
    #[wasm_bindgen(js_name = earnerRoyal)] earner_royal: Boolean,
) -> JsResult<Ts<ChatMeter>> {
    let m = rules::rebase_meter(policy.core(), &from_js(&meter)?.into(), flag(&earner_royal, "earnerRoyal")?)?;
    Ok(to_js(&ChatMeter::from(m))?)
}

/// Checks a stored meter against the policy; an inconsistent one throws `INVALID_INPUT`.
#[wasm_bindgen(js_name = validateMeter)]
pub fn validate_meter(policy: &Policy, meter: Ts<ChatMeter>) -> JsResult<()> {
    Ok(rules::validate_meter(policy.core(), &from_js(&meter)?.into())?)
}

#[cfg(test)]
mod tests {
    use super::*;
    use avalo_core::Policy as CorePolicy;

    #[test]
    fn mirrors_have_the_core_wire_format() {
        let p = CorePolicy::default();
        let msgs = vec![
            rules::ChatMessage { sender: rules::Sender::Payer, text: "hi there".into() },
            rules::ChatMessage { sender: rules::Sender::Earner, text: "one two three".into() },
        ];
        let meter = rules::ChatMeter { payer_messages: 2, earner_messages: 2, ..Default::default() };
        let b = rules::bill_messages(&p, &meter, &msgs, true, 10).unwrap();
        assert_eq!(serde_json::to_value(BatchCharge::from(b.clone())).unwrap(), serde_json::to_value(b).unwrap());
        let back: ChatMeter = serde_json::from_value(serde_json::to_value(meter).unwrap()).unwrap();
        assert_eq!(rules::ChatMeter::from(back), meter);
        for (i, r) in [(true, false), (false, false)] {
            let roles = rules::chat_roles(i, r);
            let rules::ChatRoles { payer, earner, free } = roles;
            let mirror = ChatRoles { payer: payer.map(Into::into), earner: earner.map(Into::into), free };
            assert_eq!(serde_json::to_value(mirror).unwrap(), serde_json::to_value(roles).unwrap());
        }
    }
}

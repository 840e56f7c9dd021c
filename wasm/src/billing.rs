//! Facade of `core/src/billing`: word counting, chat roles, words per token and the chat meter
//! (SPEC §4.1–4.7). Conversions only; the rules are in the core.

use crate::convert::{flag, from_js, list_from_js, number, text, to_js, uint, vec_to_js, JsResult};
use crate::Policy;
use avalo_core::billing as rules;
use avalo_core::billing::{BatchCharge, ChatMeter, ChatRoles, MessageCharge, Sender};
use js_sys::{Boolean, JsString, Number};
use tsify::Ts;
use wasm_bindgen::prelude::*;

fn meter_arg(meter: Option<Ts<ChatMeter>>) -> avalo_core::Result<rules::ChatMeter> {
    Ok(meter.map(|m| from_js(&m)).transpose()?.unwrap_or_default())
}

/// Counts the billable words of a message (SPEC §4.3): `"I ❤️ you"` is 2, `"e-mail"` is 2,
/// URLs and emoji count nothing, five ideographs are 3.
#[wasm_bindgen(js_name = countWords)]
pub fn count_words(policy: &Policy, #[wasm_bindgen(js_name = text)] text_: JsString) -> JsResult<f64> {
    let n = rules::count_words(policy.core(), &text(&text_, "text")?);
    Ok(number(n, "words")?)
}

/// [`count_words`] over a list of messages in one call.
#[wasm_bindgen(js_name = countWordsBatch, unchecked_return_type = "number[]")]
pub fn count_words_batch(
    policy: &Policy,
    #[wasm_bindgen(unchecked_param_type = "string[]")] texts: JsValue,
) -> JsResult<JsValue> {
    let texts: Vec<String> = list_from_js(&texts, "texts")?;
    Ok(vec_to_js(&rules::count_words_batch(policy.core(), &texts), "word counts")?)
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
    Ok(to_js(&r)?)
}

/// A fresh meter for a chat whose earner is (or is not) a Royal Club member.
#[wasm_bindgen(js_name = newChatMeter)]
pub fn new_chat_meter(#[wasm_bindgen(js_name = earnerRoyal)] earner_royal: Boolean) -> JsResult<Ts<ChatMeter>> {
    Ok(to_js(&rules::ChatMeter::new(flag(&earner_royal, "earnerRoyal")?))?)
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
        from_js(&sender)?,
        &text(&text_, "text")?,
        flag(&earner_royal, "earnerRoyal")?,
    )?;
    Ok(to_js(&c)?)
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
        from_js(&sender)?,
        &text(&text_, "text")?,
        flag(&earner_royal, "earnerRoyal")?,
        uint(&payer_balance, "payerBalance")?,
    )?;
    Ok(to_js(&c)?)
}

/// Bills a list of messages in order against one meter (one call for a server's batch);
/// fails as a whole at the first failing message, naming its index in the reason.
#[wasm_bindgen(js_name = billMessages)]
pub fn bill_messages(
    policy: &Policy,
    meter: Option<Ts<ChatMeter>>,
    #[wasm_bindgen(unchecked_param_type = "ChatMessage[]")] messages: JsValue,
    #[wasm_bindgen(js_name = earnerRoyal)] earner_royal: Boolean,
    #[wasm_bindgen(js_name = payerBalance)] payer_balance: Number,
) -> JsResult<Ts<BatchCharge>> {
    let messages: Vec<rules::ChatMessage> = list_from_js(&messages, "messages")?;
    let messages: Vec<rules::ChatMessage> =
        messages.into_iter().map(|m| rules::ChatMessage { sender: m.sender, text: m.text }).collect();
    let b = rules::bill_messages(
        policy.core(),
        &meter_arg(meter)?,
        &messages,
        flag(&earner_royal, "earnerRoyal")?,
        uint(&payer_balance, "payerBalance")?,
    )?;
    Ok(to_js(&b)?)
}

/// Re-bases a meter to the earner's new Royal status (unconverted words carried).
#[wasm_bindgen(js_name = rebaseMeter)]
pub fn rebase_meter(
    policy: &Policy,
    meter: Ts<ChatMeter>,
    #[wasm_bindgen(js_name = earnerRoyal)] earner_royal: Boolean,
) -> JsResult<Ts<ChatMeter>> {
    let m = rules::rebase_meter(policy.core(), &from_js(&meter)?, flag(&earner_royal, "earnerRoyal")?)?;
    Ok(to_js(&m)?)
}

/// Checks a stored meter against the policy; an inconsistent one throws `INVALID_INPUT`.
#[wasm_bindgen(js_name = validateMeter)]
pub fn validate_meter(policy: &Policy, meter: Ts<ChatMeter>) -> JsResult<()> {
    Ok(rules::validate_meter(policy.core(), &from_js(&meter)?)?)
}

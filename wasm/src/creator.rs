//! Facade of `core/src/billing/creator_rate.rs` and the creator-rate half of
//! `core/src/billing/meter.rs`: a creator's own words per token (SPEC §16.2) and the chat
//! messages billed at it.

use crate::convert::{flag, from_js, text, to_js, uint, uint32, JsResult};
use crate::Policy;
use avalo_core::billing as rules;
use avalo_core::billing::{ChatMeter, CreatorRate, MessageCharge, Sender};
use js_sys::{Boolean, JsString, Number};
use tsify::Ts;
use wasm_bindgen::prelude::*;

/// An optional record argument: `undefined` is the type's default (a new chat, a rate never set).
fn or_default<T>(value: Option<Ts<T>>) -> avalo_core::Result<T>
where
    T: Default + serde::de::DeserializeOwned + tsify::Tsify,
    <T as tsify::Tsify>::JsType: Clone,
{
    Ok(value.map(|v| from_js(&v)).transpose()?.unwrap_or_default())
}

/// Sets a creator's words per token (SPEC §16.2): 5–20 inclusive (the policy's bounds), else
/// `AMOUNT_OUT_OF_RANGE`. Returns the new rate with `rate_version` incremented, or `current`
/// unchanged when the rate is the one already set. `current` `undefined`: never set.
#[wasm_bindgen(js_name = setCreatorRate)]
pub fn set_creator_rate(
    policy: &Policy,
    current: Option<Ts<CreatorRate>>,
    #[wasm_bindgen(js_name = wordsPerToken)] words_per_token: Number,
) -> JsResult<Ts<CreatorRate>> {
    let r = rules::set_creator_rate(policy.core(), &or_default(current)?, uint32(&words_per_token, "wordsPerToken")?)?;
    Ok(to_js(&r)?)
}

/// The charge for one message at the creator's rate, without a balance check (the price shown
/// before sending). `meter` `undefined` starts a new chat; `rate` `undefined` is §4.4's rate.
#[wasm_bindgen(js_name = previewCreatorMessage)]
pub fn preview_creator_message(
    policy: &Policy,
    meter: Option<Ts<ChatMeter>>,
    sender: Ts<Sender>,
    #[wasm_bindgen(js_name = text)] text_: JsString,
    #[wasm_bindgen(js_name = earnerRoyal)] earner_royal: Boolean,
    rate: Option<Ts<CreatorRate>>,
) -> JsResult<Ts<MessageCharge>> {
    let c = rules::preview_creator_message(
        policy.core(),
        &or_default(meter)?,
        from_js(&sender)?,
        &text(&text_, "text")?,
        flag(&earner_royal, "earnerRoyal")?,
        &or_default(rate)?,
    )?;
    Ok(to_js(&c)?)
}

/// Bills one message at the creator's rate (SPEC §16.2): refused when the rate changed since
/// the payer was shown `shownRateVersion`, or when `payerBalance` is below the tokens due.
#[wasm_bindgen(js_name = billCreatorMessage)]
#[allow(clippy::too_many_arguments)]
pub fn bill_creator_message(
    policy: &Policy,
    meter: Option<Ts<ChatMeter>>,
    sender: Ts<Sender>,
    #[wasm_bindgen(js_name = text)] text_: JsString,
    #[wasm_bindgen(js_name = earnerRoyal)] earner_royal: Boolean,
    rate: Option<Ts<CreatorRate>>,
    #[wasm_bindgen(js_name = shownRateVersion)] shown_rate_version: Number,
    #[wasm_bindgen(js_name = payerBalance)] payer_balance: Number,
) -> JsResult<Ts<MessageCharge>> {
    let c = rules::bill_creator_message(
        policy.core(),
        &or_default(meter)?,
        from_js(&sender)?,
        &text(&text_, "text")?,
        flag(&earner_royal, "earnerRoyal")?,
        &or_default(rate)?,
        uint(&shown_rate_version, "shownRateVersion")?,
        uint(&payer_balance, "payerBalance")?,
    )?;
    Ok(to_js(&c)?)
}

//! Facade of `core/src/split.rs`: revenue splits, cumulative splits, tips, unlocks, referrals.
//!
//! Every split keeps `creator + platform == amount`; the platform takes the remainder.

use crate::convert::{flag, from_js, list_from_js, opt_text, opt_uint, text, to_js, uint, uint32, JsResult};
use crate::Policy;
use avalo_core::split as rules;
use avalo_core::split::{
    CumulativeBatch, CumulativeSplit, CumulativeStep, ReferralReward, RevenueSplit, RevenueStream, Split,
};
use avalo_core::BasisPoints;
use js_sys::{Boolean, JsString, Number};
use tsify::Ts;
use wasm_bindgen::prelude::*;

fn state_arg(state: Option<Ts<CumulativeSplit>>) -> avalo_core::Result<rules::CumulativeSplit> {
    Ok(state.map(|s| from_js(&s)).transpose()?.unwrap_or_default())
}

/// Splits `amount` tokens with the creator's share `creatorBp` (0..=10 000, else
/// `INVALID_INPUT`): `creator = floor(amount × bp / 10 000)`, platform the rest.
#[wasm_bindgen(js_name = splitAmount)]
pub fn split_amount(amount: Number, #[wasm_bindgen(js_name = creatorBp)] creator_bp: Number) -> JsResult<Ts<Split>> {
    let bp = BasisPoints::new(uint32(&creator_bp, "creatorBp")?)?;
    Ok(to_js(&rules::split_amount(uint(&amount, "amount")?, bp))?)
}

/// Splits one payment of `stream` with the policy's share (101 chat tokens → 65 + 36).
#[wasm_bindgen(js_name = splitRevenue)]
pub fn split_revenue(policy: &Policy, stream: Ts<RevenueStream>, amount: Number) -> JsResult<Ts<RevenueSplit>> {
    let s = rules::split_revenue(policy.core(), from_js(&stream)?, uint(&amount, "amount")?);
    Ok(to_js(&s)?)
}

/// Applies one payment of `stream` to a cumulative split (SPEC §3.3). An inconsistent
/// `state` is `INVALID_INPUT`; `undefined` starts from zero.
#[wasm_bindgen(js_name = splitCumulative)]
pub fn split_cumulative(
    policy: &Policy,
    stream: Ts<RevenueStream>,
    state: Option<Ts<CumulativeSplit>>,
    amount: Number,
) -> JsResult<Ts<CumulativeStep>> {
    let step = rules::split_cumulative(policy.core(), from_js(&stream)?, state_arg(state)?, uint(&amount, "amount")?)?;
    Ok(to_js(&step)?)
}

/// Applies a list of payments of `stream` in order, in one call (a whole chat history).
/// Fails as a whole if any step fails; `undefined` state starts from zero.
#[wasm_bindgen(js_name = splitCumulativeBatch)]
pub fn split_cumulative_batch(
    policy: &Policy,
    stream: Ts<RevenueStream>,
    state: Option<Ts<CumulativeSplit>>,
    #[wasm_bindgen(unchecked_param_type = "number[]")] amounts: JsValue,
) -> JsResult<Ts<CumulativeBatch>> {
    let amounts: Vec<u64> = list_from_js(&amounts, "amounts")?;
    let b = rules::split_cumulative_batch(policy.core(), from_js(&stream)?, state_arg(state)?, &amounts)?;
    Ok(to_js(&b)?)
}

/// A tip (SPEC §3.4): 5..=10 000 tokens, split 90 / 10. Out of range is
/// `AMOUNT_OUT_OF_RANGE`; tipping oneself is `SELF_PAYMENT`; empty ids `INVALID_INPUT`.
#[wasm_bindgen(js_name = splitTip)]
pub fn split_tip(
    policy: &Policy,
    #[wasm_bindgen(js_name = payerId)] payer_id: JsString,
    #[wasm_bindgen(js_name = creatorId)] creator_id: JsString,
    amount: Number,
) -> JsResult<Ts<RevenueSplit>> {
    let s = rules::split_tip(
        policy.core(),
        &text(&payer_id, "payerId")?,
        &text(&creator_id, "creatorId")?,
        uint(&amount, "amount")?,
    )?;
    Ok(to_js(&s)?)
}

/// An unlock of gated content or paid media at the creator's `price` (required, 5..=10 000).
/// Missing price or another stream is `INVALID_INPUT`; out of range `AMOUNT_OUT_OF_RANGE`;
/// unlocking one's own item `SELF_PAYMENT`.
#[wasm_bindgen(js_name = splitUnlock)]
pub fn split_unlock(
    policy: &Policy,
    stream: Ts<RevenueStream>,
    #[wasm_bindgen(js_name = payerId)] payer_id: JsString,
    #[wasm_bindgen(js_name = creatorId)] creator_id: JsString,
    price: Option<Number>,
) -> JsResult<Ts<RevenueSplit>> {
    let s = rules::split_unlock(
        policy.core(),
        from_js(&stream)?,
        &text(&payer_id, "payerId")?,
        &text(&creator_id, "creatorId")?,
        opt_uint(price, "price")?,
    )?;
    Ok(to_js(&s)?)
}

/// Records who referred a user; returns the referrer id to store. An existing referrer is
/// `ALREADY_REFERRED`; referring oneself `SELF_PAYMENT`; empty ids `INVALID_INPUT`.
#[wasm_bindgen(js_name = registerReferral)]
pub fn register_referral(
    #[wasm_bindgen(js_name = referrerId)] referrer_id: JsString,
    #[wasm_bindgen(js_name = referredId)] referred_id: JsString,
    #[wasm_bindgen(js_name = existingReferrer)] existing_referrer: Option<JsString>,
) -> JsResult<String> {
    Ok(rules::register_referral(
        &text(&referrer_id, "referrerId")?,
        &text(&referred_id, "referredId")?,
        opt_text(existing_referrer, "existingReferrer")?.as_deref(),
    )?)
}

/// The referral reward when a referred user purchases: 100 tokens to the referrer on the
/// first purchase (`purchasesBefore == 0`) of a user who has a referrer, else nothing.
#[wasm_bindgen(js_name = referralReward)]
pub fn referral_reward(
    policy: &Policy,
    #[wasm_bindgen(js_name = hasReferrer)] has_referrer: Boolean,
    #[wasm_bindgen(js_name = purchasesBefore)] purchases_before: Number,
) -> JsResult<Ts<ReferralReward>> {
    let r = rules::referral_reward(
        policy.core(),
        flag(&has_referrer, "hasReferrer")?,
        uint(&purchases_before, "purchasesBefore")?,
    );
    Ok(to_js(&r)?)
}

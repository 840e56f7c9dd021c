//! Facade of `core/src/split.rs`: revenue splits, cumulative splits, tips, unlocks, referrals.
//!
//! Every split keeps `creator + platform == amount`; the platform takes the remainder.

use crate::convert::{flag, from_js, opt_text, opt_uint, text, to_js, uint, uint32, JsResult};
use crate::Policy;
use avalo_core::split as rules;
use avalo_core::BasisPoints;
use js_sys::{Boolean, JsString, Number};
use serde::{Deserialize, Serialize};
use tsify::{Ts, Tsify};
use wasm_bindgen::prelude::*;

/// A revenue stream (SPEC §3.1).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Tsify)]
#[serde(rename_all = "snake_case")]
pub enum RevenueStream {
    /// Paid chat: 65 / 35.
    Chat,
    /// Gated content unlock: 80 / 20.
    GatedContent,
    /// Paid media unlock: 80 / 20.
    PaidMedia,
    /// Tip: 90 / 10.
    Tip,
    /// AI companion usage: 0 / 100.
    AiCompanion,
}

impl From<RevenueStream> for rules::RevenueStream {
    fn from(s: RevenueStream) -> Self {
        match s {
            RevenueStream::Chat => rules::RevenueStream::Chat,
            RevenueStream::GatedContent => rules::RevenueStream::GatedContent,
            RevenueStream::PaidMedia => rules::RevenueStream::PaidMedia,
            RevenueStream::Tip => rules::RevenueStream::Tip,
            RevenueStream::AiCompanion => rules::RevenueStream::AiCompanion,
        }
    }
}

impl From<rules::RevenueStream> for RevenueStream {
    fn from(s: rules::RevenueStream) -> Self {
        match s {
            rules::RevenueStream::Chat => RevenueStream::Chat,
            rules::RevenueStream::GatedContent => RevenueStream::GatedContent,
            rules::RevenueStream::PaidMedia => RevenueStream::PaidMedia,
            rules::RevenueStream::Tip => RevenueStream::Tip,
            rules::RevenueStream::AiCompanion => RevenueStream::AiCompanion,
        }
    }
}

/// The two sides of a split: `creator + platform == amount`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Tsify)]
pub struct Split {
    /// Tokens split.
    pub amount: u64,
    /// Creator's tokens: `floor(amount × bp / 10 000)`.
    pub creator: u64,
    /// Platform's tokens: the remainder.
    pub platform: u64,
}

impl From<rules::Split> for Split {
    fn from(s: rules::Split) -> Self {
        let rules::Split { amount, creator, platform } = s;
        Split { amount, creator, platform }
    }
}

/// One payment of a stream split with the policy's share.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Tsify)]
pub struct RevenueSplit {
    /// The stream.
    pub stream: RevenueStream,
    /// The creator's share used, basis points.
    pub creator_bp: u32,
    /// Tokens split.
    pub amount: u64,
    /// Creator's tokens.
    pub creator: u64,
    /// Platform's tokens.
    pub platform: u64,
    /// Fingerprint of the policy.
    pub policy_fingerprint: String,
}

impl From<rules::RevenueSplit> for RevenueSplit {
    fn from(s: rules::RevenueSplit) -> Self {
        let rules::RevenueSplit { stream, creator_bp, amount, creator, platform, policy_fingerprint } = s;
        RevenueSplit {
            stream: stream.into(),
            creator_bp: creator_bp.get(),
            amount,
            creator,
            platform,
            policy_fingerprint,
        }
    }
}

/// Running totals of one stream between one payer and one creator (SPEC §3.3). Store it and
/// pass it back with the next payment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, Tsify)]
pub struct CumulativeSplit {
    /// Cumulative tokens paid.
    pub total: u64,
    /// Cumulative tokens credited to the creator.
    pub creator_total: u64,
}

impl From<rules::CumulativeSplit> for CumulativeSplit {
    fn from(s: rules::CumulativeSplit) -> Self {
        let rules::CumulativeSplit { total, creator_total } = s;
        CumulativeSplit { total, creator_total }
    }
}

impl From<CumulativeSplit> for rules::CumulativeSplit {
    fn from(s: CumulativeSplit) -> Self {
        let CumulativeSplit { total, creator_total } = s;
        rules::CumulativeSplit { total, creator_total }
    }
}

/// One payment applied to a cumulative split.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Tsify)]
pub struct CumulativeStep {
    /// This payment's split.
    pub split: Split,
    /// The state after the payment.
    pub state: CumulativeSplit,
}

/// Many payments applied to one cumulative split.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Tsify)]
pub struct CumulativeBatch {
    /// Each payment's split, in order.
    pub splits: Vec<Split>,
    /// The state after the last payment.
    pub state: CumulativeSplit,
    /// Sum of the creator's credits in this batch.
    pub creator: u64,
    /// Sum of the platform's credits in this batch.
    pub platform: u64,
}

impl From<rules::CumulativeBatch> for CumulativeBatch {
    fn from(b: rules::CumulativeBatch) -> Self {
        let rules::CumulativeBatch { splits, state, creator, platform } = b;
        CumulativeBatch { splits: splits.into_iter().map(Into::into).collect(), state: state.into(), creator, platform }
    }
}

/// A list of token amounts (`number[]`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Tsify)]
#[serde(transparent)]
pub struct TokenAmounts(pub Vec<u64>);

/// The referral reward for a purchase (SPEC §3.5).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Tsify)]
pub struct ReferralReward {
    /// Tokens credited to the referrer.
    pub referrer_tokens: u64,
    /// Tokens credited to the referred user (always 0).
    pub referred_tokens: u64,
}

impl From<rules::ReferralReward> for ReferralReward {
    fn from(r: rules::ReferralReward) -> Self {
        let rules::ReferralReward { referrer_tokens, referred_tokens } = r;
        ReferralReward { referrer_tokens, referred_tokens }
    }
}

fn state_arg(state: Option<Ts<CumulativeSplit>>) -> avalo_core::Result<rules::CumulativeSplit> {
    Ok(state.map(|s| from_js(&s)).transpose()?.unwrap_or_default().into())
}

/// Splits `amount` tokens with the creator's share `creatorBp` (0..=10 000, else
/// `INVALID_INPUT`): `creator = floor(amount × bp / 10 000)`, platform the rest.
#[wasm_bindgen(js_name = splitAmount)]
pub fn split_amount(amount: Number, #[wasm_bindgen(js_name = creatorBp)] creator_bp: Number) -> JsResult<Ts<Split>> {
    let bp = BasisPoints::new(uint32(&creator_bp, "creatorBp")?)?;
    Ok(to_js(&Split::from(rules::split_amount(uint(&amount, "amount")?, bp)))?)
}

/// Splits one payment of `stream` with the policy's share (101 chat tokens → 65 + 36).
#[wasm_bindgen(js_name = splitRevenue)]
pub fn split_revenue(policy: &Policy, stream: Ts<RevenueStream>, amount: Number) -> JsResult<Ts<RevenueSplit>> {
    let s = rules::split_revenue(policy.core(), from_js(&stream)?.into(), uint(&amount, "amount")?);
    Ok(to_js(&RevenueSplit::from(s))?)
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
    let step =
        rules::split_cumulative(policy.core(), from_js(&stream)?.into(), state_arg(state)?, uint(&amount, "amount")?)?;
    let rules::CumulativeStep { split, state } = step;
    Ok(to_js(&CumulativeStep { split: split.into(), state: state.into() })?)
}

/// Applies a list of payments of `stream` in order, in one call (a whole chat history).
/// Fails as a whole if any step fails; `undefined` state starts from zero.
#[wasm_bindgen(js_name = splitCumulativeBatch)]
pub fn split_cumulative_batch(
    policy: &Policy,
    stream: Ts<RevenueStream>,
    state: Option<Ts<CumulativeSplit>>,
    amounts: Ts<TokenAmounts>,
) -> JsResult<Ts<CumulativeBatch>> {
    let TokenAmounts(amounts) = from_js(&amounts)?;
    let b = rules::split_cumulative_batch(policy.core(), from_js(&stream)?.into(), state_arg(state)?, &amounts)?;
    Ok(to_js(&CumulativeBatch::from(b))?)
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
    Ok(to_js(&RevenueSplit::from(s))?)
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
        from_js(&stream)?.into(),
        &text(&payer_id, "payerId")?,
        &text(&creator_id, "creatorId")?,
        opt_uint(price, "price")?,
    )?;
    Ok(to_js(&RevenueSplit::from(s))?)
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
    Ok(to_js(&ReferralReward::from(r))?)
}

#[cfg(test)]
#[path = "split_tests.rs"]
mod tests;

//! Facade of `core/src/split.rs`: revenue splits, cumulative splits, tips, unlocks, referrals
//! (SPEC §3.1–3.5). Shares cross as basis points (`u32`, 0..=10 000).

use crate::error::{guard, AvaloError};
use crate::money::bp;
use crate::policy::Policy;
use avalo_core::split as core;

/// A revenue stream (SPEC §3.1).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, uniffi::Enum)]
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

impl From<RevenueStream> for core::RevenueStream {
    fn from(s: RevenueStream) -> Self {
        match s {
            RevenueStream::Chat => core::RevenueStream::Chat,
            RevenueStream::GatedContent => core::RevenueStream::GatedContent,
            RevenueStream::PaidMedia => core::RevenueStream::PaidMedia,
            RevenueStream::Tip => core::RevenueStream::Tip,
            RevenueStream::AiCompanion => core::RevenueStream::AiCompanion,
        }
    }
}

impl From<core::RevenueStream> for RevenueStream {
    fn from(s: core::RevenueStream) -> Self {
        match s {
            core::RevenueStream::Chat => RevenueStream::Chat,
            core::RevenueStream::GatedContent => RevenueStream::GatedContent,
            core::RevenueStream::PaidMedia => RevenueStream::PaidMedia,
            core::RevenueStream::Tip => RevenueStream::Tip,
            core::RevenueStream::AiCompanion => RevenueStream::AiCompanion,
        }
    }
}

/// The two sides of a split; `creator + platform == amount`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Record)]
pub struct Split {
    /// The amount split.
    pub amount: u64,
    /// Creator's tokens: `floor(amount × bp / 10 000)`.
    pub creator: u64,
    /// Platform's tokens: the remainder.
    pub platform: u64,
}

impl From<core::Split> for Split {
    fn from(s: core::Split) -> Self {
        Split { amount: s.amount, creator: s.creator, platform: s.platform }
    }
}

/// A stream's split with its policy share, carrying the policy fingerprint.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct RevenueSplit {
    /// The stream.
    pub stream: RevenueStream,
    /// The creator's share used, bp.
    pub creator_bp: u32,
    /// Amount split.
    pub amount: u64,
    /// Creator's tokens.
    pub creator: u64,
    /// Platform's tokens.
    pub platform: u64,
    /// Fingerprint of the policy.
    pub policy_fingerprint: String,
}

impl From<core::RevenueSplit> for RevenueSplit {
    fn from(s: core::RevenueSplit) -> Self {
        RevenueSplit {
            stream: s.stream.into(),
            creator_bp: s.creator_bp.get(),
            amount: s.amount,
            creator: s.creator,
            platform: s.platform,
            policy_fingerprint: s.policy_fingerprint,
        }
    }
}

/// Running totals of one stream between one payer and one creator (SPEC §3.3). Store it and
/// pass it back; an inconsistent state is `INVALID_INPUT`, never silently reset.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, uniffi::Record)]
pub struct CumulativeSplit {
    /// Cumulative amount paid.
    pub total: u64,
    /// Cumulative amount credited to the creator.
    pub creator_total: u64,
}

impl From<core::CumulativeSplit> for CumulativeSplit {
    fn from(s: core::CumulativeSplit) -> Self {
        CumulativeSplit { total: s.total, creator_total: s.creator_total }
    }
}

impl From<CumulativeSplit> for core::CumulativeSplit {
    fn from(s: CumulativeSplit) -> Self {
        core::CumulativeSplit { total: s.total, creator_total: s.creator_total }
    }
}

/// One payment applied to a cumulative split.
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Record)]
pub struct CumulativeStep {
    /// This payment's split.
    pub split: Split,
    /// The state after the payment.
    pub state: CumulativeSplit,
}

impl From<core::CumulativeStep> for CumulativeStep {
    fn from(s: core::CumulativeStep) -> Self {
        CumulativeStep { split: s.split.into(), state: s.state.into() }
    }
}

/// The result of applying many payments to one cumulative split.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
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

impl From<core::CumulativeBatch> for CumulativeBatch {
    fn from(b: core::CumulativeBatch) -> Self {
        CumulativeBatch {
            splits: b.splits.into_iter().map(Into::into).collect(),
            state: b.state.into(),
            creator: b.creator,
            platform: b.platform,
        }
    }
}

/// The referral reward for a purchase (SPEC §3.5).
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Record)]
pub struct ReferralReward {
    /// Tokens credited to the referrer.
    pub referrer_tokens: u64,
    /// Tokens credited to the referred user (always 0).
    pub referred_tokens: u64,
}

impl From<core::ReferralReward> for ReferralReward {
    fn from(r: core::ReferralReward) -> Self {
        ReferralReward { referrer_tokens: r.referrer_tokens, referred_tokens: r.referred_tokens }
    }
}

/// Splits `amount` with the creator's share `creator_bp` (more than 10 000 is `INVALID_INPUT`).
#[uniffi::export]
pub fn split_amount(amount: u64, creator_bp: u32) -> Result<Split, AvaloError> {
    guard(|| Ok(core::split_amount(amount, bp(creator_bp)?).into()))
}

/// Splits one payment of a stream with the policy's share (101 chat tokens → 65 + 36).
#[uniffi::export]
pub fn split_revenue(policy: &Policy, stream: RevenueStream, amount: u64) -> Result<RevenueSplit, AvaloError> {
    guard(|| Ok(core::split_revenue(policy.core(), stream.into(), amount).into()))
}

/// Applies one payment to a cumulative split.
#[uniffi::export]
pub fn split_cumulative(
    policy: &Policy,
    stream: RevenueStream,
    state: CumulativeSplit,
    amount: u64,
) -> Result<CumulativeStep, AvaloError> {
    guard(|| Ok(core::split_cumulative(policy.core(), stream.into(), state.into(), amount)?.into()))
}

/// Applies a list of payments in order (one call for a whole chat history). Fails as a whole,
/// with the state unchanged, if any step fails.
#[uniffi::export]
pub fn split_cumulative_batch(
    policy: &Policy,
    stream: RevenueStream,
    state: CumulativeSplit,
    amounts: Vec<u64>,
) -> Result<CumulativeBatch, AvaloError> {
    guard(|| Ok(core::split_cumulative_batch(policy.core(), stream.into(), state.into(), &amounts)?.into()))
}

/// A tip (SPEC §3.4): 5..=10 000 tokens, 90 / 10. Out of range is `AMOUNT_OUT_OF_RANGE`;
/// tipping oneself is `SELF_PAYMENT`.
#[uniffi::export]
pub fn split_tip(
    policy: &Policy,
    payer_id: String,
    creator_id: String,
    amount: u64,
) -> Result<RevenueSplit, AvaloError> {
    guard(|| Ok(core::split_tip(policy.core(), &payer_id, &creator_id, amount)?.into()))
}

/// An unlock of gated content or paid media at the creator's price (required: `null` is
/// `INVALID_INPUT`, never a default; 5..=10 000 tokens).
#[uniffi::export]
pub fn split_unlock(
    policy: &Policy,
    stream: RevenueStream,
    payer_id: String,
    creator_id: String,
    price: Option<u64>,
) -> Result<RevenueSplit, AvaloError> {
    guard(|| Ok(core::split_unlock(policy.core(), stream.into(), &payer_id, &creator_id, price)?.into()))
}

/// Records who referred a user; returns the referrer id to store. An existing referrer is
/// `ALREADY_REFERRED`, self-referral `SELF_PAYMENT`.
#[uniffi::export]
pub fn register_referral(
    referrer_id: String,
    referred_id: String,
    existing_referrer: Option<String>,
) -> Result<String, AvaloError> {
    guard(|| Ok(core::register_referral(&referrer_id, &referred_id, existing_referrer.as_deref())?))
}

/// The reward when a referred user completes a purchase (100 tokens to the referrer on the
/// first purchase only).
#[uniffi::export]
pub fn referral_reward(
    policy: &Policy,
    has_referrer: bool,
    purchases_before: u64,
) -> Result<ReferralReward, AvaloError> {
    guard(|| Ok(core::referral_reward(policy.core(), has_referrer, purchases_before).into()))
}

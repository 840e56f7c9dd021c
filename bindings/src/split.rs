//! Facade of `core/src/split.rs`: revenue splits, cumulative splits, tips, unlocks, referrals
//! (SPEC §3.1–3.5). Shares cross as basis points (`u32`, 0..=10 000).

use crate::error::{guard, AvaloError};
use crate::money::bp;
use avalo_core::split::{self as core, *};
use avalo_core::Policy;

/// Splits `amount` with the creator's share `creator_bp` (more than 10 000 is `INVALID_INPUT`).
#[uniffi::export]
pub fn split_amount(amount: u64, creator_bp: u32) -> Result<Split, AvaloError> {
    guard(|| Ok(core::split_amount(amount, bp(creator_bp)?)))
}

/// Splits one payment of a stream with the policy's share (101 chat tokens → 65 + 36).
#[uniffi::export]
pub fn split_revenue(policy: &Policy, stream: RevenueStream, amount: u64) -> Result<RevenueSplit, AvaloError> {
    guard(|| Ok(core::split_revenue(policy, stream, amount)))
}

/// Applies one payment to a cumulative split.
#[uniffi::export]
pub fn split_cumulative(
    policy: &Policy,
    stream: RevenueStream,
    state: CumulativeSplit,
    amount: u64,
) -> Result<CumulativeStep, AvaloError> {
    guard(|| Ok(core::split_cumulative(policy, stream, state, amount)?))
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
    guard(|| Ok(core::split_cumulative_batch(policy, stream, state, &amounts)?))
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
    guard(|| Ok(core::split_tip(policy, &payer_id, &creator_id, amount)?))
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
    guard(|| Ok(core::split_unlock(policy, stream, &payer_id, &creator_id, price)?))
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
    guard(|| Ok(core::referral_reward(policy, has_referrer, purchases_before)))
}

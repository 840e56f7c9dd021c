//! Revenue splits, cumulative splits, tips, unlocks and referrals (SPEC §3.1–3.5).
//!
//! The conservation rule (SPEC §3.2): `creator = floor(amount × creator_bp / 10 000)`,
//! `platform = amount − creator`. The platform always takes the remainder, so
//! `creator + platform == amount` for every amount, and neither side is negative.

use crate::error::{Error, ErrorCode, Result};
use crate::money::{BasisPoints, Tokens};
use crate::policy::{check, Policy, PolicyProblem};
use serde::{Deserialize, Serialize};

/// A revenue stream (SPEC §3.1).
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[serde(rename_all = "snake_case")]
pub enum RevenueStream {
    /// Paid chat (per-word message billing): 65 / 35.
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

/// Split section of the policy: the creator's share of each stream, ranges, referral reward.
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SplitPolicy {
    /// Creator share of paid chat (6 500 bp).
    pub chat_creator_bp: BasisPoints,
    /// Creator share of gated content unlocks (8 000 bp).
    pub gated_content_creator_bp: BasisPoints,
    /// Creator share of paid media unlocks (8 000 bp).
    pub paid_media_creator_bp: BasisPoints,
    /// Creator share of tips (9 000 bp).
    pub tip_creator_bp: BasisPoints,
    /// Creator share of AI companion usage (0 bp).
    pub ai_companion_creator_bp: BasisPoints,
    /// Smallest tip, tokens (5).
    pub tip_min: Tokens,
    /// Largest tip, tokens (10 000).
    pub tip_max: Tokens,
    /// Smallest unlock price a creator may set (5).
    pub unlock_price_min: Tokens,
    /// Largest unlock price a creator may set (10 000).
    pub unlock_price_max: Tokens,
    /// Tokens for the referrer on the referred user's first purchase (100).
    pub referral_reward_tokens: Tokens,
}

impl Default for SplitPolicy {
    fn default() -> Self {
        let bp = |v: u16| BasisPoints::new(u32::from(v)).unwrap_or(BasisPoints::FULL);
        SplitPolicy {
            chat_creator_bp: bp(6_500),
            gated_content_creator_bp: bp(8_000),
            paid_media_creator_bp: bp(8_000),
            tip_creator_bp: bp(9_000),
            ai_companion_creator_bp: bp(0),
            tip_min: 5,
            tip_max: 10_000,
            unlock_price_min: 5,
            unlock_price_max: 10_000,
            referral_reward_tokens: 100,
        }
    }
}

impl SplitPolicy {
    pub(crate) fn validate(&self, path: &str, p: &mut Vec<PolicyProblem>) {
        check(self.tip_min >= 1 && self.tip_min <= self.tip_max, p, format!("{path}.tip_min"), "must be 1..=tip_max");
        check(
            self.unlock_price_min >= 1 && self.unlock_price_min <= self.unlock_price_max,
            p,
            format!("{path}.unlock_price_min"),
            "must be 1..=unlock_price_max",
        );
    }

    /// The creator's share of a stream.
    pub fn creator_bp(&self, stream: RevenueStream) -> BasisPoints {
        match stream {
            RevenueStream::Chat => self.chat_creator_bp,
            RevenueStream::GatedContent => self.gated_content_creator_bp,
            RevenueStream::PaidMedia => self.paid_media_creator_bp,
            RevenueStream::Tip => self.tip_creator_bp,
            RevenueStream::AiCompanion => self.ai_companion_creator_bp,
        }
    }
}

/// The two sides of a split. `creator + platform == amount`.
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Split {
    /// The amount split.
    pub amount: Tokens,
    /// Creator's tokens: `floor(amount × bp / 10 000)`.
    pub creator: Tokens,
    /// Platform's tokens: the remainder.
    pub platform: Tokens,
}

/// Splits `amount` with the creator's share `creator_bp` (SPEC §3.2). Total for every `u64`.
pub fn split_amount(amount: Tokens, creator_bp: BasisPoints) -> Split {
    // amount × bp < 2^64 × 2^14, computed in u128: no overflow for any amount.
    // Proven safe (and on the instruction-count-guarded path, so no checked conversion):
    // bp ≤ 10 000, so creator ≤ amount < 2^64 and the cast is exact.
    #[allow(clippy::cast_possible_truncation)]
    let creator = (u128::from(amount) * u128::from(creator_bp.get()) / 10_000) as u64;
    Split { amount, creator, platform: amount - creator }
}

/// A stream's split with its policy share, carrying the policy fingerprint.
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct RevenueSplit {
    /// The stream.
    pub stream: RevenueStream,
    /// The creator's share used, bp.
    pub creator_bp: BasisPoints,
    /// Amount split.
    pub amount: Tokens,
    /// Creator's tokens.
    pub creator: Tokens,
    /// Platform's tokens.
    pub platform: Tokens,
    /// Fingerprint of the policy.
    pub policy_fingerprint: String,
}

/// Splits one payment of a stream (SPEC §3.1–3.2): 101 chat tokens → 65 + 36.
pub fn split_revenue(policy: &Policy, stream: RevenueStream, amount: Tokens) -> RevenueSplit {
    let bp = policy.splits.creator_bp(stream);
    let s = split_amount(amount, bp);
    RevenueSplit {
        stream,
        creator_bp: bp,
        amount,
        creator: s.creator,
        platform: s.platform,
        policy_fingerprint: policy.fingerprint().to_string(),
    }
}

/// Running totals of one stream between one payer and one creator (SPEC §3.3).
///
/// Invariant: `creator_total == floor(total × bp / 10 000)` for the stream's share. A state
/// that breaks it is `INVALID_INPUT`, never silently reset.
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct CumulativeSplit {
    /// Cumulative amount paid.
    pub total: Tokens,
    /// Cumulative amount credited to the creator.
    pub creator_total: Tokens,
}

/// One payment applied to a cumulative split.
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct CumulativeStep {
    /// This payment's split (creator gets the increase of the cumulative share).
    pub split: Split,
    /// The state after the payment.
    pub state: CumulativeSplit,
}

impl CumulativeSplit {
    /// Checks the invariant for a share.
    pub fn validate(&self, creator_bp: BasisPoints) -> Result<()> {
        let expected = split_amount(self.total, creator_bp).creator;
        if expected != self.creator_total {
            return Err(Error::invalid(format!(
                "cumulative split state inconsistent: creator_total {} but floor({} × {} / 10000) = {}",
                self.creator_total,
                self.total,
                creator_bp.get(),
                expected
            )));
        }
        Ok(())
    }

    /// Applies a payment: the creator receives the increase of `floor(A × bp / 10 000)`.
    /// Overflow of the running total is `AMOUNT_OUT_OF_RANGE`.
    pub fn apply(&self, amount: Tokens, creator_bp: BasisPoints) -> Result<CumulativeStep> {
        self.validate(creator_bp)?;
        let total =
            self.total.checked_add(amount).ok_or_else(|| Error::out_of_range("cumulative total overflows u64"))?;
        let creator_total = split_amount(total, creator_bp).creator;
        let creator = creator_total - self.creator_total;
        Ok(CumulativeStep {
            split: Split { amount, creator, platform: amount - creator },
            state: CumulativeSplit { total, creator_total },
        })
    }
}

/// Applies one payment of `stream` to a cumulative split with the policy's share.
pub fn split_cumulative(
    policy: &Policy,
    stream: RevenueStream,
    state: CumulativeSplit,
    amount: Tokens,
) -> Result<CumulativeStep> {
    state.apply(amount, policy.splits.creator_bp(stream))
}

fn check_parties(payer_id: &str, creator_id: &str) -> Result<()> {
    if payer_id.trim().is_empty() || creator_id.trim().is_empty() {
        return Err(Error::invalid("payer and creator ids must not be empty"));
    }
    if crate::identity::same_user(payer_id, creator_id) {
        return Err(Error::new(ErrorCode::SelfPayment, "the payer is the creator"));
    }
    Ok(())
}

/// A tip (SPEC §3.4): 5..=10 000 tokens, split 90 / 10. Out of range is
/// `AMOUNT_OUT_OF_RANGE`; tipping oneself is `SELF_PAYMENT` (ids compared by canonical form:
/// `"Alice "` is `"alice"`, see [`crate::identity`]).
pub fn split_tip(policy: &Policy, payer_id: &str, creator_id: &str, amount: Tokens) -> Result<RevenueSplit> {
    check_parties(payer_id, creator_id)?;
    let s = &policy.splits;
    if amount < s.tip_min || amount > s.tip_max {
        return Err(Error::out_of_range(format!("a tip must be {}..={} tokens, got {amount}", s.tip_min, s.tip_max)));
    }
    Ok(split_revenue(policy, RevenueStream::Tip, amount))
}

/// An unlock of gated content or paid media (SPEC §3.4) at the creator's price. The price is
/// required (`None` is `INVALID_INPUT`, never a default) and must be 5..=10 000 tokens; another
/// stream is `INVALID_INPUT`; unlocking one's own item is `SELF_PAYMENT`.
pub fn split_unlock(
    policy: &Policy,
    stream: RevenueStream,
    payer_id: &str,
    creator_id: &str,
    price: Option<Tokens>,
) -> Result<RevenueSplit> {
    if !matches!(stream, RevenueStream::GatedContent | RevenueStream::PaidMedia) {
        return Err(Error::invalid(format!("{stream:?} is not an unlock stream")));
    }
    check_parties(payer_id, creator_id)?;
    let price = price.ok_or_else(|| Error::invalid("the unlock price is missing"))?;
    let s = &policy.splits;
    if price < s.unlock_price_min || price > s.unlock_price_max {
        return Err(Error::out_of_range(format!(
            "an unlock price must be {}..={} tokens, got {price}",
            s.unlock_price_min, s.unlock_price_max
        )));
    }
    Ok(split_revenue(policy, stream, price))
}

/// Records who referred a user (SPEC §3.5). A user can be referred once: an existing referrer is
/// `ALREADY_REFERRED`; referring oneself is `SELF_PAYMENT`; empty ids are `INVALID_INPUT`.
/// Returns the referrer id to store.
pub fn register_referral(referrer_id: &str, referred_id: &str, existing_referrer: Option<&str>) -> Result<String> {
    if referrer_id.trim().is_empty() || referred_id.trim().is_empty() {
        return Err(Error::invalid("referrer and referred ids must not be empty"));
    }
    if crate::identity::same_user(referrer_id, referred_id) {
        return Err(Error::new(ErrorCode::SelfPayment, "a user cannot refer themself"));
    }
    if let Some(existing) = existing_referrer {
        return Err(Error::new(ErrorCode::AlreadyReferred, format!("already referred by {existing}")));
    }
    Ok(referrer_id.to_string())
}

/// The referral reward for a purchase (SPEC §3.5).
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct ReferralReward {
    /// Tokens credited to the referrer (100 on the first purchase, else 0).
    pub referrer_tokens: Tokens,
    /// Tokens credited to the referred user (always 0).
    pub referred_tokens: Tokens,
}

/// The reward when a referred user completes a purchase: 100 tokens to the referrer only for
/// the first purchase (`purchases_before == 0`) of a user who has a referrer; otherwise nothing.
pub fn referral_reward(policy: &Policy, has_referrer: bool, purchases_before: u64) -> ReferralReward {
    let referrer_tokens = if has_referrer && purchases_before == 0 { policy.splits.referral_reward_tokens } else { 0 };
    ReferralReward { referrer_tokens, referred_tokens: 0 }
}

/// The result of applying many payments to one cumulative split.
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct CumulativeBatch {
    /// Each payment's split, in order.
    pub splits: Vec<Split>,
    /// The state after the last payment.
    pub state: CumulativeSplit,
    /// Sum of the creator's credits in this batch.
    pub creator: Tokens,
    /// Sum of the platform's credits in this batch.
    pub platform: Tokens,
}

/// Applies a list of payments of `stream` in order (one FFI call for a whole chat history).
/// Fails as a whole, with the state unchanged, if any step fails.
pub fn split_cumulative_batch(
    policy: &Policy,
    stream: RevenueStream,
    state: CumulativeSplit,
    amounts: &[Tokens],
) -> Result<CumulativeBatch> {
    let bp = policy.splits.creator_bp(stream);
    state.validate(bp)?;
    let mut cur = state;
    let mut splits = Vec::with_capacity(amounts.len());
    for &a in amounts {
        let step = cur.apply(a, bp)?;
        splits.push(step.split);
        cur = step.state;
    }
    // Both sums are bounded by the total, which `apply` kept within u64.
    let creator = cur.creator_total - state.creator_total;
    let platform = (cur.total - state.total) - creator;
    Ok(CumulativeBatch { splits, state: cur, creator, platform })
}

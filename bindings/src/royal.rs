//! Facade of `core/src/royal.rs` (SPEC §7.3): Royal Club tiers from daily spend buckets.

use crate::error::{guard, AvaloError};
use crate::policy::Policy;
use avalo_core::royal as core;

/// A Royal Club tier, in increasing order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, uniffi::Enum)]
pub enum RoyalTier {
    /// Not a member.
    None,
    /// Silver (≥ 1 000 tokens in 30 days).
    Silver,
    /// Gold (≥ 5 000).
    Gold,
    /// Platinum (≥ 15 000).
    Platinum,
}

impl From<RoyalTier> for core::RoyalTier {
    fn from(t: RoyalTier) -> Self {
        match t {
            RoyalTier::None => core::RoyalTier::None,
            RoyalTier::Silver => core::RoyalTier::Silver,
            RoyalTier::Gold => core::RoyalTier::Gold,
            RoyalTier::Platinum => core::RoyalTier::Platinum,
        }
    }
}

impl From<core::RoyalTier> for RoyalTier {
    fn from(t: core::RoyalTier) -> Self {
        match t {
            core::RoyalTier::None => RoyalTier::None,
            core::RoyalTier::Silver => RoyalTier::Silver,
            core::RoyalTier::Gold => RoyalTier::Gold,
            core::RoyalTier::Platinum => RoyalTier::Platinum,
        }
    }
}

/// Tokens a user spent on one UTC day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Record)]
pub struct SpendBucket {
    /// UTC day number (days since 1970-01-01).
    pub day: i64,
    /// Tokens spent that day.
    pub tokens: u64,
}

/// A Royal Club subscription.
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Record)]
pub struct RoyalSubscription {
    /// The tier it guarantees.
    pub tier: RoyalTier,
    /// End of the paid period, ms (active while `now < active_until_ms`).
    pub active_until_ms: i64,
}

/// A user's Royal Club status at one moment.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct RoyalStatus {
    /// The effective tier (spend or subscription floor, the higher).
    pub tier: RoyalTier,
    /// The tier the spend alone gives.
    pub spend_tier: RoyalTier,
    /// The floor of an active subscription, if any.
    pub subscription_floor: Option<RoyalTier>,
    /// Tokens spent in the window.
    pub spent_in_window: u64,
    /// First UTC day of the window.
    pub window_start_day: i64,
    /// Last UTC day of the window (today).
    pub window_end_day: i64,
    /// The tier above the effective one (none at PLATINUM).
    pub next_tier: Option<RoyalTier>,
    /// Tokens still to spend to reach `next_tier`.
    pub tokens_to_next_tier: Option<u64>,
    /// Tokens that leave the window at the next UTC midnight.
    pub leaving_window_tomorrow: u64,
    /// Fingerprint of the policy.
    pub policy_fingerprint: String,
}

impl From<core::RoyalStatus> for RoyalStatus {
    fn from(s: core::RoyalStatus) -> Self {
        let core::RoyalStatus {
            tier,
            spend_tier,
            subscription_floor,
            spent_in_window,
            window_start_day,
            window_end_day,
            next_tier,
            tokens_to_next_tier,
            leaving_window_tomorrow,
            policy_fingerprint,
        } = s;
        RoyalStatus {
            tier: tier.into(),
            spend_tier: spend_tier.into(),
            subscription_floor: subscription_floor.map(Into::into),
            spent_in_window,
            window_start_day,
            window_end_day,
            next_tier: next_tier.map(Into::into),
            tokens_to_next_tier,
            leaving_window_tomorrow,
            policy_fingerprint,
        }
    }
}

/// The Royal Club status at `now_ms` (SPEC §7.3): tokens spent today and the 29 days before
/// (daily buckets), an active subscription as a floor, the tokens missing to the next tier.
#[uniffi::export]
pub fn royal_status(
    policy: &Policy,
    buckets: Vec<SpendBucket>,
    subscription: Option<RoyalSubscription>,
    now_ms: i64,
) -> Result<RoyalStatus, AvaloError> {
    guard(|| {
        let buckets: Vec<core::SpendBucket> =
            buckets.into_iter().map(|b| core::SpendBucket { day: b.day, tokens: b.tokens }).collect();
        let sub =
            subscription.map(|s| core::RoyalSubscription { tier: s.tier.into(), active_until_ms: s.active_until_ms });
        Ok(core::royal_status(policy.core(), &buckets, sub.as_ref(), now_ms)?.into())
    })
}

/// The tier a 30-day spend gives, without a subscription.
#[uniffi::export]
pub fn tier_for_spend(policy: &Policy, spent: u64) -> Result<RoyalTier, AvaloError> {
    guard(|| Ok(core::tier_for_spend(policy.core(), spent).into()))
}

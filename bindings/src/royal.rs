//! Facade of `core/src/royal.rs` (SPEC §7.3): Royal Club tiers from daily spend buckets.

use crate::error::{guard, AvaloError};
use avalo_core::royal::{self as core, *};
use avalo_core::Policy;

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
        let sub = subscription.map(|s| core::RoyalSubscription { tier: s.tier, active_until_ms: s.active_until_ms });
        Ok(core::royal_status(policy, &buckets, sub.as_ref(), now_ms)?)
    })
}

/// The tier a 30-day spend gives, without a subscription.
#[uniffi::export]
pub fn tier_for_spend(policy: &Policy, spent: u64) -> Result<RoyalTier, AvaloError> {
    guard(|| Ok(core::tier_for_spend(policy, spent)))
}

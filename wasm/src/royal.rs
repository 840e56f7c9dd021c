//! Facade of `core/src/royal.rs` (SPEC §7.3): Royal Club tiers from daily spend buckets.

use crate::convert::{from_js, millis, to_js, uint, JsResult};
use crate::Policy;
use avalo_core::royal as rules;
use js_sys::Number;
use serde::{Deserialize, Serialize};
use tsify::{Ts, Tsify};
use wasm_bindgen::prelude::*;

/// A Royal Club tier, in increasing order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Tsify)]
#[serde(rename_all = "snake_case")]
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

impl From<RoyalTier> for rules::RoyalTier {
    fn from(t: RoyalTier) -> Self {
        match t {
            RoyalTier::None => rules::RoyalTier::None,
            RoyalTier::Silver => rules::RoyalTier::Silver,
            RoyalTier::Gold => rules::RoyalTier::Gold,
            RoyalTier::Platinum => rules::RoyalTier::Platinum,
        }
    }
}

impl From<rules::RoyalTier> for RoyalTier {
    fn from(t: rules::RoyalTier) -> Self {
        match t {
            rules::RoyalTier::None => RoyalTier::None,
            rules::RoyalTier::Silver => RoyalTier::Silver,
            rules::RoyalTier::Gold => RoyalTier::Gold,
            rules::RoyalTier::Platinum => RoyalTier::Platinum,
        }
    }
}

/// Tokens a user spent on one UTC day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Tsify)]
pub struct SpendBucket {
    /// UTC day number (days since 1970-01-01).
    pub day: i64,
    /// Tokens spent that day.
    pub tokens: u64,
}

/// A list of daily spend buckets (`SpendBucket[]`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Tsify)]
#[serde(transparent)]
pub struct SpendBuckets(pub Vec<SpendBucket>);

/// A Royal Club subscription.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Tsify)]
pub struct RoyalSubscription {
    /// The tier it guarantees.
    pub tier: RoyalTier,
    /// End of the paid period, ms (active while `now < active_until_ms`).
    pub active_until_ms: i64,
}

/// A user's Royal Club status at one moment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Tsify)]
#[tsify(missing_as_null)] // absent values are `null`, as in the core's JSON
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
    /// The tier above the effective one (null at PLATINUM).
    pub next_tier: Option<RoyalTier>,
    /// Tokens still to spend to reach `next_tier`.
    pub tokens_to_next_tier: Option<u64>,
    /// Tokens that leave the window at the next UTC midnight.
    pub leaving_window_tomorrow: u64,
    /// Fingerprint of the policy.
    pub policy_fingerprint: String,
}

impl From<rules::RoyalStatus> for RoyalStatus {
    fn from(s: rules::RoyalStatus) -> Self {
        let rules::RoyalStatus {
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

/// The Royal Club status at `nowMs` (SPEC §7.3): tokens spent today and the 29 days before,
/// an active subscription as a floor, and the tokens missing to the next tier.
#[wasm_bindgen(js_name = royalStatus)]
pub fn royal_status(
    policy: &Policy,
    buckets: Ts<SpendBuckets>,
    subscription: Option<Ts<RoyalSubscription>>,
    #[wasm_bindgen(js_name = nowMs)] now_ms: Number,
) -> JsResult<Ts<RoyalStatus>> {
    let buckets: Vec<rules::SpendBucket> = from_js(&buckets)?
        .0
        .into_iter()
        .map(|SpendBucket { day, tokens }| rules::SpendBucket { day, tokens })
        .collect();
    let sub = subscription.map(|s| from_js(&s)).transpose()?.map(|RoyalSubscription { tier, active_until_ms }| {
        rules::RoyalSubscription { tier: tier.into(), active_until_ms }
    });
    let status = rules::royal_status(policy.core(), &buckets, sub.as_ref(), millis(&now_ms, "nowMs")?)?;
    Ok(to_js(&RoyalStatus::from(status))?)
}

/// The tier a 30-day spend gives, without a subscription.
#[wasm_bindgen(js_name = tierForSpend)]
pub fn tier_for_spend(policy: &Policy, spent: Number) -> JsResult<Ts<RoyalTier>> {
    let tier = rules::tier_for_spend(policy.core(), uint(&spent, "spent")?);
    Ok(to_js(&RoyalTier::from(tier))?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn status_mirror_serialises_like_the_core() {
        let policy = avalo_core::Policy::default();
        let b = [rules::SpendBucket { day: 100, tokens: 1_200 }];
        let sub = rules::RoyalSubscription { tier: rules::RoyalTier::Gold, active_until_ms: 101 * 86_400_000 };
        let s = rules::royal_status(&policy, &b, Some(&sub), 100 * 86_400_000).unwrap();
        assert_eq!(serde_json::to_value(RoyalStatus::from(s.clone())).unwrap(), serde_json::to_value(s).unwrap());
    }
}

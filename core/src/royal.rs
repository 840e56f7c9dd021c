//! Royal Club tiers (SPEC §7.3).
//!
//! The tier comes from the tokens spent in the last 30 UTC days (today and the 29 before),
//! summed from daily spend buckets at evaluation time, so a user who stops spending falls back
//! as old buckets leave the window. An active subscription is a floor: GOLD guarantees at least
//! GOLD, PLATINUM guarantees PLATINUM.
//!
//! Choices where the SPEC is silent:
//! - A bucket is `(UTC day number, tokens)`; several buckets for one day add up. A bucket dated
//!   after today (another server's clock) counts as today: the tokens were spent. A sum beyond
//!   `u64` is `INVALID_INPUT`.
//! - A subscription is active while `now_ms < active_until_ms`; any tier can be a floor.
//! - The preview is relative to the effective tier (spend or floor, the higher): the next tier
//!   above it and the tokens still missing (`threshold − spent`); none at PLATINUM. It also
//!   tells how many tokens leave the window tomorrow (the bucket of today − 29).

use crate::error::{Error, Result};
use crate::money::Tokens;
use crate::policy::{check, Policy, PolicyProblem};
use crate::time::day_index;
use serde::{Deserialize, Serialize};

/// A Royal Club tier, in increasing order.
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
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

impl RoyalTier {
    /// The tier above this one, if any.
    pub const fn next(self) -> Option<RoyalTier> {
        match self {
            RoyalTier::None => Some(RoyalTier::Silver),
            RoyalTier::Silver => Some(RoyalTier::Gold),
            RoyalTier::Gold => Some(RoyalTier::Platinum),
            RoyalTier::Platinum => None,
        }
    }

    /// Whether this tier makes the user a Royal Club member (anything above NONE).
    pub const fn is_member(self) -> bool {
        !matches!(self, RoyalTier::None)
    }
}

/// Royal Club section of the policy (SPEC §7.3).
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RoyalPolicy {
    /// Tokens for SILVER (1 000).
    pub silver_min_tokens: Tokens,
    /// Tokens for GOLD (5 000).
    pub gold_min_tokens: Tokens,
    /// Tokens for PLATINUM (15 000).
    pub platinum_min_tokens: Tokens,
    /// Window length in UTC days, today included (30).
    pub window_days: u32,
}

impl Default for RoyalPolicy {
    fn default() -> Self {
        RoyalPolicy { silver_min_tokens: 1_000, gold_min_tokens: 5_000, platinum_min_tokens: 15_000, window_days: 30 }
    }
}

impl RoyalPolicy {
    pub(crate) fn validate(&self, path: &str, p: &mut Vec<PolicyProblem>) {
        check(
            self.silver_min_tokens >= 1
                && self.silver_min_tokens < self.gold_min_tokens
                && self.gold_min_tokens < self.platinum_min_tokens,
            p,
            format!("{path}.gold_min_tokens"),
            "thresholds must satisfy 1 <= silver < gold < platinum",
        );
        check((1..=366).contains(&self.window_days), p, format!("{path}.window_days"), "must be within 1..=366");
    }

    /// The minimum spend of a tier (0 for NONE).
    pub fn threshold(&self, tier: RoyalTier) -> Tokens {
        match tier {
            RoyalTier::None => 0,
            RoyalTier::Silver => self.silver_min_tokens,
            RoyalTier::Gold => self.gold_min_tokens,
            RoyalTier::Platinum => self.platinum_min_tokens,
        }
    }
}

/// Tokens a user spent on one UTC day.
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(deny_unknown_fields)]
pub struct SpendBucket {
    /// UTC day number (days since 1970-01-01).
    pub day: i64,
    /// Tokens spent that day.
    pub tokens: Tokens,
}

/// A Royal Club subscription.
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(deny_unknown_fields)]
pub struct RoyalSubscription {
    /// The tier it guarantees.
    pub tier: RoyalTier,
    /// End of the paid period, ms (active while `now_ms < active_until_ms`).
    pub active_until_ms: i64,
}

/// A user's Royal Club status at one moment.
#[cfg_attr(feature = "wasm", derive(tsify::Tsify), tsify(missing_as_null))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct RoyalStatus {
    /// The effective tier: the higher of the spend tier and the subscription floor.
    pub tier: RoyalTier,
    /// The tier the spend alone gives.
    pub spend_tier: RoyalTier,
    /// The floor of an active subscription, if any.
    pub subscription_floor: Option<RoyalTier>,
    /// Tokens spent in the window.
    pub spent_in_window: Tokens,
    /// First UTC day of the window (today − 29).
    pub window_start_day: i64,
    /// Last UTC day of the window (today).
    pub window_end_day: i64,
    /// The tier above the effective one (`None` at PLATINUM).
    pub next_tier: Option<RoyalTier>,
    /// Tokens still to spend in the window to reach `next_tier`.
    pub tokens_to_next_tier: Option<Tokens>,
    /// Tokens that leave the window at the next UTC midnight.
    pub leaving_window_tomorrow: Tokens,
    /// Fingerprint of the policy used.
    pub policy_fingerprint: String,
}

/// The tier a window spend gives (no subscription).
pub fn tier_for_spend(policy: &Policy, spent: Tokens) -> RoyalTier {
    let r = &policy.royal;
    if spent >= r.platinum_min_tokens {
        RoyalTier::Platinum
    } else if spent >= r.gold_min_tokens {
        RoyalTier::Gold
    } else if spent >= r.silver_min_tokens {
        RoyalTier::Silver
    } else {
        RoyalTier::None
    }
}

/// The Royal Club status at `now_ms` from daily spend buckets and an optional subscription.
/// Buckets before the window are ignored; buckets after today count as today.
pub fn royal_status(
    policy: &Policy,
    buckets: &[SpendBucket],
    subscription: Option<&RoyalSubscription>,
    now_ms: i64,
) -> Result<RoyalStatus> {
    let rules = &policy.royal;
    let today = day_index(now_ms);
    let start = today - (i64::from(rules.window_days) - 1);
    let mut spent: Tokens = 0;
    let mut leaving: Tokens = 0;
    for b in buckets.iter().filter(|b| b.day >= start) {
        spent = spent.checked_add(b.tokens).ok_or_else(|| Error::invalid("window spend exceeds u64"))?;
        if b.day == start {
            leaving += b.tokens; // cannot overflow: bounded by `spent`
        }
    }
    let spend_tier = tier_for_spend(policy, spent);
    let floor = subscription.filter(|s| now_ms < s.active_until_ms).map(|s| s.tier);
    let tier = floor.map_or(spend_tier, |f| f.max(spend_tier));
    let next_tier = tier.next();
    Ok(RoyalStatus {
        tier,
        spend_tier,
        subscription_floor: floor,
        spent_in_window: spent,
        window_start_day: start,
        window_end_day: today,
        next_tier,
        tokens_to_next_tier: next_tier.map(|t| rules.threshold(t).saturating_sub(spent)),
        leaving_window_tomorrow: leaving,
        policy_fingerprint: policy.fingerprint().to_string(),
    })
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn window_and_floor() {
        let p = Policy::default();
        let now = 20_000 * crate::time::DAY_MS + 5;
        let b = [SpendBucket { day: 20_000 - 29, tokens: 1_000 }, SpendBucket { day: 20_000 - 30, tokens: 9_999 }];
        let s = royal_status(&p, &b, None, now).unwrap();
        assert_eq!((s.tier, s.spent_in_window, s.leaving_window_tomorrow), (RoyalTier::Silver, 1_000, 1_000));
        let sub = RoyalSubscription { tier: RoyalTier::Gold, active_until_ms: now + 1 };
        let s = royal_status(&p, &b, Some(&sub), now).unwrap();
        assert_eq!((s.tier, s.tokens_to_next_tier), (RoyalTier::Gold, Some(14_000)));
    }
}

//! The action tables of SPEC §6.2 and the failure policy of SPEC §6.3, as policy data, with
//! lookup functions.

use super::gcra::{decide, LimitDecision, LimitSpec, RateLimit};
use crate::error::{Error, Result};
use crate::policy::{check, Policy, PolicyProblem};
use crate::pricing::SubscriptionTier;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

const MIN: u64 = 60_000;
const HOUR: u64 = 60 * MIN;
const DAY: u64 = 24 * HOUR;

/// What a host does when it cannot read or write the limiter state (SPEC §6.3).
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[serde(rename_all = "snake_case")]
pub enum FailurePolicy {
    /// Fail open: allow the request.
    Open,
    /// Fail closed: deny the request.
    Closed,
}

/// One action's limit and failure policy.
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ActionRule {
    /// Requests refilled per window (before any tier multiplier).
    pub limit: u32,
    /// Window, ms.
    pub window_ms: u64,
    /// Bucket capacity (before any tier multiplier).
    pub burst: u32,
    /// What to do when the limiter state cannot be read or written.
    pub on_failure: FailurePolicy,
    /// Whether the user's tier multiplies `limit` and `burst` (the API profile's `api`).
    pub tier_scaled: bool,
}

/// Tier multipliers of the API profile (SPEC §6.2).
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TierMultipliers {
    /// Free (×1).
    pub free: u32,
    /// Plus (×2).
    pub plus: u32,
    /// Intimate (×2).
    pub intimate: u32,
    /// Creator (×3).
    pub creator: u32,
}

impl TierMultipliers {
    /// The multiplier of a tier.
    pub fn of(&self, tier: SubscriptionTier) -> u32 {
        match tier {
            SubscriptionTier::Free => self.free,
            SubscriptionTier::Plus => self.plus,
            SubscriptionTier::Intimate => self.intimate,
            SubscriptionTier::Creator => self.creator,
        }
    }
    fn max(&self) -> u32 {
        self.free.max(self.plus).max(self.intimate).max(self.creator)
    }
}

/// Rate limiting section of the policy (SPEC §6).
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RateLimitPolicy {
    /// Every action by name: the per-user table and the API profile (`auth`, `api`, `payment`,
    /// `ip`). Hosts may change numbers and add actions; the SPEC actions must stay.
    pub actions: BTreeMap<String, ActionRule>,
    /// Multipliers for `tier_scaled` actions.
    pub tier_multipliers: TierMultipliers,
}

/// The action names of SPEC §6.2 (per-user table, then the API profile).
pub const SPEC_ACTIONS: [&str; 12] = [
    "login",
    "message_send",
    "media_upload",
    "report_submit",
    "dispute_create",
    "payout_request",
    "kyc_submit",
    "profile_update",
    "auth",
    "api",
    "payment",
    "ip",
];

fn rule(limit: u32, window_ms: u64, burst: u32, on_failure: FailurePolicy, tier_scaled: bool) -> ActionRule {
    ActionRule { limit, window_ms, burst, on_failure, tier_scaled }
}

impl Default for RateLimitPolicy {
    fn default() -> Self {
        use FailurePolicy::{Closed, Open};
        let table = [
            ("login", rule(10, 5 * MIN, 10, Closed, false)),
            ("message_send", rule(100, HOUR, 120, Open, false)),
            ("media_upload", rule(20, HOUR, 20, Open, false)),
            ("report_submit", rule(10, HOUR, 10, Open, false)),
            ("dispute_create", rule(5, DAY, 5, Open, false)),
            ("payout_request", rule(3, DAY, 3, Closed, false)),
            ("kyc_submit", rule(3, DAY, 3, Closed, false)),
            ("profile_update", rule(10, 5 * MIN, 10, Open, false)),
            // API profile: the SPEC gives no burst, so burst = limit.
            ("auth", rule(5, 15 * MIN, 5, Open, false)),
            ("api", rule(100, MIN, 100, Open, true)),
            ("payment", rule(10, HOUR, 10, Closed, false)),
            ("ip", rule(300, MIN, 300, Open, false)),
        ];
        RateLimitPolicy {
            actions: table.into_iter().map(|(k, v)| (k.to_string(), v)).collect(),
            tier_multipliers: TierMultipliers { free: 1, plus: 2, intimate: 2, creator: 3 },
        }
    }
}

fn valid_action_name(name: &str) -> bool {
    (1..=64).contains(&name.len()) && name.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
}

impl ActionRule {
    /// The limit for a multiplier (1 for unscaled actions).
    fn spec(&self, multiplier: u32) -> Option<LimitSpec> {
        Some(LimitSpec {
            limit: self.limit.checked_mul(multiplier)?,
            window_ms: self.window_ms,
            burst: self.burst.checked_mul(multiplier)?,
        })
    }
}

impl RateLimitPolicy {
    pub(crate) fn validate(&self, path: &str, problems: &mut Vec<PolicyProblem>) {
        for name in SPEC_ACTIONS {
            check(
                self.actions.contains_key(name),
                problems,
                format!("{path}.actions.{name}"),
                "SPEC action is missing",
            );
        }
        let m = self.tier_multipliers;
        for (tier, v) in [("free", m.free), ("plus", m.plus), ("intimate", m.intimate), ("creator", m.creator)] {
            check(v >= 1, problems, format!("{path}.tier_multipliers.{tier}"), "must be ≥ 1");
        }
        let max = crate::policy::bounds::MAX_RATE_ACTIONS;
        check(self.actions.len() <= max, problems, format!("{path}.actions"), "must hold at most 256 actions");
        for (name, r) in self.actions.iter().take(max) {
            let p = format!("{path}.actions.{name}");
            check(
                r.window_ms <= crate::policy::bounds::MAX_RATE_WINDOW_MS,
                problems,
                format!("{p}.window_ms"),
                "must be at most 30 days",
            );
            check(valid_action_name(name), problems, p.clone(), "action names are 1–64 of a-z, 0-9, _");
            let widest = if r.tier_scaled { m.max().max(1) } else { 1 };
            let ok = r.spec(widest).map(RateLimit::new);
            match ok {
                Some(Ok(_)) => {}
                Some(Err(e)) => problems.push(PolicyProblem::new(p, e.reason)),
                None => problems.push(PolicyProblem::new(p, "limit × tier multiplier overflows")),
            }
        }
    }
}

/// One action's effective limit for a tier, as looked up in the policy.
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct ActionLimit {
    /// The action name.
    pub action: String,
    /// The tier multiplier applied (1 for actions that are not tier-scaled).
    pub tier_multiplier: u32,
    /// What to do when the limiter state cannot be read or written.
    pub on_failure: FailurePolicy,
    /// The effective limit, ready for [`decide`].
    pub rate: RateLimit,
}

/// The effective limit of `action` for a user of `tier` (the tier only matters for
/// tier-scaled actions, where it multiplies both `limit` and `burst`). An unknown action is
/// `INVALID_INPUT`.
pub fn action_limit(policy: &Policy, action: &str, tier: SubscriptionTier) -> Result<ActionLimit> {
    let rule = policy
        .ratelimit
        .actions
        .get(action)
        .ok_or_else(|| Error::invalid(format!("unknown rate-limit action {action:?}")))?;
    let tier_multiplier = if rule.tier_scaled { policy.ratelimit.tier_multipliers.of(tier) } else { 1 };
    let spec = rule
        .spec(tier_multiplier)
        .ok_or_else(|| Error::invalid(format!("action {action:?}: limit × tier multiplier overflows")))?;
    Ok(ActionLimit {
        action: action.to_string(),
        tier_multiplier,
        on_failure: rule.on_failure,
        rate: RateLimit::new(spec)?,
    })
}

/// Every action of the policy with its effective limit for `tier`, sorted by name.
pub fn list_actions(policy: &Policy, tier: SubscriptionTier) -> Result<Vec<ActionLimit>> {
    policy.ratelimit.actions.keys().map(|a| action_limit(policy, a, tier)).collect()
}

/// The failure policy of `action` (SPEC §6.3). An unknown action is `INVALID_INPUT`.
pub fn failure_policy(policy: &Policy, action: &str) -> Result<FailurePolicy> {
    policy
        .ratelimit
        .actions
        .get(action)
        .map(|r| r.on_failure)
        .ok_or_else(|| Error::invalid(format!("unknown rate-limit action {action:?}")))
}

/// [`decide`] for a policy action and tier: a convenience that looks the limit up first. Hot
/// paths should build the [`RateLimit`] once with [`action_limit`] and call [`decide`].
pub fn decide_action(
    policy: &Policy,
    action: &str,
    tier: SubscriptionTier,
    state: i64,
    now_ms: i64,
    cost: u32,
) -> Result<LimitDecision> {
    decide(&action_limit(policy, action, tier)?.rate, state, now_ms, cost)
}

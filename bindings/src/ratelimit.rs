//! Facade of `core/src/ratelimit/`: the GCRA limiter, the action tables, the failure policy and
//! subject keys (SPEC §6).
//!
//! The limiter state is a plain `i64` (Kotlin `Long`, Swift `Int64`): store it as it is and
//! pass it back; `0` is a new subject. Limits cross as plain [`LimitSpec`] records (an
//! [`ActionLimit`]'s `rate` carries the same three fields).

use crate::error::{guard, AvaloError};
use avalo_core::pricing::SubscriptionTier;
use avalo_core::ratelimit::{self as core, *};
use avalo_core::Policy;

fn compile(limit: LimitSpec) -> Result<core::RateLimit, AvaloError> {
    Ok(core::RateLimit::new(limit)?)
}

/// Validates a limit and shows its units. Zero fields or a limit whose state would not fit an
/// `i64` are `INVALID_INPUT`.
#[uniffi::export]
pub fn rate_limit(limit: LimitSpec) -> Result<RateLimit, AvaloError> {
    guard(|| compile(limit))
}

/// One GCRA decision (SPEC §6.1) for a subject whose stored state is `state` (0 = new subject,
/// full bucket), at `now_ms`, for a request costing `cost` (0 = peek: takes nothing, tells
/// whether one request would pass). A cost above the burst or a negative time or state is
/// `INVALID_INPUT`. Denials leave the state unchanged.
#[uniffi::export]
pub fn decide(limit: LimitSpec, state: i64, now_ms: i64, cost: u32) -> Result<LimitDecision, AvaloError> {
    guard(|| Ok(core::decide(&compile(limit)?, state, now_ms, cost)?))
}

/// Replays a timeline against one subject from `state`, threading the state. Any invalid
/// request fails the whole call with `INVALID_INPUT`.
#[uniffi::export]
pub fn decide_sequence(limit: LimitSpec, state: i64, requests: Vec<LimitRequest>) -> Result<LimitSequence, AvaloError> {
    guard(|| {
        let requests: Vec<core::LimitRequest> = requests.into_iter().collect();
        let core::LimitSequence { decisions, admitted, state } =
            core::decide_sequence(&compile(limit)?, state, &requests)?;
        Ok(LimitSequence { decisions: decisions.into_iter().collect(), admitted, state })
    })
}

/// Decides many independent subjects under one limit in one call (one FFI crossing for a
/// server's worth of work). Any invalid item fails the whole call with `INVALID_INPUT`.
#[uniffi::export]
pub fn decide_batch(limit: LimitSpec, items: Vec<LimitBatchItem>) -> Result<Vec<LimitDecision>, AvaloError> {
    guard(|| {
        let items: Vec<core::LimitBatchItem> = items.into_iter().collect();
        Ok(core::decide_batch(&compile(limit)?, &items)?.into_iter().collect())
    })
}

/// `decide` for a policy action and the user's tier (looks the limit up first). An unknown
/// action is `INVALID_INPUT`.
#[uniffi::export]
pub fn decide_action(
    policy: &Policy,
    action: String,
    tier: SubscriptionTier,
    state: i64,
    now_ms: i64,
    cost: u32,
) -> Result<LimitDecision, AvaloError> {
    guard(|| Ok(core::decide_action(policy, &action, tier, state, now_ms, cost)?))
}

/// The effective limit of `action` for a user of `tier` (SPEC §6.2; the tier multiplies
/// `limit` and `burst` of tier-scaled actions such as `api`). Unknown action: `INVALID_INPUT`.
#[uniffi::export]
pub fn action_limit(policy: &Policy, action: String, tier: SubscriptionTier) -> Result<ActionLimit, AvaloError> {
    guard(|| Ok(core::action_limit(policy, &action, tier)?))
}

/// Every action of the policy with its effective limit for `tier`, sorted by name.
#[uniffi::export]
pub fn list_actions(policy: &Policy, tier: SubscriptionTier) -> Result<Vec<ActionLimit>, AvaloError> {
    guard(|| Ok(core::list_actions(policy, tier)?.into_iter().collect()))
}

/// The failure policy of `action` (SPEC §6.3): `Closed` for login, payout_request, kyc_submit,
/// payment; `Open` for the rest. Unknown action: `INVALID_INPUT`.
#[uniffi::export]
pub fn failure_policy(policy: &Policy, action: String) -> Result<FailurePolicy, AvaloError> {
    guard(|| Ok(core::failure_policy(policy, &action)?))
}

/// Checks a subject key (SPEC §6.4): 1–128 UTF-8 bytes, no control characters; otherwise
/// `INVALID_INPUT`.
#[uniffi::export]
pub fn validate_subject(key: String) -> Result<(), AvaloError> {
    guard(|| Ok(core::validate_subject(&key)?))
}

/// Hashes a client-supplied identifier into a safe subject key: lower-case hex SHA-256 of its
/// UTF-8 bytes.
#[uniffi::export]
pub fn hash_subject(raw: String) -> Result<String, AvaloError> {
    guard(|| Ok(core::hash_subject(&raw)))
}

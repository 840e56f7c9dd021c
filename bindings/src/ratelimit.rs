//! Facade of `core/src/ratelimit/`: the GCRA limiter, the action tables, the failure policy and
//! subject keys (SPEC §6).
//!
//! The limiter state is a plain `i64` (Kotlin `Long`, Swift `Int64`): store it as it is and
//! pass it back; `0` is a new subject. Limits cross as plain [`LimitSpec`] records (an
//! [`ActionLimit`]'s `rate` carries the same three fields).

use crate::error::{guard, AvaloError};
use crate::policy::Policy;
use crate::pricing::SubscriptionTier;
use avalo_core::ratelimit as core;

/// A limit: `limit` requests per `window_ms`, at most `burst` at once.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, uniffi::Record)]
pub struct LimitSpec {
    /// Requests refilled per window (≥ 1).
    pub limit: u32,
    /// Window, ms (≥ 1).
    pub window_ms: u64,
    /// Bucket capacity (≥ 1).
    pub burst: u32,
}

impl From<LimitSpec> for core::LimitSpec {
    fn from(s: LimitSpec) -> Self {
        let LimitSpec { limit, window_ms, burst } = s;
        core::LimitSpec { limit, window_ms, burst }
    }
}

/// A validated limit and its units: the state counts ticks of `1 / ticks_per_ms` ms, and one
/// request refills every `interval_ticks` ticks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, uniffi::Record)]
pub struct RateLimit {
    /// Requests refilled per window.
    pub limit: u32,
    /// Window, ms.
    pub window_ms: u64,
    /// Bucket capacity.
    pub burst: u32,
    /// Ticks per ms (1 whenever `window_ms / limit` is whole, as for every SPEC default).
    pub ticks_per_ms: i64,
    /// Emission interval in ticks.
    pub interval_ticks: i64,
    /// `burst × interval_ticks`.
    pub capacity_ticks: i64,
}

impl From<&core::RateLimit> for RateLimit {
    fn from(r: &core::RateLimit) -> Self {
        let core::LimitSpec { limit, window_ms, burst } = r.spec();
        RateLimit {
            limit,
            window_ms,
            burst,
            ticks_per_ms: r.ticks_per_ms(),
            interval_ticks: r.interval_ticks(),
            capacity_ticks: r.capacity_ticks(),
        }
    }
}

/// The outcome of one decision.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, uniffi::Record)]
pub struct LimitDecision {
    /// Whether the request is admitted.
    pub allowed: bool,
    /// Whole requests still available now, after this decision.
    pub remaining: u32,
    /// Exact wait in ms until this request would be admitted; 0 when allowed.
    pub retry_after_ms: u64,
    /// The state to store (unchanged when denied or peeking).
    pub new_state: i64,
}

impl From<core::LimitDecision> for LimitDecision {
    fn from(d: core::LimitDecision) -> Self {
        let core::LimitDecision { allowed, remaining, retry_after_ms, new_state } = d;
        LimitDecision { allowed, remaining, retry_after_ms, new_state }
    }
}

/// One request of a timeline.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, uniffi::Record)]
pub struct LimitRequest {
    /// Arrival time, ms since the epoch.
    pub now_ms: i64,
    /// Cost (0 = peek).
    pub cost: u32,
}

/// One independent subject of a batch.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, uniffi::Record)]
pub struct LimitBatchItem {
    /// The subject's stored state (0 = new subject).
    pub state: i64,
    /// Time, ms since the epoch.
    pub now_ms: i64,
    /// Cost (0 = peek).
    pub cost: u32,
}

/// The outcome of a timeline.
#[derive(Debug, Clone, PartialEq, Eq, Hash, uniffi::Record)]
pub struct LimitSequence {
    /// One decision per request.
    pub decisions: Vec<LimitDecision>,
    /// Requests admitted (peeks not counted).
    pub admitted: u64,
    /// The state after the last request.
    pub state: i64,
}

/// What a host does when it cannot read or write the limiter state (SPEC §6.3).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, uniffi::Enum)]
pub enum FailurePolicy {
    /// Allow the request.
    Open,
    /// Deny the request.
    Closed,
}

impl From<core::FailurePolicy> for FailurePolicy {
    fn from(f: core::FailurePolicy) -> Self {
        match f {
            core::FailurePolicy::Open => FailurePolicy::Open,
            core::FailurePolicy::Closed => FailurePolicy::Closed,
        }
    }
}

/// One action's effective limit for a tier.
#[derive(Debug, Clone, PartialEq, Eq, Hash, uniffi::Record)]
pub struct ActionLimit {
    /// The action name.
    pub action: String,
    /// The tier multiplier applied (1 for actions that are not tier-scaled).
    pub tier_multiplier: u32,
    /// What to do when the limiter state cannot be read or written.
    pub on_failure: FailurePolicy,
    /// The effective limit.
    pub rate: RateLimit,
}

impl From<core::ActionLimit> for ActionLimit {
    fn from(a: core::ActionLimit) -> Self {
        let core::ActionLimit { action, tier_multiplier, on_failure, rate } = a;
        ActionLimit { action, tier_multiplier, on_failure: on_failure.into(), rate: (&rate).into() }
    }
}

fn compile(limit: LimitSpec) -> Result<core::RateLimit, AvaloError> {
    Ok(core::RateLimit::new(limit.into())?)
}

/// Validates a limit and shows its units. Zero fields or a limit whose state would not fit an
/// `i64` are `INVALID_INPUT`.
#[uniffi::export]
pub fn rate_limit(limit: LimitSpec) -> Result<RateLimit, AvaloError> {
    guard(|| Ok((&compile(limit)?).into()))
}

/// One GCRA decision (SPEC §6.1) for a subject whose stored state is `state` (0 = new subject,
/// full bucket), at `now_ms`, for a request costing `cost` (0 = peek: takes nothing, tells
/// whether one request would pass). A cost above the burst or a negative time or state is
/// `INVALID_INPUT`. Denials leave the state unchanged.
#[uniffi::export]
pub fn decide(limit: LimitSpec, state: i64, now_ms: i64, cost: u32) -> Result<LimitDecision, AvaloError> {
    guard(|| Ok(core::decide(&compile(limit)?, state, now_ms, cost)?.into()))
}

/// Replays a timeline against one subject from `state`, threading the state. Any invalid
/// request fails the whole call with `INVALID_INPUT`.
#[uniffi::export]
pub fn decide_sequence(limit: LimitSpec, state: i64, requests: Vec<LimitRequest>) -> Result<LimitSequence, AvaloError> {
    guard(|| {
        let requests: Vec<core::LimitRequest> =
            requests.into_iter().map(|LimitRequest { now_ms, cost }| core::LimitRequest { now_ms, cost }).collect();
        let core::LimitSequence { decisions, admitted, state } =
            core::decide_sequence(&compile(limit)?, state, &requests)?;
        Ok(LimitSequence { decisions: decisions.into_iter().map(Into::into).collect(), admitted, state })
    })
}

/// Decides many independent subjects under one limit in one call (one FFI crossing for a
/// server's worth of work). Any invalid item fails the whole call with `INVALID_INPUT`.
#[uniffi::export]
pub fn decide_batch(limit: LimitSpec, items: Vec<LimitBatchItem>) -> Result<Vec<LimitDecision>, AvaloError> {
    guard(|| {
        let items: Vec<core::LimitBatchItem> = items
            .into_iter()
            .map(|LimitBatchItem { state, now_ms, cost }| core::LimitBatchItem { state, now_ms, cost })
            .collect();
        Ok(core::decide_batch(&compile(limit)?, &items)?.into_iter().map(Into::into).collect())
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
    guard(|| Ok(core::decide_action(policy.core(), &action, tier.into(), state, now_ms, cost)?.into()))
}

/// The effective limit of `action` for a user of `tier` (SPEC §6.2; the tier multiplies
/// `limit` and `burst` of tier-scaled actions such as `api`). Unknown action: `INVALID_INPUT`.
#[uniffi::export]
pub fn action_limit(policy: &Policy, action: String, tier: SubscriptionTier) -> Result<ActionLimit, AvaloError> {
    guard(|| Ok(core::action_limit(policy.core(), &action, tier.into())?.into()))
}

/// Every action of the policy with its effective limit for `tier`, sorted by name.
#[uniffi::export]
pub fn list_actions(policy: &Policy, tier: SubscriptionTier) -> Result<Vec<ActionLimit>, AvaloError> {
    guard(|| Ok(core::list_actions(policy.core(), tier.into())?.into_iter().map(Into::into).collect()))
}

/// The failure policy of `action` (SPEC §6.3): `Closed` for login, payout_request, kyc_submit,
/// payment; `Open` for the rest. Unknown action: `INVALID_INPUT`.
#[uniffi::export]
pub fn failure_policy(policy: &Policy, action: String) -> Result<FailurePolicy, AvaloError> {
    guard(|| Ok(core::failure_policy(policy.core(), &action)?.into()))
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

//! Facade of `core/src/ratelimit/`: the GCRA limiter, the action tables, the failure policy and
//! subject keys (SPEC §6).
//!
//! **The state is a JS `number`.** A limiter state is an integer (ticks of `1 / ticks_per_ms`
//! ms; plain milliseconds for every SPEC default), so it crosses like a timestamp: a whole
//! `number`, checked against `Number.MAX_SAFE_INTEGER` both ways. A state in ms stays below
//! 2^53 − 1 until the year 287 396, so this never bites with the defaults; a limit with many
//! ticks per ms (for example 10 000 per 7 ms) could produce a state above it, and then the call
//! throws `INVALID_INPUT` rather than returning a rounded number. Store it as it is (a number
//! column, a Redis string) and pass it back; `0` is a new subject.
//!
//! Limits are passed as plain `LimitSpec` records (`{ limit, window_ms, burst }`), and an
//! `ActionLimit`'s `rate` can be passed where a `LimitSpec` is expected (extra fields are
//! ignored).

use crate::convert::{from_js, list_to_js, millis, text, to_js, uint32, JsResult};
use crate::pricing::SubscriptionTier;
use crate::Policy;
use avalo_core::ratelimit as rules;
use js_sys::{JsString, Number};
use serde::{Deserialize, Serialize};
use tsify::{Ts, Tsify};
use wasm_bindgen::prelude::*;

/// A limit: `limit` requests per `window_ms`, at most `burst` at once.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Tsify)]
pub struct LimitSpec {
    /// Requests refilled per window (≥ 1).
    pub limit: u32,
    /// Window, ms (≥ 1).
    pub window_ms: u64,
    /// Bucket capacity (≥ 1).
    pub burst: u32,
}

impl From<LimitSpec> for rules::LimitSpec {
    fn from(s: LimitSpec) -> Self {
        let LimitSpec { limit, window_ms, burst } = s;
        rules::LimitSpec { limit, window_ms, burst }
    }
}

/// A validated limit and its units: the state counts ticks of `1 / ticks_per_ms` ms, and one
/// request refills every `interval_ticks` ticks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Tsify)]
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

impl From<&rules::RateLimit> for RateLimit {
    fn from(r: &rules::RateLimit) -> Self {
        let rules::LimitSpec { limit, window_ms, burst } = r.spec();
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
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Tsify)]
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

impl From<rules::LimitDecision> for LimitDecision {
    fn from(d: rules::LimitDecision) -> Self {
        let rules::LimitDecision { allowed, remaining, retry_after_ms, new_state } = d;
        LimitDecision { allowed, remaining, retry_after_ms, new_state }
    }
}

/// One request of a timeline.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Tsify)]
pub struct LimitRequest {
    /// Arrival time, ms since the epoch.
    pub now_ms: i64,
    /// Cost (0 = peek).
    pub cost: u32,
}

/// A timeline (`LimitRequest[]`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Tsify)]
#[serde(transparent)]
pub struct LimitRequests(pub Vec<LimitRequest>);

/// One independent subject of a batch.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Tsify)]
pub struct LimitBatchItem {
    /// The subject's stored state (0 = new subject).
    pub state: i64,
    /// Time, ms since the epoch.
    pub now_ms: i64,
    /// Cost (0 = peek).
    pub cost: u32,
}

/// A batch (`LimitBatchItem[]`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Tsify)]
#[serde(transparent)]
pub struct LimitBatchItems(pub Vec<LimitBatchItem>);

/// The outcome of a timeline.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Tsify)]
pub struct LimitSequence {
    /// One decision per request.
    pub decisions: Vec<LimitDecision>,
    /// Requests admitted (peeks not counted).
    pub admitted: u64,
    /// The state after the last request.
    pub state: i64,
}

/// What a host does when it cannot read or write the limiter state (SPEC §6.3).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Tsify)]
#[serde(rename_all = "snake_case")]
pub enum FailurePolicy {
    /// Allow the request.
    Open,
    /// Deny the request.
    Closed,
}

impl From<rules::FailurePolicy> for FailurePolicy {
    fn from(f: rules::FailurePolicy) -> Self {
        match f {
            rules::FailurePolicy::Open => FailurePolicy::Open,
            rules::FailurePolicy::Closed => FailurePolicy::Closed,
        }
    }
}

/// One action's effective limit for a tier.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Tsify)]
pub struct ActionLimit {
    /// The action name.
    pub action: String,
    /// The tier multiplier applied (1 for actions that are not tier-scaled).
    pub tier_multiplier: u32,
    /// What to do when the limiter state cannot be read or written.
    pub on_failure: FailurePolicy,
    /// The effective limit (pass it as the `limit` of `decide`).
    pub rate: RateLimit,
}

impl From<rules::ActionLimit> for ActionLimit {
    fn from(a: rules::ActionLimit) -> Self {
        let rules::ActionLimit { action, tier_multiplier, on_failure, rate } = a;
        ActionLimit { action, tier_multiplier, on_failure: on_failure.into(), rate: (&rate).into() }
    }
}

fn limit_arg(limit: &Ts<LimitSpec>) -> avalo_core::Result<rules::RateLimit> {
    rules::RateLimit::new(from_js(limit)?.into())
}

/// Validates a limit and shows its units. Zero fields or a limit whose state would not fit
/// are `INVALID_INPUT`.
#[wasm_bindgen(js_name = rateLimit)]
pub fn rate_limit(limit: Ts<LimitSpec>) -> JsResult<Ts<RateLimit>> {
    Ok(to_js(&RateLimit::from(&limit_arg(&limit)?))?)
}

/// One GCRA decision (SPEC §6.1) for a subject whose stored state is `state` (0 = new subject,
/// full bucket), at `nowMs`, for a request costing `cost` (0 = peek: takes nothing, tells
/// whether one request would pass). A cost above the burst, a negative time or state, or a
/// state above `Number.MAX_SAFE_INTEGER` is `INVALID_INPUT`. Denials leave the state unchanged.
#[wasm_bindgen]
pub fn decide(
    limit: Ts<LimitSpec>,
    state: Number,
    #[wasm_bindgen(js_name = nowMs)] now_ms: Number,
    cost: Number,
) -> JsResult<Ts<LimitDecision>> {
    let d = rules::decide(
        &limit_arg(&limit)?,
        millis(&state, "state")?,
        millis(&now_ms, "nowMs")?,
        uint32(&cost, "cost")?,
    )?;
    Ok(to_js(&LimitDecision::from(d))?)
}

/// Replays a timeline against one subject from `state`, threading the state. Any invalid
/// request fails the whole call with `INVALID_INPUT`.
#[wasm_bindgen(js_name = decideSequence)]
pub fn decide_sequence(
    limit: Ts<LimitSpec>,
    state: Number,
    requests: Ts<LimitRequests>,
) -> JsResult<Ts<LimitSequence>> {
    let LimitRequests(requests) = from_js(&requests)?;
    let requests: Vec<rules::LimitRequest> =
        requests.into_iter().map(|LimitRequest { now_ms, cost }| rules::LimitRequest { now_ms, cost }).collect();
    let rules::LimitSequence { decisions, admitted, state } =
        rules::decide_sequence(&limit_arg(&limit)?, millis(&state, "state")?, &requests)?;
    let decisions = decisions.into_iter().map(Into::into).collect();
    Ok(to_js(&LimitSequence { decisions, admitted, state })?)
}

/// Decides many independent subjects under one limit in one call. Any invalid item fails the
/// whole call with `INVALID_INPUT`.
#[wasm_bindgen(js_name = decideBatch)]
pub fn decide_batch(limit: Ts<LimitSpec>, items: Ts<LimitBatchItems>) -> JsResult<Vec<Ts<LimitDecision>>> {
    let LimitBatchItems(items) = from_js(&items)?;
    let items: Vec<rules::LimitBatchItem> = items
        .into_iter()
        .map(|LimitBatchItem { state, now_ms, cost }| rules::LimitBatchItem { state, now_ms, cost })
        .collect();
    let decisions: Vec<LimitDecision> =
        rules::decide_batch(&limit_arg(&limit)?, &items)?.into_iter().map(Into::into).collect();
    Ok(list_to_js(&decisions)?)
}

/// `decide` for a policy action and the user's tier (looks the limit up first). An unknown
/// action is `INVALID_INPUT`.
#[wasm_bindgen(js_name = decideAction)]
pub fn decide_action(
    policy: &Policy,
    action: JsString,
    tier: Ts<SubscriptionTier>,
    state: Number,
    #[wasm_bindgen(js_name = nowMs)] now_ms: Number,
    cost: Number,
) -> JsResult<Ts<LimitDecision>> {
    let d = rules::decide_action(
        policy.core(),
        &text(&action, "action")?,
        from_js(&tier)?.into(),
        millis(&state, "state")?,
        millis(&now_ms, "nowMs")?,
        uint32(&cost, "cost")?,
    )?;
    Ok(to_js(&LimitDecision::from(d))?)
}

/// The effective limit of `action` for a user of `tier` (SPEC §6.2; the tier multiplies
/// `limit` and `burst` of tier-scaled actions such as `api`). Unknown action: `INVALID_INPUT`.
#[wasm_bindgen(js_name = actionLimit)]
pub fn action_limit(policy: &Policy, action: JsString, tier: Ts<SubscriptionTier>) -> JsResult<Ts<ActionLimit>> {
    let a = rules::action_limit(policy.core(), &text(&action, "action")?, from_js(&tier)?.into())?;
    Ok(to_js(&ActionLimit::from(a))?)
}

/// Every action of the policy with its effective limit for `tier`, sorted by name.
#[wasm_bindgen(js_name = listActions)]
pub fn list_actions(policy: &Policy, tier: Ts<SubscriptionTier>) -> JsResult<Vec<Ts<ActionLimit>>> {
    let all: Vec<ActionLimit> =
        rules::list_actions(policy.core(), from_js(&tier)?.into())?.into_iter().map(Into::into).collect();
    Ok(list_to_js(&all)?)
}

/// The failure policy of `action` (SPEC §6.3): `'closed'` for login, payout_request,
/// kyc_submit, payment; `'open'` for the rest. Unknown action: `INVALID_INPUT`.
#[wasm_bindgen(js_name = failurePolicy)]
pub fn failure_policy(policy: &Policy, action: JsString) -> JsResult<Ts<FailurePolicy>> {
    let f = rules::failure_policy(policy.core(), &text(&action, "action")?)?;
    Ok(to_js(&FailurePolicy::from(f))?)
}

/// Checks a subject key (SPEC §6.4): 1–128 UTF-8 bytes, no control characters; otherwise
/// throws `INVALID_INPUT`.
#[wasm_bindgen(js_name = validateSubject)]
pub fn validate_subject(key: JsString) -> JsResult<()> {
    Ok(rules::validate_subject(&text(&key, "key")?)?)
}

/// Hashes a client-supplied identifier into a safe subject key: lower-case hex SHA-256 of its
/// UTF-8 bytes.
#[wasm_bindgen(js_name = hashSubject)]
pub fn hash_subject(raw: JsString) -> JsResult<String> {
    Ok(rules::hash_subject(&text(&raw, "raw")?))
}

#[cfg(test)]
mod tests {
    use super::*;
    use avalo_core::pricing::SubscriptionTier as Tier;
    use avalo_core::Policy as CorePolicy;

    #[test]
    fn mirrors_have_the_core_wire_format() {
        let p = CorePolicy::default();
        for a in rules::list_actions(&p, Tier::Creator).unwrap() {
            assert_eq!(serde_json::to_value(ActionLimit::from(a.clone())).unwrap(), serde_json::to_value(&a).unwrap());
        }
        let lim = rules::RateLimit::new(rules::LimitSpec { limit: 7, window_ms: 60_000, burst: 3 }).unwrap();
        let reqs = [rules::LimitRequest { now_ms: 5, cost: 3 }, rules::LimitRequest { now_ms: 6, cost: 1 }];
        let seq = rules::decide_sequence(&lim, 0, &reqs).unwrap();
        let mirror = LimitSequence {
            decisions: seq.decisions.iter().copied().map(Into::into).collect(),
            admitted: seq.admitted,
            state: seq.state,
        };
        assert_eq!(serde_json::to_value(mirror).unwrap(), serde_json::to_value(&seq).unwrap());
        let spec: LimitSpec = serde_json::from_value(serde_json::to_value(lim.spec()).unwrap()).unwrap();
        assert_eq!(rules::LimitSpec::from(spec), lim.spec());
        let item: LimitBatchItem =
            serde_json::from_value(serde_json::json!({"state": 1, "now_ms": 2, "cost": 3})).unwrap();
        assert_eq!(item, LimitBatchItem { state: 1, now_ms: 2, cost: 3 });
        for f in [rules::FailurePolicy::Open, rules::FailurePolicy::Closed] {
            assert_eq!(serde_json::to_value(FailurePolicy::from(f)).unwrap(), serde_json::to_value(f).unwrap());
        }
    }
}

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

use crate::convert::{from_js, list_from_js, list_to_js, millis, text, to_js, uint32, JsResult};
use crate::Policy;
use avalo_core::pricing::SubscriptionTier;
use avalo_core::ratelimit as rules;
use avalo_core::ratelimit::{ActionLimit, FailurePolicy, LimitDecision, LimitSequence, LimitSpec, RateLimit};
use js_sys::{JsString, Number};
use tsify::Ts;
use wasm_bindgen::prelude::*;

fn limit_arg(limit: &Ts<LimitSpec>) -> avalo_core::Result<rules::RateLimit> {
    rules::RateLimit::new(from_js(limit)?)
}

/// Validates a limit and shows its units. Zero fields or a limit whose state would not fit
/// are `INVALID_INPUT`.
#[wasm_bindgen(js_name = rateLimit)]
pub fn rate_limit(limit: Ts<LimitSpec>) -> JsResult<Ts<RateLimit>> {
    Ok(to_js(&limit_arg(&limit)?)?)
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
    Ok(to_js(&d)?)
}

/// Replays a timeline against one subject from `state`, threading the state. Any invalid
/// request fails the whole call with `INVALID_INPUT`.
#[wasm_bindgen(js_name = decideSequence)]
pub fn decide_sequence(
    limit: Ts<LimitSpec>,
    state: Number,
    #[wasm_bindgen(unchecked_param_type = "LimitRequest[]")] requests: JsValue,
) -> JsResult<Ts<LimitSequence>> {
    let requests: Vec<rules::LimitRequest> = list_from_js(&requests, "requests")?;
    let sequence = rules::decide_sequence(&limit_arg(&limit)?, millis(&state, "state")?, &requests)?;
    Ok(to_js(&sequence)?)
}

/// Decides many independent subjects under one limit in one call. Any invalid item fails the
/// whole call with `INVALID_INPUT`.
#[wasm_bindgen(js_name = decideBatch)]
pub fn decide_batch(
    limit: Ts<LimitSpec>,
    #[wasm_bindgen(unchecked_param_type = "LimitBatchItem[]")] items: JsValue,
) -> JsResult<Vec<Ts<LimitDecision>>> {
    let items: Vec<rules::LimitBatchItem> = list_from_js(&items, "items")?;
    let decisions = rules::decide_batch(&limit_arg(&limit)?, &items)?;
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
        from_js(&tier)?,
        millis(&state, "state")?,
        millis(&now_ms, "nowMs")?,
        uint32(&cost, "cost")?,
    )?;
    Ok(to_js(&d)?)
}

/// The effective limit of `action` for a user of `tier` (SPEC §6.2; the tier multiplies
/// `limit` and `burst` of tier-scaled actions such as `api`). Unknown action: `INVALID_INPUT`.
#[wasm_bindgen(js_name = actionLimit)]
pub fn action_limit(policy: &Policy, action: JsString, tier: Ts<SubscriptionTier>) -> JsResult<Ts<ActionLimit>> {
    let a = rules::action_limit(policy.core(), &text(&action, "action")?, from_js(&tier)?)?;
    Ok(to_js(&a)?)
}

/// Every action of the policy with its effective limit for `tier`, sorted by name.
#[wasm_bindgen(js_name = listActions)]
pub fn list_actions(policy: &Policy, tier: Ts<SubscriptionTier>) -> JsResult<Vec<Ts<ActionLimit>>> {
    let all: Vec<ActionLimit> = rules::list_actions(policy.core(), from_js(&tier)?)?.into_iter().collect();
    Ok(list_to_js(&all)?)
}

/// The failure policy of `action` (SPEC §6.3): `'closed'` for login, payout_request,
/// kyc_submit, payment; `'open'` for the rest. Unknown action: `INVALID_INPUT`.
#[wasm_bindgen(js_name = failurePolicy)]
pub fn failure_policy(policy: &Policy, action: JsString) -> JsResult<Ts<FailurePolicy>> {
    let f = rules::failure_policy(policy.core(), &text(&action, "action")?)?;
    Ok(to_js(&f)?)
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

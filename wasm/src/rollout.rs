//! Facade of `core/src/rollout.rs`: country phases, daily caps, progression and the market
//! sequence (SPEC §7.2).

use crate::convert::{from_js, list_from_js, millis, to_js, JsResult};
use crate::Policy;
use avalo_core::rollout as rules;
use avalo_core::rollout::{CapDecision, CapOverrides, CapRequest, PhaseCaps, ProgressionReport, RolloutPhase};
use js_sys::Number;
use tsify::Ts;
use wasm_bindgen::prelude::*;

/// Checks one operation against its country's daily cap (SPEC §7.2): a counter from an
/// earlier UTC day counts as 0; allowed when `count < cap`, with the new counter to store;
/// otherwise `DAILY_LIMIT_REACHED`. A paused country is `COUNTRY_PAUSED`; a country with no
/// phase is not controlled (allowed).
#[wasm_bindgen(js_name = checkCountryCap)]
pub fn check_country_cap(policy: &Policy, request: Ts<CapRequest>) -> JsResult<Ts<CapDecision>> {
    let d = rules::check_country_cap(policy.core(), &from_js(&request)?)?;
    Ok(to_js(&d)?)
}

/// The daily caps of a phase after per-country overrides (an absent or `null` override keeps
/// the phase default; pass `{}` for none).
#[wasm_bindgen(js_name = effectiveCaps)]
pub fn effective_caps(
    policy: &Policy,
    phase: Ts<RolloutPhase>,
    overrides: Ts<CapOverrides>,
) -> JsResult<Ts<PhaseCaps>> {
    let overrides: rules::CapOverrides = from_js(&overrides)?;
    let caps = rules::effective_caps(policy.core(), from_js(&phase)?, &overrides);
    Ok(to_js(&caps)?)
}

/// `soft` → `public` progression over the 7 completed UTC days before `nowMs`: recommended
/// when every criterion holds on every day; lists each failed criterion and day. A malformed
/// or repeated date, or verified above installs, is `INVALID_INPUT`.
#[wasm_bindgen(js_name = progressionReadiness)]
pub fn progression_readiness(
    policy: &Policy,
    #[wasm_bindgen(unchecked_param_type = "DayMetrics[]")] days: JsValue,
    #[wasm_bindgen(js_name = nowMs)] now_ms: Number,
) -> JsResult<Ts<ProgressionReport>> {
    let days: Vec<rules::DayMetrics> = list_from_js(&days, "days")?;
    let days: Vec<rules::DayMetrics> = days.into_iter().collect();
    let r = rules::progression_readiness(policy.core(), &days, millis(&now_ms, "nowMs")?)?;
    Ok(to_js(&r)?)
}

/// The first market of the policy's sequence not yet launched, or `undefined` when all are.
/// A malformed code is `INVALID_INPUT`.
#[wasm_bindgen(js_name = nextMarket)]
pub fn next_market(
    policy: &Policy,
    #[wasm_bindgen(unchecked_param_type = "string[]")] launched: JsValue,
) -> JsResult<Option<String>> {
    let launched: Vec<String> = list_from_js(&launched, "launched")?;
    Ok(rules::next_market(policy.core(), &launched)?.map(|c| c.to_string()))
}

//! Facade of `core/src/flags.rs`: feature flags with deterministic SHA-256 rollout buckets
//! (SPEC §7.4). `evaluateFlags` evaluates every flag for one user in one call.

use crate::convert::{from_js, list_from_js, text, to_js, JsResult};
use crate::Policy;
use avalo_core::flags as rules;
use avalo_core::flags::{FlagContext, FlagDecision, FlagDefinition, FlagEvaluation, FlagSet};
use js_sys::JsString;
use tsify::Ts;
use wasm_bindgen::prelude::*;

/// The rollout bucket of a user for a flag, 0..10 000: the first 4 bytes of
/// SHA-256(`"{flag}:{userId}"`) as a big-endian u32, modulo 10 000. The same in every language.
#[wasm_bindgen(js_name = flagBucket)]
pub fn flag_bucket(flag: JsString, #[wasm_bindgen(js_name = userId)] user_id: JsString) -> JsResult<u32> {
    Ok(rules::flag_bucket(&text(&flag, "flag")?, &text(&user_id, "userId")?))
}

/// Evaluates one flag for one user (SPEC §7.4); the decision names the deciding rule.
/// `killedGroups` names the switched-off kill-switch groups (an unknown group, an empty user
/// id, `rollout_bp` above 10 000 or an empty time window is `INVALID_INPUT`).
#[wasm_bindgen(js_name = evaluateFlag)]
pub fn evaluate_flag(
    policy: &Policy,
    #[wasm_bindgen(js_name = killedGroups, unchecked_param_type = "string[]")] killed_groups: JsValue,
    flag: Ts<FlagDefinition>,
    context: Ts<FlagContext>,
) -> JsResult<Ts<FlagDecision>> {
    let killed: Vec<String> = list_from_js(&killed_groups, "killed_groups")?;
    let d = rules::evaluate_flag(policy.core(), &killed, &from_js(&flag)?, &from_js(&context)?)?;
    Ok(to_js(&d)?)
}

/// Evaluates every flag of a set for one user in one call (the batch form); a flag defined
/// twice is `INVALID_INPUT`.
#[wasm_bindgen(js_name = evaluateFlags)]
pub fn evaluate_flags(policy: &Policy, set: Ts<FlagSet>, context: Ts<FlagContext>) -> JsResult<Ts<FlagEvaluation>> {
    let e = rules::evaluate_flags(policy.core(), &from_js(&set)?, &from_js(&context)?)?;
    Ok(to_js(&e)?)
}

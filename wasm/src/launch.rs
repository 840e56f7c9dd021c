//! Facade of `core/src/launch.rs`: launch modes and signup eligibility (SPEC §7.1).
//!
//! The age gate comes first and cannot be switched off; the mode table (registration kind,
//! countries, daily cap) is policy data. Country codes are two-letter strings, upper-cased.

use crate::convert::{from_js, text, to_js, JsResult};
use crate::Policy;
use avalo_core::launch as rules;
use avalo_core::launch::{LaunchMode, ModeChange, ModeChangeRequest, ModeRule, SignupDecision, SignupRequest};
use js_sys::JsString;
use tsify::Ts;
use wasm_bindgen::prelude::*;

/// Checks one signup against the current launch mode (SPEC §7.1). Checks in order, first
/// failure wins: age 18+ on the current UTC date (`AGE_RESTRICTED`, never switchable), the
/// mode's registration kind (`LAUNCH_MODE_RESTRICTED`, `ALLOWLIST_REQUIRED`,
/// `NOT_ON_ALLOWLIST`, `INVITE_CODE_REQUIRED`, `INVALID_INVITE_CODE`, `INVITE_CODE_DEPLETED`),
/// country (`COUNTRY_NOT_ALLOWED`), daily cap (`DAILY_LIMIT_REACHED`). A malformed birth date or
/// country code is `INVALID_INPUT`. Returns the new daily counter to store.
#[wasm_bindgen(js_name = checkSignup)]
pub fn check_signup(policy: &Policy, request: Ts<SignupRequest>) -> JsResult<Ts<SignupDecision>> {
    let d = rules::check_signup(policy.core(), &from_js(&request)?)?;
    Ok(to_js(&d)?)
}

/// Validates a launch mode change: a different mode and a reason of at least 10 characters
/// after trimming; otherwise `INVALID_INPUT`.
#[wasm_bindgen(js_name = checkModeChange)]
pub fn check_mode_change(policy: &Policy, request: Ts<ModeChangeRequest>) -> JsResult<Ts<ModeChange>> {
    let c = rules::check_mode_change(policy.core(), &from_js(&request)?)?;
    Ok(to_js(&c)?)
}

/// The mode table row of a mode (registration kind, countries, daily cap), for dashboards.
#[wasm_bindgen(js_name = modeRules)]
pub fn mode_rules(policy: &Policy, mode: Ts<LaunchMode>) -> JsResult<Ts<ModeRule>> {
    let r = rules::mode_rules(policy.core(), from_js(&mode)?);
    Ok(to_js(&r)?)
}

/// Normalises a country code: trimmed, upper-cased, exactly two ASCII letters (`" pl "` →
/// `"PL"`); anything else is `INVALID_INPUT`.
#[wasm_bindgen(js_name = normalizeCountry)]
pub fn normalize_country(country: JsString) -> JsResult<String> {
    Ok(rules::normalize_country(&text(&country, "country")?)?.to_string())
}

//! Fraud shield (SPEC §8.2) and infrastructure throttle (SPEC §8.3).

use crate::convert::{from_js, to_js, JsResult};
use crate::Policy;
use avalo_core::risk as rules;
use avalo_core::risk::{FraudReport, FraudWindow, LoadMetrics, LoadReport};
use tsify::Ts;
use wasm_bindgen::prelude::*;

/// Runs the fraud shield over one 5-minute window (SPEC §8.2). A device listed twice is
/// `INVALID_INPUT`.
#[wasm_bindgen(js_name = fraudShield)]
pub fn fraud_shield(policy: &Policy, window: Ts<FraudWindow>) -> JsResult<Ts<FraudReport>> {
    let r = rules::fraud_shield(policy.core(), &from_js(&window)?)?;
    Ok(to_js(&r)?)
}

/// Checks the infrastructure throttle (SPEC §8.3): overloaded when any metric is over its
/// limit; names each one.
#[wasm_bindgen(js_name = checkLoad)]
pub fn check_load(policy: &Policy, metrics: Ts<LoadMetrics>) -> JsResult<Ts<LoadReport>> {
    let r = rules::check_load(policy.core(), &from_js(&metrics)?);
    Ok(to_js(&r)?)
}

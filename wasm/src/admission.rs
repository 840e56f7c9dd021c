//! Facade of `core/src/admission.rs`: signup and mode-change admission with daily caps, the
//! throttle queue and invites (SPEC §13).

use crate::convert::{from_js, millis, to_js, JsResult};
use crate::upload::millis_number;
use crate::Policy;
use avalo_core::admission as rules;
use avalo_core::admission::{Admission, AdmissionRequest};
use js_sys::Number;
use tsify::Ts;
use wasm_bindgen::prelude::*;

/// Decides one signup or mode change (SPEC §13): `admitted` with the counters to store,
/// `queued` (`ADMISSION_QUEUED`) or `refused` with the first failing check's code. A malformed
/// request (bad counters, dates or ids) throws `INVALID_INPUT`.
#[wasm_bindgen]
pub fn admit(policy: &Policy, request: Ts<AdmissionRequest>) -> JsResult<Ts<Admission>> {
    Ok(to_js(&rules::admit(policy.core(), &from_js(&request)?)?)?)
}

/// The first UTC midnight strictly after `nowMs` (when the daily caps reset; at exactly
/// midnight, the next one).
#[wasm_bindgen(js_name = nextUtcMidnight)]
pub fn next_utc_midnight(#[wasm_bindgen(js_name = nowMs)] now_ms: Number) -> JsResult<f64> {
    let t = rules::next_utc_midnight(millis(&now_ms, "nowMs")?)?;
    Ok(millis_number(t, "retryAtMs")?)
}

//! Facade of `core/src/error.rs`: error codes, user-facing messages, retry strategy and delay
//! (SPEC §11). How errors are thrown is in [`crate::fail`].

use crate::convert::{opt_uint, text, to_js, uint32, JsResult};
use crate::Policy;
use avalo_core::error::{self as rules, ErrorCode, ErrorInfo, RetryDecision};
use avalo_core::{Error, Result};
use js_sys::{JsString, Number};
use tsify::Ts;
use wasm_bindgen::prelude::*;

fn code_arg(code: &JsString) -> Result<ErrorCode> {
    let code = text(code, "code")?;
    ErrorCode::parse(&code).ok_or_else(|| Error::invalid(format!("unknown error code {code:?}")))
}

/// The message and retry strategy of a SPEC §11 code (exact, upper-case); an unknown code is
/// `INVALID_INPUT`. Typical use: `errorInfo(e.code).message` for the user.
#[wasm_bindgen(js_name = errorInfo)]
pub fn error_info(
    #[wasm_bindgen(unchecked_param_type = "ErrorCode | string")] code: JsString,
) -> JsResult<Ts<ErrorInfo>> {
    let c = code_arg(&code)?;
    Ok(to_js(&c.info())?)
}

/// Every SPEC §11 code, in SPEC order.
#[wasm_bindgen(js_name = errorCodes, unchecked_return_type = "ErrorCode[]")]
pub fn error_codes() -> Vec<String> {
    ErrorCode::ALL.iter().map(|c| c.as_str().to_string()).collect()
}

/// The delay before retrying attempt `attempt` (1 = the first attempt failed) of a request
/// that failed with `code`. `jitterPpm` is the caller's random value in [0, 1) in millionths
/// (0..=999 999); `retryAfterMs` is the limiter's hint, required for `RATE_LIMITED`.
#[wasm_bindgen(js_name = retryDelay)]
pub fn retry_delay(
    policy: &Policy,
    #[wasm_bindgen(unchecked_param_type = "ErrorCode | string")] code: JsString,
    attempt: Number,
    #[wasm_bindgen(js_name = jitterPpm)] jitter_ppm: Number,
    #[wasm_bindgen(js_name = retryAfterMs)] retry_after_ms: Option<Number>,
) -> JsResult<Ts<RetryDecision>> {
    let d = rules::retry_delay(
        &policy.core().retry,
        code_arg(&code)?,
        uint32(&attempt, "attempt")?,
        uint32(&jitter_ppm, "jitterPpm")?,
        opt_uint(retry_after_ms, "retryAfterMs")?,
    )?;
    Ok(to_js(&d)?)
}

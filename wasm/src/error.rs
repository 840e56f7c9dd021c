//! Facade of `core/src/error.rs`: error codes, user-facing messages, retry strategy and delay
//! (SPEC §11). How errors are thrown is in [`crate::fail`].

use crate::convert::{opt_uint, text, to_js, uint32, JsResult};
use crate::Policy;
use avalo_core::error::{self as rules, ErrorCode};
use avalo_core::{Error, Result};
use js_sys::{JsString, Number};
use serde::Serialize;
use tsify::{Ts, Tsify};
use wasm_bindgen::prelude::*;

/// How a client should react to an error code (SPEC §11).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Tsify)]
#[serde(rename_all = "snake_case")]
pub enum RetryStrategy {
    /// Retry after the rate limiter's `retry_after_ms`, never sooner than 1 000 ms.
    AfterLimiter,
    /// Full-jitter exponential backoff.
    ExponentialBackoff,
    /// Do not retry: the user must change something.
    NoRetry,
}

impl From<rules::RetryStrategy> for RetryStrategy {
    fn from(s: rules::RetryStrategy) -> Self {
        match s {
            rules::RetryStrategy::AfterLimiter => RetryStrategy::AfterLimiter,
            rules::RetryStrategy::ExponentialBackoff => RetryStrategy::ExponentialBackoff,
            rules::RetryStrategy::NoRetry => RetryStrategy::NoRetry,
        }
    }
}

/// What the core knows about one error code.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Tsify)]
pub struct ErrorInfo {
    /// The code.
    #[tsify(type = "ErrorCode")]
    pub code: String,
    /// The English user-facing message.
    pub message: String,
    /// How a client should react.
    pub retry_strategy: RetryStrategy,
}

/// The retry decision for one failed attempt.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Tsify)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum RetryDecision {
    /// Retry after `delay_ms` milliseconds.
    RetryAfter {
        /// Delay before the next attempt, ms.
        delay_ms: u64,
    },
    /// Stop retrying: the attempts are exhausted.
    GiveUp,
    /// Never retry this code.
    DoNotRetry,
}

impl From<rules::RetryDecision> for RetryDecision {
    fn from(d: rules::RetryDecision) -> Self {
        match d {
            rules::RetryDecision::RetryAfter { delay_ms } => RetryDecision::RetryAfter { delay_ms },
            rules::RetryDecision::GiveUp => RetryDecision::GiveUp,
            rules::RetryDecision::DoNotRetry => RetryDecision::DoNotRetry,
        }
    }
}

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
    let info = ErrorInfo {
        code: c.as_str().to_string(),
        message: c.message().to_string(),
        retry_strategy: c.retry_strategy().into(),
    };
    Ok(to_js(&info)?)
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
    Ok(to_js(&RetryDecision::from(d))?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mirrors_have_the_core_wire_format() {
        let decisions = [
            rules::RetryDecision::RetryAfter { delay_ms: 5 },
            rules::RetryDecision::GiveUp,
            rules::RetryDecision::DoNotRetry,
        ];
        for d in decisions {
            assert_eq!(serde_json::to_value(RetryDecision::from(d)).unwrap(), serde_json::to_value(d).unwrap());
        }
        for c in ErrorCode::ALL {
            let s = c.retry_strategy();
            assert_eq!(serde_json::to_value(RetryStrategy::from(s)).unwrap(), serde_json::to_value(s).unwrap());
        }
    }
}

//! Operation dispatch: one file per core module, each mapping operation names to typed calls.
//! `run` returns `None` for an unknown operation (the runner then fails the case).

use avalo_core::{Error, Policy};
use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::Value;

mod admission;
mod billing;
mod creator;
mod envelope;
mod flags;
mod foundation;
mod launch;
mod ledger;
mod media;
mod moderation;
mod operations;
mod ranking;
mod ratelimit;
mod risk;
mod rollout;
mod royal;
mod security;
mod spam;
mod upload;

/// The result of one operation: the output as JSON, or the core's error.
pub type OpResult = Result<Value, Error>;

/// Runs one operation, or `None` if no module knows its name.
pub fn run(policy: &Policy, op: &str, input: &Value) -> Option<OpResult> {
    foundation::run(policy, op, input)
        .or_else(|| billing::run(policy, op, input))
        .or_else(|| creator::run(policy, op, input))
        .or_else(|| spam::run(policy, op, input))
        .or_else(|| ranking::run(policy, op, input))
        .or_else(|| royal::run(policy, op, input))
        .or_else(|| ratelimit::run(policy, op, input))
        .or_else(|| launch::run(policy, op, input))
        .or_else(|| rollout::run(policy, op, input))
        .or_else(|| risk::run(policy, op, input))
        .or_else(|| flags::run(policy, op, input))
        .or_else(|| upload::run(policy, op, input))
        .or_else(|| media::run(policy, op, input))
        .or_else(|| moderation::run(policy, op, input))
        .or_else(|| security::run(policy, op, input))
        .or_else(|| envelope::run(policy, op, input))
        .or_else(|| admission::run(policy, op, input))
        .or_else(|| operations::run(policy, op, input))
        .or_else(|| ledger::run(policy, op, input))
}

/// Prefix of the reason of an error raised by the runner itself (a malformed vector), which
/// the runner reports as a failure whatever the case expected.
pub const BAD_VECTOR: &str = "bad vector input";

/// A required input field, decoded into a typed value.
pub fn arg<T: DeserializeOwned>(input: &Value, key: &str) -> Result<T, Error> {
    let v = input.get(key).ok_or_else(|| Error::invalid(format!("{BAD_VECTOR}: missing field {key}")))?;
    serde_json::from_value(v.clone()).map_err(|e| Error::invalid(format!("{BAD_VECTOR}: field {key}: {e}")))
}

/// An optional input field (absent or `null` is `None`).
pub fn opt<T: DeserializeOwned>(input: &Value, key: &str) -> Result<Option<T>, Error> {
    match input.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(v) => serde_json::from_value(v.clone())
            .map(Some)
            .map_err(|e| Error::invalid(format!("{BAD_VECTOR}: field {key}: {e}"))),
    }
}

/// Serialises an output.
pub fn out<T: Serialize>(value: T) -> OpResult {
    serde_json::to_value(value).map_err(|e| Error::invalid(format!("{BAD_VECTOR}: cannot serialise output: {e}")))
}

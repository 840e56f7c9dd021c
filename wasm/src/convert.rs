//! Conversions between JS values and core types, shared by every facade file.
//!
//! Primitive parameters are taken as JS values typed in TypeScript (`js_sys::Number` is
//! `number`, `JsString` is `string`, `Boolean` is `boolean`) and checked here, because
//! wasm-bindgen's own primitive parameters coerce silently: `null` becomes `0` or `false`,
//! `"7"` becomes `7`, `-1` passed to a `u32` becomes 4 294 967 295, and `u64` parameters turn
//! into `bigint`. Here a value of the wrong JS type, a number that is not whole, is negative
//! where the core is unsigned, or is above [`MAX_SAFE_INTEGER`] is `INVALID_INPUT`. Integers
//! inside records (core types with `u64` fields) are checked the same way by
//! `serde-wasm-bindgen`, and a result above [`MAX_SAFE_INTEGER`] is refused, never rounded.
//!
//! The numeric rules are plain Rust on `f64` (`*_from_f64`), unit-tested natively with
//! `cargo test -p avalo-wasm`; the JS-typed wrappers only read the value.

use crate::fail::Fail;
use avalo_core::{Decimal, Error, Result};
use js_sys::{Boolean, JsString, Number};
use serde::de::DeserializeOwned;
use serde::Serialize;
use tsify::{Ts, Tsify};

/// `Number.MAX_SAFE_INTEGER` (2^53 − 1): the largest integer a JS number holds exactly.
pub const MAX_SAFE_INTEGER: u64 = (1 << 53) - 1;

/// The result type of every exported function: the error becomes a thrown `AvaloError`.
pub type JsResult<T> = std::result::Result<T, Fail>;

fn js_number(value: &Number, name: &str) -> Result<f64> {
    value.as_f64().ok_or_else(|| Error::invalid(format!("{name} must be a number, got {}", type_of(value))))
}

fn type_of(value: &wasm_bindgen::JsValue) -> String {
    value.js_typeof().as_string().unwrap_or_default()
}

/// A `number` parameter as an unsigned integer (tokens, counts).
pub fn uint(value: &Number, name: &str) -> Result<u64> {
    u64_from_f64(js_number(value, name)?, name)
}

/// An optional [`uint`] (`undefined` / `null` is `None`).
pub fn opt_uint(value: Option<Number>, name: &str) -> Result<Option<u64>> {
    value.map(|v| uint(&v, name)).transpose()
}

/// A `number` parameter as a `u32` (basis points, attempts).
pub fn uint32(value: &Number, name: &str) -> Result<u32> {
    u32_from_f64(js_number(value, name)?, name)
}

/// A `number` parameter as milliseconds since the epoch.
pub fn millis(value: &Number, name: &str) -> Result<i64> {
    i64_from_f64(js_number(value, name)?, name)
}

/// A `boolean` parameter.
pub fn flag(value: &Boolean, name: &str) -> Result<bool> {
    value.as_bool().ok_or_else(|| Error::invalid(format!("{name} must be a boolean, got {}", type_of(value))))
}

/// A `string` parameter. A lone UTF-16 surrogate (`"\ud800"`) is `INVALID_INPUT`: converting
/// it to Rust would silently turn it into U+FFFD, so two different JS strings would reach the
/// core as one (a path signed as `"/\ud800"` would verify for `"/\udfff"`).
pub fn text(value: &JsString, name: &str) -> Result<String> {
    let text =
        value.as_string().ok_or_else(|| Error::invalid(format!("{name} must be a string, got {}", type_of(value))))?;
    if text.contains(char::REPLACEMENT_CHARACTER) && has_lone_surrogate(value) {
        return Err(lone_surrogate(name));
    }
    Ok(text)
}

/// The error for a string holding a lone surrogate.
fn lone_surrogate(name: &str) -> Error {
    Error::invalid(format!("{name} contains a lone UTF-16 surrogate (not valid Unicode text)"))
}

#[wasm_bindgen::prelude::wasm_bindgen(module = "/js/text.js")]
extern "C" {
    /// Whether a string, or any key or string value inside nested plain objects and arrays,
    /// holds a lone surrogate (wasm/js/text.js: `isWellFormed`, one call for a whole record).
    #[wasm_bindgen(js_name = hasLoneSurrogate)]
    fn has_lone_surrogate(value: &wasm_bindgen::JsValue) -> bool;
}

/// `INVALID_INPUT` when any string inside a record or list (keys included) holds a lone
/// surrogate; `serde-wasm-bindgen` would read it as U+FFFD. One call into JS that walks the
/// value (cheaper than the `JSON.stringify` and regular expression it replaces: issue 20); a
/// cycle is left to the decoder, which refuses it.
/// The name is built only on failure (a type name costs ~0.1 µs a call to shorten).
fn check_record_text(value: &wasm_bindgen::JsValue, name: impl FnOnce() -> String) -> Result<()> {
    if (value.is_string() || value.is_object()) && has_lone_surrogate(value) {
        return Err(lone_surrogate(&name()));
    }
    Ok(())
}

/// An optional [`text`] (`undefined` / `null` is `None`).
pub fn opt_text(value: Option<JsString>, name: &str) -> Result<Option<String>> {
    value.map(|v| text(&v, name)).transpose()
}

/// An optional decimal `string` parameter (`"4.0"`, `"0.185"`) such as an FX rate.
pub fn opt_decimal(value: Option<JsString>, name: &str) -> Result<Option<Decimal>> {
    decimal_from_str(opt_text(value, name)?, name)
}

fn whole(value: f64, name: &str) -> Result<f64> {
    if !value.is_finite() || value.fract() != 0.0 {
        return Err(Error::invalid(format!("{name} must be a whole number, got {value}")));
    }
    if value.abs() > MAX_SAFE_INTEGER as f64 {
        return Err(Error::invalid(format!("{name} {value} is above Number.MAX_SAFE_INTEGER ({MAX_SAFE_INTEGER})")));
    }
    Ok(value)
}

/// An `f64` as an unsigned integer: whole, ≥ 0, ≤ [`MAX_SAFE_INTEGER`].
pub fn u64_from_f64(value: f64, name: &str) -> Result<u64> {
    let v = whole(value, name)?;
    if v < 0.0 {
        return Err(Error::invalid(format!("{name} must not be negative, got {value}")));
    }
    // Whole and within 0..=2^53 − 1: the cast is exact.
    Ok(v as u64)
}

/// An `f64` as a `u32`: [`u64_from_f64`] and at most `u32::MAX`.
pub fn u32_from_f64(value: f64, name: &str) -> Result<u32> {
    let v = u64_from_f64(value, name)?;
    u32::try_from(v).map_err(|_| Error::invalid(format!("{name} must be at most {}, got {v}", u32::MAX)))
}

/// An `f64` as milliseconds since the epoch (`i64`): whole, |value| ≤ [`MAX_SAFE_INTEGER`].
pub fn i64_from_f64(value: f64, name: &str) -> Result<i64> {
    // Whole and within ±(2^53 − 1): the cast is exact.
    whole(value, name).map(|v| v as i64)
}

/// A core integer as a JS number; above [`MAX_SAFE_INTEGER`] is `INVALID_INPUT`.
pub fn number(value: u64, name: &str) -> Result<f64> {
    if value > MAX_SAFE_INTEGER {
        return Err(Error::invalid(format!(
            "{name} {value} is above Number.MAX_SAFE_INTEGER and cannot be returned exactly"
        )));
    }
    Ok(value as f64)
}

/// An optional decimal string parsed as the core parses decimals; malformed is `INVALID_INPUT`.
pub fn decimal_from_str(text: Option<String>, name: &str) -> Result<Option<Decimal>> {
    text.map(|s| s.parse::<Decimal>().map_err(|e| Error::invalid(format!("{name} {s:?}: {e}")))).transpose()
}

/// Decodes a record passed from JS into its core type; a wrong shape is `INVALID_INPUT`.
pub fn from_js<T>(value: &Ts<T>) -> Result<T>
where
    T: Tsify + DeserializeOwned,
    <T as Tsify>::JsType: Clone,
{
    check_record_text(&value.js_value(), || short_type_name::<T>().to_string())?;
    value.to_rust().map_err(|e| {
        let why = inner_message(&e);
        let hint = if why.contains("expected u") || why.contains("expected i") {
            " (integers must be whole, in range and at most Number.MAX_SAFE_INTEGER)"
        } else {
            ""
        };
        Error::invalid(format!("{}: {why}{hint}", short_type_name::<T>()))
    })
}

/// Decodes a JS array of records (`Candidate[]`) passed as a plain value; not an array, or
/// a wrong element, is `INVALID_INPUT`.
pub fn list_from_js<T: DeserializeOwned>(value: &wasm_bindgen::JsValue, name: &str) -> Result<Vec<T>> {
    if !js_sys::Array::is_array(value) {
        return Err(Error::invalid(format!("{name} must be an array, got {}", type_of(value))));
    }
    check_record_text(value, || name.to_string())?;
    tsify::serde_wasm_bindgen::from_value(value.clone()).map_err(|e| {
        let why = e.to_string();
        let why = why.strip_prefix("Error: ").unwrap_or(&why);
        Error::invalid(format!("{name}: {why}"))
    })
}

/// Encodes a list of core values as a JS array (`Ts<Vec<T>>` is not supported by tsify).
pub fn vec_to_js<T: Serialize>(values: &[T], name: &str) -> Result<wasm_bindgen::JsValue> {
    values.serialize(&tsify::serde_wasm_bindgen::Serializer::new()).map_err(|e| {
        Error::invalid(format!("{name}: {e} (a result above Number.MAX_SAFE_INTEGER is refused, not rounded)"))
    })
}

/// Encodes a core value for JS; a number above [`MAX_SAFE_INTEGER`] is `INVALID_INPUT`.
pub fn to_js<T: Tsify + Serialize>(value: &T) -> Result<Ts<T>> {
    Ts::from_rust(value).map_err(|e| {
        Error::invalid(format!(
            "{}: {} (a result above Number.MAX_SAFE_INTEGER is refused, not rounded)",
            short_type_name::<T>(),
            inner_message(&e)
        ))
    })
}

/// The serde message inside a tsify error, without tsify's Rust type path or the `Error: `
/// prefix of a JS error's text. (Unknown record fields are ignored, as serde-wasm-bindgen reads
/// only the fields it knows.)
fn inner_message(e: &tsify::Error) -> String {
    use std::error::Error as _;
    let text = e.source().map_or_else(|| e.to_string(), |inner| inner.to_string());
    text.strip_prefix("Error: ").map(str::to_string).unwrap_or(text)
}

/// `WithdrawalRequest` for `avalo_wasm::payout::WithdrawalRequest`: the TypeScript name.
fn short_type_name<T>() -> &'static str {
    let full = std::any::type_name::<T>();
    full.rsplit("::").next().unwrap_or(full)
}

/// Encodes a list of core values for JS (`Ts<Vec<T>>` is not supported by tsify).
pub fn list_to_js<T: Tsify + Serialize>(values: &[T]) -> Result<Vec<Ts<T>>> {
    values.iter().map(to_js).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use avalo_core::ErrorCode;

    fn refused<T: std::fmt::Debug>(r: Result<T>) -> String {
        let e = r.expect_err("must be refused");
        assert_eq!(e.code, ErrorCode::InvalidInput);
        e.reason
    }

    #[test]
    fn max_safe_integer_is_accepted_and_the_next_one_refused() {
        assert_eq!(u64_from_f64(9_007_199_254_740_991.0, "amount").unwrap(), MAX_SAFE_INTEGER);
        let why = refused(u64_from_f64(9_007_199_254_740_992.0, "amount"));
        assert!(why.contains("MAX_SAFE_INTEGER"), "{why}");
        refused(u64_from_f64(1e300, "amount"));
        assert_eq!(number(MAX_SAFE_INTEGER, "x").unwrap(), 9_007_199_254_740_991.0);
        refused(number(MAX_SAFE_INTEGER + 1, "x"));
        refused(number(u64::MAX, "x"));
    }

    #[test]
    fn non_integers_are_refused() {
        for bad in [f64::NAN, f64::INFINITY, f64::NEG_INFINITY, 1.5, -1.0, -0.5] {
            refused(u64_from_f64(bad, "amount"));
        }
        assert_eq!(u64_from_f64(-0.0, "amount").unwrap(), 0);
    }

    #[test]
    fn u32_and_millis_ranges() {
        assert_eq!(u32_from_f64(4_294_967_295.0, "bp").unwrap(), u32::MAX);
        refused(u32_from_f64(4_294_967_296.0, "bp"));
        refused(u32_from_f64(-1.0, "bp"));
        assert_eq!(i64_from_f64(-86_400_000.0, "t").unwrap(), -86_400_000);
        assert_eq!(i64_from_f64(-9_007_199_254_740_991.0, "t").unwrap(), -(MAX_SAFE_INTEGER as i64));
        refused(i64_from_f64(9_007_199_254_740_992.0, "t"));
        refused(i64_from_f64(0.25, "t"));
    }

    #[test]
    fn decimals() {
        assert_eq!(decimal_from_str(None, "fx").unwrap(), None);
        assert_eq!(decimal_from_str(Some("0.185".into()), "fx").unwrap(), Some(Decimal::new(185, 3)));
        refused(decimal_from_str(Some("abc".into()), "fx"));
        refused(decimal_from_str(Some("".into()), "fx"));
    }
}

//! The columnar deck from JS typed arrays: one copy per column, no per-candidate objects, so
//! 100 000 candidates cross the boundary in a few milliseconds.

use crate::convert::{from_js, i64_from_f64, millis, to_js, JsResult, MAX_SAFE_INTEGER};
use crate::Policy;
use avalo_core::ranking as rules;
use avalo_core::ranking::{PageRequest, RankedPage, Viewer};
use avalo_core::{Error, Result};
use js_sys::{Float64Array, JsString, Number, Reflect, Uint32Array, Uint8Array};
use tsify::Ts;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// TypeScript declaration of the columnar deck.
#[wasm_bindgen(typescript_custom_section)]
const TS_COLUMNS: &str = r#"
/**
 * A deck as columns: entry `i` of every array describes candidate `i`; all arrays have the
 * same length and `user_ids` holds that many ids joined with "\n".
 * `flags` bits: 1 active, 2 verified, 4 Royal, 8 video intro, 16 bio, 32 location set,
 * 64 last-active set. Gender codes: 0 none, 1 female, 2 male, 3 non-binary. Birth dates are
 * yyyymmdd numbers (0 = none). Times are ms since the epoch (whole numbers); a boost is active
 * while now < boost_until_ms (0 = none). Every entry is validated, used or not.
 */
export interface CandidateColumns {
    /** The ids joined with "\n", as a string or (faster for large decks) its UTF-8 bytes,
     *  e.g. `new TextEncoder().encode(ids.join("\n"))`. */
    user_ids: string | Uint8Array;
    flags: Uint8Array;
    photos: Uint32Array;
    interests: Uint32Array;
    loyalty_levels: Uint32Array;
    reports: Uint32Array;
    genders: Uint8Array;
    birth_dates: Uint32Array;
    latitudes: Float64Array;
    longitudes: Float64Array;
    response_rates: Float64Array;
    last_active_ms: Float64Array;
    boost_until_ms: Float64Array;
}
"#;

#[wasm_bindgen]
extern "C" {
    /// The columnar deck (see the `CandidateColumns` interface).
    #[wasm_bindgen(typescript_type = "CandidateColumns")]
    pub type CandidateColumns;
}

fn field<T: JsCast>(obj: &JsValue, name: &str, kind: &str) -> Result<T> {
    Reflect::get(obj, &JsValue::from_str(name))
        .ok()
        .and_then(|v| v.dyn_into::<T>().ok())
        .ok_or_else(|| Error::invalid(format!("columns.{name} must be a {kind}")))
}

fn bytes(obj: &JsValue, name: &str) -> Result<Vec<u8>> {
    Ok(field::<Uint8Array>(obj, name, "Uint8Array")?.to_vec())
}

fn u32s(obj: &JsValue, name: &str) -> Result<Vec<u32>> {
    Ok(field::<Uint32Array>(obj, name, "Uint32Array")?.to_vec())
}

fn f64s(obj: &JsValue, name: &str) -> Result<Vec<f64>> {
    Ok(field::<Float64Array>(obj, name, "Float64Array")?.to_vec())
}

/// Millisecond times from a `Float64Array`: each must be a whole number within ±(2^53 − 1)
/// (`convert::i64_from_f64`). The round-trip test below is the same check, cheap enough for
/// 100 000 entries; the first entry failing it gets `i64_from_f64`'s error.
fn times(obj: &JsValue, name: &str) -> Result<Vec<i64>> {
    let raw = f64s(obj, name)?;
    let limit = MAX_SAFE_INTEGER as f64;
    let exact = |t: f64| (t as i64) as f64 == t && t.abs() <= limit;
    if let Some(&bad) = raw.iter().find(|&&t| !exact(t)) {
        i64_from_f64(bad, name)?;
    }
    Ok(raw.into_iter().map(|t| t as i64).collect())
}

/// The joined ids: a string, or its UTF-8 bytes (one memory copy instead of wasm-bindgen's
/// character-by-character string transfer).
fn user_ids(obj: &JsValue) -> Result<String> {
    let value = Reflect::get(obj, &JsValue::from_str("user_ids")).unwrap_or(JsValue::UNDEFINED);
    if let Some(text) = value.dyn_ref::<JsString>() {
        return crate::convert::text(text, "columns.user_ids");
    }
    let bytes = value
        .dyn_into::<Uint8Array>()
        .map_err(|_| Error::invalid("columns.user_ids must be a string or a Uint8Array of UTF-8"))?
        .to_vec();
    String::from_utf8(bytes).map_err(|e| Error::invalid(format!("columns.user_ids is not UTF-8: {e}")))
}

/// Reads the typed arrays into the core's columnar form (copies only).
pub fn columns_from_js(obj: &JsValue) -> Result<rules::CandidateColumns> {
    Ok(rules::CandidateColumns {
        user_ids: user_ids(obj)?,
        flags: bytes(obj, "flags")?,
        photos: u32s(obj, "photos")?,
        interests: u32s(obj, "interests")?,
        loyalty_levels: u32s(obj, "loyalty_levels")?,
        reports: u32s(obj, "reports")?,
        genders: bytes(obj, "genders")?,
        birth_dates: u32s(obj, "birth_dates")?,
        latitudes: f64s(obj, "latitudes")?,
        longitudes: f64s(obj, "longitudes")?,
        response_rates: f64s(obj, "response_rates")?,
        last_active_ms: times(obj, "last_active_ms")?,
        boost_until_ms: times(obj, "boost_until_ms")?,
    })
}

/// `rankCandidates` over a columnar deck of typed arrays: the same filters, order and page,
/// at a fraction of the conversion cost. Extra `INVALID_INPUT`: a column that is missing or
/// not the typed array named in `CandidateColumns`, columns of different lengths, a wrong id
/// count, an invalid yyyymmdd date, a gender code above 3, unknown flag bits, a time that is
/// not a whole number.
#[wasm_bindgen(js_name = rankCandidateColumns)]
pub fn rank_candidate_columns(
    policy: &Policy,
    viewer: Ts<Viewer>,
    columns: &CandidateColumns,
    #[wasm_bindgen(js_name = nowMs)] now_ms: Number,
    page: Option<Ts<PageRequest>>,
) -> JsResult<Ts<RankedPage>> {
    let viewer: rules::Viewer = from_js(&viewer)?;
    let columns = columns_from_js(columns)?;
    let page: rules::PageRequest = page.map(|p| from_js(&p)).transpose()?.unwrap_or_default();
    let ranked = rules::rank_candidate_columns(policy.core(), &viewer, &columns, millis(&now_ms, "nowMs")?, &page)?;
    Ok(to_js(&ranked)?)
}

#[cfg(test)]
mod tests {
    use crate::convert::{i64_from_f64, MAX_SAFE_INTEGER};

    #[test]
    fn the_fast_time_check_agrees_with_convert() {
        let limit = MAX_SAFE_INTEGER as f64;
        let exact = |t: f64| (t as i64) as f64 == t && t.abs() <= limit;
        for t in [
            0.0,
            -0.0,
            1.5,
            -1.0,
            1.795e12,
            limit,
            limit + 1.0,
            -limit,
            -limit - 1.0,
            1e300,
            f64::NAN,
            f64::INFINITY,
            f64::NEG_INFINITY,
            0.1,
        ] {
            assert_eq!(exact(t), i64_from_f64(t, "t").is_ok(), "{t}");
        }
    }
}

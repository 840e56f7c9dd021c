//! The fast path of `rankCandidates`: the candidate objects packed into the columnar deck by
//! `wasm/js/pack.js` (one pass of plain property reads in JS), then ranked by the core's
//! columnar engine. Per-field `Reflect` calls of serde-wasm-bindgen cost ~3 µs a candidate;
//! the packer costs ~0.1 µs. No rule lives in the packer: it copies values, and declines
//! (returns `undefined`) whenever a value is not represented exactly by the columns, so the
//! caller falls back to decoding the records one by one with every refusal unchanged.

use super::columns::columns_from_js;
use avalo_core::ranking as rules;
use wasm_bindgen::prelude::*;

#[wasm_bindgen(module = "/js/pack.js")]
extern "C" {
    /// The columnar deck of `candidates`, or `undefined` (see wasm/js/pack.js).
    #[wasm_bindgen(js_name = packCandidates)]
    fn pack_candidates(candidates: &JsValue) -> JsValue;
}

/// The deck as columns when the packer represents every value exactly; `None` sends the
/// caller to the record path.
pub fn packed_deck(candidates: &JsValue) -> Option<rules::CandidateColumns> {
    let packed = pack_candidates(candidates);
    if packed.is_undefined() {
        return None;
    }
    columns_from_js(&packed).ok()
}

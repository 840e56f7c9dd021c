//! Helpers of the native unit tests that check each facade's mirror types against the core's
//! wire format with the conformance vectors (`tests/vectors/*.json`).

use serde::Serialize;
use serde_json::Value;

/// The `input` of every case of one operation in a vector file's text; panics (failing the
/// test) when the file has none, so a renamed operation cannot make a test check nothing.
pub(crate) fn vector_inputs(file_text: &str, op: &str) -> Vec<Value> {
    let file: Value = serde_json::from_str(file_text).unwrap();
    let found: Vec<Value> =
        file["cases"].as_array().unwrap().iter().filter(|c| c["op"] == op).map(|c| c["input"].clone()).collect();
    assert!(!found.is_empty(), "no vector case for {op}");
    found
}

/// The mirror serialises exactly like the core value.
pub(crate) fn same<M: Serialize, C: Serialize>(mirror: M, core: C) {
    assert_eq!(serde_json::to_value(mirror).unwrap(), serde_json::to_value(core).unwrap());
}

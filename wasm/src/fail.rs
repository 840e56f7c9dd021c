//! Error mapping: a core [`avalo_core::Error`] is thrown in JS as an `Error` whose `name` is
//! `"AvaloError"`, with the stable SPEC §11 `code` and the developer-readable `reason`
//! (`message` is `"CODE: reason"`). User-facing text comes from `errorInfo(e.code).message`.

use avalo_core::Error;
use wasm_bindgen::prelude::*;

/// A core error on its way to JS. Exported functions return `Result<_, Fail>`
/// ([`crate::convert::JsResult`]); wasm-bindgen throws the `Err` as an `AvaloError`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fail(pub Error);

impl From<Error> for Fail {
    fn from(e: Error) -> Self {
        Fail(e)
    }
}

impl From<Fail> for JsValue {
    fn from(Fail(e): Fail) -> JsValue {
        let err = js_sys::Error::new(&format!("{}: {}", e.code.as_str(), e.reason));
        err.set_name("AvaloError");
        // Setting a property on a fresh, ordinary Error object cannot fail.
        let _ = js_sys::Reflect::set(&err, &JsValue::from_str("code"), &JsValue::from_str(e.code.as_str()));
        let _ = js_sys::Reflect::set(&err, &JsValue::from_str("reason"), &JsValue::from_str(&e.reason));
        err.into()
    }
}

/// The TypeScript declaration of the thrown error (`AvaloError`), emitted into the `.d.ts`.
/// `ErrorCode` itself is the core's enum (`avalo_core::ErrorCode`, derived by tsify).
pub const TS_ERRORS: &str = r#"
/**
 * What every function of this package throws: a plain JS `Error` with `name` "AvaloError",
 * the SPEC §11 `code` and a developer-readable `reason` (`message` is "CODE: reason").
 */
export interface AvaloError extends Error {
    name: "AvaloError";
    /** The stable SPEC §11 code: branch on this, never on the text. */
    code: ErrorCode;
    /** What exactly was wrong, for developers and logs (not for end users). */
    reason: string;
}
"#;

#[wasm_bindgen(typescript_custom_section)]
const TS_ERRORS_SECTION: &str = TS_ERRORS;

/// `true` when `value` is an error thrown by this package (an `Error` named `"AvaloError"`
/// with a string `code`). In TypeScript it narrows `value` to `AvaloError`.
#[wasm_bindgen(js_name = isAvaloError, unchecked_return_type = "value is AvaloError")]
pub fn is_avalo_error(#[wasm_bindgen(unchecked_param_type = "unknown")] value: &JsValue) -> bool {
    let Some(err) = value.dyn_ref::<js_sys::Error>() else {
        return false;
    };
    let code = js_sys::Reflect::get(err, &JsValue::from_str("code")).unwrap_or(JsValue::UNDEFINED);
    err.name() == "AvaloError" && code.is_string()
}

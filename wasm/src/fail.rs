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

/// The TypeScript declarations of the error convention (`ErrorCode`, `AvaloError`), emitted
/// into the `.d.ts`. `ErrorCode` lists SPEC §11 in order; a unit test keeps it equal to
/// `avalo_core::ErrorCode::ALL`.
pub const TS_ERRORS: &str = r#"
/** A stable error code of SPEC §11, identical in every language. */
export type ErrorCode =
    | "RATE_LIMITED" | "LAUNCH_MODE_RESTRICTED" | "COUNTRY_NOT_ALLOWED" | "INVITE_CODE_REQUIRED"
    | "INVALID_INVITE_CODE" | "INVITE_CODE_DEPLETED" | "ALLOWLIST_REQUIRED" | "NOT_ON_ALLOWLIST"
    | "DAILY_LIMIT_REACHED" | "FILE_TOO_LARGE" | "FILE_EMPTY" | "MIME_TYPE_NOT_ALLOWED"
    | "PURPOSE_KIND_MISMATCH" | "INVALID_FILENAME" | "DANGEROUS_FILE_EXTENSION"
    | "EXTENSION_MIME_MISMATCH" | "CONTENT_TYPE_MISMATCH" | "INSUFFICIENT_TOKENS"
    | "AMOUNT_OUT_OF_RANGE" | "KYC_REQUIRED" | "SELF_PAYMENT" | "ALREADY_REFERRED"
    | "SPAM_TOO_SHORT" | "SPAM_REPEATED" | "SPAM_GENERIC" | "SPAM_EMOJI_ONLY" | "SPAM_TOO_FAST"
    | "SIGNATURE_INVALID" | "SIGNATURE_EXPIRED" | "ORIGIN_NOT_ALLOWED" | "SESSION_STALE"
    | "AGE_RESTRICTED" | "LIKE_LIMIT_REACHED" | "COUNTRY_PAUSED" | "MEDIA_LOCKED" | "MEDIA_PRIVATE"
    | "MEDIA_EXPIRED" | "MEDIA_UNDER_REVIEW" | "MEDIA_REMOVED" | "STORY_LIMIT_REACHED"
    | "SYSTEM_MAINTENANCE" | "SERVICE_DEGRADED" | "INVALID_INPUT";

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

#[cfg(test)]
mod tests {
    use super::TS_ERRORS;
    use avalo_core::ErrorCode;

    #[test]
    fn typescript_error_codes_match_the_core() {
        let start = TS_ERRORS.find("export type ErrorCode =").unwrap();
        let end = start + TS_ERRORS[start..].find(';').unwrap();
        let listed: Vec<&str> = TS_ERRORS[start..end].split('"').skip(1).step_by(2).collect();
        let core: Vec<&str> = ErrorCode::ALL.iter().map(|c| c.as_str()).collect();
        assert_eq!(listed, core);
    }
}

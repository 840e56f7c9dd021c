//! Facade of `core/src/security/`: request signing v1, signed media URLs, origins and session
//! freshness (SPEC §10). Secrets and bodies are `Uint8Array`s.

use crate::convert::{from_js, millis, opt_text, opt_uint, text, to_js, JsResult};
use crate::upload::{bytes, millis_number};
use crate::Policy;
use avalo_core::security as rules;
use avalo_core::security::{
    OriginMatch, OriginProfile, SessionAge, SignatureCheck, SignedRequest, UrlGrant, UrlPurpose, VerifiedRequest,
};
use js_sys::{JsString, Number};
use tsify::Ts;
use wasm_bindgen::prelude::*;

/// The version-1 canonical string: `v1\n{timestamp}\n{METHOD}\n{pathAndQuery}\n{hex sha256(body)}`.
#[wasm_bindgen(js_name = canonicalRequest)]
pub fn canonical_request(
    timestamp: JsString,
    method: JsString,
    #[wasm_bindgen(js_name = pathAndQuery)] path_and_query: JsString,
    #[wasm_bindgen(unchecked_param_type = "Uint8Array")] body: JsValue,
) -> JsResult<String> {
    Ok(rules::canonical_request(
        &text(&timestamp, "timestamp")?,
        &text(&method, "method")?,
        &text(&path_and_query, "pathAndQuery")?,
        &bytes(&body, "body")?,
    ))
}

/// Signs a request (SPEC §10.1). An empty secret or a negative timestamp is `INVALID_INPUT`.
#[wasm_bindgen(js_name = signRequest)]
pub fn sign_request(
    #[wasm_bindgen(unchecked_param_type = "Uint8Array")] secret: JsValue,
    #[wasm_bindgen(js_name = timestampMs)] timestamp_ms: Number,
    method: JsString,
    #[wasm_bindgen(js_name = pathAndQuery)] path_and_query: JsString,
    #[wasm_bindgen(unchecked_param_type = "Uint8Array")] body: JsValue,
) -> JsResult<Ts<SignedRequest>> {
    let s = rules::sign_request(
        &bytes(&secret, "secret")?,
        millis(&timestamp_ms, "timestampMs")?,
        &text(&method, "method")?,
        &text(&path_and_query, "pathAndQuery")?,
        &bytes(&body, "body")?,
    )?;
    Ok(to_js(&s)?)
}

struct Args {
    secret: Vec<u8>,
    timestamp: Option<String>,
    signature: Option<String>,
    method: String,
    path: String,
    body: Vec<u8>,
    now: i64,
}

#[allow(clippy::too_many_arguments)]
fn args(
    secret: &JsValue,
    timestamp: Option<JsString>,
    signature: Option<JsString>,
    method: &JsString,
    path: &JsString,
    body: &JsValue,
    now: &Number,
) -> avalo_core::Result<Args> {
    Ok(Args {
        secret: bytes(secret, "secret")?,
        timestamp: opt_text(timestamp, "timestamp")?,
        signature: opt_text(signature, "signature")?,
        method: text(method, "method")?,
        path: text(path, "pathAndQuery")?,
        body: bytes(body, "body")?,
        now: millis(now, "nowMs")?,
    })
}

/// Verifies a signed request; throws `SIGNATURE_EXPIRED` (outside ±300 000 ms) or
/// `SIGNATURE_INVALID` (missing, malformed, mismatch). `timestamp`/`signature` are the received
/// header values (`undefined` when absent).
#[wasm_bindgen(js_name = verifyRequest)]
#[allow(clippy::too_many_arguments)]
pub fn verify_request(
    policy: &Policy,
    #[wasm_bindgen(unchecked_param_type = "Uint8Array")] secret: JsValue,
    timestamp: Option<JsString>,
    signature: Option<JsString>,
    method: JsString,
    #[wasm_bindgen(js_name = pathAndQuery)] path_and_query: JsString,
    #[wasm_bindgen(unchecked_param_type = "Uint8Array")] body: JsValue,
    #[wasm_bindgen(js_name = nowMs)] now_ms: Number,
) -> JsResult<Ts<VerifiedRequest>> {
    let a = args(&secret, timestamp, signature, &method, &path_and_query, &body, &now_ms)?;
    let v = rules::verify_request(
        policy.core(),
        &a.secret,
        a.timestamp.as_deref(),
        a.signature.as_deref(),
        &a.method,
        &a.path,
        &a.body,
        a.now,
    )?;
    Ok(to_js(&v)?)
}

/// Like [`verify_request`], but returns the outcome with the exact failure instead of throwing.
#[wasm_bindgen(js_name = checkRequestSignature)]
#[allow(clippy::too_many_arguments)]
pub fn check_request_signature(
    policy: &Policy,
    #[wasm_bindgen(unchecked_param_type = "Uint8Array")] secret: JsValue,
    timestamp: Option<JsString>,
    signature: Option<JsString>,
    method: JsString,
    #[wasm_bindgen(js_name = pathAndQuery)] path_and_query: JsString,
    #[wasm_bindgen(unchecked_param_type = "Uint8Array")] body: JsValue,
    #[wasm_bindgen(js_name = nowMs)] now_ms: Number,
) -> JsResult<Ts<SignatureCheck>> {
    let a = args(&secret, timestamp, signature, &method, &path_and_query, &body, &now_ms)?;
    let c = rules::check_request_signature(
        policy.core(),
        &a.secret,
        a.timestamp.as_deref(),
        a.signature.as_deref(),
        &a.method,
        &a.path,
        &a.body,
        a.now,
    );
    let out = match c {
        rules::SignatureCheck::Ok(v) => SignatureCheck::Ok(v),
        rules::SignatureCheck::Error(e) => SignatureCheck::Error(e),
    };
    Ok(to_js(&out)?)
}

/// The canonical string of a signed URL: `v1-url\n{METHOD}\n{path}\n{exp}\n{ct}\n{max}`.
#[wasm_bindgen(js_name = canonicalUrl)]
pub fn canonical_url(
    method: JsString,
    path: JsString,
    #[wasm_bindgen(js_name = expiresAtMs)] expires_at_ms: Number,
    #[wasm_bindgen(js_name = contentType)] content_type: Option<JsString>,
    #[wasm_bindgen(js_name = maxBytes)] max_bytes: Option<Number>,
) -> JsResult<String> {
    Ok(rules::canonical_url(
        &text(&method, "method")?,
        &text(&path, "path")?,
        millis(&expires_at_ms, "expiresAtMs")?,
        opt_text(content_type, "contentType")?.as_deref(),
        opt_uint(max_bytes, "maxBytes")?,
    ))
}

/// Signs a media URL: `path?exp=…[&ct=…][&max=…]&sig=…` (SPEC §10.2).
#[wasm_bindgen(js_name = signUrl)]
pub fn sign_url(
    #[wasm_bindgen(unchecked_param_type = "Uint8Array")] secret: JsValue,
    method: JsString,
    path: JsString,
    #[wasm_bindgen(js_name = expiresAtMs)] expires_at_ms: Number,
    #[wasm_bindgen(js_name = contentType)] content_type: Option<JsString>,
    #[wasm_bindgen(js_name = maxBytes)] max_bytes: Option<Number>,
) -> JsResult<String> {
    Ok(rules::sign_url(
        &bytes(&secret, "secret")?,
        &text(&method, "method")?,
        &text(&path, "path")?,
        millis(&expires_at_ms, "expiresAtMs")?,
        opt_text(content_type, "contentType")?.as_deref(),
        opt_uint(max_bytes, "maxBytes")?,
    )?)
}

/// Verifies a signed URL used with `method` at `nowMs`: signature, expiry, then the bound
/// content type and size (`SIGNATURE_INVALID`, `SIGNATURE_EXPIRED`, `FILE_TOO_LARGE`).
#[wasm_bindgen(js_name = verifyUrl)]
pub fn verify_url(
    #[wasm_bindgen(unchecked_param_type = "Uint8Array")] secret: JsValue,
    method: JsString,
    url: JsString,
    #[wasm_bindgen(js_name = nowMs)] now_ms: Number,
    #[wasm_bindgen(js_name = contentType)] content_type: Option<JsString>,
    #[wasm_bindgen(js_name = sizeBytes)] size_bytes: Option<Number>,
) -> JsResult<Ts<UrlGrant>> {
    let g = rules::verify_url(
        &bytes(&secret, "secret")?,
        &text(&method, "method")?,
        &text(&url, "url")?,
        millis(&now_ms, "nowMs")?,
        opt_text(content_type, "contentType")?.as_deref(),
        opt_uint(size_bytes, "sizeBytes")?,
    )?;
    Ok(to_js(&g)?)
}

/// The default expiry of a URL signed at `nowMs` (upload 15 min, download 60 min).
#[wasm_bindgen(js_name = urlExpiry)]
pub fn url_expiry(
    policy: &Policy,
    purpose: Ts<UrlPurpose>,
    #[wasm_bindgen(js_name = nowMs)] now_ms: Number,
) -> JsResult<f64> {
    let t = rules::url_expiry(policy.core(), from_js(&purpose)?, millis(&now_ms, "nowMs")?);
    Ok(millis_number(t, "expiresAtMs")?)
}

/// Percent-encodes a raw path for a URL (everything but `A–Z a–z 0–9 - . _ ~ /`).
#[wasm_bindgen(js_name = encodeUrlPath)]
pub fn encode_url_path(raw: JsString) -> JsResult<String> {
    Ok(rules::encode_url_path(&text(&raw, "raw")?))
}

/// Normalises an origin (`HTTPS://A.com:443` → `https://a.com`); `undefined` if not an origin.
#[wasm_bindgen(js_name = normaliseOrigin)]
pub fn normalise_origin(origin: JsString) -> JsResult<Option<String>> {
    Ok(rules::normalise_origin(&text(&origin, "origin")?))
}

/// Checks an origin against a profile's allowlist; missing, malformed or unlisted is
/// `ORIGIN_NOT_ALLOWED`.
#[wasm_bindgen(js_name = checkOrigin)]
pub fn check_origin(
    policy: &Policy,
    origin: Option<JsString>,
    profile: Ts<OriginProfile>,
) -> JsResult<Ts<OriginMatch>> {
    let m = rules::check_origin(policy.core(), opt_text(origin, "origin")?.as_deref(), from_js(&profile)?)?;
    Ok(to_js(&m)?)
}

/// Whether a session authenticated at `authTimeMs` is fresh enough (≤ 1 h) for a sensitive
/// operation; stale is `SESSION_STALE`.
#[wasm_bindgen(js_name = checkSessionFreshness)]
pub fn check_session_freshness(
    policy: &Policy,
    #[wasm_bindgen(js_name = authTimeMs)] auth_time_ms: Number,
    #[wasm_bindgen(js_name = nowMs)] now_ms: Number,
) -> JsResult<Ts<SessionAge>> {
    let a =
        rules::check_session_freshness(policy.core(), millis(&auth_time_ms, "authTimeMs")?, millis(&now_ms, "nowMs")?)?;
    Ok(to_js(&a)?)
}

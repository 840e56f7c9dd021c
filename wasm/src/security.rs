//! Facade of `core/src/security/`: request signing v1, signed media URLs, origins and session
//! freshness (SPEC §10). Secrets and bodies are `Uint8Array`s.

use crate::convert::{from_js, millis, opt_text, opt_uint, text, to_js, JsResult};
use crate::upload::{bytes, millis_number, mirror_enum};
use crate::Policy;
use avalo_core::security as rules;
use js_sys::{JsString, Number};
use serde::{Deserialize, Serialize};
use tsify::{Ts, Tsify};
use wasm_bindgen::prelude::*;

/// A signature with the timestamp it covers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Tsify)]
pub struct SignedRequest {
    /// Decimal milliseconds since the epoch.
    pub timestamp: String,
    /// Lower-case hex HMAC-SHA256.
    pub signature: String,
}

/// A verified request.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Tsify)]
pub struct VerifiedRequest {
    /// The request's timestamp, ms.
    pub timestamp_ms: i64,
    /// `now − timestamp`, ms.
    pub skew_ms: i64,
}

impl From<rules::VerifiedRequest> for VerifiedRequest {
    fn from(v: rules::VerifiedRequest) -> Self {
        let rules::VerifiedRequest { timestamp_ms, skew_ms } = v;
        VerifiedRequest { timestamp_ms, skew_ms }
    }
}

/// Why a signed request was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Tsify)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum SignatureError {
    /// The timestamp or the signature is missing.
    Missing,
    /// The timestamp is not ASCII digits.
    MalformedTimestamp,
    /// The signature is not hex.
    MalformedSignature,
    /// Outside the allowed clock skew.
    Expired {
        /// `now − timestamp`, ms.
        skew_ms: i64,
    },
    /// The signature does not match.
    Mismatch,
}

impl From<rules::SignatureError> for SignatureError {
    fn from(e: rules::SignatureError) -> Self {
        match e {
            rules::SignatureError::Missing => SignatureError::Missing,
            rules::SignatureError::MalformedTimestamp => SignatureError::MalformedTimestamp,
            rules::SignatureError::MalformedSignature => SignatureError::MalformedSignature,
            rules::SignatureError::Expired { skew_ms } => SignatureError::Expired { skew_ms },
            rules::SignatureError::Mismatch => SignatureError::Mismatch,
        }
    }
}

/// The outcome of a signature check: `{ ok: {…} }` or `{ error: { kind, … } }`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Tsify)]
#[serde(rename_all = "snake_case")]
pub enum SignatureCheck {
    /// Authentic and fresh.
    Ok(VerifiedRequest),
    /// Refused.
    Error(SignatureError),
}

/// What a signed URL is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Tsify)]
#[serde(rename_all = "snake_case")]
pub enum UrlPurpose {
    /// Uploading (15 minutes).
    Upload,
    /// Downloading (60 minutes).
    Download,
}
mirror_enum!(UrlPurpose, rules::UrlPurpose, [Upload, Download]);

/// What a verified URL allows (`content_type`, `max_bytes` are `null` when not bound).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Tsify)]
#[tsify(missing_as_null)]
pub struct UrlGrant {
    /// The URL path.
    pub path: String,
    /// The method (upper case).
    pub method: String,
    /// Expiry, ms.
    pub expires_at_ms: i64,
    /// The bound content type.
    pub content_type: Option<String>,
    /// The bound maximum size.
    pub max_bytes: Option<u64>,
}

/// Which origin allowlist applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Tsify)]
#[serde(rename_all = "snake_case")]
pub enum OriginProfile {
    /// Production.
    Production,
    /// Production plus localhost:3000/5000/19006.
    Development,
}
mirror_enum!(OriginProfile, rules::OriginProfile, [Production, Development]);

/// An allowed origin and the entry that allowed it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Tsify)]
pub struct OriginMatch {
    /// The normalised origin.
    pub origin: String,
    /// The allowlist entry.
    pub matched: String,
}

/// A fresh session's age.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Tsify)]
pub struct SessionAge {
    /// `now − auth_time`, ms.
    pub age_ms: i64,
    /// The limit, ms.
    pub max_age_ms: i64,
}

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
    let rules::SignedRequest { timestamp, signature } = s;
    Ok(to_js(&SignedRequest { timestamp, signature })?)
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
    Ok(to_js(&VerifiedRequest::from(v))?)
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
        rules::SignatureCheck::Ok(v) => SignatureCheck::Ok(v.into()),
        rules::SignatureCheck::Error(e) => SignatureCheck::Error(e.into()),
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
    let rules::UrlGrant { path, method, expires_at_ms, content_type, max_bytes } = g;
    Ok(to_js(&UrlGrant { path, method, expires_at_ms, content_type, max_bytes })?)
}

/// The default expiry of a URL signed at `nowMs` (upload 15 min, download 60 min).
#[wasm_bindgen(js_name = urlExpiry)]
pub fn url_expiry(
    policy: &Policy,
    purpose: Ts<UrlPurpose>,
    #[wasm_bindgen(js_name = nowMs)] now_ms: Number,
) -> JsResult<f64> {
    let t = rules::url_expiry(policy.core(), from_js(&purpose)?.into(), millis(&now_ms, "nowMs")?);
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
    let m = rules::check_origin(policy.core(), opt_text(origin, "origin")?.as_deref(), from_js(&profile)?.into())?;
    let rules::OriginMatch { origin, matched } = m;
    Ok(to_js(&OriginMatch { origin, matched })?)
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
    let rules::SessionAge { age_ms, max_age_ms } = a;
    Ok(to_js(&SessionAge { age_ms, max_age_ms })?)
}

#[cfg(test)]
mod tests {
    use super::*;
    use avalo_core::Policy as CorePolicy;

    #[test]
    fn mirrors_have_the_core_wire_format() {
        let p = CorePolicy::default();
        for (ts, now) in [(Some("1000"), 1000), (Some("1000"), 400_000), (None, 0), (Some("x"), 0)] {
            let c = rules::check_request_signature(&p, b"k", ts, Some("00"), "GET", "/", b"", now);
            let mirror = match c {
                rules::SignatureCheck::Ok(v) => SignatureCheck::Ok(v.into()),
                rules::SignatureCheck::Error(e) => SignatureCheck::Error(e.into()),
            };
            assert_eq!(serde_json::to_value(mirror).unwrap(), serde_json::to_value(c).unwrap());
        }
        let g = rules::UrlGrant {
            path: "/a".into(),
            method: "GET".into(),
            expires_at_ms: 5,
            content_type: None,
            max_bytes: Some(3),
        };
        let rules::UrlGrant { path, method, expires_at_ms, content_type, max_bytes } = g.clone();
        let mirror = UrlGrant { path, method, expires_at_ms, content_type, max_bytes };
        assert_eq!(serde_json::to_value(mirror).unwrap(), serde_json::to_value(g).unwrap());
    }
}

//! Request signing, version 1 (SPEC §10.1).
//!
//! Canonical string (exactly):
//! `"v1\n" + timestamp + "\n" + METHOD + "\n" + path_and_query + "\n" + hex(SHA-256(body))`,
//! where `timestamp` is the decimal milliseconds exactly as sent (the verifier uses the header's
//! digits as received, so `0123` and `123` sign differently), `METHOD` is the method with ASCII
//! letters upper-cased, and the body hash is lower-case hex. The signature is the lower-case hex
//! HMAC-SHA256 of that string under the shared secret.
//!
//! Verification checks, in this order: a timestamp and a signature are present and non-empty
//! (`Missing`); the timestamp is ASCII digits only and fits an `i64` (`MalformedTimestamp`);
//! the signature is hex digits only, either case (`MalformedSignature`); `|now − timestamp| ≤
//! 300 000 ms` (`Expired { skew_ms }`, `skew_ms = now − timestamp`, positive when the request
//! is older than `now`); the HMAC matches, compared in constant time (`Mismatch`, also for a hex
//! signature of the wrong length and for an empty secret, which never verifies anything).
//! Signing refuses an empty secret and a negative timestamp (`INVALID_INPUT`).
//!
//! One request has one canonical string: the method must be an HTTP token (RFC 9110 `tchar`s:
//! ASCII letters, digits and ``!#$%&'*+-.^_`|~``) and the path-and-query a request target
//! without white space or control characters (so neither can carry the `\n` that separates
//! the fields: `GET` + `"/API\nx"` and `"GET\n/api"` + `"x"` cannot share a signature).
//! Signing refuses anything else with `INVALID_INPUT`; verification answers `Mismatch` (such a
//! request was never signed), after the timestamp, signature-format and freshness checks.

use crate::error::{Error, ErrorCode, Result};
use crate::policy::Policy;
use hmac::{Hmac, Mac};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

type HmacSha256 = Hmac<Sha256>;

/// Why a signed request was refused (SPEC §10.1). `Expired` maps to `SIGNATURE_EXPIRED`, every
/// other variant to `SIGNATURE_INVALID`.
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, thiserror::Error)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum), uniffi(name = "SignatureFailure"))]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum SignatureError {
    /// The timestamp or the signature is absent or empty.
    #[error("the timestamp or the signature is missing")]
    Missing,
    /// The timestamp is not ASCII digits only (or does not fit an i64).
    #[error("the timestamp is not a decimal number of milliseconds")]
    MalformedTimestamp,
    /// The signature is not hex.
    #[error("the signature is not hex")]
    MalformedSignature,
    /// The timestamp is more than the allowed skew away from now.
    #[error("the request is {skew_ms} ms away from now")]
    Expired {
        /// `now − timestamp`, ms (negative for a timestamp in the future).
        skew_ms: i64,
    },
    /// The signature does not match.
    #[error("the signature does not match")]
    Mismatch,
}

impl SignatureError {
    /// The SPEC §11 code: `SIGNATURE_EXPIRED` for `Expired`, else `SIGNATURE_INVALID`.
    pub fn code(self) -> ErrorCode {
        match self {
            SignatureError::Expired { .. } => ErrorCode::SignatureExpired,
            _ => ErrorCode::SignatureInvalid,
        }
    }
}

impl From<SignatureError> for Error {
    fn from(e: SignatureError) -> Self {
        Error::new(e.code(), e.to_string())
    }
}

/// A signature with the timestamp it covers (send both, e.g. as headers).
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct SignedRequest {
    /// Decimal milliseconds since the epoch.
    pub timestamp: String,
    /// Lower-case hex HMAC-SHA256 (64 characters).
    pub signature: String,
}

/// A verified request.
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct VerifiedRequest {
    /// The request's timestamp, ms.
    pub timestamp_ms: i64,
    /// `now − timestamp`, ms.
    pub skew_ms: i64,
}

/// The version-1 canonical string (see the module doc).
pub fn canonical_request(timestamp: &str, method: &str, path_and_query: &str, body: &[u8]) -> String {
    let body_hash = to_hex(&Sha256::digest(body));
    format!("v1\n{timestamp}\n{}\n{path_and_query}\n{body_hash}", method.to_ascii_uppercase())
}

/// HMAC of the canonical string, streamed into the MAC without building it.
fn mac_of(secret: &[u8], timestamp: &str, method: &str, path_and_query: &str, body: &[u8]) -> HmacSha256 {
    let mut hex = [0u8; 64];
    hex_into(&Sha256::digest(body), &mut hex);
    // HMAC accepts keys of any length; `new_from_slice` cannot fail for it.
    let mut mac = match HmacSha256::new_from_slice(secret) {
        Ok(m) => m,
        Err(_) => <HmacSha256 as hmac::digest::KeyInit>::new(&Default::default()),
    };
    mac.update(b"v1\n");
    mac.update(timestamp.as_bytes());
    mac.update(b"\n");
    for chunk in method.as_bytes().chunks(32) {
        let mut up = [0u8; 32];
        let part = up.get_mut(..chunk.len()).unwrap_or(&mut []);
        part.copy_from_slice(chunk);
        part.make_ascii_uppercase();
        mac.update(part);
    }
    mac.update(b"\n");
    mac.update(path_and_query.as_bytes());
    mac.update(b"\n");
    mac.update(&hex);
    mac
}

/// Lower-case hex of bytes (table-based: this is on the signing hot path).
pub(crate) fn to_hex(bytes: &[u8]) -> String {
    let mut out = vec![0u8; bytes.len() * 2];
    hex_into(bytes, &mut out);
    // Only ASCII hex digits were written.
    String::from_utf8(out).unwrap_or_default()
}

fn hex_into(bytes: &[u8], out: &mut [u8]) {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    for (b, pair) in bytes.iter().zip(out.chunks_exact_mut(2)) {
        if let [hi, lo] = pair {
            *hi = DIGITS[usize::from(b >> 4)];
            *lo = DIGITS[usize::from(b & 0x0f)];
        }
    }
}

fn hex_value(c: u8) -> Option<u8> {
    match c {
        b'0'..=b'9' => Some(c - b'0'),
        b'a'..=b'f' => Some(c - b'a' + 10),
        b'A'..=b'F' => Some(c - b'A' + 10),
        _ => None,
    }
}

/// Decodes hex of either case into bytes; `None` if any character is not hex or the length is
/// odd.
pub(crate) fn decode_hex(text: &str) -> Option<Vec<u8>> {
    let bytes = text.as_bytes();
    if bytes.len() % 2 != 0 {
        return None;
    }
    bytes.chunks_exact(2).map(|p| Some(hex_value(*p.first()?)? << 4 | hex_value(*p.get(1)?)?)).collect()
}

/// Signs a request at `timestamp_ms` (SPEC §10.1). An empty secret, a negative timestamp, a
/// method that is not an HTTP token or a path with white space or control characters is
/// `INVALID_INPUT`.
pub fn sign_request(
    secret: &[u8],
    timestamp_ms: i64,
    method: &str,
    path_and_query: &str,
    body: &[u8],
) -> Result<SignedRequest> {
    if secret.is_empty() {
        return Err(Error::invalid("the signing secret is empty"));
    }
    if timestamp_ms < 0 {
        return Err(Error::invalid("the timestamp must not be negative"));
    }
    check_request_line(method, path_and_query)?;
    let timestamp = timestamp_ms.to_string();
    let tag = mac_of(secret, &timestamp, method, path_and_query, body).finalize().into_bytes();
    Ok(SignedRequest { timestamp, signature: to_hex(&tag) })
}

/// Whether `method` is an HTTP method token (RFC 9110 §5.6.2 `tchar`s, at least one).
pub(crate) fn is_method_token(method: &str) -> bool {
    !method.is_empty() && method.bytes().all(|b| b.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(&b))
}

/// Whether `target` is a non-empty request target without white space or control characters.
fn is_request_target(target: &str) -> bool {
    !target.is_empty() && !target.chars().any(|c| c.is_control() || c.is_whitespace())
}

fn check_request_line(method: &str, path_and_query: &str) -> Result<()> {
    if !is_method_token(method) {
        return Err(Error::invalid(format!("{method:?} is not an HTTP method token")));
    }
    if !is_request_target(path_and_query) {
        return Err(Error::invalid(format!("{path_and_query:?} is not a request target (white space or control)")));
    }
    Ok(())
}

fn parse_timestamp(text: &str) -> Option<i64> {
    if text.is_empty() || !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    text.bytes().try_fold(0i64, |acc, b| acc.checked_mul(10)?.checked_add(i64::from(b - b'0')))
}

/// Verifies a signed request (SPEC §10.1; order of checks in the module doc). `timestamp` and
/// `signature` are the received header values (`None` when absent).
#[allow(clippy::too_many_arguments)]
pub fn verify_request_signature(
    policy: &Policy,
    secret: &[u8],
    timestamp: Option<&str>,
    signature: Option<&str>,
    method: &str,
    path_and_query: &str,
    body: &[u8],
    now_ms: i64,
) -> std::result::Result<VerifiedRequest, SignatureError> {
    let (timestamp, signature) = match (timestamp, signature) {
        (Some(t), Some(s)) if !t.is_empty() && !s.is_empty() => (t, s),
        _ => return Err(SignatureError::Missing),
    };
    let ts = parse_timestamp(timestamp).ok_or(SignatureError::MalformedTimestamp)?;
    if !signature.bytes().all(|b| b.is_ascii_hexdigit()) {
        return Err(SignatureError::MalformedSignature);
    }
    let skew_ms = now_ms.saturating_sub(ts);
    if skew_ms.unsigned_abs() > policy.security.max_clock_skew_ms {
        return Err(SignatureError::Expired { skew_ms });
    }
    if secret.is_empty() || signature.len() != 64 || check_request_line(method, path_and_query).is_err() {
        return Err(SignatureError::Mismatch);
    }
    let tag = decode_hex(signature).ok_or(SignatureError::MalformedSignature)?;
    mac_of(secret, timestamp, method, path_and_query, body).verify_slice(&tag).map_err(|_| SignatureError::Mismatch)?;
    Ok(VerifiedRequest { timestamp_ms: ts, skew_ms })
}

/// The outcome of [`verify_request_signature`] as data: `{"ok": {…}}` or
/// `{"error": {"kind": "expired", "skew_ms": 300001}}` (for hosts that log or branch on the
/// exact failure).
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[serde(rename_all = "snake_case")]
pub enum SignatureCheck {
    /// The request is authentic and fresh.
    #[cfg_attr(feature = "uniffi", uniffi(name = "Valid"))]
    Ok(#[cfg_attr(feature = "uniffi", uniffi(name = "request"))] VerifiedRequest),
    /// Why it was refused.
    #[cfg_attr(feature = "uniffi", uniffi(name = "Refused"))]
    Error(#[cfg_attr(feature = "uniffi", uniffi(name = "failure"))] SignatureError),
}

/// [`verify_request_signature`] with its outcome as a [`SignatureCheck`] value.
#[allow(clippy::too_many_arguments)]
pub fn check_request_signature(
    policy: &Policy,
    secret: &[u8],
    timestamp: Option<&str>,
    signature: Option<&str>,
    method: &str,
    path_and_query: &str,
    body: &[u8],
    now_ms: i64,
) -> SignatureCheck {
    match verify_request_signature(policy, secret, timestamp, signature, method, path_and_query, body, now_ms) {
        Ok(v) => SignatureCheck::Ok(v),
        Err(e) => SignatureCheck::Error(e),
    }
}

/// [`verify_request_signature`] with the refusal as an [`Error`] (`SIGNATURE_EXPIRED` or
/// `SIGNATURE_INVALID`).
#[allow(clippy::too_many_arguments)]
pub fn verify_request(
    policy: &Policy,
    secret: &[u8],
    timestamp: Option<&str>,
    signature: Option<&str>,
    method: &str,
    path_and_query: &str,
    body: &[u8],
    now_ms: i64,
) -> Result<VerifiedRequest> {
    Ok(verify_request_signature(policy, secret, timestamp, signature, method, path_and_query, body, now_ms)?)
}

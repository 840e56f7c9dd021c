//! Facade of `core/src/security/`: request signing v1, signed media URLs, origins and session
//! freshness (SPEC §10). Secrets and bodies cross as bytes.

use crate::error::{guard, AvaloError};
use avalo_core::security::{self as core, *};
use avalo_core::Policy;

/// The version-1 canonical string: `v1\n{timestamp}\n{METHOD}\n{path_and_query}\n{hex sha256(body)}`.
#[uniffi::export]
pub fn canonical_request(
    timestamp: String,
    method: String,
    path_and_query: String,
    body: Vec<u8>,
) -> Result<String, AvaloError> {
    guard(|| Ok(core::canonical_request(&timestamp, &method, &path_and_query, &body)))
}

/// Signs a request (SPEC §10.1). An empty secret or a negative timestamp is `INVALID_INPUT`.
#[uniffi::export]
pub fn sign_request(
    secret: Vec<u8>,
    timestamp_ms: i64,
    method: String,
    path_and_query: String,
    body: Vec<u8>,
) -> Result<SignedRequest, AvaloError> {
    guard(|| {
        let core::SignedRequest { timestamp, signature } =
            core::sign_request(&secret, timestamp_ms, &method, &path_and_query, &body)?;
        Ok(SignedRequest { timestamp, signature })
    })
}

/// Verifies a signed request: `SIGNATURE_EXPIRED` outside ±300 000 ms, `SIGNATURE_INVALID` when
/// missing, malformed or not matching. `timestamp`/`signature` are the received header values.
#[uniffi::export]
#[allow(clippy::too_many_arguments)]
pub fn verify_request(
    policy: &Policy,
    secret: Vec<u8>,
    timestamp: Option<String>,
    signature: Option<String>,
    method: String,
    path_and_query: String,
    body: Vec<u8>,
    now_ms: i64,
) -> Result<VerifiedRequest, AvaloError> {
    guard(|| {
        let v = core::verify_request(
            policy,
            &secret,
            timestamp.as_deref(),
            signature.as_deref(),
            &method,
            &path_and_query,
            &body,
            now_ms,
        )?;
        Ok(v)
    })
}

/// Like [`verify_request`], but returns the outcome with the exact failure.
#[uniffi::export]
#[allow(clippy::too_many_arguments)]
pub fn check_request_signature(
    policy: &Policy,
    secret: Vec<u8>,
    timestamp: Option<String>,
    signature: Option<String>,
    method: String,
    path_and_query: String,
    body: Vec<u8>,
    now_ms: i64,
) -> Result<SignatureCheck, AvaloError> {
    guard(|| {
        let c = core::check_request_signature(
            policy,
            &secret,
            timestamp.as_deref(),
            signature.as_deref(),
            &method,
            &path_and_query,
            &body,
            now_ms,
        );
        Ok(c)
    })
}

/// The canonical string of a signed URL: `v1-url\n{METHOD}\n{path}\n{exp}\n{ct}\n{max}`.
#[uniffi::export]
pub fn canonical_url(
    method: String,
    path: String,
    expires_at_ms: i64,
    content_type: Option<String>,
    max_bytes: Option<u64>,
) -> Result<String, AvaloError> {
    guard(|| Ok(core::canonical_url(&method, &path, expires_at_ms, content_type.as_deref(), max_bytes)))
}

/// Signs a media URL: `path?exp=…[&ct=…][&max=…]&sig=…` (SPEC §10.2).
#[uniffi::export]
pub fn sign_url(
    secret: Vec<u8>,
    method: String,
    path: String,
    expires_at_ms: i64,
    content_type: Option<String>,
    max_bytes: Option<u64>,
) -> Result<String, AvaloError> {
    guard(|| Ok(core::sign_url(&secret, &method, &path, expires_at_ms, content_type.as_deref(), max_bytes)?))
}

/// Verifies a signed URL used with `method` at `now_ms`: signature, expiry, then the bound
/// content type and size (`SIGNATURE_INVALID`, `SIGNATURE_EXPIRED`, `FILE_TOO_LARGE`).
#[uniffi::export]
pub fn verify_url(
    secret: Vec<u8>,
    method: String,
    url: String,
    now_ms: i64,
    content_type: Option<String>,
    size_bytes: Option<u64>,
) -> Result<UrlGrant, AvaloError> {
    guard(|| {
        let core::UrlGrant { path, method, expires_at_ms, content_type, max_bytes } =
            core::verify_url(&secret, &method, &url, now_ms, content_type.as_deref(), size_bytes)?;
        Ok(UrlGrant { path, method, expires_at_ms, content_type, max_bytes })
    })
}

/// The default expiry of a URL signed at `now_ms` (upload 15 min, download 60 min).
#[uniffi::export]
pub fn url_expiry(policy: &Policy, purpose: UrlPurpose, now_ms: i64) -> Result<i64, AvaloError> {
    guard(|| Ok(core::url_expiry(policy, purpose, now_ms)))
}

/// Percent-encodes a raw path for a URL (everything but `A–Z a–z 0–9 - . _ ~ /`).
#[uniffi::export]
pub fn encode_url_path(raw: String) -> Result<String, AvaloError> {
    guard(|| Ok(core::encode_url_path(&raw)))
}

/// Normalises an origin (`HTTPS://A.com:443` → `https://a.com`); `null` if not an origin.
#[uniffi::export]
pub fn normalise_origin(origin: String) -> Result<Option<String>, AvaloError> {
    guard(|| Ok(core::normalise_origin(&origin)))
}

/// Checks an origin against a profile's allowlist; missing, malformed or unlisted is
/// `ORIGIN_NOT_ALLOWED`.
#[uniffi::export]
pub fn check_origin(
    policy: &Policy,
    origin: Option<String>,
    profile: OriginProfile,
) -> Result<OriginMatch, AvaloError> {
    guard(|| {
        let core::OriginMatch { origin, matched } = core::check_origin(policy, origin.as_deref(), profile)?;
        Ok(OriginMatch { origin, matched })
    })
}

/// Whether a session authenticated at `auth_time_ms` is fresh enough (≤ 1 h) for a sensitive
/// operation; stale is `SESSION_STALE`.
#[uniffi::export]
pub fn check_session_freshness(policy: &Policy, auth_time_ms: i64, now_ms: i64) -> Result<SessionAge, AvaloError> {
    guard(|| {
        let core::SessionAge { age_ms, max_age_ms } = core::check_session_freshness(policy, auth_time_ms, now_ms)?;
        Ok(SessionAge { age_ms, max_age_ms })
    })
}

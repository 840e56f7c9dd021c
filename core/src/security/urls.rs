//! Signed media URLs (SPEC §10.2).
//!
//! The signed canonical string (exactly; `\n` is one line feed):
//! `"v1-url\n" + METHOD + "\n" + path + "\n" + exp + "\n" + ct + "\n" + max`
//! - `METHOD`: the method with ASCII letters upper-cased (`PUT`, `GET`);
//! - `path`: the URL path exactly as it will be requested: it starts with `/` and is printable
//!   ASCII without space, `?` or `#` (percent-encode a storage path with [`encode_url_path`]);
//! - `exp`: the expiry, decimal ms since the epoch; the URL is valid while `now < exp`;
//! - `ct`: the content type, trimmed, lower-cased, parameters dropped and aliases resolved
//!   (`image/jpg` → `image/jpeg`), or empty when none is bound (downloads);
//! - `max`: the largest accepted size in bytes, decimal, or empty when none is bound.
//!
//! The `v1-url` prefix keeps URL signatures apart from request signatures (`v1\n…`).
//! `sig` is the lower-case hex HMAC-SHA256 of that string under the secret. The URL is
//! `path + "?exp=" + exp [+ "&ct=" + pct(ct)] [+ "&max=" + max] + "&sig=" + sig`, where
//! `pct` percent-encodes every byte except `A–Z a–z 0–9 - . _ ~` (so `image/jpeg` is
//! `image%2Fjpeg`).
//!
//! An upload URL (any method but `GET` and `HEAD`) that binds a content type outside the SPEC
//! §9.1 upload list (`image/svg+xml`, `text/html`, …) is not signed: `MIME_TYPE_NOT_ALLOWED`.
//!
//! [`verify_url`] checks, in this order: the query has exactly the known parameters, each at
//! most once, with `exp` and `sig` present and well formed, and is spelled exactly as
//! [`sign_url`] writes it (parameters in the order `exp`, `ct`, `max`, `sig`; numbers without
//! leading zeros; `ct` percent-encoded with upper-case escapes for exactly the bytes `pct`
//! encodes; `sig` 64 lower-case hex digits), so one grant has one URL (`SIGNATURE_INVALID`); the signature
//! over the request's method and the URL's path and parameters, in constant time
//! (`SIGNATURE_INVALID`, which is also what a wrong method gives); the expiry
//! (`SIGNATURE_EXPIRED`); when `ct` is bound, the request's content type normalises to it
//! (`SIGNATURE_INVALID`); when `max` is bound, the request declares a size (`SIGNATURE_INVALID`
//! if not) of at most `max` (`FILE_TOO_LARGE`).

use super::signing::{decode_hex, to_hex};
use crate::error::{Error, ErrorCode, Result};
use crate::policy::Policy;
use crate::upload::{normalise_mime, parse_mime};
use hmac::{Hmac, Mac};
use serde::{Deserialize, Serialize};
use sha2::Sha256;
use std::fmt::Write as _;

/// What a signed URL is for, which sets its default lifetime.
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[serde(rename_all = "snake_case")]
pub enum UrlPurpose {
    /// Uploading (15 minutes).
    Upload,
    /// Downloading (60 minutes).
    Download,
}

/// What a verified URL allows.
#[cfg_attr(feature = "wasm", derive(tsify::Tsify), tsify(missing_as_null))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct UrlGrant {
    /// The URL path.
    pub path: String,
    /// The method it was signed for (upper case).
    pub method: String,
    /// Its expiry, ms.
    pub expires_at_ms: i64,
    /// The bound content type, if any.
    pub content_type: Option<String>,
    /// The bound maximum size, if any.
    pub max_bytes: Option<u64>,
}

/// The default expiry of a URL signed at `now_ms`: 15 minutes for uploads, 60 for downloads.
pub fn url_expiry(policy: &Policy, purpose: UrlPurpose, now_ms: i64) -> i64 {
    let ttl = match purpose {
        UrlPurpose::Upload => policy.security.upload_url_ttl_ms,
        UrlPurpose::Download => policy.security.download_url_ttl_ms,
    };
    now_ms.saturating_add(ttl)
}

fn is_unreserved(b: u8) -> bool {
    b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~')
}

fn pct_encode(text: &str, keep_slash: bool) -> String {
    let mut out = String::with_capacity(text.len());
    for b in text.bytes() {
        if is_unreserved(b) || (keep_slash && b == b'/') {
            out.push(char::from(b));
        } else {
            let _ = write!(out, "%{b:02X}");
        }
    }
    out
}

/// Percent-encodes a raw path (such as a storage path with a Unicode file name) for a URL:
/// every byte except `A–Z a–z 0–9 - . _ ~` and `/` becomes `%XX`. Prefix it with `/`.
pub fn encode_url_path(raw: &str) -> String {
    pct_encode(raw, true)
}

fn pct_decode(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        if b == b'%' {
            let hex = text.get(i + 1..i + 3)?;
            out.extend(decode_hex(hex)?);
            i += 3;
        } else {
            out.push(b);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

/// A content type in its canonical form for URLs (see the module doc), or `INVALID_INPUT`.
fn canonical_content_type(declared: &str) -> Result<String> {
    if let Some(m) = parse_mime(declared) {
        return Ok(m.as_str().to_string());
    }
    let essence = normalise_mime(declared);
    let token = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_alphanumeric() || b"!#$&^_.+-".contains(&b));
    match essence.split_once('/') {
        Some((a, b)) if token(a) && token(b) => Ok(essence),
        _ => Err(Error::invalid(format!("{declared:?} is not a content type"))),
    }
}

/// Whether a method writes (an upload URL): anything but `GET` and `HEAD`.
fn is_upload_method(method: &str) -> bool {
    !method.eq_ignore_ascii_case("GET") && !method.eq_ignore_ascii_case("HEAD")
}

fn check_path(path: &str) -> Result<()> {
    let ok = path.starts_with('/') && path.bytes().all(|b| (0x21..=0x7e).contains(&b) && b != b'?' && b != b'#');
    if ok {
        Ok(())
    } else {
        Err(Error::invalid(format!("{path:?} is not a URL path (start with / and percent-encode)")))
    }
}

/// The canonical string of a signed URL (see the module doc); `content_type` must already be
/// canonical.
pub fn canonical_url(
    method: &str,
    path: &str,
    expires_at_ms: i64,
    content_type: Option<&str>,
    max_bytes: Option<u64>,
) -> String {
    let max = max_bytes.map(|m| m.to_string()).unwrap_or_default();
    format!("v1-url\n{}\n{path}\n{expires_at_ms}\n{}\n{max}", method.to_ascii_uppercase(), content_type.unwrap_or(""))
}

fn mac(secret: &[u8], canonical: &str) -> Hmac<Sha256> {
    let mut m = match Hmac::<Sha256>::new_from_slice(secret) {
        Ok(m) => m,
        Err(_) => <Hmac<Sha256> as hmac::digest::KeyInit>::new(&Default::default()),
    };
    m.update(canonical.as_bytes());
    m
}

/// Signs a URL (SPEC §10.2): returns `path?exp=…[&ct=…][&max=…]&sig=…`. An empty secret or
/// method, a negative expiry, a bad path or content type is `INVALID_INPUT`; an upload URL
/// binding a type outside SPEC §9.1 is `MIME_TYPE_NOT_ALLOWED`.
pub fn sign_url(
    secret: &[u8],
    method: &str,
    path: &str,
    expires_at_ms: i64,
    content_type: Option<&str>,
    max_bytes: Option<u64>,
) -> Result<String> {
    if secret.is_empty() {
        return Err(Error::invalid("the signing secret is empty"));
    }
    if method.is_empty() || !method.bytes().all(|b| b.is_ascii_alphabetic()) {
        return Err(Error::invalid(format!("{method:?} is not an HTTP method")));
    }
    if expires_at_ms < 0 {
        return Err(Error::invalid("the expiry must not be negative"));
    }
    check_path(path)?;
    let ct = content_type.map(canonical_content_type).transpose()?;
    if let Some(ct) = ct.as_deref().filter(|_| is_upload_method(method)) {
        if parse_mime(ct).is_none() {
            return Err(Error::new(
                ErrorCode::MimeTypeNotAllowed,
                format!("{ct} is not an allowed upload type (SPEC §9.1)"),
            ));
        }
    }
    let canonical = canonical_url(method, path, expires_at_ms, ct.as_deref(), max_bytes);
    let sig = to_hex(&mac(secret, &canonical).finalize().into_bytes());
    let mut url = format!("{path}?exp={expires_at_ms}");
    if let Some(ct) = &ct {
        let _ = write!(url, "&ct={}", pct_encode(ct, false));
    }
    if let Some(max) = max_bytes {
        let _ = write!(url, "&max={max}");
    }
    let _ = write!(url, "&sig={sig}");
    Ok(url)
}

fn invalid(reason: &str) -> Error {
    Error::new(ErrorCode::SignatureInvalid, reason.to_string())
}

fn digits<T: std::str::FromStr>(text: &str) -> Option<T> {
    (!text.is_empty() && text.bytes().all(|b| b.is_ascii_digit())).then(|| text.parse().ok()).flatten()
}

struct Query<'a> {
    exp: i64,
    ct: Option<String>,
    max: Option<u64>,
    sig: &'a str,
}

fn parse_query(query: &str) -> Result<Query<'_>> {
    let (mut exp, mut ct, mut max, mut sig) = (None, None, None, None);
    for pair in query.split('&') {
        let (key, value) = pair.split_once('=').ok_or_else(|| invalid("a query parameter has no value"))?;
        let slot_taken = match key {
            "exp" => exp.replace(digits::<i64>(value).ok_or_else(|| invalid("exp is not a number"))?).is_some(),
            "ct" => ct.replace(pct_decode(value).ok_or_else(|| invalid("ct is badly encoded"))?).is_some(),
            "max" => max.replace(digits::<u64>(value).ok_or_else(|| invalid("max is not a number"))?).is_some(),
            "sig" => sig.replace(value).is_some(),
            _ => return Err(invalid("unknown query parameter")),
        };
        if slot_taken {
            return Err(invalid("a query parameter appears twice"));
        }
    }
    match (exp, sig) {
        (Some(exp), Some(sig)) if !sig.is_empty() => Ok(Query { exp, ct, max, sig }),
        _ => Err(invalid("exp or sig is missing")),
    }
}

/// The query exactly as [`sign_url`] writes it for these values.
fn canonical_query(q: &Query<'_>) -> String {
    let mut out = format!("exp={}", q.exp);
    if let Some(ct) = &q.ct {
        let _ = write!(out, "&ct={}", pct_encode(ct, false));
    }
    if let Some(max) = q.max {
        let _ = write!(out, "&max={max}");
    }
    let _ = write!(out, "&sig={}", q.sig);
    out
}

/// Verifies a signed URL used with `method` at `now_ms` (order of checks in the module doc).
/// `url` is the path and query as requested; `content_type` and `size_bytes` are what the
/// request declares (needed when the URL binds them).
pub fn verify_url(
    secret: &[u8],
    method: &str,
    url: &str,
    now_ms: i64,
    content_type: Option<&str>,
    size_bytes: Option<u64>,
) -> Result<UrlGrant> {
    let (path, query) = url.split_once('?').ok_or_else(|| invalid("the URL has no signature"))?;
    check_path(path).map_err(|_| invalid("the URL path is malformed"))?;
    let q = parse_query(query)?;
    if q.sig.len() != 64 || !q.sig.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f')) {
        return Err(invalid("sig is not 64 lower-case hex digits"));
    }
    if query != canonical_query(&q) {
        return Err(invalid("the URL's query is not in the canonical form sign_url writes"));
    }
    let tag = decode_hex(q.sig).filter(|t| t.len() == 32 && !secret.is_empty());
    let canonical = canonical_url(method, path, q.exp, q.ct.as_deref(), q.max);
    let good = tag.is_some_and(|t| mac(secret, &canonical).verify_slice(&t).is_ok());
    if !good {
        return Err(invalid("the URL signature does not match"));
    }
    if now_ms >= q.exp {
        return Err(Error::new(ErrorCode::SignatureExpired, format!("the URL expired at {} ms", q.exp)));
    }
    if let Some(bound) = &q.ct {
        let given = content_type.map(canonical_content_type).transpose().ok().flatten();
        if given.as_deref() != Some(bound.as_str()) {
            return Err(invalid("the content type differs from the signed one"));
        }
    }
    if let Some(max) = q.max {
        let size = size_bytes.ok_or_else(|| invalid("the URL binds a size but none was declared"))?;
        if size > max {
            return Err(Error::new(ErrorCode::FileTooLarge, format!("{size} bytes is over the signed maximum {max}")));
        }
    }
    Ok(UrlGrant {
        path: path.to_string(),
        method: method.to_ascii_uppercase(),
        expires_at_ms: q.exp,
        content_type: q.ct,
        max_bytes: q.max,
    })
}

//! Origins (SPEC §10.3): the CORS allowlist with production and development profiles.
//!
//! An origin is `scheme://host[:port]` and nothing else. [`normalise_origin`] lower-cases the
//! scheme and host and drops a default port (80 for `http`/`ws`, 443 for `https`/`wss`; a port
//! is written without leading zeros). Refused as "not an origin": a trailing slash or any
//! path, a query, a fragment, user info, an empty host or port, a port above 65 535, a host with
//! characters other than `A–Z a–z 0–9 - . _` (or a bracketed IPv6 literal), surrounding white
//! space, and the literal `null`.
//!
//! An allowlist entry is an origin (compared after normalising both sides) or a scheme pattern
//! `scheme://*`, which allows every origin with that scheme and a non-empty host
//! (`exp://192.168.1.20:19000`, `avalo://app`). A missing origin is not allowed. Every refusal is
//! `ORIGIN_NOT_ALLOWED`. The production list may not hold a pattern over a web scheme
//! (`https://*`, `http://*`, `wss://*`, `ws://*`): that would allow every web site (refused when
//! the policy loads). Host wildcards (`https://*.example.com`) are not origins and are refused in
//! both lists.

use crate::error::{Error, ErrorCode, Result};
use crate::policy::Policy;
use serde::{Deserialize, Serialize};

/// Which allowlist applies.
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[serde(rename_all = "snake_case")]
pub enum OriginProfile {
    /// The production allowlist.
    Production,
    /// Production plus the local development origins.
    Development,
}

/// An allowed origin and the allowlist entry it matched.
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct OriginMatch {
    /// The normalised origin.
    pub origin: String,
    /// The allowlist entry that allowed it (`https://avalo.app`, or a wildcard entry: `exp://`
    /// then `*`; never a slash directly before a star in a doc, which opens a Kotlin comment).
    pub matched: String,
}

fn not_allowed(reason: String) -> Error {
    Error::new(ErrorCode::OriginNotAllowed, reason)
}

fn valid_scheme(s: &str) -> bool {
    let mut bytes = s.bytes();
    bytes.next().is_some_and(|b| b.is_ascii_alphabetic())
        && bytes.all(|b| b.is_ascii_alphanumeric() || matches!(b, b'+' | b'-' | b'.'))
}

fn split_host_port(authority: &str) -> Option<(String, Option<&str>)> {
    if let Some(rest) = authority.strip_prefix('[') {
        let (inside, after) = rest.split_once(']')?;
        let ok = !inside.is_empty() && inside.bytes().all(|b| b.is_ascii_hexdigit() || b == b':' || b == b'.');
        if !ok {
            return None;
        }
        let port = match after {
            "" => None,
            p => Some(p.strip_prefix(':')?),
        };
        return Some((format!("[{}]", inside.to_ascii_lowercase()), port));
    }
    let (host, port) = match authority.split_once(':') {
        Some((h, p)) => (h, Some(p)),
        None => (authority, None),
    };
    let ok = !host.is_empty() && host.bytes().all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_'));
    ok.then(|| (host.to_ascii_lowercase(), port))
}

/// Normalises an origin (rules in the module doc); `None` when it is not an origin.
pub fn normalise_origin(origin: &str) -> Option<String> {
    let (scheme, authority) = origin.split_once("://")?;
    if !valid_scheme(scheme) || authority.bytes().any(|b| matches!(b, b'/' | b'?' | b'#' | b'@' | b'\\')) {
        return None;
    }
    let scheme = scheme.to_ascii_lowercase();
    let (host, port) = split_host_port(authority)?;
    let port = match port {
        None => None,
        Some(p) if !p.is_empty() && p.len() <= 5 && p.bytes().all(|b| b.is_ascii_digit()) => {
            Some(p.parse::<u32>().ok()?)
        }
        Some(_) => return None,
    };
    let default = match scheme.as_str() {
        "http" | "ws" => Some(80),
        "https" | "wss" => Some(443),
        _ => None,
    };
    match port {
        Some(p) if p > 65_535 => None,
        Some(p) if Some(p) != default => Some(format!("{scheme}://{host}:{p}")),
        _ => Some(format!("{scheme}://{host}")),
    }
}

/// Whether an allowlist entry is well formed (an origin or `scheme://*`).
pub(crate) fn valid_entry(entry: &str) -> bool {
    match entry.strip_suffix("://*") {
        Some(scheme) => valid_scheme(scheme),
        None => normalise_origin(entry).is_some(),
    }
}

/// Whether an entry is a scheme pattern over a web scheme (`https://*`, `HTTP://*`, `wss://*`),
/// which would let every web site through; production refuses them (SPEC §10.3 names only the
/// app schemes `exp://*` and `avalo://*`).
pub(crate) fn is_web_wildcard(entry: &str) -> bool {
    entry
        .strip_suffix("://*")
        .is_some_and(|scheme| ["http", "https", "ws", "wss"].iter().any(|web| scheme.eq_ignore_ascii_case(web)))
}

fn entry_matches(entry: &str, origin: &str) -> bool {
    match entry.strip_suffix("://*") {
        Some(scheme) => {
            let prefix_len = scheme.len() + 3;
            origin.len() > prefix_len
                && origin.get(..scheme.len()).is_some_and(|s| s.eq_ignore_ascii_case(scheme))
                && origin.get(scheme.len()..prefix_len) == Some("://")
        }
        None => normalise_origin(entry).as_deref() == Some(origin),
    }
}

/// Checks an origin against the allowlist of a profile (SPEC §10.3). `None` (no `Origin`
/// header), anything that is not an origin, and an origin not on the list are
/// `ORIGIN_NOT_ALLOWED`.
pub fn check_origin(policy: &Policy, origin: Option<&str>, profile: OriginProfile) -> Result<OriginMatch> {
    let raw = origin.ok_or_else(|| not_allowed("no origin".to_string()))?;
    let normal = normalise_origin(raw).ok_or_else(|| not_allowed(format!("{raw:?} is not an origin")))?;
    let sec = &policy.security;
    let dev: &[String] = match profile {
        OriginProfile::Production => &[],
        OriginProfile::Development => &sec.development_origins,
    };
    sec.production_origins
        .iter()
        .chain(dev)
        .find(|entry| entry_matches(entry, &normal))
        .map(|entry| OriginMatch { origin: normal.clone(), matched: entry.clone() })
        .ok_or_else(|| not_allowed(format!("{normal} is not on the {profile:?} allowlist")))
}

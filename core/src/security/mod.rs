//! Request and URL security (SPEC §10): request signing ([`signing`]), signed media URLs
//! ([`urls`]), origins ([`origins`]) and session freshness ([`check_session_freshness`]).
//!
//! Session freshness (SPEC §10.4): a sensitive operation needs a session authenticated at most
//! 1 hour ago, inclusive (`now − auth_time ≤ 3 600 000 ms`), else `SESSION_STALE`. The spec is
//! silent on an authentication time in the future: up to the request clock skew (300 000 ms)
//! it counts as fresh (clocks differ); further in the future it is `SESSION_STALE`, since such a
//! token cannot be trusted and signing in again is the safe answer.

pub mod origins;
pub mod signing;
pub mod urls;

pub use origins::{check_origin, normalise_origin, OriginMatch, OriginProfile};
pub use signing::{
    canonical_request, check_request_signature, sign_request, verify_request, verify_request_signature, SignatureCheck,
    SignatureError, SignedRequest, VerifiedRequest,
};
pub use urls::{canonical_url, encode_url_path, sign_url, url_expiry, verify_url, UrlGrant, UrlPurpose};

use crate::error::{Error, ErrorCode, Result};
use crate::policy::{check, Policy, PolicyProblem};
use serde::{Deserialize, Serialize};

/// Security section of the policy (SPEC §10).
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SecurityPolicy {
    /// Largest accepted |now − timestamp| of a signed request, ms (300 000, inclusive).
    pub max_clock_skew_ms: u64,
    /// Lifetime of a signed upload URL, ms (15 min = 900 000).
    pub upload_url_ttl_ms: i64,
    /// Lifetime of a signed download URL, ms (60 min = 3 600 000).
    pub download_url_ttl_ms: i64,
    /// Oldest session authentication accepted for sensitive operations, ms (1 h = 3 600 000).
    pub session_max_age_ms: i64,
    /// Production allowlist: origins and `scheme://*` patterns.
    pub production_origins: Vec<String>,
    /// Extra origins of the development profile.
    pub development_origins: Vec<String>,
}

impl Default for SecurityPolicy {
    fn default() -> Self {
        let list = |items: &[&str]| items.iter().map(|s| s.to_string()).collect();
        SecurityPolicy {
            max_clock_skew_ms: 300_000,
            upload_url_ttl_ms: 15 * 60_000,
            download_url_ttl_ms: 60 * 60_000,
            session_max_age_ms: 60 * 60_000,
            production_origins: list(&[
                "https://avalo-c8c46.web.app",
                "https://avalo-c8c46.firebaseapp.com",
                "https://admin.avalo.app",
                "https://avalo.app",
                "exp://*",
                "avalo://*",
            ]),
            development_origins: list(&["http://localhost:3000", "http://localhost:5000", "http://localhost:19006"]),
        }
    }
}

impl SecurityPolicy {
    pub(crate) fn validate(&self, path: &str, p: &mut Vec<PolicyProblem>) {
        use crate::policy::bounds::{self as b, positive_at_most};
        let skew = self.max_clock_skew_ms;
        check(skew > 0 && skew <= b::MAX_CLOCK_SKEW_MS, p, format!("{path}.max_clock_skew_ms"), "must be 1..=900000");
        let ttl = |v| positive_at_most(v, b::MAX_UPLOAD_URL_TTL_MS);
        check(ttl(self.upload_url_ttl_ms), p, format!("{path}.upload_url_ttl_ms"), "must be 1..=86400000");
        let ttl = |v| positive_at_most(v, b::MAX_DOWNLOAD_URL_TTL_MS);
        check(ttl(self.download_url_ttl_ms), p, format!("{path}.download_url_ttl_ms"), "must be 1..=604800000");
        let age = positive_at_most(self.session_max_age_ms, b::MAX_SESSION_AGE_MS);
        check(age, p, format!("{path}.session_max_age_ms"), "must be 1..=86400000");
        for (name, list, production) in [
            ("production_origins", &self.production_origins, true),
            ("development_origins", &self.development_origins, false),
        ] {
            check(list.len() <= b::MAX_ORIGINS, p, format!("{path}.{name}"), "must hold at most 64 entries");
            for (i, entry) in list.iter().enumerate().take(b::MAX_ORIGINS) {
                check(origins::valid_entry(entry), p, format!("{path}.{name}[{i}]"), "must be an origin or scheme://*");
                check(
                    !production || !origins::is_web_wildcard(entry),
                    p,
                    format!("{path}.{name}[{i}]"),
                    "a wildcard over a web scheme (http, https, ws, wss) would allow every site",
                );
            }
        }
    }
}

/// How old a fresh session is.
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct SessionAge {
    /// `now − auth_time`, ms (negative within the clock skew when the time is in the future).
    pub age_ms: i64,
    /// The limit, ms (3 600 000).
    pub max_age_ms: i64,
}

/// Whether a session authenticated at `auth_time_ms` is fresh enough at `now_ms` for a
/// sensitive operation (SPEC §10.4; rules in the module doc). Stale is `SESSION_STALE`.
pub fn check_session_freshness(policy: &Policy, auth_time_ms: i64, now_ms: i64) -> Result<SessionAge> {
    let sec = &policy.security;
    let age_ms = now_ms.saturating_sub(auth_time_ms);
    let max_age_ms = sec.session_max_age_ms;
    if age_ms > max_age_ms {
        return Err(Error::new(
            ErrorCode::SessionStale,
            format!("authenticated {age_ms} ms ago, the limit is {max_age_ms}"),
        ));
    }
    if age_ms < 0 && age_ms.unsigned_abs() > sec.max_clock_skew_ms {
        return Err(Error::new(
            ErrorCode::SessionStale,
            format!("authentication time is {} ms in the future", age_ms.unsigned_abs()),
        ));
    }
    Ok(SessionAge { age_ms, max_age_ms })
}

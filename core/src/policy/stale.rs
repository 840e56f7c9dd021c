//! Stale clients, the server side (SPEC §17.4, 17.6): every action a client computed carries the
//! fingerprint of its policy; the server accepts the active fingerprint, or the previous one
//! while `0 ≤ now − switched_at ≤ grace`, and otherwise answers `POLICY_STALE` with the active
//! serial so the client fetches the new envelope and recomputes.

use crate::error::{Error, ErrorCode, Result};
use serde::{Deserialize, Serialize};

/// Default grace period after a switch during which the previous fingerprint is accepted:
/// 10 minutes, in ms.
pub const DEFAULT_STALE_GRACE_MS: u64 = 10 * 60 * 1000;

/// The server's view of its policies: the active one, the one it replaced, and when.
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(deny_unknown_fields)]
pub struct ServerPolicies {
    /// Fingerprint of the active policy.
    pub active_fingerprint: String,
    /// Serial of the active policy (told to stale clients).
    pub active_serial: u64,
    /// Fingerprint of the policy the active one replaced, if any.
    pub previous_fingerprint: Option<String>,
    /// When the server switched to the active policy (ms since the epoch).
    pub switched_at_ms: i64,
    /// How long after the switch the previous fingerprint is still accepted (ms; default
    /// [`DEFAULT_STALE_GRACE_MS`]).
    pub grace_ms: u64,
}

/// The server's decision on a client's policy fingerprint.
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[serde(tag = "verdict", rename_all = "snake_case")]
pub enum ClientPolicyVerdict {
    /// The client prices with the active policy.
    Active,
    /// The client prices with the previous policy, still inside the grace period.
    PreviousInGrace {
        /// Last instant (ms, inclusive) the previous fingerprint is accepted.
        grace_ends_at_ms: i64,
    },
    /// Refuse with `POLICY_STALE`: the client must fetch the active envelope and recompute.
    Stale {
        /// Always `POLICY_STALE`.
        code: ErrorCode,
        /// Serial of the active policy, for the client to fetch.
        active_serial: u64,
    },
}

/// Decides whether an action computed with `client_fingerprint` is accepted at `now_ms`.
/// Fingerprints are compared exactly (lower-case hex, as [`Policy::fingerprint`](super::Policy)
/// gives them). An empty active fingerprint is `INVALID_INPUT`.
pub fn check_client_policy(
    server: &ServerPolicies,
    client_fingerprint: &str,
    now_ms: i64,
) -> Result<ClientPolicyVerdict> {
    if server.active_fingerprint.is_empty() {
        return Err(Error::invalid("active_fingerprint must not be empty"));
    }
    if client_fingerprint == server.active_fingerprint {
        return Ok(ClientPolicyVerdict::Active);
    }
    if server.previous_fingerprint.as_deref() == Some(client_fingerprint) {
        let since = i128::from(now_ms) - i128::from(server.switched_at_ms);
        if since >= 0 && since <= i128::from(server.grace_ms) {
            let ends = i128::from(server.switched_at_ms) + i128::from(server.grace_ms);
            let grace_ends_at_ms = i64::try_from(ends).unwrap_or(i64::MAX);
            return Ok(ClientPolicyVerdict::PreviousInGrace { grace_ends_at_ms });
        }
    }
    Ok(ClientPolicyVerdict::Stale { code: ErrorCode::PolicyStale, active_serial: server.active_serial })
}

/// [`check_client_policy`] as a plain result: `Ok(())` when accepted, the `POLICY_STALE` error
/// (its reason names the active serial) otherwise.
pub fn require_current_policy(server: &ServerPolicies, client_fingerprint: &str, now_ms: i64) -> Result<()> {
    match check_client_policy(server, client_fingerprint, now_ms)? {
        ClientPolicyVerdict::Stale { active_serial, .. } => Err(Error::new(
            ErrorCode::PolicyStale,
            format!("the client's policy is not the active one: fetch serial {active_serial} and recompute"),
        )),
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn server() -> ServerPolicies {
        ServerPolicies {
            active_fingerprint: "new".into(),
            active_serial: 7,
            previous_fingerprint: Some("old".into()),
            switched_at_ms: 1_000_000,
            grace_ms: DEFAULT_STALE_GRACE_MS,
        }
    }

    #[test]
    fn grace_boundaries() {
        let s = server();
        let stale = ClientPolicyVerdict::Stale { code: ErrorCode::PolicyStale, active_serial: 7 };
        let in_grace = ClientPolicyVerdict::PreviousInGrace { grace_ends_at_ms: 1_600_000 };
        assert_eq!(check_client_policy(&s, "new", 0).unwrap(), ClientPolicyVerdict::Active);
        assert_eq!(check_client_policy(&s, "old", 999_999).unwrap(), stale);
        assert_eq!(check_client_policy(&s, "old", 1_000_000).unwrap(), in_grace);
        assert_eq!(check_client_policy(&s, "old", 1_600_000).unwrap(), in_grace);
        assert_eq!(check_client_policy(&s, "old", 1_600_001).unwrap(), stale);
        assert_eq!(check_client_policy(&s, "other", 1_000_001).unwrap(), stale);
        let e = require_current_policy(&s, "other", 0).unwrap_err();
        assert_eq!(e.code, ErrorCode::PolicyStale);
        assert!(e.reason.contains("serial 7"));
    }

    #[test]
    fn extremes_do_not_overflow() {
        let mut s = server();
        s.switched_at_ms = i64::MAX;
        s.grace_ms = u64::MAX;
        assert_eq!(
            check_client_policy(&s, "old", i64::MAX).unwrap(),
            ClientPolicyVerdict::PreviousInGrace { grace_ends_at_ms: i64::MAX }
        );
        assert!(matches!(check_client_policy(&s, "old", i64::MIN).unwrap(), ClientPolicyVerdict::Stale { .. }));
        s.active_fingerprint.clear();
        assert_eq!(check_client_policy(&s, "", 0).unwrap_err().code, ErrorCode::InvalidInput);
    }
}

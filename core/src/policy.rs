//! The policy (SPEC §1): every tunable number of the rule book in one value.
//!
//! [`PolicyRules`] is the plain data (one section per rule area, each defined in its module and
//! serialised with serde). [`Policy`] is a validated, immutable `PolicyRules` together with its
//! fingerprint: the SHA-256 (lower-case hex) of the canonical JSON (keys sorted at every level,
//! no insignificant white space). Client and server compare fingerprints to prove they price
//! with the same rules. `Policy` dereferences to `PolicyRules`, so `policy.splits.tip_bp` reads
//! naturally.

use crate::error::{Error, Result};
pub mod base64url;
pub mod bounds;
pub mod diff;
pub mod ed25519;
pub mod envelope;
mod json_path;
pub mod stale;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use sha2::{Digest, Sha256};
use std::fmt::Write as _;

/// Version string of the built-in policy.
pub const DEFAULT_POLICY_VERSION: &str = "2026.11";

/// One problem found while loading or validating a policy, with its JSON path
/// (`$.splits.chat_creator_bp`).
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct PolicyProblem {
    /// JSON path of the offending value, starting with `$`.
    pub path: String,
    /// What is wrong with it.
    pub problem: String,
}

impl PolicyProblem {
    /// A problem at a path.
    pub fn new(path: impl Into<String>, problem: impl Into<String>) -> Self {
        PolicyProblem { path: path.into(), problem: problem.into() }
    }
}

/// All tunable numbers, one section per rule area (see ARCHITECTURE.md).
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PolicyRules {
    /// Version label of this policy (`"2026.11"` for the built-in one).
    pub version: String,
    /// Token packs, settlement value, subscriptions (SPEC §2).
    pub pricing: crate::pricing::PricingPolicy,
    /// Revenue split shares, tip and unlock ranges, referral reward (SPEC §3.1–3.5).
    pub splits: crate::split::SplitPolicy,
    /// Withdrawals (SPEC §3.6).
    pub payout: crate::payout::PayoutPolicy,
    /// Retry strategy numbers (SPEC §11).
    pub retry: crate::error::RetryPolicy,
    /// Word-based message billing (SPEC §4.1–4.7).
    pub billing: crate::billing::BillingPolicy,
    /// Anti-spam (SPEC §4.8).
    pub spam: crate::spam::SpamPolicy,
    /// Profile score, discovery, likes (SPEC §5).
    pub ranking: crate::ranking::RankingPolicy,
    /// Royal Club tiers (SPEC §7.3).
    pub royal: crate::royal::RoyalPolicy,
    /// Rate limiting (SPEC §6).
    pub ratelimit: crate::ratelimit::RateLimitPolicy,
    /// Launch modes and signup (SPEC §7.1).
    pub launch: crate::launch::LaunchPolicy,
    /// Country phases, caps, progression (SPEC §7.2).
    pub rollout: crate::rollout::RolloutPolicy,
    /// Region risk, fraud, load, campaigns, health (SPEC §8).
    pub risk: crate::risk::RiskPolicy,
    /// Feature flags (SPEC §7.4).
    pub flags: crate::flags::FlagsPolicy,
    /// Upload validation (SPEC §9.1–9.5).
    pub upload: crate::upload::UploadPolicy,
    /// Media access and stories (SPEC §9.6).
    pub media: crate::media::MediaPolicy,
    /// Request signing, signed URLs, origins, freshness (SPEC §10).
    pub security: crate::security::SecurityPolicy,
    /// Members newer versions may add without raising `schema` (SPEC §17.3): accepted and
    /// ignored by this library, but part of the canonical JSON and so of the fingerprint.
    /// Absent in the built-in policy.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "wasm", tsify(type = "Record<string, unknown>", optional))]
    pub extensions: Option<serde_json::Map<String, Value>>,
    /// Media verdict thresholds and the text sanitiser (SPEC §14).
    pub moderation: crate::moderation::ModerationPolicy,
    /// Admission: one decision for signups and paid operations (SPEC §13).
    pub admission: crate::admission::AdmissionPolicy,
    /// Operations: severity and routing, releases, deploys, secrets (SPEC §15).
    pub ops: crate::ops::OpsPolicy,
}

impl Default for PolicyRules {
    fn default() -> Self {
        PolicyRules {
            version: DEFAULT_POLICY_VERSION.to_string(),
            pricing: Default::default(),
            splits: Default::default(),
            payout: Default::default(),
            retry: Default::default(),
            billing: Default::default(),
            spam: Default::default(),
            ranking: Default::default(),
            royal: Default::default(),
            ratelimit: Default::default(),
            launch: Default::default(),
            rollout: Default::default(),
            risk: Default::default(),
            flags: Default::default(),
            upload: Default::default(),
            media: Default::default(),
            security: Default::default(),
            extensions: None,
            moderation: Default::default(),
            admission: Default::default(),
            ops: Default::default(),
        }
    }
}

impl PolicyRules {
    /// Every problem in these rules, each with its JSON path. Empty means valid.
    pub fn validate(&self) -> Vec<PolicyProblem> {
        let mut p = Vec::new();
        if self.version.trim().is_empty() {
            p.push(PolicyProblem::new("$.version", "must not be empty"));
        }
        self.pricing.validate("$.pricing", &mut p);
        self.splits.validate("$.splits", &mut p);
        self.payout.validate("$.payout", &mut p);
        self.retry.validate("$.retry", &mut p);
        self.billing.validate("$.billing", &mut p);
        self.spam.validate("$.spam", &mut p);
        self.ranking.validate("$.ranking", &mut p);
        self.royal.validate("$.royal", &mut p);
        self.ratelimit.validate("$.ratelimit", &mut p);
        self.launch.validate("$.launch", &mut p);
        self.rollout.validate("$.rollout", &mut p);
        self.risk.validate("$.risk", &mut p);
        self.flags.validate("$.flags", &mut p);
        self.upload.validate("$.upload", &mut p);
        self.media.validate("$.media", &mut p);
        self.security.validate("$.security", &mut p);
        self.moderation.validate("$.moderation", &mut p);
        self.admission.validate("$.admission", &mut p);
        self.ops.validate("$.ops", &mut p);
        p
    }
}

/// A validated, immutable policy with its fingerprint, the serial and schema it was published
/// with (SPEC §17): serial 0 for the built-in policy and any policy loaded from plain JSON, the
/// envelope's serial for one activated from a signed envelope; and what is built once from its
/// rules (the banned-terms matcher of SPEC §14.2).
#[derive(Debug, Clone)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Object))]
pub struct Policy {
    rules: PolicyRules,
    fingerprint: String,
    serial: u64,
    schema: u32,
    /// SHA-256 (hex) of the envelope payload this policy was activated from, if any.
    payload_sha256: Option<String>,
    terms: std::sync::Arc<crate::moderation::TermMatcher>,
}

impl PartialEq for Policy {
    /// Two policies are equal when their rules and their publication (serial, schema, payload)
    /// are; the fingerprint and the term matcher are derived from the rules.
    fn eq(&self, other: &Self) -> bool {
        self.rules == other.rules
            && self.serial == other.serial
            && self.schema == other.schema
            && self.payload_sha256 == other.payload_sha256
    }
}

impl std::ops::Deref for Policy {
    type Target = PolicyRules;
    fn deref(&self) -> &PolicyRules {
        &self.rules
    }
}

impl Default for Policy {
    /// The built-in policy: exactly the defaults of SPEC.md.
    fn default() -> Self {
        Policy::built(PolicyRules::default())
    }
}

impl Policy {
    /// Validates rules and computes their fingerprint. Every problem found is listed in the
    /// `INVALID_INPUT` reason as `path: problem` pairs separated by `; `.
    pub fn from_rules(rules: PolicyRules) -> Result<Policy> {
        let problems = rules.validate();
        if !problems.is_empty() {
            return Err(problems_error(&problems));
        }
        Ok(Policy::built(rules))
    }

    /// The policy of valid rules: the fingerprint and the term matcher computed once.
    fn built(rules: PolicyRules) -> Policy {
        let fingerprint = fingerprint_of(&rules);
        let terms = std::sync::Arc::new(crate::moderation::TermMatcher::new(&rules.moderation.terms));
        Policy { rules, fingerprint, serial: 0, schema: envelope::POLICY_SCHEMA, payload_sha256: None, terms }
    }

    /// The banned-terms matcher built from this policy's term list (SPEC §14.2).
    pub fn term_matcher(&self) -> &crate::moderation::TermMatcher {
        &self.terms
    }

    /// This policy as activated from an envelope with `serial` and this payload hash.
    pub(crate) fn signed_as(mut self, serial: u64, payload_sha256: String) -> Policy {
        self.serial = serial;
        self.payload_sha256 = Some(payload_sha256);
        self
    }

    /// Loads a policy from a signed envelope (SPEC §17.2) as the first update over the built-in
    /// policy (serial 0): the six checks run, the result remembers the envelope's serial. Every
    /// refusal is the error of the first failing check.
    pub fn from_envelope(envelope_json: &str, keyring: &[envelope::KeyringEntry], now_ms: i64) -> Result<Policy> {
        match envelope::activate_policy_envelope(&Policy::default(), envelope_json, keyring, now_ms)? {
            envelope::PolicyActivation::Activated(policy) => Ok(*policy),
            // The built-in policy has no payload, so no envelope can equal it.
            envelope::PolicyActivation::AlreadyActive => Ok(Policy::default()),
        }
    }

    /// The serial this policy was published with (0: built-in or unsigned).
    pub fn serial(&self) -> u64 {
        self.serial
    }

    /// The policy format's major version (1).
    pub fn schema(&self) -> u32 {
        self.schema
    }

    /// SHA-256 (lower-case hex) of the envelope payload this policy was activated from; `None`
    /// for the built-in policy and policies loaded from plain JSON.
    pub fn payload_sha256(&self) -> Option<&str> {
        self.payload_sha256.as_deref()
    }

    /// Loads a complete policy from JSON. A wrong type, a missing or an unknown field is
    /// `INVALID_INPUT` with the JSON path in the reason; then every validation problem is
    /// reported at once.
    pub fn from_json(json: &str) -> Result<Policy> {
        let rules: PolicyRules = serde_json::from_str(json)
            .map_err(|e| Error::invalid(format!("policy JSON: {}: {e}", json_path::error_path(json, &e))))?;
        Policy::from_rules(rules)
    }

    /// The built-in policy with a JSON merge patch (RFC 7386) applied: objects merge key by
    /// key, `null` removes (which then fails as a missing field), anything else replaces.
    /// This is how a host overrides a few numbers without restating the whole policy.
    pub fn from_patch(patch_json: &str) -> Result<Policy> {
        let patch: Value =
            serde_json::from_str(patch_json).map_err(|e| Error::invalid(format!("policy patch JSON: {e}")))?;
        let mut base = serde_json::to_value(PolicyRules::default())
            .map_err(|e| Error::invalid(format!("policy serialisation: {e}")))?;
        merge_patch(&mut base, &patch);
        Policy::from_json(&base.to_string())
    }

    /// Every problem a policy JSON has (parse error or validation problems), without building
    /// it. Empty means the JSON loads.
    pub fn problems_in_json(json: &str) -> Vec<PolicyProblem> {
        match serde_json::from_str::<PolicyRules>(json) {
            Ok(rules) => rules.validate(),
            Err(e) => vec![PolicyProblem::new(json_path::error_path(json, &e), e.to_string())],
        }
    }

    /// The rules of this policy.
    pub fn rules(&self) -> &PolicyRules {
        &self.rules
    }

    /// The version label.
    pub fn version(&self) -> &str {
        &self.rules.version
    }

    /// SHA-256 (lower-case hex) of the canonical JSON of the rules.
    pub fn fingerprint(&self) -> &str {
        &self.fingerprint
    }

    /// The canonical JSON (sorted keys, compact) that the fingerprint hashes.
    pub fn canonical_json(&self) -> String {
        canonical_json(&self.rules)
    }
}

fn problems_error(problems: &[PolicyProblem]) -> Error {
    let joined: Vec<String> = problems.iter().map(|p| format!("{}: {}", p.path, p.problem)).collect();
    Error::invalid(format!("invalid policy: {}", joined.join("; ")))
}

fn canonical_json(rules: &PolicyRules) -> String {
    // Serialising plain data into a `Value` cannot fail (no maps with non-string keys, no
    // non-finite floats survive validation); fall back to the error text so the function stays
    // total, which would still be a stable (if useless) fingerprint input.
    let value = serde_json::to_value(rules).unwrap_or_else(|e| Value::String(e.to_string()));
    let mut out = Vec::with_capacity(8 * 1024);
    write_canonical(&value, &mut out);
    // serde_json writes valid UTF-8 only.
    String::from_utf8(out).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}

fn fingerprint_of(rules: &PolicyRules) -> String {
    sha256_hex(canonical_json(rules).as_bytes())
}

/// Lower-case hex SHA-256 of bytes.
pub(crate) fn sha256_hex(bytes: &[u8]) -> String {
    to_hex(&Sha256::digest(bytes))
}

/// Lower-case hex of bytes.
pub(crate) fn to_hex(bytes: &[u8]) -> String {
    let mut s = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        let _ = write!(s, "{b:02x}");
    }
    s
}

/// Writes JSON with object keys sorted at every level and no white space, independent of the
/// map type serde_json was built with. Keys and scalars are written by serde_json itself (the
/// same escaping and number format as `Value::to_string`), straight into `out`.
pub(crate) fn write_canonical(v: &Value, out: &mut Vec<u8>) {
    match v {
        Value::Object(map) => {
            let mut entries: Vec<(&String, &Value)> = map.iter().collect();
            entries.sort_unstable_by(|a, b| a.0.cmp(b.0));
            out.push(b'{');
            for (i, (k, child)) in entries.into_iter().enumerate() {
                if i > 0 {
                    out.push(b',');
                }
                write_scalar(&**k, out);
                out.push(b':');
                write_canonical(child, out);
            }
            out.push(b'}');
        }
        Value::Array(items) => {
            out.push(b'[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(b',');
                }
                write_canonical(item, out);
            }
            out.push(b']');
        }
        other => write_scalar(other, out),
    }
}

/// Appends serde_json's compact text of a string or scalar (writing to a `Vec` cannot fail;
/// a failure would leave the output shorter, still a deterministic fingerprint input).
fn write_scalar<T: Serialize + ?Sized>(v: &T, out: &mut Vec<u8>) {
    let _ = serde_json::to_writer(&mut *out, v);
}

fn merge_patch(target: &mut Value, patch: &Value) {
    match (target, patch) {
        (Value::Object(t), Value::Object(p)) => {
            for (k, pv) in p {
                if pv.is_null() {
                    t.remove(k);
                } else if let Some(tv) = t.get_mut(k) {
                    merge_patch(tv, pv);
                } else {
                    let mut fresh = Value::Null;
                    merge_patch(&mut fresh, pv);
                    t.insert(k.clone(), fresh);
                }
            }
        }
        (t, p) => {
            if let Value::Object(p_map) = p {
                let mut obj = Value::Object(serde_json::Map::new());
                merge_patch(&mut obj, &Value::Object(p_map.clone()));
                *t = obj;
            } else {
                *t = p.clone();
            }
        }
    }
}

/// Validation helper for section `validate` functions: pushes a problem unless `ok`.
pub(crate) fn check(ok: bool, problems: &mut Vec<PolicyProblem>, path: String, problem: &str) {
    if !ok {
        problems.push(PolicyProblem::new(path, problem));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The built-in policy's fingerprint, pinned. It changes only when a default number or the
    /// policy's shape changes on purpose: update it in the same commit and say so.
    const DEFAULT_FINGERPRINT: &str = "da04bc2fe8b65829439c844ea5818940b37cdc20dabb0884494a5c0db62c5e38";

    #[test]
    fn default_fingerprint_is_pinned() {
        assert_eq!(Policy::default().fingerprint(), DEFAULT_FINGERPRINT);
    }

    #[test]
    fn default_round_trips_with_same_fingerprint() {
        let p = Policy::default();
        let json = serde_json::to_string(p.rules()).unwrap();
        let q = Policy::from_json(&json).unwrap();
        assert_eq!(p.fingerprint(), q.fingerprint());
        assert_eq!(p, q);
    }

    #[test]
    fn canonical_json_is_sorted_and_compact() {
        let c = Policy::default().canonical_json();
        assert!(c.starts_with("{\"admission\":"), "{c}");
        assert!(!c.contains(": ") && !c.contains(", ") && !c.contains('\n'));
    }

    #[test]
    fn patch_changes_fingerprint_and_null_removal_fails() {
        let p = Policy::from_patch(r#"{"version":"test"}"#).unwrap();
        assert_ne!(p.fingerprint(), Policy::default().fingerprint());
        let e = Policy::from_patch(r#"{"splits":{"tip_creator_bp":null}}"#).unwrap_err();
        assert!(e.reason.contains("tip_creator_bp"), "{}", e.reason);
    }

    #[test]
    fn wrong_type_names_its_path() {
        let e = Policy::from_patch(r#"{"payout":{"min_tokens":"five"}}"#).unwrap_err();
        assert!(e.reason.contains("payout.min_tokens"), "{}", e.reason);
    }
}

//! Signed policy envelopes (SPEC §17.1–17.3, 17.6): the envelope, its signing input, signing
//! from a 32-byte seed, the keyring, and the six ordered checks an app runs before it switches
//! to a new policy. The first failure wins, and a failure never replaces the active policy: the
//! caller keeps the [`Policy`] it has.

use super::{base64url, ed25519, sha256_hex, Policy};
use crate::error::{Error, ErrorCode, Result};
use serde::{Deserialize, Serialize};

/// The policy format's major version this library reads and writes (SPEC §17.1).
pub const POLICY_SCHEMA: u32 = 1;

/// The first line of every signing input.
pub const SIGNING_DOMAIN: &str = "avalo-policy-v1";

/// Default lifetime of an envelope: 30 days, in ms (SPEC §17.2).
pub const DEFAULT_ENVELOPE_LIFETIME_MS: i64 = 30 * 24 * 60 * 60 * 1000;

/// A signed policy as it travels from the server to apps (SPEC §17.1).
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(deny_unknown_fields)]
pub struct PolicyEnvelope {
    /// The policy format's major version (1).
    pub schema: u32,
    /// Strictly increasing per deployment; signed policies start at 1 (the built-in one is 0).
    pub serial: u64,
    /// First instant (ms since the epoch) the envelope may be activated.
    pub not_before_ms: i64,
    /// First instant (ms) it may no longer be activated.
    pub expires_at_ms: i64,
    /// Id of the signing key: first 16 hex characters of SHA-256 of its public key.
    pub key_id: String,
    /// The policy JSON, as a string (signed through its SHA-256).
    pub payload: String,
    /// Ed25519 signature of the signing input, base64url without padding (86 characters).
    pub signature: String,
}

/// One trusted signing key of a keyring (SPEC §17.2). Two keys overlap during a rotation.
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(deny_unknown_fields)]
pub struct KeyringEntry {
    /// Must equal [`key_id_of`](super::ed25519::key_id_of) of the public key.
    pub key_id: String,
    /// The 32-byte Ed25519 public key, base64url without padding (43 characters).
    pub public_key: String,
    /// The key signs valid envelopes from this instant (ms, inclusive)…
    pub valid_from_ms: i64,
    /// …until this one (exclusive).
    pub valid_until_ms: i64,
}

/// What activating an envelope decided (SPEC §17.2). Every refusal is an [`Error`] instead, and
/// the caller keeps its active policy.
#[derive(Debug, Clone, PartialEq)]
pub enum PolicyActivation {
    /// A newer policy, verified and loaded: switch to it.
    Activated(Box<Policy>),
    /// The envelope carries the active policy's serial and payload: nothing to do.
    AlreadyActive,
}

/// The bytes that are signed (SPEC §17.1): `avalo-policy-v1`, schema, serial, not-before,
/// expiry, key id and the lower-case hex SHA-256 of the payload, one per line, numbers in
/// decimal without leading zeros, no final newline.
#[must_use]
pub fn signing_input(
    schema: u32,
    serial: u64,
    not_before_ms: i64,
    expires_at_ms: i64,
    key_id: &str,
    payload: &str,
) -> String {
    signing_input_of_hash(schema, serial, not_before_ms, expires_at_ms, key_id, &sha256_hex(payload.as_bytes()))
}

/// [`signing_input`] from the payload's hex SHA-256, so a verifier hashes the payload once.
fn signing_input_of_hash(
    schema: u32,
    serial: u64,
    not_before_ms: i64,
    expires_at_ms: i64,
    key_id: &str,
    payload_sha256: &str,
) -> String {
    format!("{SIGNING_DOMAIN}\n{schema}\n{serial}\n{not_before_ms}\n{expires_at_ms}\n{key_id}\n{payload_sha256}")
}

/// The keyring entry (key id, base64url public key) of the key pair derived from `seed`, valid
/// in `[valid_from_ms, valid_until_ms)`.
pub fn keyring_entry_for_seed(seed: &[u8], valid_from_ms: i64, valid_until_ms: i64) -> Result<KeyringEntry> {
    let public_key = ed25519::public_key_of_seed(seed)?;
    let entry = KeyringEntry {
        key_id: ed25519::key_id_of(&public_key),
        public_key: base64url::encode(&public_key),
        valid_from_ms,
        valid_until_ms,
    };
    check_keyring_entry(&entry)?;
    Ok(entry)
}

/// Signs a policy: the payload must load as a policy (section 1), `serial` must be at least 1
/// (0 is the built-in policy) and `not_before_ms < expires_at_ms`; otherwise `INVALID_INPUT`.
/// The key pair is derived from the 32-byte `seed` (the caller draws it from a random source).
pub fn sign_policy_envelope(
    seed: &[u8],
    serial: u64,
    not_before_ms: i64,
    expires_at_ms: i64,
    payload: &str,
) -> Result<PolicyEnvelope> {
    if serial == 0 {
        return Err(Error::invalid("serial 0 is the built-in policy; signed policies start at 1"));
    }
    if not_before_ms >= expires_at_ms {
        return Err(Error::invalid("not_before_ms must be before expires_at_ms"));
    }
    Policy::from_json(payload)?;
    let public_key = ed25519::public_key_of_seed(seed)?;
    let key_id = ed25519::key_id_of(&public_key);
    let input = signing_input(POLICY_SCHEMA, serial, not_before_ms, expires_at_ms, &key_id, payload);
    let signature = base64url::encode(&ed25519::sign_bytes(seed, input.as_bytes())?);
    Ok(PolicyEnvelope {
        schema: POLICY_SCHEMA,
        serial,
        not_before_ms,
        expires_at_ms,
        key_id,
        payload: payload.to_string(),
        signature,
    })
}

/// A keyring entry is well formed: its public key is 32 bytes of base64url, its `key_id`
/// matches the key, and its window is not empty. Otherwise `INVALID_INPUT` (SPEC §17.6).
pub fn check_keyring_entry(entry: &KeyringEntry) -> Result<[u8; 32]> {
    let bytes = base64url::decode(&entry.public_key)
        .ok_or_else(|| Error::invalid(format!("keyring entry {}: public_key is not base64url", entry.key_id)))?;
    let key = <[u8; 32]>::try_from(bytes.as_slice()).map_err(|_| {
        Error::invalid(format!("keyring entry {}: public_key is {} bytes, not 32", entry.key_id, bytes.len()))
    })?;
    let expected = ed25519::key_id_of(&key);
    if entry.key_id != expected {
        return Err(Error::invalid(format!(
            "keyring entry {}: key_id does not match its public key (expected {expected})",
            entry.key_id
        )));
    }
    if entry.valid_from_ms >= entry.valid_until_ms {
        return Err(Error::invalid(format!(
            "keyring entry {}: valid_from_ms must be before valid_until_ms",
            entry.key_id
        )));
    }
    Ok(key)
}

/// Parses an envelope (step 1 of SPEC §17.2): `schema` is read first, so an envelope of a newer
/// schema is `POLICY_UNSUPPORTED_SCHEMA` whatever else it holds; then every field is required
/// with its type, unknown fields are refused, and the signature must be 64 bytes of base64url
/// (`INVALID_INPUT`).
pub fn parse_policy_envelope(json: &str) -> Result<PolicyEnvelope> {
    let value: serde_json::Value =
        serde_json::from_str(json).map_err(|e| Error::invalid(format!("envelope JSON: {e}")))?;
    let schema = value
        .get("schema")
        .ok_or_else(|| Error::invalid("envelope: missing field `schema`"))?
        .as_u64()
        .ok_or_else(|| Error::invalid("envelope: `schema` must be a non-negative integer"))?;
    if schema != u64::from(POLICY_SCHEMA) {
        return Err(Error::new(
            ErrorCode::PolicyUnsupportedSchema,
            format!("envelope schema {schema}; this library reads schema {POLICY_SCHEMA}: update the app"),
        ));
    }
    let envelope: PolicyEnvelope =
        serde_json::from_value(value).map_err(|e| Error::invalid(format!("envelope: {e}")))?;
    signature_bytes(&envelope)?;
    Ok(envelope)
}

fn signature_bytes(envelope: &PolicyEnvelope) -> Result<Vec<u8>> {
    let sig = base64url::decode(&envelope.signature)
        .ok_or_else(|| Error::invalid("envelope: signature is not base64url without padding"))?;
    if sig.len() != ed25519::SIGNATURE_LEN {
        return Err(Error::invalid(format!("envelope: signature is {} bytes, not 64", sig.len())));
    }
    Ok(sig)
}

/// Steps 1–4 of SPEC §17.2 on a parsed envelope: the keyring is well formed (`INVALID_INPUT`),
/// the schema is supported, `key_id` names a key of the keyring valid at `now_ms`
/// (`POLICY_UNKNOWN_KEY`), the signature verifies strictly (`POLICY_SIGNATURE_INVALID`), and
/// `not_before_ms ≤ now_ms < expires_at_ms` (`POLICY_NOT_YET_VALID`, `POLICY_EXPIRED`).
pub fn verify_policy_envelope(envelope: &PolicyEnvelope, keyring: &[KeyringEntry], now_ms: i64) -> Result<()> {
    let keys = checked_keys(keyring)?;
    verify_with_keys(envelope, keyring, &keys, now_ms, &sha256_hex(envelope.payload.as_bytes()))
}

fn checked_keys(keyring: &[KeyringEntry]) -> Result<Vec<[u8; 32]>> {
    keyring.iter().map(check_keyring_entry).collect()
}

fn verify_with_keys(
    envelope: &PolicyEnvelope,
    keyring: &[KeyringEntry],
    keys: &[[u8; 32]],
    now_ms: i64,
    payload_sha256: &str,
) -> Result<()> {
    if envelope.schema != POLICY_SCHEMA {
        return Err(Error::new(
            ErrorCode::PolicyUnsupportedSchema,
            format!("envelope schema {}; this library reads schema {POLICY_SCHEMA}", envelope.schema),
        ));
    }
    let sig = signature_bytes(envelope)?;
    let key = keyring
        .iter()
        .zip(keys)
        .find(|(e, _)| e.key_id == envelope.key_id && e.valid_from_ms <= now_ms && now_ms < e.valid_until_ms)
        .map(|(_, k)| k)
        .ok_or_else(|| {
            let known = keyring.iter().any(|e| e.key_id == envelope.key_id);
            Error::new(
                ErrorCode::PolicyUnknownKey,
                if known {
                    format!("key {} is not valid at {now_ms}", envelope.key_id)
                } else {
                    format!("key {} is not in the keyring", envelope.key_id)
                },
            )
        })?;
    let input = signing_input_of_hash(
        envelope.schema,
        envelope.serial,
        envelope.not_before_ms,
        envelope.expires_at_ms,
        &envelope.key_id,
        payload_sha256,
    );
    if !ed25519::verify_strict_bytes(key, input.as_bytes(), &sig) {
        return Err(Error::new(ErrorCode::PolicySignatureInvalid, "the signature does not verify (strict Ed25519)"));
    }
    if now_ms < envelope.not_before_ms {
        return Err(Error::new(
            ErrorCode::PolicyNotYetValid,
            format!("valid from {}, now is {now_ms}", envelope.not_before_ms),
        ));
    }
    if now_ms >= envelope.expires_at_ms {
        return Err(Error::new(
            ErrorCode::PolicyExpired,
            format!("expired at {}, now is {now_ms}", envelope.expires_at_ms),
        ));
    }
    Ok(())
}

/// The six ordered checks of SPEC §17.2 against the `active` policy; the first failure wins and
/// is returned as the error (the caller keeps `active`). After steps 1–4
/// ([`verify_policy_envelope`]): a serial below the active one, or equal with another payload,
/// is `POLICY_ROLLBACK`; equal with the same payload is [`PolicyActivation::AlreadyActive`]
/// (step 6 skipped); otherwise the payload must load as a policy (`INVALID_INPUT` with the JSON
/// paths) and the result remembers the envelope's serial.
pub fn activate_policy_envelope(
    active: &Policy,
    envelope_json: &str,
    keyring: &[KeyringEntry],
    now_ms: i64,
) -> Result<PolicyActivation> {
    let keys = checked_keys(keyring)?;
    let envelope = parse_policy_envelope(envelope_json)?;
    let payload_sha256 = sha256_hex(envelope.payload.as_bytes());
    verify_with_keys(&envelope, keyring, &keys, now_ms, &payload_sha256)?;
    if envelope.serial < active.serial() {
        return Err(Error::new(
            ErrorCode::PolicyRollback,
            format!("serial {} is below the active serial {}", envelope.serial, active.serial()),
        ));
    }
    if envelope.serial == active.serial() {
        if active.payload_sha256() == Some(payload_sha256.as_str()) {
            return Ok(PolicyActivation::AlreadyActive);
        }
        return Err(Error::new(
            ErrorCode::PolicyRollback,
            format!("serial {} is the active serial with another payload", envelope.serial),
        ));
    }
    let policy = Policy::from_json(&envelope.payload)?;
    Ok(PolicyActivation::Activated(Box::new(policy.signed_as(envelope.serial, payload_sha256))))
}

#[cfg(test)]
mod tests {
    use super::*;

    const SEED: [u8; 32] = [7; 32];
    const NOW: i64 = 1_800_000_000_000;

    fn keyring() -> Vec<KeyringEntry> {
        vec![keyring_entry_for_seed(&SEED, 0, i64::MAX).unwrap()]
    }

    fn payload() -> String {
        serde_json::to_string(Policy::default().rules()).unwrap()
    }

    fn envelope(serial: u64) -> PolicyEnvelope {
        sign_policy_envelope(&SEED, serial, NOW - 1, NOW + DEFAULT_ENVELOPE_LIFETIME_MS, &payload()).unwrap()
    }

    fn activate(active: &Policy, e: &PolicyEnvelope) -> Result<PolicyActivation> {
        activate_policy_envelope(active, &serde_json::to_string(e).unwrap(), &keyring(), NOW)
    }

    fn code(r: Result<PolicyActivation>) -> ErrorCode {
        r.unwrap_err().code
    }

    #[test]
    fn signed_policy_activates_and_remembers_its_serial() {
        let activated = |r: Result<PolicyActivation>| match r {
            Ok(PolicyActivation::Activated(p)) => Some(p),
            _ => None,
        };
        let p = activated(activate(&Policy::default(), &envelope(3))).unwrap();
        assert_eq!((p.serial(), p.schema()), (3, 1));
        assert_eq!(p.fingerprint(), Policy::default().fingerprint());
        assert_eq!(activate(&p, &envelope(3)).unwrap(), PolicyActivation::AlreadyActive);
        assert_eq!(code(activate(&p, &envelope(2))), ErrorCode::PolicyRollback);
        assert!(matches!(activate(&p, &envelope(4)).unwrap(), PolicyActivation::Activated(_)));
        let other = sign_policy_envelope(&SEED, 3, NOW - 1, NOW + 1, &payload().replace("2026.11", "2026.12")).unwrap();
        assert_eq!(code(activate(&p, &other)), ErrorCode::PolicyRollback);
        let from = Policy::from_envelope(&serde_json::to_string(&envelope(9)).unwrap(), &keyring(), NOW).unwrap();
        assert_eq!(from.serial(), 9);
    }

    #[test]
    fn every_field_is_covered_by_the_signature() {
        let base = envelope(5);
        let mut cases = vec![];
        let mut e = base.clone();
        e.serial = 6;
        cases.push(e);
        let mut e = base.clone();
        e.not_before_ms -= 1;
        cases.push(e);
        let mut e = base.clone();
        e.expires_at_ms += 1;
        cases.push(e);
        let mut e = base.clone();
        e.payload.push(' ');
        cases.push(e);
        for e in cases {
            assert_eq!(code(activate(&Policy::default(), &e)), ErrorCode::PolicySignatureInvalid, "{e:?}");
        }
        let mut e = base.clone();
        e.key_id = "0000000000000000".into();
        assert_eq!(code(activate(&Policy::default(), &e)), ErrorCode::PolicyUnknownKey);
        let mut e = base.clone();
        e.schema = 2;
        assert_eq!(code(activate(&Policy::default(), &e)), ErrorCode::PolicyUnsupportedSchema);
        let mut e = base;
        e.signature.truncate(85);
        assert_eq!(code(activate(&Policy::default(), &e)), ErrorCode::InvalidInput);
    }

    #[test]
    fn time_window_and_key_window() {
        let e = envelope(1);
        let json = serde_json::to_string(&e).unwrap();
        let at = |now| activate_policy_envelope(&Policy::default(), &json, &keyring(), now);
        assert_eq!(code(at(e.not_before_ms - 1)), ErrorCode::PolicyNotYetValid);
        assert!(at(e.not_before_ms).is_ok());
        assert!(at(e.expires_at_ms - 1).is_ok());
        assert_eq!(code(at(e.expires_at_ms)), ErrorCode::PolicyExpired);
        let ring = vec![keyring_entry_for_seed(&SEED, NOW + 1, NOW + 2).unwrap()];
        let r = activate_policy_envelope(&Policy::default(), &json, &ring, NOW);
        assert_eq!(code(r), ErrorCode::PolicyUnknownKey);
        let mut bad = keyring();
        bad[0].key_id = "ffffffffffffffff".into();
        assert_eq!(code(activate_policy_envelope(&Policy::default(), &json, &bad, NOW)), ErrorCode::InvalidInput);
    }

    #[test]
    fn signing_refuses_bad_input() {
        assert_eq!(sign_policy_envelope(&SEED, 0, 0, 1, &payload()).unwrap_err().code, ErrorCode::InvalidInput);
        assert_eq!(sign_policy_envelope(&SEED, 1, 1, 1, &payload()).unwrap_err().code, ErrorCode::InvalidInput);
        assert_eq!(sign_policy_envelope(&SEED, 1, 0, 1, "{}").unwrap_err().code, ErrorCode::InvalidInput);
        assert_eq!(sign_policy_envelope(&SEED[..31], 1, 0, 1, &payload()).unwrap_err().code, ErrorCode::InvalidInput);
    }

    #[test]
    fn extensions_are_ignored_but_fingerprinted_and_unknown_fields_refused() {
        let mut v = serde_json::to_value(Policy::default().rules()).unwrap();
        v["extensions"] = serde_json::json!({"dark_mode_price": 5});
        let with = Policy::from_json(&v.to_string()).unwrap();
        assert_ne!(with.fingerprint(), Policy::default().fingerprint());
        assert!(with.canonical_json().contains("\"extensions\":{\"dark_mode_price\":5}"));
        v["extensions"] = serde_json::json!([1]);
        assert!(Policy::from_json(&v.to_string()).is_err());
        let mut v = serde_json::to_value(Policy::default().rules()).unwrap();
        v["dark_mode_price"] = serde_json::json!(5);
        let e = Policy::from_json(&v.to_string()).unwrap_err();
        assert!(e.reason.contains("dark_mode_price"), "{}", e.reason);
    }

    #[test]
    fn unknown_envelope_field_and_newer_schema() {
        let mut v = serde_json::to_value(envelope(1)).unwrap();
        v["extra"] = serde_json::json!(1);
        assert_eq!(parse_policy_envelope(&v.to_string()).unwrap_err().code, ErrorCode::InvalidInput);
        v["schema"] = serde_json::json!(2);
        assert_eq!(parse_policy_envelope(&v.to_string()).unwrap_err().code, ErrorCode::PolicyUnsupportedSchema);
        assert_eq!(parse_policy_envelope("[]").unwrap_err().code, ErrorCode::InvalidInput);
    }
}

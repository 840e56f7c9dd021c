//! Facade of `core/src/policy/{envelope,ed25519,stale,diff}.rs`: signed policy envelopes, their
//! Ed25519 keys, stale-client checks and the policy diff (SPEC §17). Conversions only; the rules
//! are in the core. Seeds, keys and signatures cross as bytes; envelopes as their JSON text.
//! `Policy.fromEnvelope`, `Policy.serial()` and `Policy.schema()` are methods of the core's
//! `Policy` object (`core/src/ffi_support.rs`).

use crate::error::{guard, AvaloError};
use avalo_core::policy::diff::{self, PolicyChange};
use avalo_core::policy::ed25519;
use avalo_core::policy::envelope::{self as core, KeyringEntry, PolicyActivation, PolicyEnvelope};
use avalo_core::policy::stale::{self, ClientPolicyVerdict, ServerPolicies};
use avalo_core::Policy;
use std::sync::Arc;

/// The text that is signed for an envelope (SPEC §17.1): domain, schema, serial, not-before,
/// expiry, key id and the payload's SHA-256, one per line.
#[uniffi::export]
pub fn policy_signing_input(
    schema: u32,
    serial: u64,
    not_before_ms: i64,
    expires_at_ms: i64,
    key_id: String,
    payload: String,
) -> Result<String, AvaloError> {
    guard(|| Ok(core::signing_input(schema, serial, not_before_ms, expires_at_ms, &key_id, &payload)))
}

/// The keyring entry (key id, base64url public key, validity) of the key pair derived from a
/// 32-byte seed; another length or an empty validity window is `INVALID_INPUT`.
#[uniffi::export]
pub fn keyring_entry_for_seed(
    seed: Vec<u8>,
    valid_from_ms: i64,
    valid_until_ms: i64,
) -> Result<KeyringEntry, AvaloError> {
    guard(|| Ok(core::keyring_entry_for_seed(&seed, valid_from_ms, valid_until_ms)?))
}

/// Signs a policy payload into an envelope with the key pair derived from a 32-byte seed (the
/// operator draws it from a random source); serial 0, an empty window or a payload that does
/// not load as a policy is `INVALID_INPUT`.
#[uniffi::export]
pub fn sign_policy_envelope(
    seed: Vec<u8>,
    serial: u64,
    not_before_ms: i64,
    expires_at_ms: i64,
    payload: String,
) -> Result<PolicyEnvelope, AvaloError> {
    guard(|| Ok(core::sign_policy_envelope(&seed, serial, not_before_ms, expires_at_ms, &payload)?))
}

/// Parses an envelope's JSON text (an unknown or missing field is `INVALID_INPUT`).
#[uniffi::export]
pub fn parse_policy_envelope(envelope_json: String) -> Result<PolicyEnvelope, AvaloError> {
    guard(|| Ok(core::parse_policy_envelope(&envelope_json)?))
}

/// The JSON text of an envelope, as servers send it and [`activate_policy_envelope`] and
/// `Policy.fromEnvelope` read it (serde's form of the core's `PolicyEnvelope`).
#[uniffi::export]
pub fn policy_envelope_json(envelope: PolicyEnvelope) -> Result<String, AvaloError> {
    guard(|| serde_json::to_string(&envelope).map_err(|e| AvaloError::invalid(e.to_string())))
}

/// Activates an envelope over the `active` policy (SPEC §17.2): the new policy, or none when
/// the envelope carries the active policy itself (nothing to do). Every refusal is the first
/// failing check's error (`POLICY_SIGNATURE_INVALID`, `POLICY_EXPIRED`, `POLICY_ROLLBACK`,
/// `INVALID_INPUT`…); keep `active` then.
#[uniffi::export]
pub fn activate_policy_envelope(
    active: &Policy,
    envelope_json: String,
    keyring: Vec<KeyringEntry>,
    now_ms: i64,
) -> Result<Option<Arc<Policy>>, AvaloError> {
    guard(|| {
        Ok(match core::activate_policy_envelope(active, &envelope_json, &keyring, now_ms)? {
            PolicyActivation::Activated(policy) => Some(Arc::new(*policy)),
            PolicyActivation::AlreadyActive => None,
        })
    })
}

/// The 32-byte Ed25519 public key of a 32-byte seed; another length is `INVALID_INPUT`.
#[uniffi::export]
pub fn ed25519_public_key_of_seed(seed: Vec<u8>) -> Result<Vec<u8>, AvaloError> {
    guard(|| Ok(ed25519::public_key_of_seed(&seed)?.to_vec()))
}

/// The key id of a public key (as keyring entries and envelopes name it).
#[uniffi::export]
pub fn ed25519_key_id_of(public_key: Vec<u8>) -> Result<String, AvaloError> {
    guard(|| Ok(ed25519::key_id_of(&public_key)))
}

/// The 64-byte Ed25519 signature of `message` with the key pair of a 32-byte seed.
#[uniffi::export]
pub fn ed25519_sign_bytes(seed: Vec<u8>, message: Vec<u8>) -> Result<Vec<u8>, AvaloError> {
    guard(|| Ok(ed25519::sign_bytes(&seed, &message)?.to_vec()))
}

/// Whether `signature` is a valid strict Ed25519 signature of `message` by `public_key`
/// (malformed keys and signatures are simply invalid).
#[uniffi::export]
pub fn ed25519_verify_strict(public_key: Vec<u8>, message: Vec<u8>, signature: Vec<u8>) -> Result<bool, AvaloError> {
    guard(|| Ok(ed25519::verify_strict_bytes(&public_key, &message, &signature)))
}

/// Whether a client's policy fingerprint is current, still accepted, or stale (SPEC §17.4);
/// an empty active fingerprint is `INVALID_INPUT`.
#[uniffi::export]
pub fn check_client_policy(
    server: ServerPolicies,
    client_fingerprint: String,
    now_ms: i64,
) -> Result<ClientPolicyVerdict, AvaloError> {
    guard(|| Ok(stale::check_client_policy(&server, &client_fingerprint, now_ms)?))
}

/// [`check_client_policy`] as a gate: `POLICY_STALE` unless the fingerprint is accepted.
#[uniffi::export]
pub fn require_current_policy(
    server: ServerPolicies,
    client_fingerprint: String,
    now_ms: i64,
) -> Result<(), AvaloError> {
    guard(|| Ok(stale::require_current_policy(&server, &client_fingerprint, now_ms)?))
}

/// Every difference from `old` to `new`, in path order, for a reviewer.
#[uniffi::export]
pub fn diff_policies(old: &Policy, new: &Policy) -> Result<Vec<PolicyChange>, AvaloError> {
    guard(|| Ok(diff::diff_policies(old, new)))
}

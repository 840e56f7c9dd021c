//! Facade of `core/src/policy/{ed25519,envelope,stale,diff}.rs`: signed policy envelopes and
//! their keyring (SPEC §17.1–17.2, 17.6), stale clients (§17.4) and the reviewer's policy diff
//! (§17.5). Byte strings (seeds, keys, messages, signatures) are `Uint8Array`s; envelopes are
//! JSON text exactly as published. `Policy.fromEnvelope` (wasm/src/policy.rs) loads the first.

use crate::convert::{from_js, list_from_js, list_to_js, millis, text, to_js, uint, uint32, JsResult};
use crate::upload::bytes;
use crate::Policy;
use avalo_core::policy::diff::{self, PolicyChange};
use avalo_core::policy::ed25519;
use avalo_core::policy::envelope::{self as rules, KeyringEntry, PolicyActivation, PolicyEnvelope};
use avalo_core::policy::stale::{self, ClientPolicyVerdict, ServerPolicies};
use js_sys::{JsString, Number};
use tsify::Ts;
use wasm_bindgen::prelude::*;

/// The Ed25519 public key (32 bytes) of a 32-byte seed; another length is `INVALID_INPUT`.
#[wasm_bindgen(js_name = publicKeyOfSeed)]
pub fn public_key_of_seed(#[wasm_bindgen(unchecked_param_type = "Uint8Array")] seed: JsValue) -> JsResult<Vec<u8>> {
    Ok(ed25519::public_key_of_seed(&bytes(&seed, "seed")?)?.to_vec())
}

/// The key id of a public key (SPEC §17.6): the first 16 lower-case hex digits of its SHA-256.
#[wasm_bindgen(js_name = keyIdOf)]
pub fn key_id_of(
    #[wasm_bindgen(js_name = publicKey, unchecked_param_type = "Uint8Array")] public_key: JsValue,
) -> JsResult<String> {
    Ok(ed25519::key_id_of(&bytes(&public_key, "publicKey")?))
}

/// The Ed25519 signature (64 bytes) of `message` by the key of a 32-byte seed.
#[wasm_bindgen(js_name = signBytes)]
pub fn sign_bytes(
    #[wasm_bindgen(unchecked_param_type = "Uint8Array")] seed: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Uint8Array")] message: JsValue,
) -> JsResult<Vec<u8>> {
    Ok(ed25519::sign_bytes(&bytes(&seed, "seed")?, &bytes(&message, "message")?)?.to_vec())
}

/// Whether `signature` is a strict Ed25519 signature of `message` by `publicKey`: a key or
/// signature of the wrong length, a key off the curve, a small-order key or `R`, and a
/// non-canonical `S` are all `false`.
#[wasm_bindgen(js_name = verifyStrictBytes)]
pub fn verify_strict_bytes(
    #[wasm_bindgen(js_name = publicKey, unchecked_param_type = "Uint8Array")] public_key: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Uint8Array")] message: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Uint8Array")] signature: JsValue,
) -> JsResult<bool> {
    Ok(ed25519::verify_strict_bytes(
        &bytes(&public_key, "publicKey")?,
        &bytes(&message, "message")?,
        &bytes(&signature, "signature")?,
    ))
}

/// The exact text an envelope's signature covers (SPEC §17.1): the domain line, schema, serial,
/// window, key id and the payload's SHA-256, one per line.
#[wasm_bindgen(js_name = signingInput)]
pub fn signing_input(
    schema: Number,
    serial: Number,
    #[wasm_bindgen(js_name = notBeforeMs)] not_before_ms: Number,
    #[wasm_bindgen(js_name = expiresAtMs)] expires_at_ms: Number,
    #[wasm_bindgen(js_name = keyId)] key_id: JsString,
    payload: JsString,
) -> JsResult<String> {
    Ok(rules::signing_input(
        uint32(&schema, "schema")?,
        uint(&serial, "serial")?,
        millis(&not_before_ms, "notBeforeMs")?,
        millis(&expires_at_ms, "expiresAtMs")?,
        &text(&key_id, "keyId")?,
        &text(&payload, "payload")?,
    ))
}

/// The keyring entry of a 32-byte seed's public key, valid from `validFromMs` until
/// `validUntilMs` (for tools and tests; servers ship the keyring).
#[wasm_bindgen(js_name = keyringEntryForSeed)]
pub fn keyring_entry_for_seed(
    #[wasm_bindgen(unchecked_param_type = "Uint8Array")] seed: JsValue,
    #[wasm_bindgen(js_name = validFromMs)] valid_from_ms: Number,
    #[wasm_bindgen(js_name = validUntilMs)] valid_until_ms: Number,
) -> JsResult<Ts<KeyringEntry>> {
    let e = rules::keyring_entry_for_seed(
        &bytes(&seed, "seed")?,
        millis(&valid_from_ms, "validFromMs")?,
        millis(&valid_until_ms, "validUntilMs")?,
    )?;
    Ok(to_js(&e)?)
}

/// Signs a policy JSON `payload` as an envelope (SPEC §17.1): serial ≥ 1, a non-empty window,
/// and a payload that loads as a policy, else `INVALID_INPUT`.
#[wasm_bindgen(js_name = signPolicyEnvelope)]
pub fn sign_policy_envelope(
    #[wasm_bindgen(unchecked_param_type = "Uint8Array")] seed: JsValue,
    serial: Number,
    #[wasm_bindgen(js_name = notBeforeMs)] not_before_ms: Number,
    #[wasm_bindgen(js_name = expiresAtMs)] expires_at_ms: Number,
    payload: JsString,
) -> JsResult<Ts<PolicyEnvelope>> {
    let e = rules::sign_policy_envelope(
        &bytes(&seed, "seed")?,
        uint(&serial, "serial")?,
        millis(&not_before_ms, "notBeforeMs")?,
        millis(&expires_at_ms, "expiresAtMs")?,
        &text(&payload, "payload")?,
    )?;
    Ok(to_js(&e)?)
}

/// Checks one keyring entry (SPEC §17.6) and returns its 32-byte public key; a malformed key,
/// a key id that does not match it, or an empty window is `INVALID_INPUT`.
#[wasm_bindgen(js_name = checkKeyringEntry)]
pub fn check_keyring_entry(entry: Ts<KeyringEntry>) -> JsResult<Vec<u8>> {
    Ok(rules::check_keyring_entry(&from_js(&entry)?)?.to_vec())
}

/// Parses an envelope's JSON text (unknown fields refused) without verifying it.
#[wasm_bindgen(js_name = parsePolicyEnvelope)]
pub fn parse_policy_envelope(json: JsString) -> JsResult<Ts<PolicyEnvelope>> {
    Ok(to_js(&rules::parse_policy_envelope(&text(&json, "json")?)?)?)
}

/// Steps 1–4 of SPEC §17.2 on a parsed envelope: throws `INVALID_INPUT` (keyring),
/// `POLICY_UNKNOWN_KEY`, `POLICY_SIGNATURE_INVALID`, `POLICY_NOT_YET_VALID` or `POLICY_EXPIRED`.
#[wasm_bindgen(js_name = verifyPolicyEnvelope)]
pub fn verify_policy_envelope(
    envelope: Ts<PolicyEnvelope>,
    #[wasm_bindgen(unchecked_param_type = "KeyringEntry[]")] keyring: JsValue,
    #[wasm_bindgen(js_name = nowMs)] now_ms: Number,
) -> JsResult<()> {
    let keyring: Vec<KeyringEntry> = list_from_js(&keyring, "keyring")?;
    Ok(rules::verify_policy_envelope(&from_js(&envelope)?, &keyring, millis(&now_ms, "nowMs")?)?)
}

/// The six ordered checks of SPEC §17.2 of an envelope against the `active` policy: the new
/// `Policy` (with the envelope's `serial`), or `undefined` when the envelope is the active one
/// already (same serial, same payload). A lower serial, or the same with another payload, is
/// `POLICY_ROLLBACK`; each other refusal is the first failing check's error.
#[wasm_bindgen(js_name = activatePolicyEnvelope)]
pub fn activate_policy_envelope(
    active: &Policy,
    #[wasm_bindgen(js_name = envelopeJson)] envelope_json: JsString,
    #[wasm_bindgen(unchecked_param_type = "KeyringEntry[]")] keyring: JsValue,
    #[wasm_bindgen(js_name = nowMs)] now_ms: Number,
) -> JsResult<Option<Policy>> {
    let keyring: Vec<KeyringEntry> = list_from_js(&keyring, "keyring")?;
    let envelope = text(&envelope_json, "envelopeJson")?;
    match rules::activate_policy_envelope(active.core(), &envelope, &keyring, millis(&now_ms, "nowMs")?)? {
        PolicyActivation::Activated(p) => Ok(Some((*p).into())),
        PolicyActivation::AlreadyActive => Ok(None),
    }
}

/// Decides whether an action computed with `clientFingerprint` is accepted at `nowMs`
/// (SPEC §17.4): `active`, `previous_in_grace`, or `stale` (refuse with `POLICY_STALE`).
#[wasm_bindgen(js_name = checkClientPolicy)]
pub fn check_client_policy(
    server: Ts<ServerPolicies>,
    #[wasm_bindgen(js_name = clientFingerprint)] client_fingerprint: JsString,
    #[wasm_bindgen(js_name = nowMs)] now_ms: Number,
) -> JsResult<Ts<ClientPolicyVerdict>> {
    let v = stale::check_client_policy(
        &from_js(&server)?,
        &text(&client_fingerprint, "clientFingerprint")?,
        millis(&now_ms, "nowMs")?,
    )?;
    Ok(to_js(&v)?)
}

/// [`check_client_policy`] that throws `POLICY_STALE` (its reason names the active serial)
/// instead of returning `stale`.
#[wasm_bindgen(js_name = requireCurrentPolicy)]
pub fn require_current_policy(
    server: Ts<ServerPolicies>,
    #[wasm_bindgen(js_name = clientFingerprint)] client_fingerprint: JsString,
    #[wasm_bindgen(js_name = nowMs)] now_ms: Number,
) -> JsResult<()> {
    Ok(stale::require_current_policy(
        &from_js(&server)?,
        &text(&client_fingerprint, "clientFingerprint")?,
        millis(&now_ms, "nowMs")?,
    )?)
}

/// Every difference from `old` to `new`, in path order (SPEC §17.5), each with its reviewer line.
#[wasm_bindgen(js_name = diffPolicies)]
pub fn diff_policies(old: &Policy, new: &Policy) -> JsResult<Vec<Ts<PolicyChange>>> {
    Ok(list_to_js(&diff::diff_policies(old.core(), new.core()))?)
}

/// Loads two policy JSON texts (`INVALID_INPUT` with the JSON paths if one does not load) and
/// lists their differences.
#[wasm_bindgen(js_name = diffPolicyJson)]
pub fn diff_policy_json(
    #[wasm_bindgen(js_name = oldJson)] old_json: JsString,
    #[wasm_bindgen(js_name = newJson)] new_json: JsString,
) -> JsResult<Vec<Ts<PolicyChange>>> {
    Ok(list_to_js(&diff::diff_policy_json(&text(&old_json, "oldJson")?, &text(&new_json, "newJson")?)?)?)
}

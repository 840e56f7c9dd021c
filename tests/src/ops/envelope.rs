//! Vector operations of signed policy envelopes, stale clients and the policy diff (SPEC §17).
//! Byte strings (seeds, keys, messages, signatures) are hex; envelopes are JSON text.

use super::upload::bytes;
use super::{arg, opt, out, OpResult};
use avalo_core::policy::diff::diff_policies;
use avalo_core::policy::ed25519::{key_id_of, public_key_of_seed, sign_bytes, verify_strict_bytes};
use avalo_core::policy::envelope::{
    activate_policy_envelope, keyring_entry_for_seed, parse_policy_envelope, sign_policy_envelope, signing_input,
    KeyringEntry, PolicyActivation,
};
use avalo_core::policy::stale::{check_client_policy, ServerPolicies};
use avalo_core::{Error, Policy};
use serde_json::{json, Value};

/// Lower-case hex of bytes.
fn hex(b: &[u8]) -> String {
    b.iter().map(|x| format!("{x:02x}")).collect()
}

/// The policy an `active_envelope` input stands for: that envelope activated over the built-in
/// policy at its own `not_before_ms`; the built-in policy when absent.
fn active_policy(i: &Value, keyring: &[KeyringEntry]) -> Result<Policy, Error> {
    let Some(text) = opt::<String>(i, "active_envelope")? else { return Ok(Policy::default()) };
    let at = parse_policy_envelope(&text)?.not_before_ms;
    match activate_policy_envelope(&Policy::default(), &text, keyring, at)? {
        PolicyActivation::Activated(p) => Ok(*p),
        PolicyActivation::AlreadyActive => Ok(Policy::default()),
    }
}

/// Runs one envelope operation, or `None` if the name is not one of them.
pub fn run(_policy: &Policy, op: &str, i: &Value) -> Option<OpResult> {
    let r = match op {
        "ed25519_sign" => (|| {
            let seed = bytes(i, "seed")?;
            let public_key = public_key_of_seed(&seed)?;
            let signature = sign_bytes(&seed, &bytes(i, "message")?)?;
            Ok(json!({"public_key": hex(&public_key), "key_id": key_id_of(&public_key), "signature": hex(&signature)}))
        })(),
        "ed25519_verify_strict" => (|| {
            let valid = verify_strict_bytes(&bytes(i, "public_key")?, &bytes(i, "message")?, &bytes(i, "signature")?);
            Ok(json!({ "valid": valid }))
        })(),
        "policy_signing_input" => (|| {
            Ok(json!({"signing_input": signing_input(
                arg(i, "schema")?,
                arg(i, "serial")?,
                arg(i, "not_before_ms")?,
                arg(i, "expires_at_ms")?,
                &arg::<String>(i, "key_id")?,
                &arg::<String>(i, "payload")?,
            )}))
        })(),
        "keyring_entry_for_seed" => {
            (|| keyring_entry_for_seed(&bytes(i, "seed")?, arg(i, "valid_from_ms")?, arg(i, "valid_until_ms")?))()
                .and_then(out)
        }
        "sign_policy_envelope" => (|| {
            sign_policy_envelope(
                &bytes(i, "seed")?,
                arg(i, "serial")?,
                arg(i, "not_before_ms")?,
                arg(i, "expires_at_ms")?,
                &arg::<String>(i, "payload")?,
            )
        })()
        .and_then(out),
        "activate_policy_envelope" => (|| {
            let keyring: Vec<KeyringEntry> = arg(i, "keyring")?;
            let active = active_policy(i, &keyring)?;
            let now: i64 = arg(i, "now_ms")?;
            match activate_policy_envelope(&active, &arg::<String>(i, "envelope")?, &keyring, now)? {
                PolicyActivation::Activated(p) => Ok(json!({"status": "activated", "serial": p.serial(),
                    "schema": p.schema(), "fingerprint": p.fingerprint()})),
                PolicyActivation::AlreadyActive => Ok(json!({"status": "already_active"})),
            }
        })(),
        "check_client_policy" => (|| {
            let server: ServerPolicies = arg(i, "server")?;
            check_client_policy(&server, &arg::<String>(i, "client_fingerprint")?, arg(i, "now_ms")?)
        })()
        .and_then(out),
        "diff_policies" => (|| {
            let old = Policy::from_patch(&arg::<Value>(i, "old")?.to_string())?;
            let new = Policy::from_patch(&arg::<Value>(i, "new")?.to_string())?;
            let lines: Vec<String> = diff_policies(&old, &new).into_iter().map(|c| c.line).collect();
            Ok(json!({ "lines": lines }))
        })(),
        _ => return None,
    };
    Some(r)
}

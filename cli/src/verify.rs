//! `avalo policy verify`: the app-side checks of SPEC §17.2, run by an operator.

use crate::{files, output};
use avalo_core::policy::envelope::{activate_policy_envelope, parse_policy_envelope, PolicyActivation};
use avalo_core::{Policy, Result};
use serde_json::json;
use std::path::Path;

/// Verifies `envelope` against the keyring and the active policy (built-in, or `active`).
pub fn run(keyring: &Path, active: Option<&Path>, now_ms: Option<i64>, envelope: &Path, json_mode: bool) -> Result<()> {
    let keyring = files::read_keyring(keyring)?;
    let now = match now_ms {
        Some(ms) => ms,
        None => files::now_ms()?,
    };
    let active_policy = match active {
        None => Policy::default(),
        Some(path) => {
            // The envelope apps run now, checked at its own start so an old one still counts.
            let text = files::read_text(path)?;
            let at = parse_policy_envelope(&text)?.not_before_ms;
            match activate_policy_envelope(&Policy::default(), &text, &keyring, at)? {
                PolicyActivation::Activated(p) => *p,
                PolicyActivation::AlreadyActive => Policy::default(),
            }
        }
    };
    let text = files::read_text(envelope)?;
    let parsed = parse_policy_envelope(&text)?;
    let (status, policy) = match activate_policy_envelope(&active_policy, &text, &keyring, now)? {
        PolicyActivation::Activated(p) => ("activated", *p),
        PolicyActivation::AlreadyActive => ("already_active", active_policy.clone()),
    };
    let summary = json!({"ok": true, "status": status, "serial": policy.serial(), "schema": policy.schema(),
        "fingerprint": policy.fingerprint(), "version": policy.version(), "key_id": parsed.key_id,
        "not_before_ms": parsed.not_before_ms, "expires_at_ms": parsed.expires_at_ms,
        "active_serial": active_policy.serial()});
    let line = match status {
        "activated" => format!(
            "OK: apps will activate serial {} (over serial {}), version {}, fingerprint {}, signed by {}",
            policy.serial(),
            active_policy.serial(),
            policy.version(),
            policy.fingerprint(),
            parsed.key_id
        ),
        _ => format!("OK: serial {} is already active (fingerprint {})", policy.serial(), policy.fingerprint()),
    };
    output::print(json_mode, &summary, &line);
    Ok(())
}

//! `avalo policy sign`: a policy file into a signed envelope.

use crate::{files, keygen, output};
use avalo_core::policy::envelope::sign_policy_envelope;
use avalo_core::{Error, Result};
use serde_json::json;
use std::path::PathBuf;

/// The arguments of `policy sign`.
pub struct SignArgs {
    /// Key file.
    pub key: PathBuf,
    /// Envelope serial.
    pub serial: u64,
    /// Not-before, ms (default now).
    pub not_before_ms: Option<i64>,
    /// Expiry, ms (default not-before + lifetime).
    pub expires_at_ms: Option<i64>,
    /// Lifetime in days when no expiry is given.
    pub lifetime_days: u32,
    /// Output file (default standard output).
    pub out: Option<PathBuf>,
    /// Policy JSON file.
    pub policy: PathBuf,
}

/// Signs the policy and prints or writes the envelope.
pub fn run(args: &SignArgs, json_mode: bool) -> Result<()> {
    let seed = keygen::read_seed(&args.key)?;
    let payload = files::read_text(&args.policy)?;
    let not_before = match args.not_before_ms {
        Some(ms) => ms,
        None => files::now_ms()?,
    };
    let lifetime = i64::from(args.lifetime_days)
        .checked_mul(24 * 60 * 60 * 1000)
        .ok_or_else(|| Error::invalid("lifetime out of range"))?;
    let expires = args.expires_at_ms.unwrap_or_else(|| not_before.saturating_add(lifetime));
    let envelope = sign_policy_envelope(&seed, args.serial, not_before, expires, &payload)?;
    let text = serde_json::to_string_pretty(&envelope).map_err(|e| Error::invalid(e.to_string()))?;
    let fingerprint = avalo_core::Policy::from_json(&payload)?.fingerprint().to_string();
    match &args.out {
        Some(path) => {
            files::write_text(path, &format!("{text}\n"))?;
            let summary = json!({"ok": true, "out": path.display().to_string(), "serial": envelope.serial,
                "key_id": envelope.key_id, "fingerprint": fingerprint,
                "not_before_ms": envelope.not_before_ms, "expires_at_ms": envelope.expires_at_ms});
            let line = format!(
                "signed serial {} with key {} into {} (fingerprint {fingerprint})",
                envelope.serial,
                envelope.key_id,
                path.display()
            );
            output::print(json_mode, &summary, &line);
        }
        None => println!("{text}"),
    }
    Ok(())
}

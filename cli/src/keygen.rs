//! `avalo policy keygen`: a signing key from the OS random source.

use crate::{files, output};
use avalo_core::policy::base64url;
use avalo_core::policy::envelope::keyring_entry_for_seed;
use avalo_core::{Error, Result};
use serde_json::json;
use std::path::Path;

/// Default validity of a new key: 2 years (730 days), in ms.
const DEFAULT_KEY_VALIDITY_MS: i64 = 730 * 24 * 60 * 60 * 1000;

/// Draws a 32-byte seed, writes the key file, prints the keyring entry.
pub fn run(out: &Path, valid_from_ms: Option<i64>, valid_until_ms: Option<i64>, json_mode: bool) -> Result<()> {
    let from = match valid_from_ms {
        Some(ms) => ms,
        None => files::now_ms()?,
    };
    let until = valid_until_ms.unwrap_or_else(|| from.saturating_add(DEFAULT_KEY_VALIDITY_MS));
    let mut seed = [0u8; 32];
    getrandom::fill(&mut seed).map_err(|e| Error::invalid(format!("the OS random source failed: {e}")))?;
    let entry = keyring_entry_for_seed(&seed, from, until)?;
    let key_file = json!({
        "kind": "avalo-policy-signing-key",
        "key_id": entry.key_id,
        "public_key": entry.public_key,
        "seed": base64url::encode(&seed),
    });
    files::write_new_private(out, &format!("{}\n", serde_json::to_string_pretty(&key_file).unwrap_or_default()))?;
    let entry_json = serde_json::to_value(&entry).map_err(|e| Error::invalid(e.to_string()))?;
    let text = serde_json::to_string_pretty(&json!([entry_json])).unwrap_or_default();
    output::print(
        json_mode,
        &json!({"ok": true, "key_file": out.display().to_string(), "keyring_entry": entry_json}),
        &text,
    );
    if !json_mode {
        eprintln!(
            "Secret key {} written to {} (keep it offline; anyone with it can publish policies).\nThe keyring entry above goes into app builds and into `avalo policy verify --keyring`.",
            entry.key_id,
            out.display()
        );
    }
    Ok(())
}

/// Reads a key file written by [`run`]: its 32-byte seed.
pub fn read_seed(path: &Path) -> Result<Vec<u8>> {
    let text = files::read_text(path)?;
    let value: serde_json::Value = serde_json::from_str(&text)
        .map_err(|e| Error::invalid(format!("key file {}: not JSON: {e}", path.display())))?;
    let seed = value
        .get("seed")
        .and_then(|s| s.as_str())
        .and_then(base64url::decode)
        .ok_or_else(|| Error::invalid(format!("key file {}: no base64url `seed`", path.display())))?;
    if seed.len() != 32 {
        return Err(Error::invalid(format!("key file {}: the seed is {} bytes, not 32", path.display(), seed.len())));
    }
    Ok(seed)
}

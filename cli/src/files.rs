//! Reading and writing the tool's files, and the clock. Failures are `INVALID_INPUT` naming the
//! file.

use avalo_core::policy::envelope::{parse_policy_envelope, KeyringEntry};
use avalo_core::{Error, Result};
use std::io::Write;
use std::path::Path;

/// Milliseconds since the Unix epoch, from the system clock.
pub fn now_ms() -> Result<i64> {
    let since = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_err(|e| Error::invalid(format!("system clock before 1970: {e}")))?;
    i64::try_from(since.as_millis()).map_err(|_| Error::invalid("system clock out of range"))
}

/// The text of a file.
pub fn read_text(path: &Path) -> Result<String> {
    std::fs::read_to_string(path).map_err(|e| Error::invalid(format!("cannot read {}: {e}", path.display())))
}

/// Writes a new file (refusing to replace an existing one), readable by the owner only on Unix.
pub fn write_new_private(path: &Path, text: &str) -> Result<()> {
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    let mut file = options.open(path).map_err(|e| Error::invalid(format!("cannot create {}: {e}", path.display())))?;
    file.write_all(text.as_bytes()).map_err(|e| Error::invalid(format!("cannot write {}: {e}", path.display())))
}

/// Writes (or replaces) a file.
pub fn write_text(path: &Path, text: &str) -> Result<()> {
    std::fs::write(path, text).map_err(|e| Error::invalid(format!("cannot write {}: {e}", path.display())))
}

/// A keyring file: a JSON array of entries, or a single entry.
pub fn read_keyring(path: &Path) -> Result<Vec<KeyringEntry>> {
    let text = read_text(path)?;
    let value: serde_json::Value = serde_json::from_str(&text)
        .map_err(|e| Error::invalid(format!("keyring {}: not JSON: {e}", path.display())))?;
    let entries = if value.is_array() { value } else { serde_json::Value::Array(vec![value]) };
    serde_json::from_value(entries).map_err(|e| Error::invalid(format!("keyring {}: {e}", path.display())))
}

/// The policy JSON in a file: the file itself, or an envelope's payload (not verified).
pub fn read_policy_text(path: &Path) -> Result<String> {
    let text = read_text(path)?;
    let is_envelope = serde_json::from_str::<serde_json::Value>(&text)
        .map(|v| v.get("payload").is_some() && v.get("signature").is_some())
        .unwrap_or(false);
    if is_envelope {
        Ok(parse_policy_envelope(&text)?.payload)
    } else {
        Ok(text)
    }
}

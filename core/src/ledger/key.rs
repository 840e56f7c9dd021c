//! Idempotency keys and content hashes (SPEC §12.3).
//!
//! A key is `kind-prefix:part:part`; every part is 1–128 characters of `[A-Za-z0-9._-]`, and a
//! foreign id that does not fit becomes the lower-case SHA-256 hex of its UTF-8 bytes (as
//! §6.4). An empty id is `INVALID_INPUT`. The content hash is the SHA-256 of the content's
//! canonical JSON (keys sorted at every level, no white space: the policy fingerprint's form).

use crate::error::{Error, Result};
use serde::Serialize;

/// Longest key part, in characters.
pub const MAX_KEY_PART: usize = 128;

/// Whether `s` is a key part as it stands: 1–128 characters of `[A-Za-z0-9._-]`.
pub fn is_key_part(s: &str) -> bool {
    !s.is_empty() && s.len() <= MAX_KEY_PART && s.bytes().all(|b| b.is_ascii_alphanumeric() || b"._-".contains(&b))
}

/// A foreign id as a key part: itself when it fits, else its SHA-256 hex. Empty (or only white
/// space) is `INVALID_INPUT`, never hashed into a valid-looking part. `what` names the field.
pub fn key_part(id: &str, what: &str) -> Result<String> {
    if id.trim().is_empty() {
        return Err(Error::invalid(format!("{what} must not be empty")));
    }
    Ok(if is_key_part(id) { id.to_string() } else { crate::policy::sha256_hex(id.as_bytes()) })
}

/// The canonical JSON of a value: object keys sorted at every level, no white space.
pub fn canonical_json<T: Serialize>(value: &T) -> Result<String> {
    let v = serde_json::to_value(value).map_err(|e| Error::invalid(format!("cannot serialise: {e}")))?;
    let mut out = Vec::new();
    crate::policy::write_canonical(&v, &mut out);
    String::from_utf8(out).map_err(|e| Error::invalid(format!("canonical JSON is not UTF-8: {e}")))
}

/// Lower-case hex SHA-256 of a string's UTF-8 bytes.
pub fn sha256_hex(text: &str) -> String {
    crate::policy::sha256_hex(text.as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parts_fit_or_are_hashed() {
        assert_eq!(key_part("chat-1.a_B", "id").unwrap(), "chat-1.a_B");
        assert_eq!(key_part("a:b", "id").unwrap(), sha256_hex("a:b"));
        assert_eq!(key_part(&"x".repeat(128), "id").unwrap(), "x".repeat(128));
        assert_eq!(key_part(&"x".repeat(129), "id").unwrap().len(), 64);
        assert!(key_part("", "id").is_err());
        assert!(key_part("  ", "id").is_err());
    }
}

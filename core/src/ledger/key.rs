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
#[must_use]
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
    let hex = sha256_hex_bytes(text.as_bytes());
    // The table writes only ASCII hex digits, so this is never empty.
    std::str::from_utf8(&hex).map(str::to_owned).unwrap_or_default()
}

/// Lower-case hex SHA-256 of bytes, on the stack (no formatting machinery, no allocation).
pub(crate) fn sha256_hex_bytes(bytes: &[u8]) -> [u8; 64] {
    use sha2::{Digest, Sha256};
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let digest = Sha256::digest(bytes);
    let mut out = [0u8; 64];
    for (pair, b) in out.chunks_exact_mut(2).zip(digest.iter()) {
        pair[0] = HEX[usize::from(b >> 4)];
        pair[1] = HEX[usize::from(b & 0xf)];
    }
    out
}

/// Whether `hex` is the lower-case hex SHA-256 of `bytes`.
pub(crate) fn sha256_matches(bytes: &[u8], hex: &str) -> bool {
    hex.as_bytes() == sha256_hex_bytes(bytes).as_slice()
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

    #[test]
    fn hex_is_the_policy_hex() {
        for text in ["", "abc", "a longer text with \u{e9} and 🦀", &"x".repeat(300)] {
            assert_eq!(sha256_hex(text), crate::policy::sha256_hex(text.as_bytes()));
            assert!(sha256_matches(text.as_bytes(), &sha256_hex(text)));
            assert!(!sha256_matches(text.as_bytes(), &"0".repeat(64)));
        }
    }
}

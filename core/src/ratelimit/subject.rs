//! Subject keys (SPEC §6.4).

use crate::error::{Error, Result};

/// Longest subject key, in UTF-8 bytes.
pub const MAX_SUBJECT_BYTES: usize = 128;

/// Checks a subject key: 1–128 UTF-8 bytes and no control characters (Unicode category Cc:
/// U+0000–U+001F and U+007F–U+009F). Anything else, spaces and non-ASCII letters included, is
/// allowed. A failure is `INVALID_INPUT`.
pub fn validate_subject(key: &str) -> Result<()> {
    if key.is_empty() || key.len() > MAX_SUBJECT_BYTES {
        return Err(Error::invalid(format!("subject key must be 1–{MAX_SUBJECT_BYTES} bytes (got {})", key.len())));
    }
    if let Some((i, c)) = key.char_indices().find(|(_, c)| c.is_control()) {
        return Err(Error::invalid(format!("subject key has a control character U+{:04X} at byte {i}", u32::from(c))));
    }
    Ok(())
}

/// Hashes a client-supplied identifier (for example a header value) into a subject key: the
/// lower-case hex SHA-256 of its UTF-8 bytes, 64 characters, always a valid key. Any string is
/// accepted, the empty one included.
#[must_use]
pub fn hash_subject(raw: &str) -> String {
    crate::policy::sha256_hex(raw.as_bytes())
}

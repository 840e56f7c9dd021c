//! Storage paths and duplicates (SPEC §9.5): user ids, content ids, the streaming SHA-256.
//!
//! Path: `media/{user_id}/{folder}/{yyyy}/{mm}/{content_id}_{file_name}`, where `folder` is
//! the purpose (`profile_photo`) or, for an upload without a purpose, the kind (`image`) — the
//! spec is silent on that case. `yyyy/mm` is the UTC month of the upload time. `content_id` is
//! the first 16 hex characters (lower case) of a SHA-256: of the content, or of a nonce the
//! caller chose. The file name must already be sanitised (a name that sanitising would change
//! is `INVALID_FILENAME`), so no path can escape its folder.

use super::names::sanitise_file_name;
use crate::error::{Error, ErrorCode, Result};
use crate::security::signing::to_hex;
use chrono::Datelike;
use sha2::{Digest, Sha256};

/// Longest user id (SPEC §9.5).
pub const MAX_USER_ID_CHARS: usize = 128;

/// Checks a user id: 1–128 characters of `[A-Za-z0-9_-]`, else `INVALID_INPUT`.
pub fn validate_user_id(user_id: &str) -> Result<()> {
    let ok_chars = user_id.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-');
    if user_id.is_empty() || user_id.len() > MAX_USER_ID_CHARS || !ok_chars {
        return Err(Error::invalid(format!(
            "user id {user_id:?} must be 1–{MAX_USER_ID_CHARS} characters of A-Z a-z 0-9 _ -"
        )));
    }
    Ok(())
}

/// The content id of a SHA-256 given in hex (64 hex digits, either case): its first 16 hex
/// characters in lower case. Anything else is `INVALID_INPUT`.
pub fn content_id(sha256_hex: &str) -> Result<String> {
    if sha256_hex.len() != 64 || !sha256_hex.bytes().all(|b| b.is_ascii_hexdigit()) {
        return Err(Error::invalid(format!("{sha256_hex:?} is not a hex SHA-256 (64 hex digits)")));
    }
    Ok(sha256_hex.get(..16).unwrap_or("").to_ascii_lowercase())
}

/// Lower-case hex SHA-256 of bytes (one shot).
#[must_use]
pub fn sha256_hex(bytes: &[u8]) -> String {
    to_hex(&Sha256::digest(bytes))
}

/// Whether two uploads are duplicates: their SHA-256 hex digests are equal (case-insensitive).
#[must_use]
pub fn is_duplicate(sha256_a: &str, sha256_b: &str) -> bool {
    sha256_a.len() == 64 && sha256_a.eq_ignore_ascii_case(sha256_b)
}

/// Builds the path from parts already checked (`user_id` valid, `name` sanitised).
pub(crate) fn build_path(user_id: &str, folder: &str, now_ms: i64, content_id: &str, name: &str) -> Result<String> {
    let date = crate::time::utc_date(now_ms)?;
    let mut p = String::with_capacity(24 + user_id.len() + folder.len() + content_id.len() + name.len());
    for part in ["media/", user_id, "/", folder, "/"] {
        p.push_str(part);
    }
    // Plain pushes instead of `format!`: this is on the per-upload hot path.
    match u32::try_from(date.year()) {
        Ok(y) if y <= 9999 => push_digits(&mut p, y, 4),
        _ => p.push_str(&format!("{:04}", date.year())),
    }
    p.push('/');
    push_digits(&mut p, date.month(), 2);
    for part in ["/", content_id, "_", name] {
        p.push_str(part);
    }
    Ok(p)
}

/// Pushes `value` as exactly `width` decimal digits (zero-padded; value < 10^width).
fn push_digits(out: &mut String, value: u32, width: u32) {
    for i in (0..width).rev() {
        let digit = (value / 10u32.pow(i)) % 10;
        out.push(char::from_digit(digit, 10).unwrap_or('0'));
    }
}

/// The storage path of an upload (SPEC §9.5, format in the module doc). `folder` is an upload
/// purpose or kind name (`profile_photo`, `image`); `sanitised_name` must be a fixed point of
/// the sanitiser (with the policy's `max_name_chars`), else `INVALID_FILENAME`.
pub fn storage_path(
    policy: &crate::Policy,
    user_id: &str,
    folder: &str,
    now_ms: i64,
    content_sha256: &str,
    sanitised_name: &str,
) -> Result<String> {
    let max_name_chars = policy.upload.max_name_chars as usize;
    validate_user_id(user_id)?;
    let known_folder =
        super::UploadPurpose::ALL.iter().any(|p| p.as_str() == folder) || ["image", "video", "audio"].contains(&folder);
    if !known_folder {
        return Err(Error::invalid(format!("{folder:?} is not an upload purpose or kind")));
    }
    let id = content_id(content_sha256)?;
    if sanitise_file_name(sanitised_name, max_name_chars)? != sanitised_name {
        return Err(Error::new(ErrorCode::InvalidFilename, format!("file name {sanitised_name:?} is not sanitised")));
    }
    build_path(user_id, folder, now_ms, &id, sanitised_name)
}

/// A streaming SHA-256: feed chunks with [`update`](Self::update), read the hex digest with
/// [`finish`](Self::finish). Lets a host hash a large video without holding it in memory; the
/// digest equals the one-shot SHA-256 of the concatenated chunks.
#[derive(Clone, Default)]
pub struct Sha256Stream {
    hasher: Sha256,
    bytes: u64,
}

impl std::fmt::Debug for Sha256Stream {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Sha256Stream").field("bytes", &self.bytes).finish_non_exhaustive()
    }
}

impl Sha256Stream {
    /// A fresh hasher (the digest of nothing is `e3b0c442…b855`).
    #[must_use]
    pub fn new() -> Self {
        Self::default()
    }

    /// Feeds the next chunk (any size, including empty).
    pub fn update(&mut self, chunk: &[u8]) {
        self.hasher.update(chunk);
        self.bytes = self.bytes.saturating_add(chunk.len() as u64);
    }

    /// How many bytes have been fed so far.
    #[must_use]
    pub fn bytes_hashed(&self) -> u64 {
        self.bytes
    }

    /// The lower-case hex digest of everything fed so far. Does not consume or reset the
    /// hasher: more chunks may follow, and a later `finish` covers them too.
    #[must_use]
    pub fn finish(&self) -> String {
        to_hex(&self.hasher.clone().finalize())
    }

    /// The raw 32-byte digest of everything fed so far (same rules as [`finish`](Self::finish)).
    #[must_use]
    pub fn finish_bytes(&self) -> [u8; 32] {
        self.hasher.clone().finalize().into()
    }

    /// Forgets everything fed so far.
    pub fn reset(&mut self) {
        *self = Self::default();
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn stream_equals_one_shot() {
        let mut s = Sha256Stream::new();
        assert_eq!(s.finish(), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        s.update(b"ab");
        s.update(b"");
        s.update(b"c");
        assert_eq!(s.finish(), sha256_hex(b"abc"));
        assert_eq!(s.bytes_hashed(), 3);
    }

    #[test]
    fn paths() {
        let h = sha256_hex(b"abc");
        let p =
            storage_path(&crate::Policy::default(), "u_1", "profile_photo", 1_795_176_000_000, &h, "me.jpg").unwrap();
        assert_eq!(p, "media/u_1/profile_photo/2026/11/ba7816bf8f01cfea_me.jpg");
        assert!(storage_path(&crate::Policy::default(), "../x", "image", 0, &h, "a.jpg").is_err());
        assert!(storage_path(&crate::Policy::default(), "u", "image", 0, &h, "a/b.jpg").is_err());
    }
}

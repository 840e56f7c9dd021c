//! Facade of `core/src/upload/`: MIME whitelist, file names, sniffing, the upload verdict,
//! storage paths and the streaming SHA-256 (SPEC §9.1–9.5, 9.7). Bytes cross as `ByteArray`
//! (Kotlin) / `Data` (Swift); MIME types as their canonical strings (`"image/jpeg"`).

use crate::error::{guard, AvaloError};
use avalo_core::upload::{self as core, *};
use avalo_core::Policy;
use std::sync::{Arc, Mutex};

/// Validates an upload: MIME → purpose/kind → size → file name → extension/MIME → sniffing, the
/// first failure reported with its code; on success the sanitised name, kind and storage path.
#[uniffi::export]
pub fn validate_upload(policy: &Policy, request: UploadRequest) -> Result<UploadVerdict, AvaloError> {
    guard(|| Ok(core::validate_upload(policy, &request)?))
}

/// What the whitelist says about a declared MIME type; not on it is `MIME_TYPE_NOT_ALLOWED`.
#[uniffi::export]
pub fn mime_info(mime_type: String) -> Result<MimeInfo, AvaloError> {
    guard(|| Ok(core::mime_info(&mime_type)?))
}

/// Sanitises a file name (SPEC §9.3; `max_chars` is 200 in the default policy, counted in
/// Unicode scalar values). Empty or a reserved device name is `INVALID_FILENAME`.
#[uniffi::export]
pub fn sanitise_file_name(name: String, max_chars: u32) -> Result<String, AvaloError> {
    guard(|| Ok(core::sanitise_file_name(&name, max_chars as usize)?))
}

/// Checks a file name against a declared MIME type: sanitised, no dangerous final extension,
/// an extension that fits the type (or the canonical one appended).
#[uniffi::export]
pub fn check_file_name(policy: &Policy, name: String, mime_type: String) -> Result<CheckedName, AvaloError> {
    guard(|| {
        let core::CheckedName { file_name, extension, extension_added } =
            core::check_file_name(policy, &name, &mime_type)?;
        Ok(CheckedName { file_name, extension, extension_added })
    })
}

/// What the first bytes of a file are (never fails for any bytes).
#[uniffi::export]
pub fn sniff(head: Vec<u8>) -> Result<Sniffed, AvaloError> {
    guard(|| Ok(core::sniff(&head)))
}

/// Checks a user id (1–128 of `[A-Za-z0-9_-]`), else `INVALID_INPUT`.
#[uniffi::export]
pub fn validate_user_id(user_id: String) -> Result<(), AvaloError> {
    guard(|| Ok(core::validate_user_id(&user_id)?))
}

/// The content id (first 16 hex characters, lower case) of a hex SHA-256.
#[uniffi::export]
pub fn content_id(sha256: String) -> Result<String, AvaloError> {
    guard(|| Ok(core::content_id(&sha256)?))
}

/// `media/{user_id}/{folder}/{yyyy}/{mm}/{content_id}_{file_name}`; `file_name` must already be
/// sanitised (`INVALID_FILENAME` otherwise), `folder` a purpose or kind name.
#[uniffi::export]
pub fn storage_path(
    policy: &Policy,
    user_id: String,
    folder: String,
    now_ms: i64,
    content_sha256: String,
    file_name: String,
) -> Result<String, AvaloError> {
    guard(|| Ok(core::storage_path(policy, &user_id, &folder, now_ms, &content_sha256, &file_name)?))
}

/// Lower-case hex SHA-256 of bytes (one shot).
#[uniffi::export]
pub fn sha256_hex(data: Vec<u8>) -> Result<String, AvaloError> {
    guard(|| Ok(core::sha256_hex(&data)))
}

/// Whether two uploads are duplicates (equal SHA-256 hex, any case).
#[uniffi::export]
pub fn is_duplicate(a: String, b: String) -> Result<bool, AvaloError> {
    guard(|| Ok(core::is_duplicate(&a, &b)))
}

/// A streaming SHA-256 (thread-safe): `update(chunk)` with chunks of any size, `finish()` for
/// the lower-case hex digest of everything so far (it does not reset; `reset()` does). Hash a
/// large video chunk by chunk without holding it in memory.
///
/// The one struct of this facade: a thread-safe handle (an `Arc`'d object with a lock) around
/// the core's `&mut` hasher, which no record can describe.
#[derive(Debug, Default, uniffi::Object)]
pub struct Sha256Stream {
    inner: Mutex<core::Sha256Stream>,
}

impl Sha256Stream {
    fn with<T>(&self, f: impl FnOnce(&mut core::Sha256Stream) -> T) -> T {
        // A poisoned lock only means another call panicked mid-update; the state is still a
        // valid hasher, so keep going rather than panic across the boundary.
        let mut guard = self.inner.lock().unwrap_or_else(|e| e.into_inner());
        f(&mut guard)
    }
}

#[uniffi::export]
impl Sha256Stream {
    /// A fresh hasher.
    #[uniffi::constructor]
    pub fn new() -> Arc<Self> {
        Arc::new(Self::default())
    }

    /// Feeds the next chunk.
    pub fn update(&self, chunk: Vec<u8>) -> Result<(), AvaloError> {
        guard(|| {
            self.with(|h| h.update(&chunk));
            Ok(())
        })
    }

    /// Bytes fed so far.
    pub fn bytes_hashed(&self) -> u64 {
        self.with(|h| h.bytes_hashed())
    }

    /// The lower-case hex digest of everything fed so far.
    pub fn finish(&self) -> String {
        self.with(|h| h.finish())
    }

    /// The raw 32-byte digest of everything fed so far.
    pub fn finish_bytes(&self) -> Vec<u8> {
        self.with(|h| h.finish_bytes().to_vec())
    }

    /// Forgets everything fed so far.
    pub fn reset(&self) {
        self.with(|h| h.reset());
    }
}

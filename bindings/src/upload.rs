//! Facade of `core/src/upload/`: MIME whitelist, file names, sniffing, the upload verdict,
//! storage paths and the streaming SHA-256 (SPEC §9.1–9.5, 9.7). Bytes cross as `ByteArray`
//! (Kotlin) / `Data` (Swift); MIME types as their canonical strings (`"image/jpeg"`).

use crate::error::{guard, AvaloError};
use crate::policy::Policy;
use avalo_core::upload as core;
use std::sync::{Arc, Mutex};

/// Mirrors a fieldless enum both ways with exhaustive matches.
macro_rules! mirror_enum {
    ($mirror:ident, $core:path, [$($v:ident),+ $(,)?]) => {
        impl From<$mirror> for $core {
            fn from(x: $mirror) -> Self {
                match x { $($mirror::$v => <$core>::$v),+ }
            }
        }
        impl From<$core> for $mirror {
            fn from(x: $core) -> Self {
                match x { $(<$core>::$v => $mirror::$v),+ }
            }
        }
    };
}
pub(crate) use mirror_enum;

/// Why a file is uploaded (SPEC §9.2).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, uniffi::Enum)]
pub enum UploadPurpose {
    /// Images, 10 MB.
    ProfilePhoto,
    /// Images, 50 MB.
    FeedImage,
    /// Videos, 100 MB.
    StoryVideo,
    /// Images, 20 MB.
    ChatImage,
    /// Videos, 50 MB.
    ChatVideo,
    /// Audio, 20 MB.
    ChatAudio,
    /// Every kind, 200 MB.
    CreatorContent,
}
mirror_enum!(
    UploadPurpose,
    core::UploadPurpose,
    [ProfilePhoto, FeedImage, StoryVideo, ChatImage, ChatVideo, ChatAudio, CreatorContent]
);

/// The three media kinds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, uniffi::Enum)]
pub enum MediaKind {
    /// Still images.
    Image,
    /// Videos.
    Video,
    /// Audio.
    Audio,
}
mirror_enum!(MediaKind, core::MediaKind, [Image, Video, Audio]);

/// A media format recognised from magic bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, uniffi::Enum)]
#[allow(missing_docs)]
pub enum MediaFormat {
    Jpeg,
    Png,
    Gif,
    Webp,
    Heif,
    Mp4,
    Quicktime,
    Webm,
    Mp3,
    Wav,
    Ogg,
    Aac,
}
mirror_enum!(MediaFormat, core::MediaFormat, [Jpeg, Png, Gif, Webp, Heif, Mp4, Quicktime, Webm, Mp3, Wav, Ogg, Aac]);

/// Content refused whatever it is declared as.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, uniffi::Enum)]
pub enum DangerClass {
    /// A native or byte-code executable.
    Executable,
    /// A `#!` script.
    Script,
    /// HTML, SVG or other XML.
    Markup,
    /// An archive.
    Archive,
}
mirror_enum!(DangerClass, core::DangerClass, [Executable, Script, Markup, Archive]);

/// What the first bytes of a file are (serde form: `{"result": "dangerous", "class": …}`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Enum)]
pub enum Sniffed {
    /// A media format.
    Media {
        /// The format.
        format: MediaFormat,
    },
    /// Dangerous content.
    Dangerous {
        /// What kind (`class` in the serde form).
        danger: DangerClass,
    },
    /// Nothing recognised.
    Unknown,
}

impl From<core::Sniffed> for Sniffed {
    fn from(s: core::Sniffed) -> Self {
        match s {
            core::Sniffed::Media { format } => Sniffed::Media { format: format.into() },
            core::Sniffed::Dangerous { class } => Sniffed::Dangerous { danger: class.into() },
            core::Sniffed::Unknown => Sniffed::Unknown,
        }
    }
}

/// One upload to validate.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct UploadRequest {
    /// The declared MIME type (any case, parameters allowed).
    pub mime_type: String,
    /// The declared size, bytes.
    pub size_bytes: u64,
    /// The file name as the device gave it.
    pub file_name: String,
    /// The purpose, if known (without one the kind's limit applies).
    #[uniffi(default = None)]
    pub purpose: Option<UploadPurpose>,
    /// The first bytes of the file (64 recommended); `null` skips sniffing.
    #[uniffi(default = None)]
    pub head: Option<Vec<u8>>,
    /// The uploader's id (1–128 of `[A-Za-z0-9_-]`).
    pub user_id: String,
    /// SHA-256 (hex) of the content or of a nonce.
    pub content_sha256: String,
    /// Upload time, ms since the epoch.
    pub now_ms: i64,
}

impl From<UploadRequest> for core::UploadRequest {
    fn from(r: UploadRequest) -> Self {
        let UploadRequest { mime_type, size_bytes, file_name, purpose, head, user_id, content_sha256, now_ms } = r;
        core::UploadRequest {
            mime_type,
            size_bytes,
            file_name,
            purpose: purpose.map(Into::into),
            head,
            user_id,
            content_sha256,
            now_ms,
        }
    }
}

/// An accepted upload.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct UploadVerdict {
    /// The canonical MIME type (`image/jpg` → `image/jpeg`).
    pub mime_type: String,
    /// Its kind.
    pub kind: MediaKind,
    /// The purpose given, if any.
    pub purpose: Option<UploadPurpose>,
    /// The size limit that applied, bytes.
    pub limit_bytes: u64,
    /// The final (sanitised) file name.
    pub file_name: String,
    /// Its extension, lower case.
    pub extension: String,
    /// Whether the canonical extension was appended.
    pub extension_added: bool,
    /// The sniffed format, when a head was given.
    pub sniffed: Option<MediaFormat>,
    /// First 16 hex characters of the content SHA-256.
    pub content_id: String,
    /// `media/{user_id}/{purpose or kind}/{yyyy}/{mm}/{content_id}_{file_name}`.
    pub storage_path: String,
    /// Fingerprint of the policy.
    pub policy_fingerprint: String,
}

impl From<core::UploadVerdict> for UploadVerdict {
    fn from(v: core::UploadVerdict) -> Self {
        let core::UploadVerdict {
            mime_type,
            kind,
            purpose,
            limit_bytes,
            file_name,
            extension,
            extension_added,
            sniffed,
            content_id,
            storage_path,
            policy_fingerprint,
        } = v;
        UploadVerdict {
            mime_type: mime_type.as_str().to_string(),
            kind: kind.into(),
            purpose: purpose.map(Into::into),
            limit_bytes,
            file_name,
            extension,
            extension_added,
            sniffed: sniffed.map(Into::into),
            content_id,
            storage_path,
            policy_fingerprint,
        }
    }
}

/// What the whitelist says about a MIME type.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct MimeInfo {
    /// The canonical type.
    pub mime_type: String,
    /// Its kind.
    pub kind: MediaKind,
    /// Accepted extensions, canonical first.
    pub extensions: Vec<String>,
    /// The extension given to a name without one.
    pub canonical_extension: String,
}

/// A checked file name.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct CheckedName {
    /// The final name.
    pub file_name: String,
    /// Its extension, lower case.
    pub extension: String,
    /// Whether the canonical extension was appended.
    pub extension_added: bool,
}

/// Validates an upload: MIME → purpose/kind → size → file name → extension/MIME → sniffing, the
/// first failure reported with its code; on success the sanitised name, kind and storage path.
#[uniffi::export]
pub fn validate_upload(policy: &Policy, request: UploadRequest) -> Result<UploadVerdict, AvaloError> {
    guard(|| Ok(core::validate_upload(policy.core(), &request.into())?.into()))
}

/// What the whitelist says about a declared MIME type; not on it is `MIME_TYPE_NOT_ALLOWED`.
#[uniffi::export]
pub fn mime_info(mime_type: String) -> Result<MimeInfo, AvaloError> {
    guard(|| {
        let core::MimeInfo { mime_type, kind, extensions, canonical_extension } = core::mime_info(&mime_type)?;
        Ok(MimeInfo { mime_type: mime_type.as_str().to_string(), kind: kind.into(), extensions, canonical_extension })
    })
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
            core::check_file_name(policy.core(), &name, &mime_type)?;
        Ok(CheckedName { file_name, extension, extension_added })
    })
}

/// What the first bytes of a file are (never fails for any bytes).
#[uniffi::export]
pub fn sniff(head: Vec<u8>) -> Result<Sniffed, AvaloError> {
    guard(|| Ok(core::sniff(&head).into()))
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
    guard(|| Ok(core::storage_path(policy.core(), &user_id, &folder, now_ms, &content_sha256, &file_name)?))
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

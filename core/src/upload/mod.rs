//! Upload validation (SPEC §9.1–9.5, 9.7): MIME whitelist, purposes and kinds, size limits,
//! file names, extension agreement, content sniffing and the storage path.
//!
//! [`validate_upload`] runs the checks in the order of SPEC §9.7 and reports the first failure:
//! 1. MIME type on the whitelist (`MIME_TYPE_NOT_ALLOWED`), see [`mime`];
//! 2. purpose accepts the kind (`PURPOSE_KIND_MISMATCH`);
//! 3. size: 0 is `FILE_EMPTY`, above the purpose's (or, without a purpose, the kind's) limit is
//!    `FILE_TOO_LARGE`; equal to the limit is allowed;
//! 4. file name: sanitised ([`names`]; `INVALID_FILENAME`), then a dangerous final extension of
//!    the sanitised name is `DANGEROUS_FILE_EXTENSION`;
//! 5. the final extension fits the MIME type (`EXTENSION_MIME_MISMATCH`); a name without one
//!    gets the type's canonical extension (the stem is cut further if needed so the name stays
//!    within `max_name_chars`);
//! 6. when the first bytes are given, the sniffed type agrees with the MIME type and is not
//!    dangerous ([`sniff()`]; `CONTENT_TYPE_MISMATCH`).
//!
//! Then the storage path is built ([`path`]); a bad user id or content hash there is
//! `INVALID_INPUT` (those are the caller's inputs, not the file's, so they are checked last).
//! A head shorter than `min_head_bytes` (16) is `INVALID_INPUT` unless it is the whole file, and a
//! head longer than the declared size is `INVALID_INPUT`. Without a head, sniffing is skipped:
//! the app may validate before reading the file, the server must pass the head.

pub mod mime;
pub mod names;
pub mod path;
pub mod sniff;

pub use mime::{normalise_mime, parse_mime, AllowedMime, MediaKind};
pub use names::{
    final_extension, is_dangerous_extension, is_reserved_device_name, sanitise_file_name, DANGEROUS_EXTENSIONS,
};
pub use path::{content_id, is_duplicate, sha256_hex, storage_path, validate_user_id, Sha256Stream};
pub use sniff::{sniff, DangerClass, MediaFormat, Sniffed};

use crate::error::{Error, ErrorCode, Result};
use crate::policy::{check, Policy, PolicyProblem};
use serde::{Deserialize, Serialize};

/// 1 MB in SPEC §9.2: 1 048 576 bytes.
pub const MB: u64 = 1_048_576;

/// Why a file is uploaded (SPEC §9.2).
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[serde(rename_all = "snake_case")]
pub enum UploadPurpose {
    /// Profile photo (images, 10 MB).
    ProfilePhoto,
    /// Feed image (images, 50 MB).
    FeedImage,
    /// Story video (videos, 100 MB).
    StoryVideo,
    /// Image in a chat (images, 20 MB).
    ChatImage,
    /// Video in a chat (videos, 50 MB).
    ChatVideo,
    /// Voice/audio in a chat (audio, 20 MB).
    ChatAudio,
    /// Creator content (every kind, 200 MB).
    CreatorContent,
}

impl UploadPurpose {
    /// Every purpose.
    pub const ALL: [UploadPurpose; 7] = [
        Self::ProfilePhoto,
        Self::FeedImage,
        Self::StoryVideo,
        Self::ChatImage,
        Self::ChatVideo,
        Self::ChatAudio,
        Self::CreatorContent,
    ];

    /// The snake_case name, as used in storage paths.
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::ProfilePhoto => "profile_photo",
            Self::FeedImage => "feed_image",
            Self::StoryVideo => "story_video",
            Self::ChatImage => "chat_image",
            Self::ChatVideo => "chat_video",
            Self::ChatAudio => "chat_audio",
            Self::CreatorContent => "creator_content",
        }
    }

    /// Whether this purpose takes files of a kind.
    pub const fn accepts(self, kind: MediaKind) -> bool {
        match self {
            Self::ProfilePhoto | Self::FeedImage | Self::ChatImage => matches!(kind, MediaKind::Image),
            Self::StoryVideo | Self::ChatVideo => matches!(kind, MediaKind::Video),
            Self::ChatAudio => matches!(kind, MediaKind::Audio),
            Self::CreatorContent => true,
        }
    }
}

/// Size limits by purpose, bytes (SPEC §9.2).
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(missing_docs)] // one field per `UploadPurpose`, same name
pub struct PurposeLimits {
    pub profile_photo: u64,
    pub feed_image: u64,
    pub story_video: u64,
    pub chat_image: u64,
    pub chat_video: u64,
    pub chat_audio: u64,
    pub creator_content: u64,
}

/// Size limits by kind for uploads without a purpose, bytes (SPEC §9.2).
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(missing_docs)] // one field per `MediaKind`, same name
pub struct KindLimits {
    pub image: u64,
    pub video: u64,
    pub audio: u64,
}

/// Upload section of the policy (SPEC §9).
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UploadPolicy {
    /// Limits by purpose (10/50/100/20/50/20/200 MB).
    pub purpose_limits: PurposeLimits,
    /// Limits by kind when no purpose is given (image 10, video 100, audio 20 MB).
    pub kind_limits: KindLimits,
    /// Longest sanitised file name, in characters (Unicode scalar values): 200.
    pub max_name_chars: u32,
    /// Fewest bytes of a head accepted for sniffing (16), unless the head is the whole file.
    pub min_head_bytes: u32,
}

impl Default for UploadPolicy {
    fn default() -> Self {
        UploadPolicy {
            purpose_limits: PurposeLimits {
                profile_photo: 10 * MB,
                feed_image: 50 * MB,
                story_video: 100 * MB,
                chat_image: 20 * MB,
                chat_video: 50 * MB,
                chat_audio: 20 * MB,
                creator_content: 200 * MB,
            },
            kind_limits: KindLimits { image: 10 * MB, video: 100 * MB, audio: 20 * MB },
            max_name_chars: 200,
            min_head_bytes: 16,
        }
    }
}

impl UploadPolicy {
    pub(crate) fn validate(&self, path: &str, p: &mut Vec<PolicyProblem>) {
        let l = &self.purpose_limits;
        for (name, v) in [
            ("profile_photo", l.profile_photo),
            ("feed_image", l.feed_image),
            ("story_video", l.story_video),
            ("chat_image", l.chat_image),
            ("chat_video", l.chat_video),
            ("chat_audio", l.chat_audio),
            ("creator_content", l.creator_content),
        ] {
            let max = crate::policy::bounds::MAX_UPLOAD_BYTES;
            check(v > 0 && v <= max, p, format!("{path}.purpose_limits.{name}"), "must be 1..=16 GiB");
        }
        let k = &self.kind_limits;
        for (name, v) in [("image", k.image), ("video", k.video), ("audio", k.audio)] {
            let max = crate::policy::bounds::MAX_UPLOAD_BYTES;
            check(v > 0 && v <= max, p, format!("{path}.kind_limits.{name}"), "must be 1..=16 GiB");
        }
        let max = crate::policy::bounds::MAX_NAME_CHARS;
        check((16..=max).contains(&self.max_name_chars), p, format!("{path}.max_name_chars"), "must be 16..=4096");
        check(
            (12..=4096).contains(&self.min_head_bytes),
            p,
            format!("{path}.min_head_bytes"),
            "must be within 12..=4096",
        );
    }

    /// The size limit for a purpose, or for a kind when there is no purpose.
    pub fn limit(&self, purpose: Option<UploadPurpose>, kind: MediaKind) -> u64 {
        let l = &self.purpose_limits;
        match purpose {
            Some(UploadPurpose::ProfilePhoto) => l.profile_photo,
            Some(UploadPurpose::FeedImage) => l.feed_image,
            Some(UploadPurpose::StoryVideo) => l.story_video,
            Some(UploadPurpose::ChatImage) => l.chat_image,
            Some(UploadPurpose::ChatVideo) => l.chat_video,
            Some(UploadPurpose::ChatAudio) => l.chat_audio,
            Some(UploadPurpose::CreatorContent) => l.creator_content,
            None => match kind {
                MediaKind::Image => self.kind_limits.image,
                MediaKind::Video => self.kind_limits.video,
                MediaKind::Audio => self.kind_limits.audio,
            },
        }
    }
}

/// One upload to validate.
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct UploadRequest {
    /// The declared MIME type (any case, parameters allowed).
    pub mime_type: String,
    /// The declared size, bytes.
    pub size_bytes: u64,
    /// The file name as the user's device gave it.
    pub file_name: String,
    /// The purpose, if known; without one the kind's limit applies.
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub purpose: Option<UploadPurpose>,
    /// The first bytes of the file (64 recommended), for sniffing; `None` skips sniffing.
    #[serde(default)]
    #[cfg_attr(feature = "wasm", tsify(type = "Uint8Array"))]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub head: Option<Vec<u8>>,
    /// The uploader's id (1–128 of `[A-Za-z0-9_-]`).
    pub user_id: String,
    /// SHA-256 (hex) of the content, or of a caller-chosen nonce: its first 16 hex characters
    /// are the content id.
    pub content_sha256: String,
    /// Upload time, ms since the epoch (UTC): gives the `yyyy/mm` of the path.
    pub now_ms: i64,
}

/// The outcome of a file-name check: the final name and its extension.
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct CheckedName {
    /// The sanitised name, with the canonical extension appended if it had none.
    pub file_name: String,
    /// Its final extension, lower case, without the dot.
    pub extension: String,
    /// Whether the canonical extension was appended.
    pub extension_added: bool,
}

/// An accepted upload.
#[cfg_attr(feature = "wasm", derive(tsify::Tsify), tsify(missing_as_null))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct UploadVerdict {
    /// The canonical MIME type (`image/jpg` → `image/jpeg`).
    pub mime_type: AllowedMime,
    /// Its kind.
    pub kind: MediaKind,
    /// The purpose given, if any.
    pub purpose: Option<UploadPurpose>,
    /// The size limit that applied, bytes.
    pub limit_bytes: u64,
    /// The final file name (sanitised, with an extension).
    pub file_name: String,
    /// Its final extension, lower case.
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

/// What the whitelist says about a declared MIME type.
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct MimeInfo {
    /// The canonical type (aliases resolved).
    pub mime_type: AllowedMime,
    /// Its kind.
    pub kind: MediaKind,
    /// The extensions it accepts (lower case, no dot), the canonical one first.
    pub extensions: Vec<String>,
    /// The extension appended to a name without one.
    pub canonical_extension: String,
}

/// Looks a declared MIME type up in the whitelist (trimmed, lower-cased, parameters dropped,
/// aliases resolved); a type not on it is `MIME_TYPE_NOT_ALLOWED`.
pub fn mime_info(declared: &str) -> Result<MimeInfo> {
    let m = allowed_mime(declared)?;
    Ok(MimeInfo {
        mime_type: m,
        kind: m.kind(),
        extensions: m.extensions().iter().map(|e| e.to_string()).collect(),
        canonical_extension: m.canonical_extension().to_string(),
    })
}

fn allowed_mime(declared: &str) -> Result<AllowedMime> {
    parse_mime(declared)
        .ok_or_else(|| Error::new(ErrorCode::MimeTypeNotAllowed, format!("MIME type {declared:?} is not allowed")))
}

/// Checks a file name against a declared MIME type (steps 4–5 of the verdict): sanitise,
/// refuse a dangerous final extension, require the extension to fit the type or append the
/// canonical one. A type not on the whitelist is `MIME_TYPE_NOT_ALLOWED`.
pub fn check_file_name(policy: &Policy, name: &str, mime_type: &str) -> Result<CheckedName> {
    check_name_for(&policy.upload, name, allowed_mime(mime_type)?)
}

fn check_name_for(policy: &UploadPolicy, name: &str, mime: AllowedMime) -> Result<CheckedName> {
    let max = policy.max_name_chars as usize;
    let clean = sanitise_file_name(name, max)?;
    match final_extension(&clean) {
        Some(ext) => {
            let lower = ext.to_lowercase();
            if is_dangerous_extension(&lower) {
                return Err(Error::new(
                    ErrorCode::DangerousFileExtension,
                    format!("extension .{lower} of {clean:?} is not allowed"),
                ));
            }
            if !mime.accepts_extension(&lower) {
                return Err(Error::new(
                    ErrorCode::ExtensionMimeMismatch,
                    format!(
                        "extension .{lower} does not fit {} (allowed: {})",
                        mime.as_str(),
                        mime.extensions().join(", ")
                    ),
                ));
            }
            Ok(CheckedName { file_name: clean, extension: lower, extension_added: false })
        }
        None => {
            let ext = mime.canonical_extension();
            let room = max.saturating_sub(ext.len() + 1);
            let stem: String = clean.chars().take(room).collect();
            let stem = stem.trim_end_matches(|c: char| c.is_whitespace() || c == '.');
            Ok(CheckedName { file_name: format!("{stem}.{ext}"), extension: ext.to_string(), extension_added: true })
        }
    }
}

fn check_head(policy: &UploadPolicy, head: &[u8], size: u64, mime: AllowedMime) -> Result<MediaFormat> {
    let min = policy.min_head_bytes as usize;
    if head.len() as u64 > size {
        return Err(Error::invalid(format!("the head has {} bytes but the file only {size}", head.len())));
    }
    if head.len() < min && head.len() as u64 != size {
        return Err(Error::invalid(format!(
            "sniffing needs at least {min} bytes (64 recommended), got {}",
            head.len()
        )));
    }
    match sniff(head) {
        Sniffed::Media { format } if format.agrees_with(mime) => Ok(format),
        Sniffed::Media { format } => {
            Err(Error::new(ErrorCode::ContentTypeMismatch, format!("the content is {format:?}, not {}", mime.as_str())))
        }
        Sniffed::Dangerous { class } => Err(Error::new(
            ErrorCode::ContentTypeMismatch,
            format!("the content is {class:?} and is refused whatever its declared type"),
        )),
        Sniffed::Unknown => Err(Error::new(
            ErrorCode::ContentTypeMismatch,
            format!("the content is not recognisable as {}", mime.as_str()),
        )),
    }
}

/// Validates an upload (SPEC §9.7: checks in order, first failure reported; see the module doc).
pub fn validate_upload(policy: &Policy, request: &UploadRequest) -> Result<UploadVerdict> {
    let up = &policy.upload;
    let mime = allowed_mime(&request.mime_type)?;
    let kind = mime.kind();
    if let Some(purpose) = request.purpose {
        if !purpose.accepts(kind) {
            return Err(Error::new(
                ErrorCode::PurposeKindMismatch,
                format!("{} does not take {} files", purpose.as_str(), kind.as_str()),
            ));
        }
    }
    let limit = up.limit(request.purpose, kind);
    if request.size_bytes == 0 {
        return Err(Error::new(ErrorCode::FileEmpty, "the file is empty"));
    }
    if request.size_bytes > limit {
        return Err(Error::new(
            ErrorCode::FileTooLarge,
            format!("{} bytes is over the limit of {limit}", request.size_bytes),
        ));
    }
    let name = check_name_for(up, &request.file_name, mime)?;
    let sniffed = match &request.head {
        Some(head) => Some(check_head(up, head, request.size_bytes, mime)?),
        None => None,
    };
    validate_user_id(&request.user_id)?;
    let id = content_id(&request.content_sha256)?;
    let folder = request.purpose.map_or(kind.as_str(), UploadPurpose::as_str);
    let storage_path = path::build_path(&request.user_id, folder, request.now_ms, &id, &name.file_name)?;
    Ok(UploadVerdict {
        mime_type: mime,
        kind,
        purpose: request.purpose,
        limit_bytes: limit,
        file_name: name.file_name,
        extension: name.extension,
        extension_added: name.extension_added,
        sniffed,
        content_id: id,
        storage_path,
        policy_fingerprint: policy.fingerprint().to_string(),
    })
}

//! Mirror types of `avalo_core::upload` (same serde shape as the core types).

use super::mirror_enum;
use avalo_core::upload as rules;
use serde::{Deserialize, Serialize};
use tsify::Tsify;

/// Why a file is uploaded (SPEC §9.2).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Tsify)]
#[serde(rename_all = "snake_case")]
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
    rules::UploadPurpose,
    [ProfilePhoto, FeedImage, StoryVideo, ChatImage, ChatVideo, ChatAudio, CreatorContent]
);

/// The three media kinds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Tsify)]
#[serde(rename_all = "snake_case")]
pub enum MediaKind {
    /// Still images.
    Image,
    /// Videos.
    Video,
    /// Audio.
    Audio,
}
mirror_enum!(MediaKind, rules::MediaKind, [Image, Video, Audio]);

/// A canonical allowed MIME type (SPEC §9.1).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Tsify)]
#[allow(missing_docs)]
pub enum AllowedMime {
    #[serde(rename = "image/jpeg")]
    ImageJpeg,
    #[serde(rename = "image/png")]
    ImagePng,
    #[serde(rename = "image/gif")]
    ImageGif,
    #[serde(rename = "image/webp")]
    ImageWebp,
    #[serde(rename = "image/heic")]
    ImageHeic,
    #[serde(rename = "image/heif")]
    ImageHeif,
    #[serde(rename = "video/mp4")]
    VideoMp4,
    #[serde(rename = "video/quicktime")]
    VideoQuicktime,
    #[serde(rename = "video/webm")]
    VideoWebm,
    #[serde(rename = "video/x-m4v")]
    VideoM4v,
    #[serde(rename = "audio/mpeg")]
    AudioMpeg,
    #[serde(rename = "audio/wav")]
    AudioWav,
    #[serde(rename = "audio/ogg")]
    AudioOgg,
    #[serde(rename = "audio/aac")]
    AudioAac,
    #[serde(rename = "audio/mp4")]
    AudioMp4,
}
mirror_enum!(
    AllowedMime,
    rules::AllowedMime,
    [
        ImageJpeg,
        ImagePng,
        ImageGif,
        ImageWebp,
        ImageHeic,
        ImageHeif,
        VideoMp4,
        VideoQuicktime,
        VideoWebm,
        VideoM4v,
        AudioMpeg,
        AudioWav,
        AudioOgg,
        AudioAac,
        AudioMp4,
    ]
);

/// A media format recognised from magic bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Tsify)]
#[serde(rename_all = "snake_case")]
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
mirror_enum!(MediaFormat, rules::MediaFormat, [Jpeg, Png, Gif, Webp, Heif, Mp4, Quicktime, Webm, Mp3, Wav, Ogg, Aac]);

/// Content refused whatever it is declared as.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Tsify)]
#[serde(rename_all = "snake_case")]
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
mirror_enum!(DangerClass, rules::DangerClass, [Executable, Script, Markup, Archive]);

/// What the first bytes of a file are: `{ result: "media", format }`,
/// `{ result: "dangerous", class }` or `{ result: "unknown" }`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Tsify)]
#[serde(tag = "result", rename_all = "snake_case")]
pub enum Sniffed {
    /// A media format.
    Media {
        /// The format.
        format: MediaFormat,
    },
    /// Dangerous content.
    Dangerous {
        /// What kind.
        class: DangerClass,
    },
    /// Nothing recognised.
    Unknown,
}

impl From<rules::Sniffed> for Sniffed {
    fn from(s: rules::Sniffed) -> Self {
        match s {
            rules::Sniffed::Media { format } => Sniffed::Media { format: format.into() },
            rules::Sniffed::Dangerous { class } => Sniffed::Dangerous { class: class.into() },
            rules::Sniffed::Unknown => Sniffed::Unknown,
        }
    }
}

/// What the whitelist says about a MIME type.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Tsify)]
pub struct MimeInfo {
    /// The canonical type.
    pub mime_type: AllowedMime,
    /// Its kind.
    pub kind: MediaKind,
    /// Accepted extensions, canonical first.
    pub extensions: Vec<String>,
    /// The extension given to a name without one.
    pub canonical_extension: String,
}

impl From<rules::MimeInfo> for MimeInfo {
    fn from(m: rules::MimeInfo) -> Self {
        let rules::MimeInfo { mime_type, kind, extensions, canonical_extension } = m;
        MimeInfo { mime_type: mime_type.into(), kind: kind.into(), extensions, canonical_extension }
    }
}

/// A checked file name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Tsify)]
pub struct CheckedName {
    /// The final name.
    pub file_name: String,
    /// Its extension, lower case.
    pub extension: String,
    /// Whether the canonical extension was appended.
    pub extension_added: bool,
}

impl From<rules::CheckedName> for CheckedName {
    fn from(c: rules::CheckedName) -> Self {
        let rules::CheckedName { file_name, extension, extension_added } = c;
        CheckedName { file_name, extension, extension_added }
    }
}

/// An accepted upload (`purpose` and `sniffed` are `null` when absent).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Tsify)]
#[tsify(missing_as_null)]
pub struct UploadVerdict {
    /// The canonical MIME type.
    pub mime_type: AllowedMime,
    /// Its kind.
    pub kind: MediaKind,
    /// The purpose given, if any.
    pub purpose: Option<UploadPurpose>,
    /// The size limit that applied, bytes.
    pub limit_bytes: u64,
    /// The final file name.
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

impl From<rules::UploadVerdict> for UploadVerdict {
    fn from(v: rules::UploadVerdict) -> Self {
        let rules::UploadVerdict {
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
            mime_type: mime_type.into(),
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

//! The MIME whitelist of SPEC §9.1: canonical types, aliases, kinds and file extensions.
//!
//! A declared MIME type is compared trimmed and lower-cased with its parameters (`; charset=…`)
//! removed; an alias (`image/jpg`, `audio/mp3`, `audio/x-wav`, `audio/m4a`) resolves to its
//! canonical type. The extensions each type accepts are a choice of this module (the spec only
//! says the final extension must "fit" the type); they are listed on [`AllowedMime::extensions`],
//! the first one being the canonical extension appended to a name that has none.

use serde::{Deserialize, Serialize};

/// The three media kinds of SPEC §9.1.
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[serde(rename_all = "snake_case")]
pub enum MediaKind {
    /// Still images.
    Image,
    /// Videos.
    Video,
    /// Audio recordings.
    Audio,
}

impl MediaKind {
    /// The snake_case name (`"image"`), as used in storage paths without a purpose.
    pub const fn as_str(self) -> &'static str {
        match self {
            MediaKind::Image => "image",
            MediaKind::Video => "video",
            MediaKind::Audio => "audio",
        }
    }
}

/// One allowed (canonical) MIME type of SPEC §9.1.
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum AllowedMime {
    /// `image/jpeg` (alias `image/jpg`).
    #[serde(rename = "image/jpeg")]
    ImageJpeg,
    /// `image/png`.
    #[serde(rename = "image/png")]
    ImagePng,
    /// `image/gif`.
    #[serde(rename = "image/gif")]
    ImageGif,
    /// `image/webp`.
    #[serde(rename = "image/webp")]
    ImageWebp,
    /// `image/heic`.
    #[serde(rename = "image/heic")]
    ImageHeic,
    /// `image/heif`.
    #[serde(rename = "image/heif")]
    ImageHeif,
    /// `video/mp4`.
    #[serde(rename = "video/mp4")]
    VideoMp4,
    /// `video/quicktime`.
    #[serde(rename = "video/quicktime")]
    VideoQuicktime,
    /// `video/webm`.
    #[serde(rename = "video/webm")]
    VideoWebm,
    /// `video/x-m4v`.
    #[serde(rename = "video/x-m4v")]
    VideoM4v,
    /// `audio/mpeg` (alias `audio/mp3`).
    #[serde(rename = "audio/mpeg")]
    AudioMpeg,
    /// `audio/wav` (alias `audio/x-wav`).
    #[serde(rename = "audio/wav")]
    AudioWav,
    /// `audio/ogg`.
    #[serde(rename = "audio/ogg")]
    AudioOgg,
    /// `audio/aac`.
    #[serde(rename = "audio/aac")]
    AudioAac,
    /// `audio/mp4` (alias `audio/m4a`).
    #[serde(rename = "audio/mp4")]
    AudioMp4,
}

/// (canonical type, accepted spellings, kind, extensions with the canonical one first)
type Row = (AllowedMime, &'static [&'static str], MediaKind, &'static [&'static str]);

const TABLE: [Row; 15] = [
    (AllowedMime::ImageJpeg, &["image/jpeg", "image/jpg"], MediaKind::Image, &["jpg", "jpeg", "jpe", "jfif"]),
    (AllowedMime::ImagePng, &["image/png"], MediaKind::Image, &["png"]),
    (AllowedMime::ImageGif, &["image/gif"], MediaKind::Image, &["gif"]),
    (AllowedMime::ImageWebp, &["image/webp"], MediaKind::Image, &["webp"]),
    (AllowedMime::ImageHeic, &["image/heic"], MediaKind::Image, &["heic", "heif"]),
    (AllowedMime::ImageHeif, &["image/heif"], MediaKind::Image, &["heif", "heic"]),
    (AllowedMime::VideoMp4, &["video/mp4"], MediaKind::Video, &["mp4", "m4v"]),
    (AllowedMime::VideoQuicktime, &["video/quicktime"], MediaKind::Video, &["mov", "qt"]),
    (AllowedMime::VideoWebm, &["video/webm"], MediaKind::Video, &["webm"]),
    (AllowedMime::VideoM4v, &["video/x-m4v"], MediaKind::Video, &["m4v", "mp4"]),
    (AllowedMime::AudioMpeg, &["audio/mpeg", "audio/mp3"], MediaKind::Audio, &["mp3"]),
    (AllowedMime::AudioWav, &["audio/wav", "audio/x-wav"], MediaKind::Audio, &["wav"]),
    (AllowedMime::AudioOgg, &["audio/ogg"], MediaKind::Audio, &["ogg", "oga", "opus"]),
    (AllowedMime::AudioAac, &["audio/aac"], MediaKind::Audio, &["aac"]),
    (AllowedMime::AudioMp4, &["audio/mp4", "audio/m4a"], MediaKind::Audio, &["m4a", "mp4"]),
];

impl AllowedMime {
    /// Every allowed type, in SPEC §9.1 order.
    pub const ALL: [AllowedMime; 15] = [
        Self::ImageJpeg,
        Self::ImagePng,
        Self::ImageGif,
        Self::ImageWebp,
        Self::ImageHeic,
        Self::ImageHeif,
        Self::VideoMp4,
        Self::VideoQuicktime,
        Self::VideoWebm,
        Self::VideoM4v,
        Self::AudioMpeg,
        Self::AudioWav,
        Self::AudioOgg,
        Self::AudioAac,
        Self::AudioMp4,
    ];

    fn row(self) -> &'static Row {
        // TABLE is in the same order as the enum's variants, so the discriminant indexes it;
        // `get` keeps this total, and the fallback row is never reached.
        TABLE.get(self as usize).unwrap_or(&TABLE[0])
    }

    /// The canonical MIME string (`"image/jpeg"`).
    pub fn as_str(self) -> &'static str {
        self.row().1.first().copied().unwrap_or("")
    }

    /// The media kind of this type.
    pub fn kind(self) -> MediaKind {
        self.row().2
    }

    /// The file extensions (lower case, without the dot) this type accepts; the first is the
    /// canonical one.
    pub fn extensions(self) -> &'static [&'static str] {
        self.row().3
    }

    /// The canonical extension (`"jpg"` for `image/jpeg`).
    pub fn canonical_extension(self) -> &'static str {
        self.extensions().first().copied().unwrap_or("bin")
    }

    /// Whether a (lower-case) extension fits this type.
    pub fn accepts_extension(self, ext_lower: &str) -> bool {
        self.extensions().contains(&ext_lower)
    }
}

/// A declared MIME type trimmed, lower-cased and without parameters: `" Image/JPEG; q=1"` →
/// `"image/jpeg"`. Aliases are not resolved here (see [`parse_mime`]).
pub fn normalise_mime(declared: &str) -> String {
    let essence = declared.split(';').next().unwrap_or("");
    essence.trim().to_ascii_lowercase()
}

/// The allowed type a declared MIME string denotes (aliases resolved), or `None` when it is not
/// on the whitelist (`image/svg+xml`, `application/pdf`, an empty string…).
pub fn parse_mime(declared: &str) -> Option<AllowedMime> {
    // Same as comparing `normalise_mime(declared)`, without allocating.
    let essence = declared.split(';').next().unwrap_or("").trim();
    TABLE.iter().find(|row| row.1.iter().any(|s| s.eq_ignore_ascii_case(essence))).map(|row| row.0)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn table_order_matches_enum() {
        for (i, m) in AllowedMime::ALL.iter().enumerate() {
            assert_eq!(*m as usize, i);
            assert_eq!(TABLE[i].0, *m);
            let json = serde_json::to_string(m).unwrap();
            assert_eq!(json, format!("\"{}\"", m.as_str()));
        }
    }

    #[test]
    fn aliases_and_parameters() {
        assert_eq!(parse_mime(" Image/JPG ; charset=binary"), Some(AllowedMime::ImageJpeg));
        assert_eq!(parse_mime("audio/x-wav"), Some(AllowedMime::AudioWav));
        assert_eq!(parse_mime("image/svg+xml"), None);
        assert_eq!(parse_mime(""), None);
    }
}

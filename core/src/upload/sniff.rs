//! Content sniffing (SPEC §9.4): the real type of a file from its first bytes.
//!
//! Dangerous content is recognised first, whatever else the bytes could be:
//! - executables: `MZ` (PE/DOS), ELF (`7F 45 4C 46`), Mach-O (`FE ED FA CE/CF` in both byte
//!   orders) and universal binaries / Java classes (`CA FE BA BE`), WebAssembly (`00 61 73 6D`),
//!   Android DEX (`dex\n`);
//! - scripts: a `#!` shebang;
//! - markup (HTML, SVG, any XML): the first character after an optional byte order mark
//!   (UTF-8 or UTF-16) and ASCII white space is `<`;
//! - archives: ZIP (`PK` 03 04 / 05 06 / 07 08, so also JAR, APK, DOCX), RAR, 7-Zip, gzip,
//!   bzip2, xz, zstd, CAB, `ar` (`.deb`), `xar` (`.pkg`), and tar (`ustar` at offset 257 when
//!   that many bytes are given).
//!
//! Then media: JPEG, PNG, GIF, WebP and WAV (RIFF form types), the ISO base media family by its
//! `ftyp` major brand (or, when that brand is unknown, its compatible brands): HEIC/HEIF,
//! MP4/M4V/M4A and QuickTime (`qt  `, or a classic QuickTime file that starts with a `moov`,
//! `mdat`, `wide`, `free`, `skip` or `pnot` atom), WebM (EBML, unless its doc type says
//! `matroska`), OGG, MP3 (`ID3` tag or an MPEG audio frame header) and AAC ADTS. AVIF
//! (`avif`/`avis` brands) and other formats are [`Sniffed::Unknown`]. Polyglots whose dangerous
//! part is not at the start (a ZIP appended to a JPEG) are not detected from a head.

use super::mime::AllowedMime;
use serde::{Deserialize, Serialize};

/// A media format recognised from magic bytes.
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[serde(rename_all = "snake_case")]
pub enum MediaFormat {
    /// JPEG (`FF D8 FF`).
    Jpeg,
    /// PNG.
    Png,
    /// GIF87a / GIF89a.
    Gif,
    /// WebP (RIFF `WEBP`).
    Webp,
    /// HEIC / HEIF (ISO BMFF `heic`, `heix`, `mif1`, … brands).
    Heif,
    /// MP4 / M4V / M4A family (ISO BMFF `isom`, `mp42`, `M4V `, `M4A `, … brands).
    Mp4,
    /// QuickTime (`qt  ` brand or classic atoms).
    Quicktime,
    /// WebM (EBML).
    Webm,
    /// MP3 (ID3 tag or MPEG audio frame sync).
    Mp3,
    /// WAV (RIFF `WAVE`).
    Wav,
    /// OGG (`OggS`).
    Ogg,
    /// AAC in ADTS frames.
    Aac,
}

/// Content refused whatever it is declared as.
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[serde(rename_all = "snake_case")]
pub enum DangerClass {
    /// A native or byte-code executable.
    Executable,
    /// A script with a `#!` line.
    Script,
    /// HTML, SVG or other XML markup.
    Markup,
    /// An archive or compressed container.
    Archive,
}

/// What the first bytes of a file are.
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[serde(tag = "result", rename_all = "snake_case")]
pub enum Sniffed {
    /// A media format.
    Media {
        /// The format.
        format: MediaFormat,
    },
    /// Dangerous content.
    Dangerous {
        /// What kind of danger.
        #[cfg_attr(feature = "uniffi", uniffi(name = "danger"))] // `class` is a keyword abroad
        class: DangerClass,
    },
    /// Nothing recognised.
    Unknown,
}

impl MediaFormat {
    /// Whether this format agrees with a declared (canonical) MIME type: HEIC and HEIF are one
    /// family, and the MP4 family fits `video/mp4`, `video/x-m4v` and `audio/mp4`.
    pub fn agrees_with(self, mime: AllowedMime) -> bool {
        use AllowedMime as M;
        match self {
            MediaFormat::Jpeg => mime == M::ImageJpeg,
            MediaFormat::Png => mime == M::ImagePng,
            MediaFormat::Gif => mime == M::ImageGif,
            MediaFormat::Webp => mime == M::ImageWebp,
            MediaFormat::Heif => matches!(mime, M::ImageHeic | M::ImageHeif),
            MediaFormat::Mp4 => matches!(mime, M::VideoMp4 | M::VideoM4v | M::AudioMp4),
            MediaFormat::Quicktime => mime == M::VideoQuicktime,
            MediaFormat::Webm => mime == M::VideoWebm,
            MediaFormat::Mp3 => mime == M::AudioMpeg,
            MediaFormat::Wav => mime == M::AudioWav,
            MediaFormat::Ogg => mime == M::AudioOgg,
            MediaFormat::Aac => mime == M::AudioAac,
        }
    }
}

fn at(head: &[u8], offset: usize, magic: &[u8]) -> bool {
    head.get(offset..offset + magic.len()) == Some(magic)
}

fn danger(head: &[u8]) -> Option<DangerClass> {
    const EXECUTABLE: [&[u8]; 9] = [
        b"MZ",
        b"\x7fELF",
        b"\xfe\xed\xfa\xce",
        b"\xfe\xed\xfa\xcf",
        b"\xce\xfa\xed\xfe",
        b"\xcf\xfa\xed\xfe",
        b"\xca\xfe\xba\xbe",
        b"\x00asm",
        b"dex\n",
    ];
    const ARCHIVE: [&[u8]; 13] = [
        b"PK\x03\x04",
        b"PK\x05\x06",
        b"PK\x07\x08",
        b"Rar!\x1a\x07",
        b"7z\xbc\xaf\x27\x1c",
        b"\x1f\x8b",
        b"BZh",
        b"\xfd7zXZ\x00",
        b"\x28\xb5\x2f\xfd",
        b"MSCF",
        b"!<arch>\n",
        b"xar!",
        b"LZIP",
    ];
    if EXECUTABLE.iter().any(|m| head.starts_with(m)) {
        return Some(DangerClass::Executable);
    }
    if head.starts_with(b"#!") {
        return Some(DangerClass::Script);
    }
    if starts_with_markup(head) {
        return Some(DangerClass::Markup);
    }
    if ARCHIVE.iter().any(|m| head.starts_with(m)) || at(head, 257, b"ustar") {
        return Some(DangerClass::Archive);
    }
    None
}

fn is_space(unit: u16) -> bool {
    matches!(unit, 0x20 | 0x09 | 0x0a | 0x0c | 0x0d)
}

/// `<` after an optional BOM and ASCII white space (UTF-8 or UTF-16 of either byte order).
fn starts_with_markup(head: &[u8]) -> bool {
    let unit_width_be = if head.starts_with(b"\xff\xfe") {
        Some(false)
    } else if head.starts_with(b"\xfe\xff") {
        Some(true)
    } else {
        None
    };
    match unit_width_be {
        Some(big_endian) => {
            let mut units = head.get(2..).unwrap_or(&[]).chunks_exact(2).map(|p| match p {
                [a, b] if big_endian => u16::from_be_bytes([*a, *b]),
                [a, b] => u16::from_le_bytes([*a, *b]),
                _ => 0,
            });
            units.find(|u| !is_space(*u)) == Some(u16::from(b'<'))
        }
        None => {
            let body = head.strip_prefix(b"\xef\xbb\xbf").unwrap_or(head);
            body.iter().find(|b| !is_space(u16::from(**b))) == Some(&b'<')
        }
    }
}

const HEIF_BRANDS: [&[u8; 4]; 12] =
    [b"heic", b"heix", b"hevc", b"hevx", b"heim", b"heis", b"hevm", b"hevs", b"mif1", b"msf1", b"heif", b"mif2"];
const MP4_BRANDS: [&[u8; 4]; 22] = [
    b"isom", b"iso2", b"iso3", b"iso4", b"iso5", b"iso6", b"iso7", b"iso8", b"iso9", b"mp41", b"mp42", b"mp71",
    b"avc1", b"dash", b"M4V ", b"M4VH", b"M4VP", b"M4A ", b"M4B ", b"M4P ", b"f4v ", b"MSNV",
];

fn brand_format(brand: &[u8]) -> Option<MediaFormat> {
    if HEIF_BRANDS.iter().any(|b| &b[..] == brand) {
        Some(MediaFormat::Heif)
    } else if MP4_BRANDS.iter().any(|b| &b[..] == brand) {
        Some(MediaFormat::Mp4)
    } else if brand == b"qt  " {
        Some(MediaFormat::Quicktime)
    } else {
        None
    }
}

fn iso_bmff(head: &[u8]) -> Option<MediaFormat> {
    if at(head, 4, b"ftyp") {
        let major = head.get(8..12)?;
        if major == b"avif" || major == b"avis" {
            return None;
        }
        if let Some(f) = brand_format(major) {
            return Some(f);
        }
        // Compatible brands: from offset 16 to the end of the ftyp box (or of the head).
        let size = head.get(0..4).and_then(|s| <[u8; 4]>::try_from(s).ok()).map(|s| u32::from_be_bytes(s) as usize)?;
        let end = size.min(head.len());
        return head.get(16..end).unwrap_or(&[]).chunks_exact(4).find_map(brand_format);
    }
    const CLASSIC: [&[u8]; 6] = [b"moov", b"mdat", b"wide", b"free", b"skip", b"pnot"];
    if CLASSIC.iter().any(|atom| at(head, 4, atom)) {
        return Some(MediaFormat::Quicktime);
    }
    None
}

fn mpeg_audio(head: &[u8]) -> Option<MediaFormat> {
    let (b1, b2) = match head {
        [0xff, b1, b2, ..] => (*b1, *b2),
        _ => return None,
    };
    if b1 & 0xf6 == 0xf0 {
        // ADTS: 12-bit sync, layer 00; sampling-frequency index 0..=12.
        return ((b2 >> 2) & 0x0f < 13).then_some(MediaFormat::Aac);
    }
    let version = (b1 >> 3) & 0b11;
    let layer = (b1 >> 1) & 0b11;
    let bitrate = b2 >> 4;
    let rate = (b2 >> 2) & 0b11;
    (b1 & 0xe0 == 0xe0 && version != 0b01 && layer != 0 && bitrate != 0x0f && rate != 0b11).then_some(MediaFormat::Mp3)
}

fn media(head: &[u8]) -> Option<MediaFormat> {
    if head.starts_with(b"\xff\xd8\xff") {
        return Some(MediaFormat::Jpeg);
    }
    if head.starts_with(b"\x89PNG\r\n\x1a\n") {
        return Some(MediaFormat::Png);
    }
    if head.starts_with(b"GIF87a") || head.starts_with(b"GIF89a") {
        return Some(MediaFormat::Gif);
    }
    if head.starts_with(b"RIFF") {
        return if at(head, 8, b"WEBP") {
            Some(MediaFormat::Webp)
        } else if at(head, 8, b"WAVE") {
            Some(MediaFormat::Wav)
        } else {
            None
        };
    }
    if head.starts_with(b"\x1a\x45\xdf\xa3") {
        let matroska = head.windows(8).any(|w| w == b"matroska");
        return (!matroska).then_some(MediaFormat::Webm);
    }
    if head.starts_with(b"OggS") {
        return Some(MediaFormat::Ogg);
    }
    if head.starts_with(b"ID3") {
        return Some(MediaFormat::Mp3);
    }
    iso_bmff(head).or_else(|| mpeg_audio(head))
}

/// Sniffs the first bytes of a file (any length; 64 recommended). Never fails: unrecognised
/// bytes are [`Sniffed::Unknown`].
pub fn sniff(head: &[u8]) -> Sniffed {
    if let Some(class) = danger(head) {
        return Sniffed::Dangerous { class };
    }
    match media(head) {
        Some(format) => Sniffed::Media { format },
        None => Sniffed::Unknown,
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn basics() {
        assert_eq!(sniff(b"\xff\xd8\xff\xe0\0\x10JFIF"), Sniffed::Media { format: MediaFormat::Jpeg });
        assert_eq!(sniff(b"  \n<svg xmlns"), Sniffed::Dangerous { class: DangerClass::Markup });
        assert_eq!(sniff(b"\xff\xfe<\0h\0"), Sniffed::Dangerous { class: DangerClass::Markup });
        assert_eq!(sniff(b"\0\0\0\x18ftypmp42\0\0\0\0"), Sniffed::Media { format: MediaFormat::Mp4 });
        assert_eq!(sniff(b"\0\0\0\x18ftypXXXX\0\0\0\0mif1heic"), Sniffed::Media { format: MediaFormat::Heif });
        assert_eq!(sniff(b"\xff\xfb\x90\x64"), Sniffed::Media { format: MediaFormat::Mp3 });
        assert_eq!(sniff(b"\xff\xf1\x50\x80"), Sniffed::Media { format: MediaFormat::Aac });
        assert_eq!(sniff(b""), Sniffed::Unknown);
    }
}

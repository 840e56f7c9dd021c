//! File names (SPEC §9.3): the sanitiser, reserved device names, dangerous extensions.
//!
//! [`sanitise_file_name`] applies the spec's steps in the spec's order:
//! 1. Unicode NFC;
//! 2. remove control characters (C0 U+0000–U+001F, DEL U+007F, C1 U+0080–U+009F) and bidi
//!    controls (U+202A–U+202E, U+2066–U+2069, U+200E, U+200F);
//! 3. replace `/` and `\` with `_`;
//! 4. collapse every run of white space (Unicode `White_Space`, so U+00A0 and U+3000 too) to one
//!    ASCII space;
//! 5. trim white space and dots at both ends;
//! 6. if the name has more than `max_chars` (200) characters, keep the extension and cut the
//!    stem;
//! 7. refuse an empty name or a Windows reserved device name (`INVALID_FILENAME`).
//!
//! Choices where the spec is silent, each needed so that sanitising is idempotent (a sanitised
//! name sanitises to itself) and safe:
//! - "Characters" are Unicode scalar values (Rust `char`s): the 200 limit counts them and a cut
//!   never splits one (a grapheme made of several scalars, such as an emoji with modifiers, may
//!   be split between its scalars).
//! - Removing a control can join a letter and a combining mark that the control separated
//!   (`e`, U+200E, U+0301); NFC is applied again after step 2 when it removed anything, so the
//!   result is NFC (`é`).
//! - The extension is the text after the last dot. It is kept by the cut only when at least one
//!   stem character still fits; otherwise the whole name is cut to `max_chars`, and dots and
//!   white space that the cut leaves at the end are trimmed again (so `evil.exe.` can never be
//!   produced by a cut).
//! - A reserved device name is recognised on the part before the first dot, with trailing
//!   spaces ignored (`CON.jpg`, `con .tar.gz`, `Lpt9` are refused; `CONSOLE.jpg` is not).

use crate::error::{Error, ErrorCode, Result};
use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};

/// Dangerous final extensions (SPEC §9.3), lower case, without the dot.
pub const DANGEROUS_EXTENSIONS: [&str; 52] = [
    "exe", "bat", "cmd", "com", "pif", "scr", "vbs", "vbe", "js", "mjs", "cjs", "jse", "wsf", "wsh", "hta", "jar",
    "msi", "msp", "app", "apk", "deb", "rpm", "dmg", "pkg", "sh", "bash", "zsh", "ps1", "psm1", "psd1", "ps1xml",
    "psc1", "msh", "msh1", "msh2", "mshxml", "scf", "lnk", "inf", "reg", "dll", "so", "dylib", "html", "htm", "xhtml",
    "svg", "php", "py", "pl", "rb", "cgi",
];

/// Packs up to 8 ASCII bytes, lower-cased, into a u64 (big-endian, zero-padded).
const fn pack(bytes: &[u8]) -> u64 {
    let mut v = 0u64;
    let mut i = 0;
    while i < 8 {
        let b = if i < bytes.len() { bytes[i].to_ascii_lowercase() } else { 0 };
        v = (v << 8) | b as u64;
        i += 1;
    }
    v
}

const DANGEROUS_PACKED: [u64; DANGEROUS_EXTENSIONS.len()] = {
    let mut out = [0u64; DANGEROUS_EXTENSIONS.len()];
    let mut i = 0;
    while i < out.len() {
        out[i] = pack(DANGEROUS_EXTENSIONS[i].as_bytes());
        i += 1;
    }
    out
};

/// Windows reserved device names (SPEC §9.3), upper case.
const RESERVED: [&str; 22] = [
    "CON", "PRN", "AUX", "NUL", "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9", "LPT1", "LPT2",
    "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9",
];

/// Whether a character is removed by step 2 (C0, DEL, C1 controls and the listed bidi controls).
#[must_use]
pub fn is_removed_char(c: char) -> bool {
    matches!(c, '\u{0}'..='\u{1F}' | '\u{7F}'..='\u{9F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}')
}

fn nfc(text: &str) -> String {
    if is_nfc_quick(text.chars()) == IsNormalized::Yes {
        text.to_string()
    } else {
        text.nfc().collect()
    }
}

fn trim_ends(text: &str) -> &str {
    text.trim_matches(|c: char| c.is_whitespace() || c == '.')
}

/// The final extension of a name: the text after its last dot, when that dot is neither the
/// first nor the last character (`"a.tar.GZ"` → `"GZ"`, `".profile"` and `"name."` → none).
#[must_use]
pub fn final_extension(name: &str) -> Option<&str> {
    let dot = name.rfind('.')?;
    if dot == 0 || dot + 1 >= name.len() {
        return None;
    }
    name.get(dot + 1..)
}

/// Whether a name is a Windows reserved device name, with or without extension, in any case.
#[must_use]
pub fn is_reserved_device_name(name: &str) -> bool {
    let base = name.split('.').next().unwrap_or("").trim_end_matches(' ');
    RESERVED.iter().any(|r| base.eq_ignore_ascii_case(r))
}

/// Whether an extension (any case, without the dot) is on the dangerous list.
#[must_use]
pub fn is_dangerous_extension(ext: &str) -> bool {
    if ext.is_ascii() {
        // Hot path: pack the lower-cased extension into a u64 (no entry is longer than 8 bytes)
        // and compare integers.
        if ext.is_empty() || ext.len() > 8 {
            return false;
        }
        let key = pack(ext.as_bytes());
        return DANGEROUS_PACKED.contains(&key);
    }
    let lower = ext.to_lowercase();
    DANGEROUS_EXTENSIONS.contains(&lower.as_str())
}

/// Whether every step of the sanitiser would leave `name` unchanged and it is ASCII (the
/// common case, answered without allocating).
fn clean_ascii(name: &str, max_chars: usize) -> bool {
    let b = name.as_bytes();
    let edge_ok = |c: Option<&u8>| c.is_some_and(|c| *c != b' ' && *c != b'.');
    b.len() <= max_chars
        && edge_ok(b.first())
        && edge_ok(b.last())
        && b.iter().all(|c| (0x20..0x7f).contains(c) && *c != b'/' && *c != b'\\')
        && !b.windows(2).any(|w| w == b"  ")
}

/// Cuts `name` to at most `max_chars` characters, keeping its extension (see the module doc).
fn cut(name: &str, max_chars: usize) -> String {
    if name.chars().count() <= max_chars {
        return name.to_string();
    }
    if let Some(ext) = final_extension(name) {
        let ext_chars = ext.chars().count();
        if ext_chars + 1 < max_chars {
            let stem_len = name.len() - ext.len() - 1;
            let stem = name.get(..stem_len).unwrap_or("");
            let kept: String = stem.chars().take(max_chars - ext_chars - 1).collect();
            return format!("{kept}.{ext}");
        }
    }
    let kept: String = name.chars().take(max_chars).collect();
    trim_ends(&kept).to_string()
}

/// Sanitises a file name (SPEC §9.3 steps 1–7, see the module doc). An empty result or a
/// reserved device name is `INVALID_FILENAME`. Dangerous extensions and the MIME agreement are
/// checked separately (see [`super::check_file_name`]).
pub fn sanitise_file_name(name: &str, max_chars: usize) -> Result<String> {
    if clean_ascii(name, max_chars) {
        if is_reserved_device_name(name) {
            return Err(Error::new(
                ErrorCode::InvalidFilename,
                format!("file name {name:?} is a reserved device name"),
            ));
        }
        return Ok(name.to_string());
    }
    // 1. NFC.
    let normalised = nfc(name);
    // 2. Controls and bidi controls (then NFC again if that removed anything).
    let mut text: String = normalised.chars().filter(|c| !is_removed_char(*c)).collect();
    if text.len() != normalised.len() {
        text = nfc(&text);
    }
    // 3 + 4. Separators to `_`, white space runs to one space (one pass, same result).
    let mut collapsed = String::with_capacity(text.len());
    let mut in_space = false;
    for c in text.chars() {
        if c.is_whitespace() {
            if !in_space {
                collapsed.push(' ');
            }
            in_space = true;
            continue;
        }
        in_space = false;
        collapsed.push(if c == '/' || c == '\\' { '_' } else { c });
    }
    // 5. Trim white space and dots.
    let trimmed = trim_ends(&collapsed);
    // 6. Cut to the maximum length, keeping the extension.
    let out = cut(trimmed, max_chars);
    // 7. Empty or reserved.
    if out.is_empty() {
        return Err(Error::new(ErrorCode::InvalidFilename, format!("file name {name:?} is empty once sanitised")));
    }
    if is_reserved_device_name(&out) {
        return Err(Error::new(ErrorCode::InvalidFilename, format!("file name {out:?} is a reserved device name")));
    }
    Ok(out)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn spec_examples() {
        assert_eq!(sanitise_file_name("evil.exe. ", 200).unwrap(), "evil.exe");
        assert_eq!(sanitise_file_name("..\\..//etc/passwd", 200).unwrap(), "_..__etc_passwd");
        assert_eq!(sanitise_file_name("\u{202E}gnp.exe", 200).unwrap(), "gnp.exe");
        assert_eq!(sanitise_file_name("a \t\u{A0} b", 200).unwrap(), "a b");
        assert_eq!(sanitise_file_name("e\u{200E}\u{301}.jpg", 200).unwrap(), "\u{E9}.jpg");
        assert!(sanitise_file_name("...", 200).is_err());
        assert!(sanitise_file_name("CON.jpg", 200).is_err());
        assert!(sanitise_file_name("con .tar.gz", 200).is_err());
        assert!(sanitise_file_name("CONSOLE.jpg", 200).is_ok());
    }

    #[test]
    fn dangerous_list_lookup() {
        for d in DANGEROUS_EXTENSIONS {
            assert!(d.len() <= 8 && is_dangerous_extension(d) && is_dangerous_extension(&d.to_uppercase()));
        }
        for safe in ["jpg", "ex", "exee", "", "psm", "ps1xmlx", "é"] {
            assert!(!is_dangerous_extension(safe), "{safe}");
        }
    }

    #[test]
    fn cut_keeps_extension_and_chars() {
        let long = format!("{}.jpg", "é".repeat(300));
        let s = sanitise_file_name(&long, 200).unwrap();
        assert_eq!(s.chars().count(), 200);
        assert!(s.ends_with(".jpg"));
        let no_ext = format!("{}.{}", "a".repeat(10), "b".repeat(250));
        assert_eq!(sanitise_file_name(&no_ext, 200).unwrap().chars().count(), 200);
        let dotty = format!("{}.exe.{}", "a".repeat(195), "b".repeat(300));
        let s = sanitise_file_name(&dotty, 200).unwrap();
        assert!(!s.ends_with('.'), "{s}");
    }
}

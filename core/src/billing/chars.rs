//! Character properties used by word counting (SPEC §4.3), all on Unicode 17.0:
//! - letters and digits (`\p{L}`, `\p{N}`) from `unicode-properties` (General_Category);
//! - the scripts written without spaces from `unicode-script` (Script_Extensions);
//! - Extended_Pictographic from the compact range table below, written from Unicode 17.0
//!   `emoji-data.txt` (the same data `unicode-segmentation` 1.13 uses for GB11); a unit test
//!   checks it against that crate's grapheme behaviour for every code point.

use unicode_properties::{GeneralCategoryGroup, UnicodeGeneralCategory};
use unicode_script::{Script, UnicodeScript};

/// Scripts counted by characters rather than by UAX #29 segments.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum RunScript {
    /// Han, Hiragana, Katakana: counted by characters.
    Cjk,
    /// Thai, Lao, Khmer, Myanmar: counted by grapheme clusters.
    Sea,
}

/// `\p{L}` or `\p{N}`.
pub(crate) fn is_letter_or_digit(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    matches!(c.general_category_group(), GeneralCategoryGroup::Letter | GeneralCategoryGroup::Number)
}

/// General_Category Mark (`Mn`, `Mc`, `Me`) or Format (`Cf`): invisible or combining characters
/// that continue a run of a script written without spaces.
pub(crate) fn is_mark_or_format(c: char) -> bool {
    use unicode_properties::GeneralCategory as G;
    !c.is_ascii() && matches!(c.general_category(), G::NonspacingMark | G::SpacingMark | G::EnclosingMark | G::Format)
}

/// General_Category Punctuation or Symbol (the test deriving the class table uses it).
#[cfg(test)]
pub(crate) fn is_punctuation_or_symbol(c: char) -> bool {
    matches!(c.general_category_group(), GeneralCategoryGroup::Punctuation | GeneralCategoryGroup::Symbol)
}

/// The run script of a letter or digit, by Script_Extensions: all of the character's scripts
/// must be in the group (so that `ー`, whose Script is Common but whose extensions are Hiragana
/// and Katakana, belongs to a Japanese run).
/// `None` for characters of other scripts, and for characters that are not letters or digits.
pub(crate) fn run_script(c: char) -> Option<RunScript> {
    if c.is_ascii() || !is_letter_or_digit(c) {
        return None;
    }
    let ext = c.script_extension();
    if ext.is_common() || ext.is_inherited() || ext.is_empty() {
        return None;
    }
    // Every script of the character must belong to the group: U+02BC `ʼ` (Latin, Cyrillic,
    // Thai, …) is no Thai letter, while `ー` (Hiragana, Katakana) is Japanese.
    let in_group = |group: &[Script]| ext.iter().all(|s| group.contains(&s));
    if in_group(&[Script::Han, Script::Hiragana, Script::Katakana]) {
        Some(RunScript::Cjk)
    } else if in_group(&[Script::Thai, Script::Lao, Script::Khmer, Script::Myanmar]) {
        Some(RunScript::Sea)
    } else {
        None
    }
}

/// Extended_Pictographic (Unicode 17.0 emoji-data.txt).
pub(crate) fn is_extended_pictographic(c: char) -> bool {
    let cp = u32::from(c);
    // No Extended_Pictographic code point lies below U+00A9 or in U+329A..U+1EFFF (this covers
    // the CJK and Hangul blocks), so most text skips the search.
    if cp < 0xA9 || (0x329A..0x1F000).contains(&cp) {
        return false;
    }
    EXTENDED_PICTOGRAPHIC
        .binary_search_by(|&(lo, hi)| {
            if hi < cp {
                std::cmp::Ordering::Less
            } else if lo > cp {
                std::cmp::Ordering::Greater
            } else {
                std::cmp::Ordering::Equal
            }
        })
        .is_ok()
}

/// Emoji characters removed wherever they appear: Extended_Pictographic, skin-tone modifiers
/// (U+1F3FB–1F3FF), variation selectors (U+FE00–FE0F, U+E0100–E01EF), regional indicators
/// (U+1F1E6–1F1FF) and tag characters (U+E0020–E007F, used by subdivision flags).
/// The zero-width joiner and keycaps depend on their neighbours and are handled by the caller.
pub(crate) fn is_removed_emoji(c: char) -> bool {
    let cp = u32::from(c);
    if cp < 0x203C {
        return cp == 0xA9 || cp == 0xAE; // the only ones below U+203C (most text stops here)
    }
    matches!(cp, 0xFE00..=0xFE0F | 0x1F1E6..=0x1F1FF | 0x1F3FB..=0x1F3FF | 0xE0020..=0xE007F | 0xE0100..=0xE01EF)
        || is_extended_pictographic(c)
}

/// The zero-width joiner.
pub(crate) const ZWJ: char = '\u{200D}';
/// The combining enclosing keycap.
pub(crate) const KEYCAP: char = '\u{20E3}';

/// A keycap base: an ASCII digit, `#` or `*`.
pub(crate) fn is_keycap_base(c: char) -> bool {
    c.is_ascii_digit() || c == '#' || c == '*'
}

// ---------------------------------------------------------------------------------------------
// Character classes of the mixed-text state machine (`super::fast`).

/// Character classes of the mixed-text state machine. The unit tests check every non-ASCII
/// code point's class against `unicode-segmentation`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u8)]
pub(crate) enum Cls {
    /// A letter that UAX #29 calls ALetter.
    Letter,
    /// A digit that UAX #29 calls Numeric.
    Digit,
    /// `_` (ExtendNumLet).
    Under,
    /// MidLetter (`:`, `·`).
    MidLetter,
    /// MidNumLet or Single_Quote (`.`, `'`, `‘`, `’`).
    MidNumLet,
    /// MidNum (`,`, `;`).
    MidNum,
    /// Anything that breaks on both sides and is no letter or digit.
    Other,
    /// White space: breaks, ends a run, and starts a token (URL check).
    Space,
    /// A combining mark or format character: transparent for UAX #29 (WB4), continues runs.
    Mark,
    /// A character removed as emoji.
    Emoji,
    /// The zero-width joiner (removed next to emoji, else a transparent mark).
    Zwj,
    /// Han or Hiragana letter (UAX #29 Other): one character of a CJK run.
    Han,
    /// Katakana letter (UAX #29 Katakana): one character of a CJK run.
    Kana,
    /// Anything else: the chunk goes to the reference implementation.
    Slow,
}

/// Where the class changes in U+0080..U+052F (Latin-1, Latin Extended, IPA, Greek, Cyrillic):
/// each entry holds from its code point up to the next entry's. Written from the
/// General_Category tables (letters are ALetter here, marks are Extend, punctuation and symbols
/// break; C1 controls break; U+00B8, U+02C2… and numbers go to the reference); the unit test
/// `latin_table_matches_general_category` derives every entry again from `unicode-properties`.
#[rustfmt::skip]
const LATIN_RUNS: [(u16, Cls); 59] = {
    use Cls::*;
    [
    (0x80, Other), (0x85, Space), (0x86, Other), (0xA0, Space), (0xA1, Other), (0xA9, Emoji),
    (0xAA, Letter), (0xAB, Other), (0xAD, Mark), (0xAE, Emoji), (0xAF, Other), (0xB2, Slow),
    (0xB4, Other), (0xB5, Letter), (0xB6, Other), (0xB7, MidLetter), (0xB8, Slow), (0xBA, Letter),
    (0xBB, Other), (0xBC, Slow), (0xBF, Other), (0xC0, Letter), (0xD7, Other), (0xD8, Letter),
    (0xF7, Other), (0xF8, Letter), (0x2C2, Slow), (0x2C6, Letter), (0x2D2, Slow), (0x2E0, Letter),
    (0x2E5, Slow), (0x2EC, Letter), (0x2ED, Slow), (0x2EE, Letter), (0x2EF, Slow), (0x300, Mark),
    (0x370, Letter), (0x375, Other), (0x376, Letter), (0x378, Slow), (0x37A, Letter),
    (0x37E, MidNum), (0x37F, Letter), (0x380, Slow), (0x384, Other), (0x386, Letter),
    (0x387, MidLetter), (0x388, Letter), (0x38B, Slow), (0x38C, Letter), (0x38D, Slow),
    (0x38E, Letter), (0x3A2, Slow), (0x3A3, Letter), (0x3F6, Other), (0x3F7, Letter),
    (0x482, Other), (0x483, Mark), (0x48A, Letter),
    ]
};

/// End (exclusive) of the table below.
pub(crate) const LATIN_END: u32 = 0x530;

/// Classes of U+0080..U+052F, expanded from [`LATIN_RUNS`] at compile time (1 200 bytes).
pub(crate) const LATIN: [Cls; LATIN_END as usize - 0x80] = {
    let mut t = [Cls::Slow; LATIN_END as usize - 0x80];
    let mut r = 0;
    // Constant evaluation: an index out of range here fails the build, not a call.
    while r < LATIN_RUNS.len() {
        let (from, cls) = LATIN_RUNS[r];
        let to = if r + 1 < LATIN_RUNS.len() { LATIN_RUNS[r + 1].0 as usize } else { LATIN_END as usize };
        let mut cp = from as usize;
        while cp < to {
            t[cp - 0x80] = cls;
            cp += 1;
        }
        r += 1;
    }
    t
};

/// The class of a non-ASCII code point (`cp ≥ 0x80`).
#[inline(always)]
pub(crate) fn classify_cp(cp: u32) -> Cls {
    if cp < LATIN_END {
        return LATIN.get((cp as usize).wrapping_sub(0x80)).copied().unwrap_or(Cls::Slow);
    }
    if cp < 0x800 {
        return Cls::Slow; // Armenian, Hebrew, Arabic, Syriac, Thaana, NKo: the reference
    }
    // The ranges below hold no emoji (no Extended_Pictographic, no selector or modifier).
    match cp {
        0x4E00..=0x9FFF | 0x3041..=0x3096 | 0x3400..=0x4DBF => Cls::Han,
        0x30A1..=0x30FA | 0x30FC..=0x30FF => Cls::Kana,
        0x200D => Cls::Zwj,
        0x200C | 0x200E | 0x200F | 0x202A..=0x202E | 0x2060..=0x2064 | 0x2066..=0x206F | 0x3099 | 0x309A => Cls::Mark,
        0x2018 | 0x2019 | 0x2024 | 0xFF07 | 0xFF0E => Cls::MidNumLet,
        0x2027 | 0xFF1A => Cls::MidLetter,
        0xFF0C | 0xFF1B => Cls::MidNum,
        0x1680 | 0x2000..=0x200A | 0x2028 | 0x2029 | 0x202F | 0x205F | 0x3000 => Cls::Space,
        0x2010..=0x2017 | 0x201A..=0x2023 | 0x2025 | 0x2026 | 0x2030..=0x203B | 0x203D..=0x203E | 0x2041..=0x2043 => {
            Cls::Other
        }
        0x3001..=0x3003 | 0x3008..=0x3011 | 0x3014..=0x301F => Cls::Other,
        0xFF01 | 0xFF08 | 0xFF09 | 0xFF1F => Cls::Other,
        0xFF10..=0xFF19 => Cls::Digit,
        0xFF21..=0xFF3A | 0xFF41..=0xFF5A => Cls::Letter,
        _ if char::from_u32(cp).is_some_and(is_removed_emoji) => Cls::Emoji,
        _ => Cls::Slow,
    }
}

#[cfg(test)]
#[test]
fn latin_table_matches_general_category() {
    for (cp, &cls) in (0x80u32..).zip(LATIN.iter()) {
        let c = char::from_u32(cp).unwrap_or('\0');
        let want = if is_removed_emoji(c) {
            Cls::Emoji
        } else if c.is_whitespace() {
            Cls::Space
        } else if cp == 0xB7 || cp == 0x387 {
            Cls::MidLetter
        } else if cp == 0x37E {
            Cls::MidNum
        } else if is_letter_or_digit(c) {
            if c.is_numeric() {
                Cls::Slow
            } else {
                Cls::Letter
            }
        } else if is_mark_or_format(c) {
            Cls::Mark
        } else if cp < 0xA0 || (is_punctuation_or_symbol(c) && cp != 0xB8 && !(0x2B0..0x300).contains(&cp)) {
            Cls::Other // C1 controls, punctuation and symbols (U+00B8 and U+02C2… are ALetter)
        } else {
            Cls::Slow
        };
        assert_eq!(cls, want, "U+{cp:04X}");
    }
}

/// Extended_Pictographic ranges (inclusive), Unicode 17.0.
#[rustfmt::skip]
const EXTENDED_PICTOGRAPHIC: [(u32, u32); 156] = [
    (0xA9, 0xA9), (0xAE, 0xAE), (0x203C, 0x203C), (0x2049, 0x2049), (0x2122, 0x2122), (0x2139, 0x2139),
    (0x2194, 0x2199), (0x21A9, 0x21AA), (0x231A, 0x231B), (0x2328, 0x2328), (0x23CF, 0x23CF), (0x23E9, 0x23F3),
    (0x23F8, 0x23FA), (0x24C2, 0x24C2), (0x25AA, 0x25AB), (0x25B6, 0x25B6), (0x25C0, 0x25C0), (0x25FB, 0x25FE),
    (0x2600, 0x2604), (0x260E, 0x260E), (0x2611, 0x2611), (0x2614, 0x2615), (0x2618, 0x2618), (0x261D, 0x261D),
    (0x2620, 0x2620), (0x2622, 0x2623), (0x2626, 0x2626), (0x262A, 0x262A), (0x262E, 0x262F), (0x2638, 0x263A),
    (0x2640, 0x2640), (0x2642, 0x2642), (0x2648, 0x2653), (0x265F, 0x2660), (0x2663, 0x2663), (0x2665, 0x2666),
    (0x2668, 0x2668), (0x267B, 0x267B), (0x267E, 0x267F), (0x2692, 0x2697), (0x2699, 0x2699), (0x269B, 0x269C),
    (0x26A0, 0x26A1), (0x26A7, 0x26A7), (0x26AA, 0x26AB), (0x26B0, 0x26B1), (0x26BD, 0x26BE), (0x26C4, 0x26C5),
    (0x26C8, 0x26C8), (0x26CE, 0x26CF), (0x26D1, 0x26D1), (0x26D3, 0x26D4), (0x26E9, 0x26EA), (0x26F0, 0x26F5),
    (0x26F7, 0x26FA), (0x26FD, 0x26FD), (0x2702, 0x2702), (0x2705, 0x2705), (0x2708, 0x270D), (0x270F, 0x270F),
    (0x2712, 0x2712), (0x2714, 0x2714), (0x2716, 0x2716), (0x271D, 0x271D), (0x2721, 0x2721), (0x2728, 0x2728),
    (0x2733, 0x2734), (0x2744, 0x2744), (0x2747, 0x2747), (0x274C, 0x274C), (0x274E, 0x274E), (0x2753, 0x2755),
    (0x2757, 0x2757), (0x2763, 0x2764), (0x2795, 0x2797), (0x27A1, 0x27A1), (0x27B0, 0x27B0), (0x27BF, 0x27BF),
    (0x2934, 0x2935), (0x2B05, 0x2B07), (0x2B1B, 0x2B1C), (0x2B50, 0x2B50), (0x2B55, 0x2B55), (0x3030, 0x3030),
    (0x303D, 0x303D), (0x3297, 0x3297), (0x3299, 0x3299), (0x1F004, 0x1F004), (0x1F02C, 0x1F02F), (0x1F094, 0x1F09F),
    (0x1F0AF, 0x1F0B0), (0x1F0C0, 0x1F0C0), (0x1F0CF, 0x1F0D0), (0x1F0F6, 0x1F0FF), (0x1F170, 0x1F171), (0x1F17E, 0x1F17F),
    (0x1F18E, 0x1F18E), (0x1F191, 0x1F19A), (0x1F1AE, 0x1F1E5), (0x1F201, 0x1F20F), (0x1F21A, 0x1F21A), (0x1F22F, 0x1F22F),
    (0x1F232, 0x1F23A), (0x1F23C, 0x1F23F), (0x1F249, 0x1F25F), (0x1F266, 0x1F321), (0x1F324, 0x1F393), (0x1F396, 0x1F397),
    (0x1F399, 0x1F39B), (0x1F39E, 0x1F3F0), (0x1F3F3, 0x1F3F5), (0x1F3F7, 0x1F3FA), (0x1F400, 0x1F4FD), (0x1F4FF, 0x1F53D),
    (0x1F549, 0x1F54E), (0x1F550, 0x1F567), (0x1F56F, 0x1F570), (0x1F573, 0x1F57A), (0x1F587, 0x1F587), (0x1F58A, 0x1F58D),
    (0x1F590, 0x1F590), (0x1F595, 0x1F596), (0x1F5A4, 0x1F5A5), (0x1F5A8, 0x1F5A8), (0x1F5B1, 0x1F5B2), (0x1F5BC, 0x1F5BC),
    (0x1F5C2, 0x1F5C4), (0x1F5D1, 0x1F5D3), (0x1F5DC, 0x1F5DE), (0x1F5E1, 0x1F5E1), (0x1F5E3, 0x1F5E3), (0x1F5E8, 0x1F5E8),
    (0x1F5EF, 0x1F5EF), (0x1F5F3, 0x1F5F3), (0x1F5FA, 0x1F64F), (0x1F680, 0x1F6C5), (0x1F6CB, 0x1F6D2), (0x1F6D5, 0x1F6E5),
    (0x1F6E9, 0x1F6E9), (0x1F6EB, 0x1F6F0), (0x1F6F3, 0x1F6FF), (0x1F7DA, 0x1F7FF), (0x1F80C, 0x1F80F), (0x1F848, 0x1F84F),
    (0x1F85A, 0x1F85F), (0x1F888, 0x1F88F), (0x1F8AE, 0x1F8AF), (0x1F8BC, 0x1F8BF), (0x1F8C2, 0x1F8CF), (0x1F8D9, 0x1F8FF),
    (0x1F90C, 0x1F93A), (0x1F93C, 0x1F945), (0x1F947, 0x1F9FF), (0x1FA58, 0x1FA5F), (0x1FA6E, 0x1FAFF), (0x1FC00, 0x1FFFD),
];

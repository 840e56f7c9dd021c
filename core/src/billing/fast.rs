//! The mixed-text fast path of word counting (the ASCII one is in [`super::ascii`]). Both give
//! exactly the result of [`super::words::count_words_reference`]; `core/tests/billing_props.rs`
//! checks that, and the unit tests check every non-ASCII class this file assigns against
//! `unicode-segmentation`.
//!
//! Why chunks can be counted apart: UAX #29 always breaks before and after ASCII white space
//! (its only joins there are CR×LF, space×space and WB4, which glues following marks to the
//! white space itself), URL tokens end at white space, emoji sequences and runs hold none.
//! So the count of a text is the sum of the counts of its ASCII-white-space-delimited chunks,
//! each read together with the white space character before it (for WB4).

use super::chars::{self, RunScript};
use super::ascii::ascii_ws;
use super::words::{count_words_reference, WordRatios};
use std::sync::OnceLock;

// ---------------------------------------------------------------------------------------------
// Mixed text: one state machine over characters.

/// Character classes of the state machine.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
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

const fn ascii_class(b: u8) -> Cls {
    match b {
        b'a'..=b'z' | b'A'..=b'Z' => Cls::Letter,
        b'0'..=b'9' => Cls::Digit,
        b'_' => Cls::Under,
        b':' => Cls::MidLetter,
        b'.' | b'\'' => Cls::MidNumLet,
        b',' | b';' => Cls::MidNum,
        b' ' | 9..=13 => Cls::Space,
        _ => Cls::Other,
    }
}

const ASCII_CLASS: [Cls; 128] = {
    let mut t = [Cls::Other; 128];
    let mut i = 0;
    while i < 128 {
        t[i] = ascii_class(i as u8);
        i += 1;
    }
    t
};

/// Classes of U+0080..U+052F (Latin-1, Latin Extended, IPA, Greek, Cyrillic), built once from
/// the General_Category tables: letters are ALetter there, marks are Extend, punctuation and
/// symbols break (the unit tests check every entry against `unicode-segmentation`).
fn latin_table() -> &'static [Cls; 0x530 - 0x80] {
    static TABLE: OnceLock<[Cls; 0x530 - 0x80]> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut t = [Cls::Slow; 0x530 - 0x80];
        for (slot, cp) in t.iter_mut().zip(0x80u32..) {
            let Some(c) = char::from_u32(cp) else {
                continue;
            };
            *slot = if chars::is_removed_emoji(c) {
                Cls::Emoji
            } else if c.is_whitespace() {
                Cls::Space
            } else if cp == 0xB7 || cp == 0x387 {
                Cls::MidLetter
            } else if cp == 0x37E {
                Cls::MidNum
            } else if chars::is_letter_or_digit(c) {
                if c.is_numeric() {
                    Cls::Slow
                } else {
                    Cls::Letter
                }
            } else if chars::is_mark_or_format(c) {
                Cls::Mark
            } else if cp < 0xA0 || (chars::is_punctuation_or_symbol(c) && cp != 0xB8 && !(0x2B0..0x300).contains(&cp)) {
                Cls::Other // C1 controls, punctuation and symbols (U+00B8 and U+02C2… are ALetter)
            } else {
                Cls::Slow
            };
        }
        t
    })
}

/// The class of a non-ASCII character (for the unit tests).
#[cfg(test)]
pub(crate) fn classify(c: char) -> Cls {
    classify_cp(u32::from(c))
}

/// The class of a non-ASCII code point.
#[inline(always)]
fn classify_cp(cp: u32) -> Cls {
    if let Some(&cls) = cp.checked_sub(0x80).and_then(|i| latin_table().get(i as usize)) {
        return cls;
    }
    // The ranges below hold no emoji (no Extended_Pictographic, no selector or modifier).
    match cp {
        0x200D => Cls::Zwj,
        0x200C
        | 0x200E
        | 0x200F
        | 0x202A..=0x202E
        | 0x2060..=0x2064
        | 0x2066..=0x206F
        | 0x3099
        | 0x309A => Cls::Mark,
        0x2018 | 0x2019 | 0x2024 | 0xFF07 | 0xFF0E => Cls::MidNumLet,
        0x2027 | 0xFF1A => Cls::MidLetter,
        0xFF0C | 0xFF1B => Cls::MidNum,
        0x1680 | 0x2000..=0x200A | 0x2028 | 0x2029 | 0x202F | 0x205F | 0x3000 => Cls::Space,
        0x2010..=0x2017
        | 0x201A..=0x2023
        | 0x2025
        | 0x2026
        | 0x2030..=0x203B
        | 0x203D..=0x203E
        | 0x2041..=0x2043 => Cls::Other,
        0x3001..=0x3003 | 0x3008..=0x3011 | 0x3014..=0x301F => Cls::Other,
        0xFF01 | 0xFF08 | 0xFF09 | 0xFF1F => Cls::Other,
        0xFF10..=0xFF19 => Cls::Digit,
        0xFF21..=0xFF3A | 0xFF41..=0xFF5A => Cls::Letter,
        0x3041..=0x3096 | 0x3400..=0x4DBF | 0x4E00..=0x9FFF => Cls::Han,
        0x30A1..=0x30FA | 0x30FC..=0x30FF => Cls::Kana,
        _ if char::from_u32(cp).is_some_and(chars::is_removed_emoji) => Cls::Emoji,
        _ => Cls::Slow,
    }
}

/// UAX #29 states between letters, digits, `_` and mid characters (for counting starts).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum St {
    /// Not inside a segment that joins further.
    Out,
    /// Last was a letter of a counted segment.
    Letter,
    /// Last was a digit of a counted segment.
    Digit,
    /// Last was `_` in a segment that already counted.
    UnderCounted,
    /// Last was `_` in a segment without letter or digit yet.
    UnderFresh,
    /// A mid character after a letter: joins if a letter follows.
    AfterLetterMid,
    /// A mid character after a digit: joins if a digit follows.
    AfterDigitMid,
}

/// One step: the new state and whether a new word starts.
#[inline(always)]
fn step(st: St, cls: Cls) -> (St, bool) {
    use St::*;
    match cls {
        Cls::Letter => (Letter, matches!(st, Out | UnderFresh | AfterDigitMid)),
        Cls::Digit => (Digit, matches!(st, Out | UnderFresh | AfterLetterMid)),
        Cls::Under => match st {
            Letter | Digit | UnderCounted => (UnderCounted, false),
            _ => (UnderFresh, false),
        },
        Cls::MidLetter => (if st == Letter { AfterLetterMid } else { Out }, false),
        Cls::MidNumLet => match st {
            Letter => (AfterLetterMid, false),
            Digit => (AfterDigitMid, false),
            _ => (Out, false),
        },
        Cls::MidNum => (if st == Digit { AfterDigitMid } else { Out }, false),
        _ => (Out, false),
    }
}

/// What follows a token start that may be a URL.
enum UrlCheck {
    /// A URL ending (exclusive) at this byte offset of the rest.
    Url(usize),
    /// Not a URL.
    No,
    /// An emoji inside the prefix might hide or make a URL: use the reference for the chunk.
    Unsure,
}

fn prefix_check(rest: &str, prefix: &[u8]) -> UrlCheck {
    for (k, &p) in prefix.iter().enumerate() {
        match rest.as_bytes().get(k) {
            None => return UrlCheck::No,
            Some(x) if x.eq_ignore_ascii_case(&p) => {}
            Some(_) => {
                // Bytes before `k` are ASCII, so `k` is a char boundary. Removed emoji (or a
                // keycap) here would vanish before the reference checks the prefix.
                let mut cs = rest.get(k..).unwrap_or("").chars();
                let (c0, c1) = (cs.next(), cs.next());
                let hidden = c0.is_some_and(|c| chars::is_removed_emoji(c) || c == chars::ZWJ)
                    || (c0.is_some_and(chars::is_keycap_base)
                        && matches!(c1, Some('\u{FE0E}' | '\u{FE0F}' | chars::KEYCAP)));
                return if hidden {
                    UrlCheck::Unsure
                } else {
                    UrlCheck::No
                };
            }
        }
    }
    UrlCheck::Url(
        rest.char_indices()
            .find(|(_, c)| c.is_whitespace())
            .map_or(rest.len(), |(i, _)| i),
    )
}

fn url_at(rest: &str) -> UrlCheck {
    let mut unsure = false;
    for prefix in [b"http://" as &[u8], b"https://", b"www."] {
        match prefix_check(rest, prefix) {
            UrlCheck::Url(n) => return UrlCheck::Url(n),
            UrlCheck::Unsure => unsure = true,
            UrlCheck::No => {}
        }
    }
    if unsure {
        UrlCheck::Unsure
    } else {
        UrlCheck::No
    }
}

/// Decodes the non-ASCII code point starting at `i` of valid UTF-8, with its length.
#[inline(always)]
fn decode(bytes: &[u8], i: usize) -> Option<(u32, usize)> {
    let b0 = u32::from(*bytes.get(i)?);
    let cont = |k: usize| bytes.get(i + k).map(|&b| u32::from(b & 0x3F));
    Some(match b0 {
        0xC0..=0xDF => (((b0 & 0x1F) << 6) | cont(1)?, 2),
        0xE0..=0xEF => (((b0 & 0x0F) << 12) | (cont(1)? << 6) | cont(2)?, 3),
        _ => (((b0 & 0x07) << 18) | (cont(1)? << 12) | (cont(2)? << 6) | cont(3)?, 4),
    })
}

/// Counts the words of text that is not pure ASCII.
pub(crate) fn count_mixed(ratios: WordRatios, text: &str) -> u64 {
    let bytes = text.as_bytes();
    let mut words = 0u64;
    let mut st = St::Out;
    let mut cjk_chars = 0u64; // characters of the open CJK run (0: none open)
    let mut token_start = true;
    let mut after_kana = false;
    let mut chunk_from = 0usize; // where the reference would start reading this chunk
    let mut words_before_chunk = 0u64;
    let mut i = 0usize;
    while let Some(&b) = bytes.get(i) {
        // Inside a word, a further ASCII letter (or digit after a digit) changes nothing.
        if (st == St::Letter && b.is_ascii_alphabetic()) || (st == St::Digit && b.is_ascii_digit()) {
            i += 1;
            continue;
        }
        let (cls, len) = if b < 0x80 {
            (
                ASCII_CLASS
                    .get(usize::from(b))
                    .copied()
                    .unwrap_or(Cls::Other),
                1,
            )
        } else {
            match decode(bytes, i) {
                Some((cp, len)) => (classify_cp(cp), len),
                None => (Cls::Slow, 1), // unreachable: `text` is valid UTF-8
            }
        };
        let mut slow = cls == Cls::Slow;
        if !slow && token_start && !matches!(cls, Cls::Emoji | Cls::Space) {
            if cls == Cls::Zwj || cls == Cls::Mark {
                // A ZWJ at a token start may or may not be removed; a mark keeps the token from
                // being a URL. Both are rare: let the reference decide.
                slow = cls == Cls::Zwj;
                token_start = false;
            } else {
                token_start = false;
                if matches!(b | 0x20, b'h' | b'w') {
                    match url_at(text.get(i..).unwrap_or("")) {
                        UrlCheck::Url(n) => {
                            i += n;
                            continue;
                        }
                        UrlCheck::No => {}
                        UrlCheck::Unsure => slow = true,
                    }
                }
            }
        }
        if !slow {
            match cls {
                Cls::Space => {
                    if cjk_chars > 0 {
                        words += ratios.run_words(RunScript::Cjk, std::mem::take(&mut cjk_chars));
                    }
                    st = St::Out;
                    token_start = true;
                    after_kana = false;
                    if b < 0x80 {
                        chunk_from = i;
                        words_before_chunk = words;
                    }
                }
                // Removed emoji vanish; marks, format characters and a ZWJ (removed next to an
                // emoji, else kept) are transparent to UAX #29 (WB4) and continue a run.
                Cls::Emoji | Cls::Mark | Cls::Zwj => {}
                Cls::Han | Cls::Kana => {
                    if cls == Cls::Kana && matches!(st, St::UnderCounted | St::UnderFresh) {
                        slow = true; // Katakana × ExtendNumLet joins (WB13a/b)
                    } else {
                        cjk_chars += 1;
                        st = St::Out;
                        after_kana = cls == Cls::Kana;
                    }
                }
                _ => {
                    if cls == Cls::Under && after_kana {
                        slow = true;
                    } else {
                        if cjk_chars > 0 {
                            words +=
                                ratios.run_words(RunScript::Cjk, std::mem::take(&mut cjk_chars));
                        }
                        let (next, new_word) = step(st, cls);
                        st = next;
                        words += u64::from(new_word);
                        after_kana = false;
                    }
                }
            }
        }
        if slow {
            // Recount this whole chunk with the reference, from the white space before it.
            let end = bytes
                .get(i..)
                .and_then(|rest| rest.iter().position(|&x| ascii_ws(x)))
                .map_or(bytes.len(), |p| i + p);
            words = words_before_chunk
                + count_words_reference(ratios, text.get(chunk_from..end).unwrap_or(""));
            cjk_chars = 0;
            st = St::Out;
            token_start = false;
            after_kana = false;
            i = end;
            continue;
        }
        i += len;
    }
    words + ratios.run_words(RunScript::Cjk, cjk_chars)
}

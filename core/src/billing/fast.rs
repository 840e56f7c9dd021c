//! The mixed-text fast path of word counting (the ASCII one is in [`super::ascii`]). Both give
//! exactly the result of [`super::words::count_words_reference`]; `core/tests/billing_props.rs`
//! and the tests below check that, and the unit tests check every non-ASCII class
//! ([`super::chars::Cls`]) against `unicode-segmentation`.
//!
//! Why chunks can be counted apart: UAX #29 always breaks before and after ASCII white space
//! (its only joins there are CR×LF, space×space and WB4, which glues following marks to the
//! white space itself), URL tokens end at white space, emoji sequences and runs hold none.
//! So the count of a text is the sum of the counts of its ASCII-white-space-delimited chunks,
//! each read together with the white space character before it (for WB4).
//!
//! How: one table-driven state machine over characters. Each character is classed (a byte
//! table for ASCII, a compile-time table for U+0080..U+052F, a `match` above); the state and
//! the class then index one 256-byte transition table whose entry holds the next state,
//! whether a word starts, and the rare actions (a CJK character, a possible URL, a hand-over to
//! the reference). Inside a word, further ASCII and two-byte letters are skipped by a byte loop.

use super::ascii::ascii_ws;
pub(crate) use super::chars::Cls;
use super::chars::{self, classify_cp, LATIN};
use super::words::{count_words_reference, WordRatios};

/// The class of a non-ASCII character (for the unit tests).
#[cfg(test)]
pub(crate) fn classify(c: char) -> Cls {
    classify_cp(u32::from(c))
}

// States (the low 4 bits of a transition): UAX #29 states between letters, digits, `_` and mid
// characters (for counting starts), plus token starts and open CJK runs.
/// Outside any joining segment, at a token start (after white space, or at the text start).
const S_START: u8 = 0;
/// Outside any joining segment.
const S_OUT: u8 = 1;
/// Last was a letter of a counted segment.
const S_LETTER: u8 = 2;
/// Last was a digit of a counted segment.
const S_DIGIT: u8 = 3;
/// Last was `_` in a segment that already counted.
const S_UNDER_COUNTED: u8 = 4;
/// Last was `_` in a segment without letter or digit yet.
const S_UNDER_FRESH: u8 = 5;
/// A mid character after a letter: joins if a letter follows.
const S_LETTER_MID: u8 = 6;
/// A mid character after a digit: joins if a digit follows.
const S_DIGIT_MID: u8 = 7;
/// Last was a Han or Hiragana letter of an open CJK run.
const S_HAN: u8 = 8;
/// Last was a Katakana letter of an open CJK run (Katakana × ExtendNumLet joins: WB13a).
const S_KANA: u8 = 9;

// Class codes: `Cls as u8` (0..=13) and two ASCII-only ones.
/// ASCII `h`, `H`, `w`, `W`: a letter that may start a URL at a token start.
const C_HW: u8 = 14;
/// ASCII white space: also a chunk boundary.
const C_ASCII_SPACE: u8 = 15;

// Transition bits above the state: a word starts, then the action (3 bits).
const WORD: u8 = 0x10;
/// A CJK character opening a run.
const K_CJK_NEW: u8 = 1 << 5;
/// A CJK character continuing a run.
const K_CJK: u8 = 2 << 5;
/// A letter `h`/`w` at a token start: check for a URL.
const K_URL: u8 = 3 << 5;
/// Hand the chunk to the reference.
const K_SLOW: u8 = 4 << 5;

const fn ascii_code(b: u8) -> u8 {
    (match b {
        b'h' | b'H' | b'w' | b'W' => return C_HW,
        b' ' | 9..=13 => return C_ASCII_SPACE,
        b'a'..=b'z' | b'A'..=b'Z' => Cls::Letter,
        b'0'..=b'9' => Cls::Digit,
        b'_' => Cls::Under,
        b':' => Cls::MidLetter,
        b'.' | b'\'' => Cls::MidNumLet,
        b',' | b';' => Cls::MidNum,
        _ => Cls::Other,
    }) as u8
}

const ASCII_CODE: [u8; 128] = {
    let mut t = [0u8; 128];
    let mut i = 0;
    while i < 128 {
        // Proven safe: i < 128 fits u8 (a `const` table; `u8::try_from` is not const).
        t[i] = ascii_code(i as u8);
        i += 1;
    }
    t
};

/// The transition from state `s` on class code `c`.
const fn transition(s: u8, c: u8) -> u8 {
    macro_rules! is {
        ($k:ident) => {
            c == Cls::$k as u8
        };
    }
    let in_run = s == S_HAN || s == S_KANA;
    // Token starts and CJK runs join nothing: they step like `S_OUT`.
    let st = if s == S_START || in_run || s > S_KANA { S_OUT } else { s };
    let under = st == S_UNDER_COUNTED || st == S_UNDER_FRESH;
    if c == C_ASCII_SPACE || is!(Space) {
        S_START
    } else if is!(Slow) || (is!(Zwj) && s == S_START) {
        // A ZWJ at a token start may or may not be removed: the reference decides.
        K_SLOW
    } else if is!(Emoji) || is!(Zwj) || is!(Mark) {
        // Removed emoji vanish; marks, format characters and a ZWJ (removed next to an emoji,
        // else kept) are transparent (WB4) and continue a run. A mark ends a token start (the
        // token cannot be a URL), an emoji does not (`👉https://…` is a URL).
        if s == S_START && is!(Mark) {
            S_OUT
        } else {
            s
        }
    } else if is!(Han) || is!(Kana) {
        if is!(Kana) && under {
            K_SLOW // ExtendNumLet × Katakana joins (WB13b)
        } else {
            (if is!(Han) { S_HAN } else { S_KANA }) | if in_run { K_CJK } else { K_CJK_NEW }
        }
    } else if c == C_HW && s == S_START {
        K_URL
    } else if is!(Under) && s == S_KANA {
        K_SLOW // Katakana × ExtendNumLet joins (WB13a)
    } else if c == C_HW || is!(Letter) {
        let new = st == S_OUT || st == S_UNDER_FRESH || st == S_DIGIT_MID;
        S_LETTER | if new { WORD } else { 0 }
    } else if is!(Digit) {
        let new = st == S_OUT || st == S_UNDER_FRESH || st == S_LETTER_MID;
        S_DIGIT | if new { WORD } else { 0 }
    } else if is!(Under) {
        if st == S_LETTER || st == S_DIGIT || st == S_UNDER_COUNTED {
            S_UNDER_COUNTED
        } else {
            S_UNDER_FRESH
        }
    } else if is!(MidLetter) {
        if st == S_LETTER {
            S_LETTER_MID
        } else {
            S_OUT
        }
    } else if is!(MidNumLet) {
        if st == S_LETTER {
            S_LETTER_MID
        } else if st == S_DIGIT {
            S_DIGIT_MID
        } else {
            S_OUT
        }
    } else if is!(MidNum) {
        if st == S_DIGIT {
            S_DIGIT_MID
        } else {
            S_OUT
        }
    } else {
        S_OUT
    }
}

/// Transitions indexed by `state << 4 | class code`.
const TABLE: [u8; 256] = {
    let mut t = [K_SLOW; 256];
    let mut i = 0;
    while i < 256 {
        // Proven safe: i < 256, so i >> 4 < 16 and i & 15 < 16 fit u8 (a `const` table).
        t[i] = transition((i >> 4) as u8, (i & 15) as u8);
        i += 1;
    }
    t
};

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
            // An ASCII character other than a keycap base cannot vanish as (part of) an emoji.
            Some(&x) if x < 0x80 && !chars::is_keycap_base(char::from(x)) => return UrlCheck::No,
            Some(_) => {
                // Bytes before `k` are ASCII, so `k` is a char boundary. Removed emoji (or a
                // keycap) here would vanish before the reference checks the prefix.
                let mut cs = rest.get(k..).unwrap_or("").chars();
                let (c0, c1) = (cs.next(), cs.next());
                let hidden = c0.is_some_and(|c| chars::is_removed_emoji(c) || c == chars::ZWJ)
                    || (c0.is_some_and(chars::is_keycap_base)
                        && matches!(c1, Some('\u{FE0E}' | '\u{FE0F}' | chars::KEYCAP)));
                return if hidden { UrlCheck::Unsure } else { UrlCheck::No };
            }
        }
    }
    UrlCheck::Url(token_end(rest))
}

/// The byte offset of the first White_Space character of `rest` (its length if none).
fn token_end(rest: &str) -> usize {
    let bytes = rest.as_bytes();
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        // Outside ASCII, White_Space characters start with 0xC2 (U+0085, U+00A0), 0xE1
        // (U+1680) or 0xE2/0xE3 (U+2000…, U+3000); continuation bytes are 0x80..=0xBF.
        if ascii_ws(b) {
            return i;
        }
        if matches!(b, 0xC2 | 0xE1..=0xE3)
            && rest.get(i..).and_then(|r| r.chars().next()).is_some_and(char::is_whitespace)
        {
            return i;
        }
        i += 1;
    }
    bytes.len()
}

/// `rest` starts with `h`, `H`, `w` or `W`. (A prefix of the other letter fails at its first
/// byte, an ASCII letter, with `No`: it need not be tried.)
fn url_at(rest: &str) -> UrlCheck {
    let prefixes: [&[u8]; 2] = if rest.as_bytes().first().is_some_and(|&b| b | 0x20 == b'h') {
        [b"http://", b"https://"]
    } else {
        [b"www.", b"www."]
    };
    let mut unsure = false;
    for prefix in prefixes {
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

/// Decodes the 3- or 4-byte UTF-8 sequence starting at `i` of valid UTF-8, with its length.
#[inline(always)]
fn decode_long(bytes: &[u8], i: usize) -> (u32, usize) {
    let b0 = u32::from(bytes.get(i).copied().unwrap_or(0));
    let cont = |k: usize| bytes.get(i + k).map_or(0, |&b| u32::from(b & 0x3F));
    if b0 < 0xF0 {
        (((b0 & 0x0F) << 12) | (cont(1) << 6) | cont(2), 3)
    } else {
        (((b0 & 0x07) << 18) | (cont(1) << 12) | (cont(2) << 6) | cont(3), 4)
    }
}

/// The class of the two-byte character (U+0080..U+07FF) with lead byte `b0` (0xC2..=0xDF).
#[inline(always)]
fn latin2(b0: u8, b1: Option<&u8>) -> Cls {
    let cp = (usize::from(b0 & 0x1F) << 6) | b1.map_or(0, |&b| usize::from(b & 0x3F));
    LATIN.get(cp.wrapping_sub(0x80)).copied().unwrap_or(Cls::Slow)
}

/// Counts the words of text that is not pure ASCII.
pub(crate) fn count_mixed(ratios: WordRatios, text: &str) -> u64 {
    let bytes = text.as_bytes();
    let per = ratios.cjk_chars_per_word.max(1);
    let mut words = 0u64;
    let mut state = S_START;
    // Characters of the open CJK run modulo `per`: a word starts at each multiple of `per`, so
    // a run of n characters counts ceil(n / per).
    let mut cjk = 0u32;
    let mut chunk_from = 0usize; // where the reference would start reading this chunk
    let mut words_before_chunk = 0u64;
    let mut i = 0usize;
    while let Some(&b) = bytes.get(i) {
        let at = i;
        let cls = if b < 0x80 {
            i += 1;
            let c = ASCII_CODE.get(usize::from(b)).copied().unwrap_or(Cls::Other as u8);
            if c == C_ASCII_SPACE {
                chunk_from = at;
                words_before_chunk = words;
            }
            c
        } else if b < 0xE0 {
            i += 2;
            latin2(b, bytes.get(at + 1)) as u8
        } else {
            let (cp, len) = decode_long(bytes, at);
            i += len;
            classify_cp(cp) as u8
        };
        let t = TABLE.get(usize::from((state << 4) | cls)).copied().unwrap_or(K_SLOW);
        state = t & 0x0F;
        words += u64::from((t >> 4) & 1);
        if t >= K_CJK_NEW {
            let mut slow = t >= K_SLOW;
            if t < K_URL {
                if t < K_CJK {
                    cjk = 0;
                }
                words += u64::from(cjk == 0);
                cjk += 1;
                if cjk >= per {
                    cjk = 0;
                }
            } else if !slow {
                match url_at(text.get(at..).unwrap_or("")) {
                    UrlCheck::Url(n) => {
                        i = at + n;
                        state = S_OUT;
                    }
                    UrlCheck::No => {
                        state = S_LETTER;
                        words += 1;
                    }
                    UrlCheck::Unsure => slow = true,
                }
            }
            if slow {
                // Recount this whole chunk with the reference, from the white space before it.
                let end = bytes
                    .get(at..)
                    .and_then(|rest| rest.iter().position(|&x| ascii_ws(x)))
                    .map_or(bytes.len(), |p| at + p);
                words = words_before_chunk + count_words_reference(ratios, text.get(chunk_from..end).unwrap_or(""));
                state = S_OUT;
                i = end;
                continue;
            }
        }
        if state == S_LETTER {
            // Inside a word, further letters (ASCII or two-byte Latin, Greek, Cyrillic) change
            // nothing.
            while let Some(&x) = bytes.get(i) {
                if x.is_ascii_alphabetic() {
                    i += 1;
                } else if (0xC3..0xD4).contains(&x) && latin2(x, bytes.get(i + 1)) == Cls::Letter {
                    i += 2;
                } else {
                    break;
                }
            }
        }
    }
    words
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use proptest::prelude::*;

    const SPECIALS: [&str; 30] = [
        "😊",
        "👍🏽",
        "\u{200D}",
        "\u{301}",
        "1️⃣",
        "#\u{20E3}",
        "https://x.pl/ą",
        "www.a",
        "http:/",
        "WWW.",
        " ",
        "\n",
        "\u{3000}",
        "\u{A0}",
        "東",
        "カ",
        "_",
        "ą",
        "Ω",
        "ж",
        "²",
        "\u{FE0F}",
        "h",
        ".",
        "'",
        "×",
        "\u{37E}",
        "\u{387}",
        "\u{384}",
        "\u{483}",
    ];

    fn check(s: &str) {
        for cjk in 1..4 {
            let r = WordRatios { cjk_chars_per_word: cjk, sea_graphemes_per_word: 4 };
            assert_eq!(count_mixed(r, s), count_words_reference(r, s), "{s:?} (cjk {cjk})");
        }
    }

    /// Every special piece at every position of Polish text with long ASCII runs, `h`/`w`
    /// words (URL checks), mid characters, digits, `_` and CJK.
    #[test]
    fn specials_at_every_position() {
        let base = "Właśnie wróciłam z pracy, hej_ho www 12.5 kot's żółw HTTPS Wszystkiego abcdefghijklmnopqrstuvwxyz ąę カタ東京_x";
        let bounds: Vec<usize> = base.char_indices().map(|(i, _)| i).chain([base.len()]).collect();
        for sp in SPECIALS {
            for &at in &bounds {
                check(&format!("{}{sp}{}", &base[..at], &base[at..]));
            }
        }
    }

    fn piece() -> impl Strategy<Value = String> {
        prop_oneof![
            3 => "[a-zA-Z]{1,40}",
            3 => "[hHwW][a-zA-Z./:]{0,8}",
            3 => "[a-ząęłśżźćńóĄĘŁŚŻŹĆŃÓéΩωжЯ]{1,12}",
            1 => "[0-9]{1,4}",
            1 => "(https?|HTTP|www)(://|\\.)[a-zą./]{0,8}",
            4 => prop::sample::select(SPECIALS.to_vec()).prop_map(String::from),
        ]
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 3000, .. ProptestConfig::default() })]

        /// Long ASCII runs mixed with Polish letters, emoji and URLs anywhere.
        #[test]
        fn mixed_runs_equal_reference(v in prop::collection::vec(piece(), 0..16)) {
            let s = v.concat();
            if !s.is_ascii() {
                check(&s);
            }
        }
    }
}

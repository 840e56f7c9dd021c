//! Word counting (SPEC §4.3): the public entry points and the reference implementation.
//!
//! The rule, step by step (each step on the output of the previous one):
//! 1. **Emoji are removed**: Extended_Pictographic characters, skin-tone modifiers, variation
//!    selectors (VS1–VS256), regional indicators, tag characters, zero-width joiners next to a
//!    removed emoji, and keycap sequences as a whole (`1️⃣`: a digit, `#` or `*`, an optional
//!    VS15/VS16, then U+20E3; the spec names the VS16 form, the bare and VS15 forms render the
//!    same keycap and are removed too). Removal joins the neighbours: `"a😀b"` reads `"ab"`.
//! 2. **URLs are removed**: every white-space-delimited run (White_Space property) that starts
//!    with `http://`, `https://` or `www.` (ASCII, any case). Emoji go first, so that
//!    `"👉https://x.io"` is a URL too.
//! 3. **Runs of scripts written without spaces** are counted by characters: a contiguous run of
//!    Han/Hiragana/Katakana letters and digits (by Script_Extensions, so `ー` belongs) counts
//!    `ceil(chars / cjk_chars_per_word)`; a run of Thai/Lao/Khmer/Myanmar letters and digits
//!    counts `ceil(grapheme clusters / sea_graphemes_per_word)`, where only clusters holding a
//!    letter or digit count. Combining marks and format characters (`Mn`, `Mc`, `Me`, `Cf`:
//!    ZWJ, ZWNJ, direction marks) continue a run without counting; anything else (white space,
//!    punctuation, other scripts) ends it.
//! 4. **Everything else by UAX #29**: each word-boundary segment that holds at least one letter
//!    or digit (`\p{L}` or `\p{N}`) *outside* such runs counts 1.
//!
//! [`count_words`](super::count_words) gives exactly the result of [`count_words_reference`] (the plain
//! implementation of the steps above) but faster: pure ASCII text goes through a branch-free
//! scan, other text through a per-character state machine for Latin, Greek, Cyrillic, CJK and
//! emoji that hands any other text, one white-space-delimited chunk at a time, to the reference.
//! Property tests check both paths against the reference.

use super::chars::{self, RunScript};
use super::{ascii, fast};
use serde::{Deserialize, Serialize};
use unicode_segmentation::UnicodeSegmentation;

/// The two counting ratios of SPEC §4.3 (policy numbers).
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct WordRatios {
    /// Han, Hiragana and Katakana characters per word (2).
    pub cjk_chars_per_word: u32,
    /// Thai, Lao, Khmer and Myanmar grapheme clusters per word (4).
    pub sea_graphemes_per_word: u32,
}

impl Default for WordRatios {
    fn default() -> Self {
        WordRatios { cjk_chars_per_word: 2, sea_graphemes_per_word: 4 }
    }
}

impl WordRatios {
    /// The words of a run of `units` characters (CJK) or grapheme clusters (Thai…), rounded up.
    /// A ratio of 0 (refused by policy validation) is read as 1, so this never divides by 0.
    pub(crate) fn run_words(&self, kind: RunScript, units: u64) -> u64 {
        let per = match kind {
            RunScript::Cjk => self.cjk_chars_per_word,
            RunScript::Sea => self.sea_graphemes_per_word,
        };
        units.div_ceil(u64::from(per.max(1)))
    }
}

/// Counts the billable words of a message (SPEC §4.3) with the given ratios.
///
/// `""` and white space are 0; `"I ❤️ you"` is 2; `"HTTP://EXAMPLE.COM/x y"` is 1; `"don't"` is
/// 1; `"e-mail"` is 2; five ideographs are 3. Total: every string has a count.
pub fn count_words_with(ratios: WordRatios, text: &str) -> u64 {
    if text.is_ascii() {
        ascii::count_ascii(text.as_bytes())
    } else {
        fast::count_mixed(ratios, text)
    }
}

/// The reference implementation of [`count_words_with`]: the steps of the module doc done
/// literally (remove emoji, remove URLs, segment), without any fast path. Same results, several
/// times slower; it exists so that tests can check the fast paths against it.
pub fn count_words_reference(ratios: WordRatios, text: &str) -> u64 {
    let without_emoji = remove_emoji(text);
    let filtered = remove_urls(&without_emoji);
    count_filtered(ratios, &filtered)
}

/// Step 1: removes emoji (see the module doc).
pub(crate) fn remove_emoji(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut prev_removed = false;
    let mut i = 0;
    while let Some(&c) = chars.get(i) {
        if chars::is_keycap_base(c) {
            let mut j = i + 1;
            if matches!(chars.get(j), Some('\u{FE0E}' | '\u{FE0F}')) {
                j += 1;
            }
            if chars.get(j) == Some(&chars::KEYCAP) {
                i = j + 1;
                prev_removed = true;
                continue;
            }
        }
        let removed = chars::is_removed_emoji(c)
            || (c == chars::ZWJ && (prev_removed || chars.get(i + 1).is_some_and(|&n| chars::is_removed_emoji(n))));
        if !removed {
            out.push(c);
        }
        prev_removed = removed;
        i += 1;
    }
    out
}

/// True when a white-space-delimited token is a URL: it starts with `http://`, `https://` or
/// `www.` in any ASCII case.
pub(crate) fn is_url_token(token: &[u8]) -> bool {
    fn starts(token: &[u8], prefix: &[u8]) -> bool {
        token.get(..prefix.len()).is_some_and(|head| head.eq_ignore_ascii_case(prefix))
    }
    starts(token, b"http://") || starts(token, b"https://") || starts(token, b"www.")
}

/// Step 2: removes URL tokens, keeping the white space around them.
pub(crate) fn remove_urls(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut token_start: Option<usize> = None;
    let flush = |out: &mut String, token: &str| {
        if !is_url_token(token.as_bytes()) {
            out.push_str(token);
        }
    };
    for (i, c) in text.char_indices() {
        if c.is_whitespace() {
            if let Some(s) = token_start.take() {
                flush(&mut out, text.get(s..i).unwrap_or(""));
            }
            out.push(c);
        } else if token_start.is_none() {
            token_start = Some(i);
        }
    }
    if let Some(s) = token_start {
        flush(&mut out, text.get(s..).unwrap_or(""));
    }
    out
}

/// An open run of a script written without spaces.
struct Run {
    kind: RunScript,
    start: usize,
    end: usize,
    chars: u64,
}

fn close_run(ratios: WordRatios, text: &str, run: &mut Option<Run>) -> u64 {
    let Some(r) = run.take() else { return 0 };
    let units = match r.kind {
        RunScript::Cjk => r.chars,
        RunScript::Sea => text
            .get(r.start..r.end)
            .unwrap_or("")
            .graphemes(true)
            .filter(|g| g.chars().any(chars::is_letter_or_digit))
            .count() as u64,
    };
    ratios.run_words(r.kind, units)
}

/// Steps 3 and 4 on text already free of emoji and URLs.
pub(crate) fn count_filtered(ratios: WordRatios, text: &str) -> u64 {
    let mut words = 0u64;
    let mut run: Option<Run> = None;
    for (seg_start, seg) in text.split_word_bound_indices() {
        let mut counts = false;
        for (off, c) in seg.char_indices() {
            let pos = seg_start + off;
            let end = pos + c.len_utf8();
            if let Some(kind) = chars::run_script(c) {
                match run.as_mut() {
                    Some(r) if r.kind == kind => {
                        r.chars += 1;
                        r.end = end;
                    }
                    _ => {
                        words += close_run(ratios, text, &mut run);
                        run = Some(Run { kind, start: pos, end, chars: 1 });
                    }
                }
            } else if let (true, Some(r)) = (chars::is_mark_or_format(c), run.as_mut()) {
                r.end = end;
            } else {
                words += close_run(ratios, text, &mut run);
                counts |= chars::is_letter_or_digit(c);
            }
        }
        words += u64::from(counts);
    }
    words + close_run(ratios, text, &mut run)
}

/// [`count_words_with`] over many texts in one call (for servers and FFI batches).
pub fn count_words_batch_with<S: AsRef<str>>(ratios: WordRatios, texts: &[S]) -> Vec<u64> {
    texts.iter().map(|t| count_words_with(ratios, t.as_ref())).collect()
}

/// Whether the text holds a letter or digit once emoji are removed (a keycap's digit is part
/// of an emoji). Used by the anti-spam emoji-only rule.
pub(crate) fn has_letter_or_digit_besides_emoji(text: &str) -> bool {
    remove_emoji(text).chars().any(chars::is_letter_or_digit)
}

//! The banned-terms normalisation (SPEC §14.2), keeping for every normalised character the
//! range of the original text it came from.
//!
//! Per character of the original text: 1. NFKC (as a compatibility decomposition: every mark it
//! could compose is dropped at step 4); 2. remove `\p{Cf}`; 3. full case folding; 4. NFD, drop `\p{Mn}`, then
//! the policy's fold map (ł→l, æ→ae …); 5. the policy's look-alike map (Cyrillic and Greek →
//! Latin). Then, on white-space-delimited words: 3 or more one-character words in a row join
//! (`v e n m o`); 6. leetspeak, only in a word with a letter: digits anywhere, the symbols only
//! between letters or digits or first before one. A word's parts are its runs of letters and
//! digits.
//!
//! Full case folding is Unicode's lower-case mapping plus the full-folding exceptions that
//! survive NFKC and the mark removal of step 4: ß and ẞ → ss, final ς → σ, and Cherokee small
//! letters → their capital letters (the only folds that differ from lower-casing there).

use super::terms::CharMapping;
use std::collections::HashMap;
use unicode_properties::{GeneralCategory, GeneralCategoryGroup, UnicodeGeneralCategory};

/// Where a normalised character came from: its original character's range in UTF-8 bytes and
/// UTF-16 units (end exclusive).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Origin {
    pub start: usize,
    pub end: usize,
    pub start16: usize,
    pub end16: usize,
}

/// One normalised character with its origin.
#[derive(Debug, Clone, Copy)]
pub(crate) struct NChar {
    pub c: char,
    pub at: Origin,
}

/// The character maps of steps 4–6, ready to apply.
#[derive(Debug, Clone, Default)]
pub(crate) struct Maps {
    fold: HashMap<char, String>,
    lookalike: HashMap<char, String>,
    leet_digit: HashMap<char, char>,
    leet_symbol: HashMap<char, char>,
    /// Whether a fold or look-alike map has an ASCII key (then ASCII takes the full path too).
    ascii_mapped: bool,
}

impl Maps {
    /// Builds the maps; a mapping whose `from` is not one character, or a leet target that is
    /// not one character, is skipped (policy validation reports it).
    pub(crate) fn new(fold: &[CharMapping], lookalike: &[CharMapping], digits: &[CharMapping], symbols: &[CharMapping]) -> Maps {
        let multi = |v: &[CharMapping]| -> HashMap<char, String> {
            v.iter().filter_map(|m| Some((single(&m.from)?, m.to.clone()))).collect()
        };
        let one = |v: &[CharMapping]| v.iter().filter_map(|m| Some((single(&m.from)?, single(&m.to)?))).collect();
        let (fold, lookalike) = (multi(fold), multi(lookalike));
        let ascii_mapped = fold.keys().chain(lookalike.keys()).any(char::is_ascii);
        Maps { fold, lookalike, leet_digit: one(digits), leet_symbol: one(symbols), ascii_mapped }
    }
}

/// The only character of a one-character string.
pub(crate) fn single(s: &str) -> Option<char> {
    let mut it = s.chars();
    match (it.next(), it.next()) {
        (Some(c), None) => Some(c),
        _ => None,
    }
}

/// Full case folding of one character (see the module doc), pushed to `out`.
fn fold_case(c: char, out: &mut impl FnMut(char)) {
    match c {
        'ß' | 'ẞ' => {
            out('s');
            out('s');
        }
        'ς' => out('σ'),
        '\u{13F8}'..='\u{13FD}' => out(char::from_u32(u32::from(c) - 8).unwrap_or(c)),
        '\u{AB70}'..='\u{ABBF}' => out(char::from_u32(u32::from(c) - 0xAB70 + 0x13A0).unwrap_or(c)),
        _ => c.to_lowercase().for_each(out),
    }
}

/// Steps 1–5 for one character. Per character is the same as per grapheme cluster here: the
/// compatibility decomposition, case folding and canonical decomposition are all
/// character-wise, and every mark that NFKC would compose is dropped by step 4 anyway (only
/// the spans differ: [`extend_over_marks`] gives a match its whole last cluster back).
fn normalise_char(c: char, maps: &Maps, at: Origin, out: &mut Vec<NChar>) {
    let mut push_mapped = |d: char| match maps.fold.get(&d) {
        Some(s) => {
            for e in s.chars() {
                match maps.lookalike.get(&e) {
                    Some(t) => out.extend(t.chars().map(|c| NChar { c, at })),
                    None => out.push(NChar { c: e, at }),
                }
            }
        }
        None => match maps.lookalike.get(&d) {
            Some(t) => out.extend(t.chars().map(|c| NChar { c, at })),
            None => out.push(NChar { c: d, at }),
        },
    };
    unicode_normalization::char::decompose_compatible(c, |k| {
        if k.general_category() == GeneralCategory::Format {
            return;
        }
        fold_case(k, &mut |f| {
            unicode_normalization::char::decompose_canonical(f, |d| {
                if d.general_category() != GeneralCategory::NonspacingMark {
                    push_mapped(d);
                }
            })
        });
    });
}

/// Steps 1–5 over a whole text: the normalised characters with their origins.
fn normalise_chars(text: &str, maps: &Maps) -> Vec<NChar> {
    let mut out = Vec::with_capacity(text.len());
    let mut at16 = 0usize;
    for (start, c) in text.char_indices() {
        let len16 = c.len_utf16();
        let at = Origin { start, end: start + c.len_utf8(), start16: at16, end16: at16 + len16 };
        at16 += len16;
        if c.is_ascii() && !maps.ascii_mapped {
            // NFKC, case folding and NFD of ASCII are plain lower-casing.
            out.push(NChar { c: c.to_ascii_lowercase(), at });
        } else {
            normalise_char(c, maps, at, &mut out);
        }
    }
    out
}

/// The end of a match extended over the marks, joiners and emoji modifiers that follow it in
/// the original text, so a span never splits a character from its combining marks.
pub(crate) fn extend_over_marks(text: &str, at: Origin) -> Origin {
    let mut end = at;
    for c in text.get(at.end..).unwrap_or("").chars() {
        let attaches = matches!(c.general_category_group(), GeneralCategoryGroup::Mark)
            || matches!(c, '\u{200C}' | '\u{200D}' | '\u{1F3FB}'..='\u{1F3FF}');
        if !attaches {
            break;
        }
        end.end += c.len_utf8();
        end.end16 += c.len_utf16();
    }
    end
}

/// One white-space-delimited word after joining and leetspeak, split into its parts (runs of
/// letters and digits).
#[derive(Debug, Clone, Default)]
pub(crate) struct Word {
    pub parts: Vec<Vec<NChar>>,
}

/// The full normalisation: words of parts.
pub(crate) fn normalise_words(text: &str, maps: &Maps) -> Vec<Word> {
    let chars = normalise_chars(text, maps);
    // Split at white space.
    let mut raw: Vec<Vec<NChar>> = Vec::new();
    let mut cur: Vec<NChar> = Vec::new();
    for nc in chars {
        if nc.c.is_whitespace() {
            if !cur.is_empty() {
                raw.push(std::mem::take(&mut cur));
            }
        } else {
            cur.push(nc);
        }
    }
    if !cur.is_empty() {
        raw.push(cur);
    }
    // 3 or more one-character words in a row join.
    let mut joined: Vec<Vec<NChar>> = Vec::with_capacity(raw.len());
    let mut i = 0;
    while i < raw.len() {
        let mut j = i;
        while j < raw.len() && raw[j].len() == 1 {
            j += 1;
        }
        if j - i >= 3 {
            joined.push(raw[i..j].iter().flatten().copied().collect());
            i = j;
        } else {
            joined.push(std::mem::take(&mut raw[i]));
            i += 1;
        }
    }
    joined.into_iter().map(|w| split_parts(&leet(w, maps))).collect()
}

/// Step 6 on one word.
fn leet(word: Vec<NChar>, maps: &Maps) -> Vec<NChar> {
    if !word.iter().any(|n| n.c.is_alphabetic()) {
        return word;
    }
    let alnum = |k: Option<&NChar>| k.is_some_and(|n| n.c.is_alphanumeric());
    let mut out = word.clone();
    for (i, n) in word.iter().enumerate() {
        if let Some(&d) = maps.leet_digit.get(&n.c) {
            out[i].c = d;
        } else if let Some(&s) = maps.leet_symbol.get(&n.c) {
            let next = alnum(word.get(i + 1));
            let prev = i > 0 && alnum(word.get(i - 1));
            if next && (prev || i == 0) {
                out[i].c = s;
            }
        }
    }
    out
}

fn split_parts(word: &[NChar]) -> Word {
    let mut parts = Vec::new();
    let mut cur = Vec::new();
    for &n in word {
        if n.c.is_alphanumeric() {
            cur.push(n);
        } else if !cur.is_empty() {
            parts.push(std::mem::take(&mut cur));
        }
    }
    if !cur.is_empty() {
        parts.push(cur);
    }
    Word { parts }
}

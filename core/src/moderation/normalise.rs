//! The banned-terms normalisation (SPEC §14.2), keeping for every normalised character the
//! range of the original text it came from.
//!
//! Per extended grapheme cluster of the original text (so a letter and its combining marks keep
//! one range): 1. NFKC; 2. remove `\p{Cf}`; 3. full case folding; 4. NFD, drop `\p{Mn}`, then
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
use unicode_normalization::UnicodeNormalization;
use unicode_properties::{GeneralCategory, UnicodeGeneralCategory};
use unicode_segmentation::UnicodeSegmentation;

/// Where a normalised character came from: its original cluster's range in UTF-8 bytes and
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
}

impl Maps {
    /// Builds the maps; a mapping whose `from` is not one character, or a leet target that is
    /// not one character, is skipped (policy validation reports it).
    pub(crate) fn new(
        fold: &[CharMapping],
        lookalike: &[CharMapping],
        digits: &[CharMapping],
        symbols: &[CharMapping],
    ) -> Maps {
        let multi = |v: &[CharMapping]| v.iter().filter_map(|m| Some((single(&m.from)?, m.to.clone()))).collect();
        let one = |v: &[CharMapping]| v.iter().filter_map(|m| Some((single(&m.from)?, single(&m.to)?))).collect();
        Maps { fold: multi(fold), lookalike: multi(lookalike), leet_digit: one(digits), leet_symbol: one(symbols) }
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

fn fold_case(c: char, out: &mut String) {
    match c {
        'ß' | 'ẞ' => out.push_str("ss"),
        'ς' => out.push('σ'),
        '\u{13F8}'..='\u{13FD}' => out.push(char::from_u32(u32::from(c) - 8).unwrap_or(c)),
        '\u{AB70}'..='\u{ABBF}' => out.push(char::from_u32(u32::from(c) - 0xAB70 + 0x13A0).unwrap_or(c)),
        _ => out.extend(c.to_lowercase()),
    }
}

/// Steps 1–5 for one cluster.
fn normalise_cluster(cluster: &str, maps: &Maps, out: &mut Vec<char>) {
    let mut folded = String::with_capacity(cluster.len());
    for c in cluster.nfkc() {
        if c.general_category() != GeneralCategory::Format {
            fold_case(c, &mut folded);
        }
    }
    for c in folded.nfd() {
        if c.general_category() == GeneralCategory::NonspacingMark {
            continue;
        }
        let step4: &str;
        let mut buf = [0u8; 4];
        step4 = match maps.fold.get(&c) {
            Some(s) => s.as_str(),
            None => c.encode_utf8(&mut buf),
        };
        for d in step4.chars() {
            match maps.lookalike.get(&d) {
                Some(s) => out.extend(s.chars()),
                None => out.push(d),
            }
        }
    }
}

/// Steps 1–5 over a whole text: the normalised characters with their origins.
fn normalise_chars(text: &str, maps: &Maps) -> Vec<NChar> {
    let mut out = Vec::with_capacity(text.len());
    let mut chars = Vec::new();
    let mut at16 = 0usize;
    for (start, cluster) in text.grapheme_indices(true) {
        let len16: usize = cluster.chars().map(char::len_utf16).sum();
        let at = Origin { start, end: start + cluster.len(), start16: at16, end16: at16 + len16 };
        at16 += len16;
        chars.clear();
        normalise_cluster(cluster, maps, &mut chars);
        out.extend(chars.iter().map(|&c| NChar { c, at }));
    }
    out
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

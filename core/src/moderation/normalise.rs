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
use unicode_properties::{GeneralCategory, GeneralCategoryGroup, UnicodeGeneralCategory};

/// A span of the original text in UTF-8 bytes and UTF-16 units (end exclusive).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Origin {
    pub start: usize,
    pub end: usize,
    pub start16: usize,
    pub end16: usize,
}

/// One normalised character and the index of the original character it came from.
#[derive(Debug, Clone, Copy)]
pub(crate) struct NChar {
    pub c: char,
    pub at: usize,
}

/// A character → text map: sorted for binary search (only non-ASCII characters are looked up
/// on the hot path).
#[derive(Debug, Clone, Default)]
struct MultiMap(Vec<(char, String)>);

impl MultiMap {
    fn new(v: &[CharMapping]) -> MultiMap {
        let mut m: Vec<(char, String)> = v.iter().filter_map(|m| Some((single(&m.from)?, m.to.clone()))).collect();
        m.sort_by_key(|(c, _)| *c);
        m.dedup_by_key(|(c, _)| *c);
        MultiMap(m)
    }
    fn get(&self, c: &char) -> Option<&String> {
        self.0.binary_search_by_key(c, |(k, _)| *k).ok().and_then(|i| self.0.get(i)).map(|(_, v)| v)
    }
}

/// A character → character map with a direct table for ASCII keys (the leetspeak maps are
/// looked up for every character of a word).
#[derive(Debug, Clone)]
struct CharMap {
    ascii: [Option<char>; 128],
    other: Vec<(char, char)>,
}

impl Default for CharMap {
    fn default() -> Self {
        CharMap { ascii: [None; 128], other: Vec::new() }
    }
}

impl CharMap {
    fn new(v: &[CharMapping]) -> CharMap {
        let mut m = CharMap::default();
        for (from, to) in v.iter().filter_map(|m| Some((single(&m.from)?, single(&m.to)?))) {
            match m.ascii.get_mut(from as usize) {
                Some(slot) if slot.is_none() => *slot = Some(to),
                Some(_) => {}
                None => m.other.push((from, to)),
            }
        }
        m.other.sort_by_key(|(c, _)| *c);
        m.other.dedup_by_key(|(c, _)| *c);
        m
    }
    #[inline]
    fn get(&self, c: &char) -> Option<&char> {
        match self.ascii.get(*c as usize) {
            Some(slot) => slot.as_ref(),
            None => {
                self.other.binary_search_by_key(c, |(k, _)| *k).ok().and_then(|i| self.other.get(i)).map(|(_, v)| v)
            }
        }
    }
}

/// The character maps of steps 4–6, ready to apply.
#[derive(Debug, Clone, Default)]
pub(crate) struct Maps {
    fold: MultiMap,
    lookalike: MultiMap,
    leet_digit: CharMap,
    leet_symbol: CharMap,
    /// Whether a fold or look-alike map has an ASCII key (then ASCII takes the full path too).
    ascii_mapped: bool,
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
        let (fold, lookalike) = (MultiMap::new(fold), MultiMap::new(lookalike));
        let ascii_mapped = fold.0.iter().chain(&lookalike.0).any(|(c, _)| c.is_ascii());
        Maps { fold, lookalike, leet_digit: CharMap::new(digits), leet_symbol: CharMap::new(symbols), ascii_mapped }
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
fn normalise_char(c: char, maps: &Maps, at: usize, out: &mut Vec<NChar>) {
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

/// The normalised text as one collapsed stream: one symbol per run of one letter or digit, a
/// separator between words (and one more for a word without letters or digits), with every
/// run's length, part boundaries and original span.
#[derive(Debug, Default)]
pub(crate) struct Stream {
    /// The symbols (UTF-8), searched by the automaton.
    pub symbols: String,
    /// Per symbol: its run, `None` for a word separator.
    pub runs: Vec<Option<Run>>,
    /// Per byte of `symbols`: the index of the symbol it belongs to; empty while every symbol
    /// is one byte (then byte index = symbol index).
    sym_at: Vec<usize>,
    /// Per original character (and one past the end): its UTF-8 and UTF-16 start; empty for an
    /// ASCII text (then character index = byte = UTF-16 unit).
    origins: Vec<(usize, usize)>,
}

/// One run of one letter or digit in a word.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Run {
    pub c: char,
    pub count: u32,
    pub starts_part: bool,
    pub ends_part: bool,
    /// Original character index of the run's first and last normalised characters.
    pub first: usize,
    pub last: usize,
}

/// The word separator symbol.
pub(crate) const SEP: char = ' ';

impl Stream {
    /// Normalises `text` (SPEC §14.2 steps 1–6, words, joining, parts) into its stream.
    pub(crate) fn of(text: &str, maps: &Maps) -> Stream {
        let mut chars: Vec<NChar> = Vec::with_capacity(text.len());
        let mut origins = Vec::new();
        if text.is_ascii() && !maps.ascii_mapped {
            // NFKC, case folding and NFD of ASCII are plain lower-casing; positions are identity.
            chars.extend(text.bytes().enumerate().map(|(k, b)| NChar { c: char::from(b.to_ascii_lowercase()), at: k }));
        } else {
            origins.reserve(text.len() + 1);
            let mut at16 = 0usize;
            for (k, (start, c)) in text.char_indices().enumerate() {
                origins.push((start, at16));
                at16 += c.len_utf16();
                if c.is_ascii() && !maps.ascii_mapped {
                    chars.push(NChar { c: c.to_ascii_lowercase(), at: k });
                } else {
                    normalise_char(c, maps, k, &mut chars);
                }
            }
            origins.push((text.len(), at16));
        }
        let mut out =
            Stream { symbols: String::with_capacity(text.len()), runs: Vec::new(), sym_at: Vec::new(), origins };
        out.runs.reserve(chars.len());
        let mut word: Vec<NChar> = Vec::with_capacity(64);
        let mut first_word = true;
        // Words: maximal runs of non-space characters; 3 or more one-character words join.
        let mut i = 0;
        let n = chars.len();
        while i < n {
            if chars[i].c.is_whitespace() {
                i += 1;
                continue;
            }
            let mut j = i;
            while j < n && !chars[j].c.is_whitespace() {
                j += 1;
            }
            word.clear();
            word.extend_from_slice(&chars[i..j]);
            if j - i == 1 {
                // A one-character word: join it with the following ones when 3 or more.
                let mut count = 1;
                let mut scan = j;
                let mut group_end = j;
                loop {
                    let mut a = scan;
                    while a < n && chars[a].c.is_whitespace() {
                        a += 1;
                    }
                    if a < n && (a + 1 == n || chars[a + 1].c.is_whitespace()) {
                        count += 1;
                        scan = a + 1;
                        group_end = scan;
                    } else {
                        break;
                    }
                }
                if count >= 3 {
                    word.clear();
                    word.extend(chars[i..group_end].iter().filter(|c| !c.c.is_whitespace()));
                    j = group_end;
                }
            }
            leet(&mut word, maps);
            out.push_word(&word, first_word);
            first_word = false;
            i = j;
        }
        out
    }

    #[inline]
    fn push_symbol(&mut self, c: char, run: Option<Run>) {
        let idx = self.runs.len();
        self.runs.push(run);
        if c.is_ascii() && self.sym_at.is_empty() {
            self.symbols.push(c);
            return;
        }
        if self.sym_at.is_empty() {
            // The first multi-byte symbol: from now on, map bytes to symbols explicitly.
            self.sym_at.extend(0..self.symbols.len());
        }
        self.symbols.push(c);
        self.sym_at.resize(self.symbols.len(), idx);
    }

    /// The index of the symbol a byte of `symbols` belongs to.
    #[inline]
    pub(crate) fn symbol_at(&self, byte: usize) -> Option<usize> {
        if self.sym_at.is_empty() {
            (byte < self.symbols.len()).then_some(byte)
        } else {
            self.sym_at.get(byte).copied()
        }
    }

    /// A word's runs; runs merge across the word's punctuation (`cash.app` is `cashap` with p×2),
    /// recording whether each run starts and ends a part.
    fn push_word(&mut self, word: &[NChar], first_word: bool) {
        if !first_word {
            self.push_symbol(SEP, None);
        }
        let first_run = self.runs.len();
        let mut in_part = false;
        for nc in word {
            if !nc.c.is_alphanumeric() {
                if in_part {
                    if let Some(Some(r)) = self.runs.last_mut() {
                        r.ends_part = true;
                    }
                }
                in_part = false;
                continue;
            }
            let starts = !in_part;
            in_part = true;
            let merge = self.runs.len() > first_run && matches!(self.runs.last(), Some(Some(r)) if r.c == nc.c);
            if merge {
                if let Some(Some(r)) = self.runs.last_mut() {
                    r.count = r.count.saturating_add(1);
                    r.last = nc.at;
                    r.ends_part = false;
                }
            } else {
                self.push_symbol(
                    nc.c,
                    Some(Run { c: nc.c, count: 1, starts_part: starts, ends_part: false, first: nc.at, last: nc.at }),
                );
            }
        }
        if in_part {
            if let Some(Some(r)) = self.runs.last_mut() {
                r.ends_part = true;
            }
        }
        if self.runs.len() == first_run {
            // A word without letters or digits still separates its neighbours.
            self.push_symbol(SEP, None);
        }
    }

    /// The original span from the first character of run `a` to the last of run `b`.
    pub(crate) fn span(&self, a: &Run, b: &Run) -> Origin {
        if self.origins.is_empty() {
            return Origin { start: a.first, end: b.last + 1, start16: a.first, end16: b.last + 1 };
        }
        let start = self.origins.get(a.first).copied().unwrap_or_default();
        let end = self.origins.get(b.last + 1).copied().unwrap_or_default();
        Origin { start: start.0, end: end.0, start16: start.1, end16: end.1 }
    }
}

/// Step 6 on one word, in place: only in a word with a letter; digits anywhere, symbols only
/// between letters or digits, or first before one (judged on the characters before mapping).
fn leet(word: &mut [NChar], maps: &Maps) {
    if !word.iter().any(|n| n.c.is_alphabetic()) {
        return;
    }
    let mut prev_alnum = false;
    for i in 0..word.len() {
        let c = word[i].c;
        let this_alnum = c.is_alphanumeric();
        if let Some(&d) = maps.leet_digit.get(&c) {
            word[i].c = d;
        } else if let Some(&s) = maps.leet_symbol.get(&c) {
            let next = word.get(i + 1).is_some_and(|n| n.c.is_alphanumeric());
            if next && (prev_alnum || i == 0) {
                word[i].c = s;
            }
        }
        prev_alnum = this_alnum;
    }
}

//! Banned-terms screening (SPEC §14.2): a term list from the policy, built once into an
//! Aho–Corasick automaton over the normalised, run-length-collapsed text, and matches reported
//! with their span in the ORIGINAL text (UTF-8 bytes and UTF-16 units).
//!
//! The text is normalised (the module `normalise`) into words of parts; every run of one
//! letter becomes one symbol with its length (`veeenmooo` → `venmo` with counts 1 3 1 1 3). A
//! word is its parts' symbols; words are separated by a space. Each term is normalised alike and
//! becomes one or two patterns: its symbols without spaces (a one-word match inside one word, or
//! a multi-word term written as one word: `cashapp`, `cash.app`) and, for a multi-word `word`
//! term, its words separated by spaces (`cash app`). A candidate found by the automaton is
//! accepted when every text run is at least as long as the term's (`as` is not `ass`) and:
//! - `word` without spaces: it starts at the start of a part and ends at the end of a part (of
//!   one word: `super-venmo` matches, `supervenmo` does not; `an al` is not `anal`);
//! - `word` with spaces: it starts at the start of a word and ends at the end of a word;
//! - `substring`: anywhere inside one word, across its punctuation (`underaged`, `pre-teen`).
//!
//! Time is linear in the text's length (plus the matches found).

use super::normalise::{extend_over_marks, single, Maps, Run, Stream, SEP};
use crate::error::{Error, ErrorCode};
use crate::policy::PolicyProblem;
use aho_corasick::{AhoCorasick, MatchKind};
use serde::{Deserialize, Serialize};
use std::collections::HashSet;

/// How serious a banned term is (SPEC §14.2); `block` is higher than `review`.
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[serde(rename_all = "snake_case")]
pub enum TermSeverity {
    /// Accepted and visible, queued for moderators.
    Review,
    /// Refused (`CONTENT_BLOCKED`).
    Block,
}

/// How a banned term matches (SPEC §14.2).
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[serde(rename_all = "snake_case")]
pub enum TermMatchKind {
    /// Whole words or whole parts of one word (`cash app`, `cash.app`, `super-venmo`).
    Word,
    /// Anywhere inside one word (`underaged`); needs at least 6 letters.
    Substring,
}

/// One banned term of the policy.
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(deny_unknown_fields)]
pub struct BannedTerm {
    /// The term as listed (reported back in matches).
    pub term: String,
    /// Its category (`minors`, `off_platform_payment` …).
    pub category: String,
    /// `review` or `block`.
    pub severity: TermSeverity,
    /// `word` or `substring` (JSON field `match`).
    #[serde(rename = "match")]
    pub match_kind: TermMatchKind,
}

/// One character mapping of the normalisation (`{"from": "ł", "to": "l"}`).
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(deny_unknown_fields)]
pub struct CharMapping {
    /// One character.
    pub from: String,
    /// What it becomes (one character for the leetspeak maps).
    pub to: String,
}

/// The term list and the normalisation maps (SPEC §14.2).
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(deny_unknown_fields)]
pub struct TermsPolicy {
    /// The banned terms.
    pub banned_terms: Vec<BannedTerm>,
    /// Step 4's letters without a decomposition (ł→l, đ→d, ø→o, ħ→h, ı→i, æ→ae, œ→oe, þ→th).
    pub fold: Vec<CharMapping>,
    /// Step 5's Cyrillic and Greek look-alikes → Latin.
    pub lookalikes: Vec<CharMapping>,
    /// Step 6's digits, mapped anywhere in a word with a letter.
    pub leet_digits: Vec<CharMapping>,
    /// Step 6's symbols, mapped between letters or digits or first before one.
    pub leet_symbols: Vec<CharMapping>,
}

fn maps(pairs: &[(&str, &str)]) -> Vec<CharMapping> {
    pairs.iter().map(|(f, t)| CharMapping { from: (*f).to_string(), to: (*t).to_string() }).collect()
}

fn term(t: &str, category: &str, severity: TermSeverity, match_kind: TermMatchKind) -> BannedTerm {
    BannedTerm { term: t.to_string(), category: category.to_string(), severity, match_kind }
}

impl Default for TermsPolicy {
    fn default() -> Self {
        use TermMatchKind::{Substring, Word};
        use TermSeverity::{Block, Review};
        let mut banned_terms: Vec<BannedTerm> =
            ["underage", "jailbait", "preteen"].iter().map(|t| term(t, "minors", Block, Substring)).collect();
        banned_terms.extend(
            ["venmo", "cash app", "paypal me", "western union", "gift card"]
                .iter()
                .map(|t| term(t, "off_platform_payment", Review, Word)),
        );
        TermsPolicy {
            banned_terms,
            fold: maps(&[
                ("ł", "l"),
                ("đ", "d"),
                ("ø", "o"),
                ("ħ", "h"),
                ("ı", "i"),
                ("æ", "ae"),
                ("œ", "oe"),
                ("þ", "th"),
            ]),
            lookalikes: maps(&[
                ("а", "a"),
                ("в", "b"),
                ("е", "e"),
                ("к", "k"),
                ("м", "m"),
                ("н", "h"),
                ("о", "o"),
                ("р", "p"),
                ("с", "c"),
                ("т", "t"),
                ("у", "y"),
                ("х", "x"),
                ("і", "i"),
                ("ј", "j"),
                ("ѕ", "s"),
                ("ԁ", "d"),
                ("α", "a"),
                ("β", "b"),
                ("ε", "e"),
                ("ι", "i"),
                ("κ", "k"),
                ("ν", "v"),
                ("ο", "o"),
                ("ρ", "p"),
                ("τ", "t"),
                ("υ", "u"),
                ("χ", "x"),
            ]),
            leet_digits: maps(&[
                ("0", "o"),
                ("1", "i"),
                ("3", "e"),
                ("4", "a"),
                ("5", "s"),
                ("7", "t"),
                ("8", "b"),
                ("9", "g"),
            ]),
            leet_symbols: maps(&[("@", "a"), ("$", "s"), ("!", "i"), ("|", "l"), ("+", "t")]),
        }
    }
}

/// Most banned terms a policy may list: 100 000.
pub const MAX_BANNED_TERMS: usize = 100_000;
/// Longest term, in bytes: 200.
pub const MAX_TERM_BYTES: usize = 200;

impl TermsPolicy {
    pub(crate) fn validate(&self, path: &str, p: &mut Vec<PolicyProblem>) {
        let map_lists: [(&str, &[CharMapping], bool); 4] = [
            ("fold", &self.fold, false),
            ("lookalikes", &self.lookalikes, false),
            ("leet_digits", &self.leet_digits, true),
            ("leet_symbols", &self.leet_symbols, true),
        ];
        for (name, list, one_char) in map_lists {
            let mut seen = HashSet::new();
            for (i, m) in list.iter().enumerate() {
                let at = format!("{path}.{name}[{i}]");
                match single(&m.from) {
                    Some(c) if seen.insert(c) => {}
                    Some(_) => p.push(PolicyProblem::new(at.clone(), "maps a character already mapped")),
                    None => p.push(PolicyProblem::new(at.clone(), "from must be exactly one character")),
                }
                let to_ok = if one_char { single(&m.to).is_some() } else { (1..=8).contains(&m.to.chars().count()) };
                if !to_ok {
                    p.push(PolicyProblem::new(
                        at,
                        if one_char { "to must be one character" } else { "to must be 1 to 8 characters" },
                    ));
                }
            }
        }
        if self.banned_terms.len() > MAX_BANNED_TERMS {
            p.push(PolicyProblem::new(format!("{path}.banned_terms"), "at most 100000 terms"));
            return;
        }
        let maps = self.maps();
        let mut seen: HashSet<String> = HashSet::with_capacity(self.banned_terms.len());
        for (i, t) in self.banned_terms.iter().enumerate() {
            let at = format!("{path}.banned_terms[{i}]");
            if t.term.len() > MAX_TERM_BYTES {
                p.push(PolicyProblem::new(format!("{at}.term"), "at most 200 bytes"));
                continue;
            }
            if t.category.trim().is_empty() {
                p.push(PolicyProblem::new(format!("{at}.category"), "must not be empty"));
            }
            let shape = TermShape::of(&t.term, &maps);
            let letters = shape.letters();
            match t.match_kind {
                TermMatchKind::Word if letters < 3 => {
                    p.push(PolicyProblem::new(format!("{at}.term"), "must normalise to at least 3 letters"))
                }
                TermMatchKind::Substring if letters < 6 => p.push(PolicyProblem::new(
                    format!("{at}.term"),
                    "a substring term must normalise to at least 6 letters",
                )),
                TermMatchKind::Substring if shape.words.len() > 1 => {
                    p.push(PolicyProblem::new(format!("{at}.term"), "a substring term must be one word"))
                }
                _ => {}
            }
            if letters > 0 && !seen.insert(shape.key()) {
                p.push(PolicyProblem::new(format!("{at}.term"), "normalises like an earlier term"));
            }
        }
    }

    pub(crate) fn maps(&self) -> Maps {
        Maps::new(&self.fold, &self.lookalikes, &self.leet_digits, &self.leet_symbols)
    }
}

/// A term after normalisation: its words, each a list of (symbol, run length).
struct TermShape {
    words: Vec<Vec<(char, u32)>>,
}

impl TermShape {
    fn of(term: &str, maps: &Maps) -> TermShape {
        let stream = Stream::of(term, maps);
        let mut words: Vec<Vec<(char, u32)>> = Vec::new();
        let mut cur = Vec::new();
        for run in &stream.runs {
            match run {
                Some(r) => cur.push((r.c, r.count)),
                None if !cur.is_empty() => words.push(std::mem::take(&mut cur)),
                None => {}
            }
        }
        if !cur.is_empty() {
            words.push(cur);
        }
        TermShape { words }
    }
    fn letters(&self) -> u32 {
        self.words.iter().flatten().map(|(_, n)| *n).sum()
    }
    /// The unspaced symbols with counts, for duplicate detection.
    fn key(&self) -> String {
        self.unspaced().iter().map(|(c, n)| format!("{c}{n}")).collect()
    }
    /// All words' runs as one word (adjacent equal symbols across words merge).
    fn unspaced(&self) -> Vec<(char, u32)> {
        let mut out: Vec<(char, u32)> = Vec::new();
        for &(c, n) in self.words.iter().flatten() {
            match out.last_mut() {
                Some((lc, ln)) if *lc == c => *ln += n,
                _ => out.push((c, n)),
            }
        }
        out
    }
}

/// One banned term found in a text.
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct TermMatch {
    /// The term as listed in the policy.
    pub term: String,
    /// Its category.
    pub category: String,
    /// Its severity.
    pub severity: TermSeverity,
    /// Start in the original text, UTF-8 bytes (whole characters).
    pub start: u64,
    /// End (exclusive), UTF-8 bytes.
    pub end: u64,
    /// Start in UTF-16 code units (Swift, Kotlin, JS string indices).
    pub start_utf16: u64,
    /// End (exclusive), UTF-16 code units.
    pub end_utf16: u64,
}

/// What screening found: every match (by start, longer first) and the highest severity.
#[cfg_attr(feature = "wasm", derive(tsify::Tsify), tsify(missing_as_null))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct TermScreening {
    /// The highest severity found, `None` when nothing matched.
    pub severity: Option<TermSeverity>,
    /// Every match, by start, longer first.
    pub matches: Vec<TermMatch>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Shape {
    /// `word` term, no spaces: part-aligned inside one word.
    WordParts,
    /// `word` term with spaces: word-aligned.
    WordSpaced,
    /// `substring` term: anywhere inside one word.
    Substring,
}

#[derive(Debug, Clone)]
struct Pattern {
    term: usize,
    shape: Shape,
    /// Required run lengths, `0` for a word separator.
    counts: Vec<u32>,
}

/// The term list built once into an automaton (held by the [`crate::Policy`]).
#[derive(Debug, Clone)]
pub struct TermMatcher {
    terms: Vec<BannedTerm>,
    patterns: Vec<Pattern>,
    automaton: Option<AhoCorasick>,
    maps: Maps,
}

impl TermMatcher {
    /// Builds the matcher of a (validated) term policy. Terms that normalise to nothing are
    /// left out (validation refuses them).
    #[must_use]
    pub fn new(policy: &TermsPolicy) -> TermMatcher {
        let maps = policy.maps();
        let mut patterns = Vec::new();
        let mut texts: Vec<String> = Vec::new();
        for (i, t) in policy.banned_terms.iter().enumerate() {
            let shape = TermShape::of(&t.term, &maps);
            if shape.words.is_empty() {
                continue;
            }
            let unspaced = shape.unspaced();
            let first = match t.match_kind {
                TermMatchKind::Word => Shape::WordParts,
                TermMatchKind::Substring => Shape::Substring,
            };
            texts.push(unspaced.iter().map(|(c, _)| *c).collect());
            patterns.push(Pattern { term: i, shape: first, counts: unspaced.iter().map(|(_, n)| *n).collect() });
            if t.match_kind == TermMatchKind::Word && shape.words.len() > 1 {
                let mut text = String::new();
                let mut counts = Vec::new();
                for (k, w) in shape.words.iter().enumerate() {
                    if k > 0 {
                        text.push(SEP);
                        counts.push(0);
                    }
                    text.extend(w.iter().map(|(c, _)| *c));
                    counts.extend(w.iter().map(|(_, n)| *n));
                }
                texts.push(text);
                patterns.push(Pattern { term: i, shape: Shape::WordSpaced, counts });
            }
        }
        let automaton = if texts.is_empty() {
            None
        } else {
            AhoCorasick::builder().match_kind(MatchKind::Standard).build(&texts).ok()
        };
        TermMatcher { terms: policy.banned_terms.clone(), patterns, automaton, maps }
    }

    /// Screens a text: every banned term in it with its span in this text (SPEC §14.2).
    #[must_use]
    pub fn screen(&self, text: &str) -> TermScreening {
        let Some(ac) = &self.automaton else { return TermScreening { severity: None, matches: Vec::new() } };
        let stream = Stream::of(text, &self.maps);
        let mut found: Vec<(usize, TermMatch)> = Vec::new();
        for m in ac.find_overlapping_iter(&stream.symbols) {
            let Some(pattern) = self.patterns.get(m.pattern().as_usize()) else { continue };
            let (Some(a), Some(b)) = (stream.symbol_at(m.start()), stream.symbol_at(m.end().saturating_sub(1))) else {
                continue;
            };
            if !self.accepts(pattern, &stream.runs, a, b + 1) {
                continue;
            }
            let (Some(Some(first)), Some(Some(last))) = (stream.runs.get(a), stream.runs.get(b)) else { continue };
            let Some(t) = self.terms.get(pattern.term) else { continue };
            let span = extend_over_marks(text, stream.span(first, last));
            found.push((
                pattern.term,
                TermMatch {
                    term: t.term.clone(),
                    category: t.category.clone(),
                    severity: t.severity,
                    start: span.start as u64,
                    end: span.end as u64,
                    start_utf16: span.start16 as u64,
                    end_utf16: span.end16 as u64,
                },
            ));
        }
        found.sort_by(|(ta, a), (tb, b)| a.start.cmp(&b.start).then(b.end.cmp(&a.end)).then(ta.cmp(tb)));
        found.dedup_by(|(ta, a), (tb, b)| ta == tb && a.start == b.start && a.end == b.end);
        let severity = found.iter().map(|(_, m)| m.severity).max();
        TermScreening { severity, matches: found.into_iter().map(|(_, m)| m).collect() }
    }

    /// Whether the candidate at symbols `a..b` is a match of `pattern` (run lengths and
    /// alignment, see the module doc).
    fn accepts(&self, pattern: &Pattern, runs: &[Option<Run>], a: usize, b: usize) -> bool {
        let Some(window) = runs.get(a..b) else { return false };
        if window.len() != pattern.counts.len() {
            return false;
        }
        for (run, &need) in window.iter().zip(&pattern.counts) {
            if let Some(r) = run {
                if r.count < need {
                    return false;
                }
            }
        }
        let before = a.checked_sub(1).map(|i| runs.get(i));
        let after = runs.get(b);
        match pattern.shape {
            Shape::Substring => true,
            Shape::WordParts => {
                matches!(window.first(), Some(Some(r)) if r.starts_part)
                    && matches!(window.last(), Some(Some(r)) if r.ends_part)
            }
            Shape::WordSpaced => {
                let word_start = matches!(before, None | Some(Some(None)) | Some(None));
                let word_end = matches!(after, None | Some(None));
                word_start && word_end
            }
        }
    }
}

/// Screens a text against the policy's banned terms (SPEC §14.2); the spans are in `text`.
#[must_use]
pub fn screen_terms(policy: &crate::Policy, text: &str) -> TermScreening {
    policy.term_matcher().screen(text)
}

/// `CONTENT_BLOCKED` for the first `block` match of a screening, naming it.
pub(crate) fn blocked_error(screening: &TermScreening) -> Option<Error> {
    screening.matches.iter().find(|m| m.severity == TermSeverity::Block).map(|m| {
        Error::new(
            ErrorCode::ContentBlocked,
            format!("banned term {:?} ({}) at bytes {}..{}", m.term, m.category, m.start, m.end),
        )
    })
}

#[cfg(test)]
#[path = "terms_tests.rs"]
mod tests;

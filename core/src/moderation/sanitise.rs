//! Text sanitising for user-visible text (SPEC §14.3): bios, messages, captions, display names.
//!
//! [`sanitise_text`] is idempotent and runs, in order:
//! 1. CRLF, CR, U+0085, U+2028, U+2029 → LF; TAB → space; in a display name LF → space too;
//! 2. removes other control characters (C0, DEL, C1), the bidi controls of §9.3, U+200B,
//!    U+2060–U+2064, U+FEFF, U+00AD, noncharacters, and tag characters outside emoji tag
//!    sequences (ZWJ and ZWNJ stay); then NFC;
//! 3. keeps at most 3 combining marks (`\p{M}` left after NFC) per base character and at most
//!    2 line breaks in a row (line breaks separated only by white space are consecutive, and the
//!    white space between them is dropped); trims Unicode `White_Space`;
//! 4. checks the length in grapheme clusters: display name 1–50, bio 0–500, chat message
//!    0–4 000, caption 0–2 200 (policy data) → `TEXT_TOO_LONG`; an empty display name is
//!    `INVALID_INPUT`.
//!
//! It never strips `<`, `>`, `&` or quotes: text is stored plain and escaped where it is
//! rendered ([`escape_html`]); only `http`/`https` URLs become links ([`is_linkable`]).
//!
//! Choices where the spec is silent:
//! - An emoji tag sequence is U+1F3F4 followed by one or more tag characters U+E0020–U+E007E and
//!   the cancel tag U+E007F (the subdivision flags); every other tag character (U+E0000–U+E007F)
//!   is removed, including U+E0001 LANGUAGE TAG.
//! - Marks before any base character (at the start of the text) count against one virtual base.
//! - Line breaks are counted after step 1, so "\r\n\r\n\r\n" is three breaks and becomes two.

use crate::error::{Error, ErrorCode, Result};
use crate::policy::{check, PolicyProblem};
use serde::{Deserialize, Serialize};
use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};
use unicode_properties::{GeneralCategoryGroup, UnicodeGeneralCategory};
use unicode_segmentation::UnicodeSegmentation;

/// Which user-visible field a text is for (SPEC §14.3); it selects the length limit.
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[serde(rename_all = "snake_case")]
pub enum TextField {
    /// A display name: one line, 1–50 grapheme clusters.
    DisplayName,
    /// A profile bio: 0–500 grapheme clusters.
    Bio,
    /// A chat message: 0–4 000 grapheme clusters.
    Message,
    /// A media caption: 0–2 200 grapheme clusters.
    Caption,
}

/// Length limits and clean-up bounds of the sanitiser (SPEC §14.3).
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(deny_unknown_fields)]
pub struct TextPolicy {
    /// Most grapheme clusters in a display name (50; at least 1 is required).
    pub display_name_max: u32,
    /// Most grapheme clusters in a bio (500).
    pub bio_max: u32,
    /// Most grapheme clusters in a chat message (4 000).
    pub message_max: u32,
    /// Most grapheme clusters in a caption (2 200).
    pub caption_max: u32,
    /// Most combining marks kept after one base character (3).
    pub max_combining_marks: u32,
    /// Most line breaks kept in a row (2).
    pub max_line_breaks: u32,
}

impl Default for TextPolicy {
    fn default() -> Self {
        TextPolicy {
            display_name_max: 50,
            bio_max: 500,
            message_max: 4_000,
            caption_max: 2_200,
            max_combining_marks: 3,
            max_line_breaks: 2,
        }
    }
}

/// Upper bound on every length limit (grapheme clusters): 1 000 000.
pub const MAX_TEXT_LIMIT: u32 = 1_000_000;

impl TextPolicy {
    pub(crate) fn validate(&self, path: &str, p: &mut Vec<PolicyProblem>) {
        for (name, v) in [
            ("display_name_max", self.display_name_max),
            ("bio_max", self.bio_max),
            ("message_max", self.message_max),
            ("caption_max", self.caption_max),
        ] {
            check((1..=MAX_TEXT_LIMIT).contains(&v), p, format!("{path}.{name}"), "must be in 1..=1000000");
        }
        check(
            (1..=16).contains(&self.max_combining_marks),
            p,
            format!("{path}.max_combining_marks"),
            "must be in 1..=16",
        );
        check((1..=16).contains(&self.max_line_breaks), p, format!("{path}.max_line_breaks"), "must be in 1..=16");
    }

    /// The length limit of a field, in grapheme clusters.
    pub fn limit(&self, field: TextField) -> u32 {
        match field {
            TextField::DisplayName => self.display_name_max,
            TextField::Bio => self.bio_max,
            TextField::Message => self.message_max,
            TextField::Caption => self.caption_max,
        }
    }
}

/// Sanitises a user-visible text for storage (SPEC §14.3). Idempotent: sanitising the result
/// again returns it unchanged.
///
/// Errors: `TEXT_TOO_LONG` above the field's limit; `INVALID_INPUT` for an empty display name.
#[must_use = "the sanitised text is what must be stored"]
pub fn sanitise_text(rules: &TextPolicy, field: TextField, text: &str) -> Result<String> {
    let cleaned = clean(rules, field, text);
    if field == TextField::DisplayName && cleaned.is_empty() {
        return Err(Error::new(ErrorCode::InvalidInput, "a display name must not be empty"));
    }
    let limit = rules.limit(field);
    // A text has at most as many grapheme clusters as bytes: count them only when it could be
    // over the limit.
    if u64::try_from(cleaned.len()).map_or(true, |n| n <= u64::from(limit)) {
        return Ok(cleaned);
    }
    let clusters = cleaned.graphemes(true).count();
    if u64::try_from(clusters).map_or(true, |n| n > u64::from(limit)) {
        return Err(Error::new(
            ErrorCode::TextTooLong,
            format!("{clusters} grapheme clusters, at most {limit} allowed in a {}", field_name(field)),
        ));
    }
    Ok(cleaned)
}

fn field_name(field: TextField) -> &'static str {
    match field {
        TextField::DisplayName => "display name",
        TextField::Bio => "bio",
        TextField::Message => "chat message",
        TextField::Caption => "caption",
    }
}

/// Steps 1–3 (everything but the length check).
fn clean(rules: &TextPolicy, field: TextField, text: &str) -> String {
    let unified = unify_breaks(text, field == TextField::DisplayName);
    let removed = remove_invisible(&unified);
    let composed = nfc(&removed);
    let limited = limit_marks(&composed, rules.max_combining_marks);
    let collapsed = collapse_breaks(&limited, rules.max_line_breaks);
    collapsed.trim_matches(char::is_whitespace).to_string()
}

/// Step 1: every line-break spelling becomes LF, TAB a space (a display name has no LF).
fn unify_breaks(text: &str, single_line: bool) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        let mapped = match c {
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                '\n'
            }
            '\u{85}' | '\u{2028}' | '\u{2029}' => '\n',
            '\t' => ' ',
            other => other,
        };
        out.push(if single_line && mapped == '\n' { ' ' } else { mapped });
    }
    out
}

/// Whether step 2 removes a character regardless of its neighbours.
fn is_invisible(c: char) -> bool {
    let cp = u32::from(c);
    matches!(c, '\u{0}'..='\u{9}' | '\u{B}'..='\u{1F}' | '\u{7F}'..='\u{9F}')
        || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}')
        || matches!(c, '\u{200B}' | '\u{2060}'..='\u{2064}' | '\u{FEFF}' | '\u{AD}')
        || (0xFDD0..=0xFDEF).contains(&cp)
        || (cp & 0xFFFE) == 0xFFFE
}

fn is_tag(c: char) -> bool {
    matches!(c, '\u{E0000}'..='\u{E007F}')
}

/// Step 2 (before NFC): invisible characters and stray tag characters go.
fn remove_invisible(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c == '\u{1F3F4}' {
            out.push(c);
            i += 1;
            // An emoji tag sequence: tag specs E0020–E007E, then the cancel tag E007F.
            let start = i;
            let mut j = i;
            while j < chars.len() && matches!(chars[j], '\u{E0020}'..='\u{E007E}') {
                j += 1;
            }
            if j > start && j < chars.len() && chars[j] == '\u{E007F}' {
                out.extend(&chars[start..=j]);
                i = j + 1;
            }
            continue;
        }
        if !is_invisible(c) && !is_tag(c) {
            out.push(c);
        }
        i += 1;
    }
    out
}

fn nfc(text: &str) -> String {
    if is_nfc_quick(text.chars()) == IsNormalized::Yes {
        text.to_string()
    } else {
        text.nfc().collect()
    }
}

fn is_mark(c: char) -> bool {
    !c.is_ascii() && c.general_category_group() == GeneralCategoryGroup::Mark
}

/// Step 3a: at most `max` combining marks after each base character.
fn limit_marks(text: &str, max: u32) -> String {
    let mut out = String::with_capacity(text.len());
    let mut run: u32 = 0;
    for c in text.chars() {
        if is_mark(c) {
            run = run.saturating_add(1);
            if run > max {
                continue;
            }
        } else {
            run = 0;
        }
        out.push(c);
    }
    out
}

/// Step 3b: at most `max` line breaks in a row; white space between breaks is dropped.
fn collapse_breaks(text: &str, max: u32) -> String {
    let mut out = String::with_capacity(text.len());
    let mut pending_ws = String::new();
    let mut breaks: u32 = 0;
    for c in text.chars() {
        if c == '\n' {
            // White space between two line breaks is dropped.
            if breaks == 0 {
                out.push_str(&pending_ws);
            }
            pending_ws.clear();
            breaks = breaks.saturating_add(1);
            if breaks <= max {
                out.push('\n');
            }
        } else if c.is_whitespace() {
            pending_ws.push(c);
        } else {
            out.push_str(&pending_ws);
            pending_ws.clear();
            breaks = 0;
            out.push(c);
        }
    }
    out.push_str(&pending_ws);
    out
}

/// Escapes text for an HTML host: `& < > " '` become `&amp; &lt; &gt; &quot; &#39;`
/// (SPEC §14.3). Everything else is unchanged.
#[must_use]
pub fn escape_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            other => out.push(other),
        }
    }
    out
}

/// Whether a URL may become a link (SPEC §14.3): its scheme is `http` or `https`, compared
/// case-insensitively, followed by `//` and a non-empty authority, with no white space or
/// control character anywhere (choice: anything else stays plain text).
#[must_use]
pub fn is_linkable(url: &str) -> bool {
    let Some((scheme, rest)) = url.split_once(':') else { return false };
    if !(scheme.eq_ignore_ascii_case("http") || scheme.eq_ignore_ascii_case("https")) {
        return false;
    }
    let Some(after) = rest.strip_prefix("//") else { return false };
    let authority = after.split(['/', '?', '#']).next().unwrap_or("");
    !authority.is_empty() && !url.chars().any(|c| c.is_whitespace() || c.is_control())
}

#[cfg(test)]
#[path = "sanitise_tests.rs"]
mod tests;

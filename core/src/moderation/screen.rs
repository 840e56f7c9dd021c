//! Screening user-visible text (SPEC §14.3): sanitise, then look for banned terms in the
//! sanitised (stored) text.

use super::sanitise::{sanitise_text, TextField};
use super::terms::{blocked_error, TermMatch, TermSeverity};
use crate::error::Result;
use crate::Policy;
use serde::{Deserialize, Serialize};

/// A text accepted for storage: the sanitised text, and whether moderators must review it.
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct ScreenedText {
    /// The sanitised text to store (the matches' spans are in this text).
    pub text: String,
    /// `true` when a `review` term matched: accepted and visible, queued for moderators.
    pub review: bool,
    /// Every match found (all of severity `review`), by start, longer first.
    pub matches: Vec<TermMatch>,
}

/// Sanitises a text for its field, then screens it for banned terms (SPEC §14.3). Chat
/// messages are screened before anti-spam (§4.8).
///
/// Errors: the sanitiser's (`TEXT_TOO_LONG`, `INVALID_INPUT`); `CONTENT_BLOCKED` naming the
/// first `block` match (use [`super::screen_terms`] on the sanitised text to highlight it).
pub fn screen_text(policy: &Policy, field: TextField, text: &str) -> Result<ScreenedText> {
    let text = sanitise_text(&policy.moderation.text, field, text)?;
    let screening = policy.term_matcher().screen(&text);
    if let Some(e) = blocked_error(&screening) {
        return Err(e);
    }
    let review = screening.severity == Some(TermSeverity::Review);
    Ok(ScreenedText { text, review, matches: screening.matches })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ErrorCode;

    #[test]
    fn screening_sanitises_then_blocks_or_queues_for_review() {
        let p = Policy::default();
        let ok = screen_text(&p, TextField::Message, "  hi\u{200B} there  ").unwrap_or_else(|e| panic!("{e}"));
        assert_eq!((ok.text.as_str(), ok.review, ok.matches.len()), ("hi there", false, 0));
        let review = screen_text(&p, TextField::Bio, "find me on v e n m o").unwrap_or_else(|e| panic!("{e}"));
        assert!(review.review);
        assert_eq!(review.matches.len(), 1);
        let blocked = screen_text(&p, TextField::Caption, "jail\u{200B}bait");
        assert_eq!(blocked.map_err(|e| e.code), Err(ErrorCode::ContentBlocked));
        let long = screen_text(&p, TextField::DisplayName, &"x".repeat(51));
        assert_eq!(long.map_err(|e| e.code), Err(ErrorCode::TextTooLong));
    }
}

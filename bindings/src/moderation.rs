//! Facade of `core/src/moderation`: the media verdict, term screening, text screening and
//! sanitising, HTML escaping and the link check (SPEC §14). Conversions only; the rules are in
//! the core. Spans in results are UTF-16 code units, as Kotlin and Swift strings count.

use crate::error::{guard, AvaloError};
use avalo_core::moderation::{self as core, *};
use avalo_core::upload::UploadPurpose;
use avalo_core::Policy;

/// The verdict on an uploaded medium from the classifier's scores, the OCR text and the
/// caption (SPEC §14.1): allowed, held for review or blocked, with the thresholds crossed.
/// A missing score the stage needs, or a score above 10 000 bp, is `INVALID_INPUT`.
#[uniffi::export]
pub fn media_verdict(
    policy: &Policy,
    purpose: UploadPurpose,
    scores: MediaScores,
    ocr_text: Option<String>,
    caption: Option<String>,
) -> Result<MediaVerdict, AvaloError> {
    guard(|| Ok(core::media_verdict(policy, purpose, &scores, ocr_text.as_deref(), caption.as_deref())?))
}

/// Screens a text against the policy's term lists (SPEC §14.2), seeing through obfuscation.
#[uniffi::export]
pub fn screen_terms(policy: &Policy, text: String) -> Result<TermScreening, AvaloError> {
    guard(|| Ok(core::screen_terms(policy, &text)))
}

/// Sanitises and screens a user text for one field (SPEC §14.3): the clean text and the terms
/// found; a text over the field's limit is `INVALID_INPUT`.
#[uniffi::export]
pub fn screen_text(policy: &Policy, field: TextField, text: String) -> Result<ScreenedText, AvaloError> {
    guard(|| Ok(core::screen_text(policy, field, &text)?))
}

/// Sanitises a user text for one field with the policy's text rules (SPEC §14.3); a text over
/// the field's limit is `INVALID_INPUT`.
#[uniffi::export]
pub fn sanitise_text(policy: &Policy, field: TextField, text: String) -> Result<String, AvaloError> {
    guard(|| Ok(core::sanitise_text(&policy.moderation.text, field, &text)?))
}

/// Escapes `& < > " '` for HTML text and attribute values.
#[uniffi::export]
pub fn escape_html(text: String) -> Result<String, AvaloError> {
    guard(|| Ok(core::escape_html(&text)))
}

/// Whether a URL may be shown as a link (an absolute `https` URL with a host; SPEC §14.3).
#[uniffi::export]
pub fn is_linkable(url: String) -> Result<bool, AvaloError> {
    guard(|| Ok(core::is_linkable(&url)))
}

//! Facade of `core/src/moderation`: media verdicts from stage scores, banned-terms screening,
//! the text sanitiser, `escapeHtml` and `isLinkable` (SPEC §14).

use crate::convert::{from_js, opt_text, text, to_js, JsResult};
use crate::Policy;
use avalo_core::moderation as rules;
use avalo_core::moderation::{MediaScores, MediaVerdict, ScreenedText, TermScreening, TextField};
use avalo_core::upload::UploadPurpose;
use js_sys::JsString;
use tsify::Ts;
use wasm_bindgen::prelude::*;

/// Decides a media item's moderation state from its stage scores (basis points) and the banned
/// terms in its OCR text and caption (SPEC §14.1). A score above 10 000 is `INVALID_INPUT`.
#[wasm_bindgen(js_name = mediaVerdict)]
pub fn media_verdict(
    policy: &Policy,
    purpose: Ts<UploadPurpose>,
    scores: Ts<MediaScores>,
    #[wasm_bindgen(js_name = ocrText)] ocr_text: Option<JsString>,
    caption: Option<JsString>,
) -> JsResult<Ts<MediaVerdict>> {
    let ocr = opt_text(ocr_text, "ocrText")?;
    let caption = opt_text(caption, "caption")?;
    let v = rules::media_verdict(
        policy.core(),
        from_js(&purpose)?,
        &from_js(&scores)?,
        ocr.as_deref(),
        caption.as_deref(),
    )?;
    Ok(to_js(&v)?)
}

/// The policy's banned terms found in `text`, with their spans in the original text (SPEC §14.2).
#[wasm_bindgen(js_name = screenTerms)]
pub fn screen_terms(policy: &Policy, #[wasm_bindgen(js_name = text)] text_: JsString) -> JsResult<Ts<TermScreening>> {
    Ok(to_js(&rules::screen_terms(policy.core(), &text(&text_, "text")?))?)
}

/// Sanitises a user text for its field, then screens it for banned terms (SPEC §14.3): the
/// sanitiser's errors (`TEXT_TOO_LONG`, `INVALID_INPUT`), or `CONTENT_BLOCKED` naming the first
/// `block` match.
#[wasm_bindgen(js_name = screenText)]
pub fn screen_text(
    policy: &Policy,
    field: Ts<TextField>,
    #[wasm_bindgen(js_name = text)] text_: JsString,
) -> JsResult<Ts<ScreenedText>> {
    Ok(to_js(&rules::screen_text(policy.core(), from_js(&field)?, &text(&text_, "text")?)?)?)
}

/// The sanitised form of a user text for its field with the policy's text rules (SPEC §14.3):
/// above the field's limit is `TEXT_TOO_LONG`, an empty display name `INVALID_INPUT`.
#[wasm_bindgen(js_name = sanitiseText)]
pub fn sanitise_text(
    policy: &Policy,
    field: Ts<TextField>,
    #[wasm_bindgen(js_name = text)] text_: JsString,
) -> JsResult<String> {
    Ok(rules::sanitise_text(&policy.core().moderation.text, from_js(&field)?, &text(&text_, "text")?)?)
}

/// `text` escaped for an HTML host: `& < > " '` become `&amp; &lt; &gt; &quot; &#39;`.
#[wasm_bindgen(js_name = escapeHtml)]
pub fn escape_html(#[wasm_bindgen(js_name = text)] text_: JsString) -> JsResult<String> {
    Ok(rules::escape_html(&text(&text_, "text")?))
}

/// Whether a URL may become a link (SPEC §14.3): `http`/`https`, `//` and a non-empty
/// authority, no white space or control character.
#[wasm_bindgen(js_name = isLinkable)]
pub fn is_linkable(url: JsString) -> JsResult<bool> {
    Ok(rules::is_linkable(&text(&url, "url")?))
}

//! Facade of `core/src/spam.rs`: anti-spam verdicts (SPEC §4.8). Conversions only.

use crate::convert::{list_from_js, millis, text, to_js, JsResult};
use crate::Policy;
use avalo_core::spam as rules;
use avalo_core::spam::SpamVerdict;
use js_sys::{JsString, Number};
use tsify::Ts;
use wasm_bindgen::prelude::*;

/// Checks a message against the anti-spam rules (SPEC §4.8) given the sender's recent messages
/// (any order, across chats) and the current time; the first rule that fires is the verdict.
#[wasm_bindgen(js_name = checkSpam)]
pub fn check_spam(
    policy: &Policy,
    #[wasm_bindgen(js_name = text)] text_: JsString,
    #[wasm_bindgen(unchecked_param_type = "RecentMessage[]")] recent: JsValue,
    #[wasm_bindgen(js_name = nowMs)] now_ms: Number,
) -> JsResult<Ts<SpamVerdict>> {
    let recent: Vec<rules::RecentMessage> = list_from_js(&recent, "recent")?;
    let recent: Vec<rules::RecentMessage> =
        recent.into_iter().map(|m| rules::RecentMessage { text: m.text, sent_at_ms: m.sent_at_ms }).collect();
    let v = rules::check_spam(policy.core(), &text(&text_, "text")?, &recent, millis(&now_ms, "nowMs")?);
    Ok(to_js(&v)?)
}

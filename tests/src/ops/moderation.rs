//! Vector operations of the `moderation` module (SPEC §14).

use super::{arg, opt, out, OpResult};
use avalo_core::moderation::{self, MediaScores, TextField};
use avalo_core::upload::UploadPurpose;
use avalo_core::Policy;
use serde_json::{json, Value};

/// Runs one `moderation` operation, or `None` if the name is not one of them.
pub fn run(policy: &Policy, op: &str, i: &Value) -> Option<OpResult> {
    let r = match op {
        "media_verdict" => (|| {
            moderation::media_verdict(
                policy,
                arg::<UploadPurpose>(i, "purpose")?,
                &arg::<MediaScores>(i, "scores")?,
                opt::<String>(i, "ocr_text")?.as_deref(),
                opt::<String>(i, "caption")?.as_deref(),
            )
        })()
        .and_then(out),
        "screen_terms" => arg::<String>(i, "text").and_then(|t| out(moderation::screen_terms(policy, &t))),
        "screen_text" => {
            (|| moderation::screen_text(policy, arg::<TextField>(i, "field")?, &arg::<String>(i, "text")?))()
                .and_then(out)
        }
        "sanitise_text" => (|| {
            moderation::sanitise_text(
                &policy.moderation.text,
                arg::<TextField>(i, "field")?,
                &arg::<String>(i, "text")?,
            )
        })()
        .map(|t| json!({ "text": t })),
        "escape_html" => arg::<String>(i, "text").map(|t| json!({ "text": moderation::escape_html(&t) })),
        "is_linkable" => arg::<String>(i, "url").map(|u| json!({ "linkable": moderation::is_linkable(&u) })),
        _ => return None,
    };
    Some(r)
}

//! Vector operations of the `media` module (SPEC §9.6).

use super::{arg, out, OpResult};
use avalo_core::media::{self, MediaItem, Viewer};
use avalo_core::Policy;
use serde_json::{json, Value};

/// Runs one `media` operation, or `None` if the name is not one of them.
pub fn run(policy: &Policy, op: &str, i: &Value) -> Option<OpResult> {
    let r = match op {
        "media_access" => {
            (|| media::media_access(&arg::<MediaItem>(i, "item")?, &arg::<Viewer>(i, "viewer")?, arg(i, "now_ms")?))()
                .and_then(out)
        }
        "check_media_access" => (|| {
            media::check_media_access(&arg::<MediaItem>(i, "item")?, &arg::<Viewer>(i, "viewer")?, arg(i, "now_ms")?)
        })()
        .map(|g| json!({"grant": g})),
        "check_story_quota" => {
            (|| media::check_story_quota(policy, &arg::<Vec<i64>>(i, "posted_at_ms")?, arg(i, "now_ms")?))()
                .and_then(out)
        }
        "story_expiry" => {
            arg::<i64>(i, "posted_at_ms").map(|t| json!({"expires_at_ms": media::story_expiry(policy, t)}))
        }
        _ => return None,
    };
    Some(r)
}

//! `avalo policy diff`: what a signature would publish, in rule terms (SPEC §17.5).

use crate::{files, output};
use avalo_core::policy::diff::diff_policies;
use avalo_core::{Policy, Result};
use serde_json::json;
use std::path::Path;

/// Loads both policies and prints their differences.
pub fn run(old: &Path, new: &Path, json_mode: bool) -> Result<()> {
    let old_policy = Policy::from_json(&files::read_policy_text(old)?)?;
    let new_policy = Policy::from_json(&files::read_policy_text(new)?)?;
    let changes = diff_policies(&old_policy, &new_policy);
    let mut text = format!(
        "{} → {}: {} change(s)\nfingerprint {} → {}",
        old.display(),
        new.display(),
        changes.len(),
        old_policy.fingerprint(),
        new_policy.fingerprint()
    );
    for c in &changes {
        text.push('\n');
        text.push_str(&c.line);
    }
    let summary = json!({"ok": true, "old_fingerprint": old_policy.fingerprint(),
        "new_fingerprint": new_policy.fingerprint(), "changes": changes});
    output::print(json_mode, &summary, &text);
    Ok(())
}

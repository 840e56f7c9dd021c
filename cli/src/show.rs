//! `avalo policy show`: a policy (the built-in one by default) and its fingerprint.

use crate::{files, output};
use avalo_core::{Error, Policy, Result};
use serde_json::json;
use std::path::Path;

/// Prints the policy's JSON (standard output) and its version, serial, schema and fingerprint
/// (standard error); with `--json`, one object holding all of them.
pub fn run(file: Option<&Path>, json_mode: bool) -> Result<()> {
    let (source, policy) = match file {
        None => ("built-in".to_string(), Policy::default()),
        Some(path) => (path.display().to_string(), Policy::from_json(&files::read_policy_text(path)?)?),
    };
    let rules = serde_json::to_value(policy.rules()).map_err(|e| Error::invalid(e.to_string()))?;
    let summary = json!({"ok": true, "source": source, "version": policy.version(), "serial": policy.serial(),
        "schema": policy.schema(), "fingerprint": policy.fingerprint(), "policy": rules});
    if json_mode {
        output::print(true, &summary, "");
    } else {
        // The policy alone on standard output (so `avalo policy show > policy.json` gives a file
        // ready to edit and sign), the summary on standard error.
        println!("{}", serde_json::to_string_pretty(&rules).unwrap_or_default());
        eprintln!(
            "# {source} policy, version {}, serial {}, schema {}\n# fingerprint {}",
            policy.version(),
            policy.serial(),
            policy.schema(),
            policy.fingerprint()
        );
    }
    Ok(())
}

//! Generates the per-operation glue of the Kotlin and Swift conformance runners from one
//! description: the UniFFI metadata of the built library (every namespace in it), plus the
//! few declared exceptions in `overrides.rs`.
//!
//! Usage (from the workspace root; `scripts/gen-runners.sh` runs it):
//!   avalo-runner-gen <libavalo_ffi.so> [--check]
//! writes (or, with `--check`, compares with) `Generated.kt` and `Generated.swift`, and fails if
//! an op used by `tests/vectors` is neither generated nor written by hand.

mod kotlin;
mod model;
mod overrides;
mod plan;
mod swift;

use anyhow::{bail, Context, Result};
use camino::Utf8PathBuf;
use std::collections::BTreeSet;

/// The generated Kotlin file, relative to the workspace root.
const KOTLIN_OUT: &str = "ffi-kotlin/src/test/kotlin/com/avalo/conformance/Generated.kt";
/// The generated Swift file, relative to the workspace root.
const SWIFT_OUT: &str = "ffi-swift/Sources/AvaloConformance/Generated.swift";

fn main() -> Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (lib, check) = match args.as_slice() {
        [lib] => (lib, false),
        [lib, flag] if flag == "--check" => (lib, true),
        _ => bail!("usage: avalo-runner-gen <libavalo_ffi.so> [--check]"),
    };
    let model = model::Model::load(&Utf8PathBuf::from(lib))?;
    let plan = plan::plan(&model);
    for s in &plan.skipped {
        eprintln!("runner-gen: not generated: {s}");
    }
    plan::check_overrides(&plan)?;
    check_coverage(&plan)?;
    let outputs = [(KOTLIN_OUT, kotlin::generate(&model, &plan)?), (SWIFT_OUT, swift::generate(&model, &plan)?)];
    let mut drift = false;
    for (path, text) in &outputs {
        if check {
            let old = std::fs::read_to_string(path).unwrap_or_default();
            if old != *text {
                eprintln!("DRIFT: {path} differs from what tools/runner-gen generates");
                drift = true;
            }
        } else {
            std::fs::write(path, text).with_context(|| format!("writing {path}"))?;
            eprintln!("runner-gen: wrote {path} ({} lines)", text.lines().count());
        }
    }
    if drift {
        bail!("generated runner glue is out of date: run scripts/gen-runners.sh and commit");
    }
    Ok(())
}

/// Every op of `tests/vectors/*.json` must be generated or hand-written.
fn check_coverage(plan: &plan::Plan) -> Result<()> {
    let mut have: BTreeSet<&str> = plan.ops.iter().map(|o| plan::op_name(o.f)).collect();
    have.extend(overrides::HANDWRITTEN_OPS);
    let mut missing = BTreeSet::new();
    for entry in std::fs::read_dir("tests/vectors").context("tests/vectors (run from the workspace root)")? {
        let path = entry?.path();
        if path.extension().is_some_and(|x| x == "json") {
            let v: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&path)?)?;
            for case in v["cases"].as_array().into_iter().flatten() {
                if let Some(op) = case["op"].as_str() {
                    if !have.contains(op) {
                        missing.insert(op.to_string());
                    }
                }
            }
        }
    }
    if !missing.is_empty() {
        bail!("vector ops neither generated nor hand-written (see the skipped list above): {missing:?}");
    }
    Ok(())
}

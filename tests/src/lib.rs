//! The Rust runner for the conformance vectors (`tests/vectors/*.json`, format in
//! `tests/vectors/README.md`). Every language runs the same files; this one calls the core
//! directly.

pub mod ops;

use avalo_core::{Error, Policy};
use serde::Deserialize;
use serde_json::Value;
use std::path::{Path, PathBuf};

/// Absolute tolerance for comparing non-integer numbers (ranking scores).
pub const FLOAT_TOLERANCE: f64 = 1e-9;

/// One vector file.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct VectorFile {
    /// Module name (the file stem).
    pub module: String,
    /// What the file covers and where its expected values come from.
    #[serde(default)]
    pub description: String,
    /// The cases.
    pub cases: Vec<Case>,
}

/// One case: an operation, its input, and an expected output or error code.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Case {
    /// Unique name within the file.
    pub name: String,
    /// Operation name: the core function name in snake_case.
    pub op: String,
    /// Inputs of the operation.
    pub input: Value,
    /// Optional JSON merge patch applied to the built-in policy for this case.
    #[serde(default)]
    pub policy: Option<Value>,
    /// Expected output (every key given must match; extra keys in the result are ignored).
    #[serde(default)]
    pub expect: Option<Value>,
    /// Expected error code (SPEC §11).
    #[serde(default)]
    pub error: Option<String>,
}

/// Outcome of running vector files.
#[derive(Debug, Default)]
pub struct Report {
    /// Cases that passed.
    pub passed: usize,
    /// Failures, one line each: `file: case: why`.
    pub failures: Vec<String>,
}

/// The directories to run: `tests/vectors` and, if set, every directory in
/// `AVALO_EXTRA_VECTORS` (separated by `:`).
pub fn vector_dirs() -> Vec<PathBuf> {
    let mut dirs = vec![Path::new(env!("CARGO_MANIFEST_DIR")).join("vectors")];
    if let Ok(extra) = std::env::var("AVALO_EXTRA_VECTORS") {
        dirs.extend(extra.split(':').filter(|s| !s.is_empty()).map(PathBuf::from));
    }
    dirs
}

/// Every `*.json` file in the given directories, sorted by path.
pub fn vector_files(dirs: &[PathBuf]) -> Result<Vec<PathBuf>, String> {
    let mut files = Vec::new();
    for dir in dirs {
        let entries = std::fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        for entry in entries {
            let path = entry.map_err(|e| e.to_string())?.path();
            if path.extension().is_some_and(|x| x == "json") {
                files.push(path);
            }
        }
    }
    files.sort();
    Ok(files)
}

/// Runs every case of every file, collecting failures.
pub fn run_files(files: &[PathBuf]) -> Report {
    let mut report = Report::default();
    for path in files {
        let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        let parsed = std::fs::read_to_string(path)
            .map_err(|e| e.to_string())
            .and_then(|t| serde_json::from_str::<VectorFile>(&t).map_err(|e| e.to_string()));
        let file = match parsed {
            Ok(f) => f,
            Err(e) => {
                report.failures.push(format!("{name}: cannot load: {e}"));
                continue;
            }
        };
        for case in &file.cases {
            match run_case(case) {
                Ok(()) => report.passed += 1,
                Err(why) => report.failures.push(format!("{name}: {}: {why}", case.name)),
            }
        }
    }
    report
}

/// Runs one case.
pub fn run_case(case: &Case) -> Result<(), String> {
    if case.expect.is_some() == case.error.is_some() {
        return Err("a case needs exactly one of `expect` and `error`".into());
    }
    let outcome = policy_for(case).and_then(|policy| {
        ops::run(&policy, &case.op, &case.input)
            .unwrap_or_else(|| Err(Error::invalid(format!("UNKNOWN OPERATION {}", case.op))))
    });
    if let Err(e) = &outcome {
        if e.reason.starts_with("UNKNOWN OPERATION") {
            return Err(format!("unknown operation {:?}", case.op));
        }
        if e.reason.starts_with(ops::BAD_VECTOR) {
            return Err(e.reason.clone());
        }
    }
    match (&case.expect, &case.error, outcome) {
        (Some(want), _, Ok(got)) => compare(want, &got, "$"),
        (Some(_), _, Err(e)) => Err(format!("expected a result, got error {}: {}", e.code, e.reason)),
        (_, Some(code), Err(e)) if e.code.as_str() == code => Ok(()),
        (_, Some(code), Err(e)) => Err(format!("expected error {code}, got {}: {}", e.code, e.reason)),
        (_, Some(code), Ok(got)) => Err(format!("expected error {code}, got {got}")),
        (None, None, _) => Err("no expectation".into()),
    }
}

fn policy_for(case: &Case) -> Result<Policy, Error> {
    match &case.policy {
        None => Ok(Policy::default()),
        Some(patch) => Policy::from_patch(&patch.to_string()),
    }
}

/// Compares an expected value with an actual one: objects by the expected keys, arrays
/// element-wise with equal lengths, integers exactly, other numbers within
/// [`FLOAT_TOLERANCE`], everything else exactly.
pub fn compare(want: &Value, got: &Value, path: &str) -> Result<(), String> {
    match (want, got) {
        (Value::Object(w), Value::Object(g)) => {
            for (k, wv) in w {
                let child = format!("{path}.{k}");
                match g.get(k) {
                    Some(gv) => compare(wv, gv, &child)?,
                    None => return Err(format!("{child}: missing in result {got}")),
                }
            }
            Ok(())
        }
        (Value::Array(w), Value::Array(g)) => {
            if w.len() != g.len() {
                return Err(format!("{path}: expected {} items, got {}: {got}", w.len(), g.len()));
            }
            for (i, (wv, gv)) in w.iter().zip(g).enumerate() {
                compare(wv, gv, &format!("{path}[{i}]"))?;
            }
            Ok(())
        }
        (Value::Number(w), Value::Number(g)) => {
            let same = if w.is_f64() || g.is_f64() {
                match (w.as_f64(), g.as_f64()) {
                    (Some(a), Some(b)) => (a - b).abs() <= FLOAT_TOLERANCE,
                    _ => false,
                }
            } else {
                w == g
            };
            if same {
                Ok(())
            } else {
                Err(format!("{path}: expected {w}, got {g}"))
            }
        }
        _ if want == got => Ok(()),
        _ => Err(format!("{path}: expected {want}, got {got}")),
    }
}

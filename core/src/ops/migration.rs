//! Migration permission (SPEC §15.4, §15.5).
//!
//! Versions are `MAJOR.MINOR.PATCH`, numeric, compared part by part. `up` needs target > current
//! and `down` target < current (else `INVALID_INPUT`); an equal version is a no-op in every
//! environment, before anything else. The direction is checked before the production force: a dry
//! run is allowed anywhere; a real run in production needs `force = true`, else
//! `MIGRATION_FORCE_REQUIRED`.
//!
//! Choices where the spec is silent: each part is 1–20 ASCII digits fitting in a `u64` (leading
//! zeros are allowed and do not count: `1.02.0` = `1.2.0`); signs, spaces, empty parts or a
//! fourth part are `INVALID_INPUT`.

use crate::error::{Error, ErrorCode, Result};
use crate::ops::Environment;
use serde::{Deserialize, Serialize};

/// Direction of a migration.
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[serde(rename_all = "snake_case")]
pub enum MigrationDirection {
    /// Apply migrations up to the target.
    Up,
    /// Revert migrations down to the target.
    Down,
}

/// A migration request.
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct MigrationRequest {
    /// Where it runs.
    pub environment: Environment,
    /// Up or down.
    pub direction: MigrationDirection,
    /// The schema's current version, `MAJOR.MINOR.PATCH`.
    pub current: String,
    /// The target version.
    pub target: String,
    /// Whether this is a dry run.
    #[serde(default)]
    pub dry_run: bool,
    /// Whether the operator forced a production run.
    #[serde(default)]
    pub force: bool,
}

/// What the migration runner should do.
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[serde(rename_all = "snake_case")]
pub enum MigrationAction {
    /// Run it (a dry run when requested).
    Run,
    /// Nothing to do: the versions are equal.
    NoOp,
}

/// The migration permission.
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct MigrationDecision {
    /// Run or no-op.
    pub action: MigrationAction,
    /// Whether the run is a dry run.
    pub dry_run: bool,
}

/// Parses `MAJOR.MINOR.PATCH` (numeric parts) into a comparable triple.
pub fn parse_schema_version(raw: &str) -> Result<(u64, u64, u64)> {
    let bad = || Error::invalid(format!("version {raw:?} is not MAJOR.MINOR.PATCH"));
    let part = |p: Option<&str>| -> Result<u64> {
        let p = p.ok_or_else(bad)?;
        if p.is_empty() || p.len() > 20 || !p.bytes().all(|b| b.is_ascii_digit()) {
            return Err(bad());
        }
        p.parse::<u64>().map_err(|_| bad())
    };
    let mut parts = raw.split('.');
    let v = (part(parts.next())?, part(parts.next())?, part(parts.next())?);
    if parts.next().is_some() {
        return Err(bad());
    }
    Ok(v)
}

/// Decides whether a migration may run (SPEC §15.4).
pub fn migration_permission(req: &MigrationRequest) -> Result<MigrationDecision> {
    let current = parse_schema_version(&req.current)?;
    let target = parse_schema_version(&req.target)?;
    if current == target {
        return Ok(MigrationDecision { action: MigrationAction::NoOp, dry_run: req.dry_run });
    }
    let ok = match req.direction {
        MigrationDirection::Up => target > current,
        MigrationDirection::Down => target < current,
    };
    if !ok {
        return Err(Error::invalid(format!(
            "a {:?} migration cannot go from {} to {}",
            req.direction, req.current, req.target
        )));
    }
    if req.environment == Environment::Production && !req.dry_run && !req.force {
        return Err(Error::new(ErrorCode::MigrationForceRequired, "a production migration needs force = true"));
    }
    Ok(MigrationDecision { action: MigrationAction::Run, dry_run: req.dry_run })
}

//! Facade of `core/src/ops`: incident severity and routing, release and deploy gates, secret
//! rotation and migration permission (SPEC §15). Conversions only; the rules are in the core.

use crate::error::{guard, AvaloError};
use avalo_core::ops::{self as core, *};
use avalo_core::Policy;

/// Triages a host's check result: the incident signals, severity and route.
#[uniffi::export]
pub fn triage(policy: &Policy, result: OpsResult, raised_at_ms: i64) -> Result<Triage, AvaloError> {
    guard(|| Ok(core::triage(policy, &result, raised_at_ms)?))
}

/// Where an incident of this severity goes and by when it must be acknowledged.
#[uniffi::export]
pub fn route(policy: &Policy, severity: Severity, raised_at_ms: i64) -> Result<Route, AvaloError> {
    guard(|| Ok(core::route(policy, severity, raised_at_ms)?))
}

/// The severity of an incident: the highest of its signals' (none for no signal).
#[uniffi::export]
pub fn incident_severity(severities: Vec<Severity>) -> Result<Option<Severity>, AvaloError> {
    guard(|| Ok(core::incident_severity(&severities)))
}

/// Parses an environment name (`development`, `staging`, `production`); another is `INVALID_INPUT`.
#[uniffi::export]
pub fn parse_environment(environment: String) -> Result<Environment, AvaloError> {
    guard(|| Ok(Environment::parse(&environment)?))
}

/// Whether a release may go to the next rollout stage.
#[uniffi::export]
pub fn release_gate(policy: &Policy, request: ReleaseGateRequest) -> Result<ReleaseDecision, AvaloError> {
    guard(|| Ok(core::release_gate(policy, &request)?))
}

/// Whether a deploy may proceed (compliance gates, freezes).
#[uniffi::export]
pub fn deploy_gate(policy: &Policy, request: DeployRequest) -> Result<DeployDecision, AvaloError> {
    guard(|| Ok(core::deploy_gate(policy, &request)?))
}

/// A secret's rotation status from when it was last rotated.
#[uniffi::export]
pub fn secret_rotation(policy: &Policy, rotated_at_ms: i64, now_ms: i64) -> Result<SecretStatus, AvaloError> {
    guard(|| Ok(core::secret_rotation(policy, rotated_at_ms, now_ms)?))
}

/// Whether a schema migration may run.
#[uniffi::export]
pub fn migration_permission(request: MigrationRequest) -> Result<MigrationDecision, AvaloError> {
    guard(|| Ok(core::migration_permission(&request)?))
}

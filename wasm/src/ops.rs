//! Facade of `core/src/ops`: incident triage and routing, release and deploy gates, secret
//! rotation, migrations and environments (SPEC §15).

use crate::convert::{from_js, list_from_js, list_to_js, millis, text, to_js, JsResult};
use crate::upload::millis_number;
use crate::Policy;
use avalo_core::ops as rules;
use avalo_core::ops::{
    DeployDecision, DeployRequest, Environment, GateCheck, GateFailure, IncidentSignal, MigrationDecision,
    MigrationRequest, OpsResult, ReleaseDecision, ReleaseGateRequest, Route, SecretStatus, Severity, Triage,
};
use js_sys::{JsString, Number};
use tsify::Ts;
use wasm_bindgen::prelude::*;

/// Triage of one operations result raised at `raisedAtMs` (SPEC §15.1): its signals, the
/// incident's severity and its route; `undefined` severity when nothing is wrong.
#[wasm_bindgen]
pub fn triage(
    policy: &Policy,
    result: Ts<OpsResult>,
    #[wasm_bindgen(js_name = raisedAtMs)] raised_at_ms: Number,
) -> JsResult<Ts<Triage>> {
    let t = rules::triage(policy.core(), &from_js(&result)?, millis(&raised_at_ms, "raisedAtMs")?)?;
    Ok(to_js(&t)?)
}

/// The incident signals one operations result raises (SPEC §15.1).
#[wasm_bindgen(js_name = signalsOf)]
pub fn signals_of(policy: &Policy, result: Ts<OpsResult>) -> JsResult<Vec<Ts<IncidentSignal>>> {
    Ok(list_to_js(&rules::signals_of(policy.core(), &from_js(&result)?))?)
}

/// The policy's severity of one signal (SPEC §15.1).
#[wasm_bindgen(js_name = severityOf)]
pub fn severity_of(policy: &Policy, signal: Ts<IncidentSignal>) -> JsResult<Ts<Severity>> {
    Ok(to_js(&rules::severity_of(policy.core(), from_js(&signal)?))?)
}

/// The highest severity among an incident's alerts; `undefined` for none.
#[wasm_bindgen(js_name = incidentSeverity)]
pub fn incident_severity(
    #[wasm_bindgen(unchecked_param_type = "Severity[]")] severities: JsValue,
) -> JsResult<Option<Ts<Severity>>> {
    let s: Vec<Severity> = list_from_js(&severities, "severities")?;
    Ok(rules::incident_severity(&s).map(|s| to_js(&s)).transpose()?)
}

/// Where an incident of `severity` raised at `raisedAtMs` goes and by when it must be
/// acknowledged (SPEC §15.1 routing).
#[wasm_bindgen]
pub fn route(
    policy: &Policy,
    severity: Ts<Severity>,
    #[wasm_bindgen(js_name = raisedAtMs)] raised_at_ms: Number,
) -> JsResult<Ts<Route>> {
    let r = rules::route(policy.core(), from_js(&severity)?, millis(&raised_at_ms, "raisedAtMs")?)?;
    Ok(to_js(&r)?)
}

/// 23:59:59.999 UTC of the first Monday–Friday date after the UTC date of `raisedAtMs`.
#[wasm_bindgen(js_name = endOfNextBusinessDay)]
pub fn end_of_next_business_day(#[wasm_bindgen(js_name = raisedAtMs)] raised_at_ms: Number) -> JsResult<f64> {
    let t = rules::end_of_next_business_day(millis(&raised_at_ms, "raisedAtMs")?)?;
    Ok(millis_number(t, "deadlineMs")?)
}

/// Parses an environment's wire name exactly (`development`, `staging`, `production`);
/// anything else is `INVALID_INPUT`.
#[wasm_bindgen(js_name = parseEnvironment)]
pub fn parse_environment(environment: JsString) -> JsResult<Ts<Environment>> {
    Ok(to_js(&Environment::parse(&text(&environment, "environment")?)?)?)
}

/// The staged-rollout decision for a release at its current stage (SPEC §15.3): advance,
/// hold or roll back, with the reasons.
#[wasm_bindgen(js_name = releaseGate)]
pub fn release_gate(policy: &Policy, request: Ts<ReleaseGateRequest>) -> JsResult<Ts<ReleaseDecision>> {
    Ok(to_js(&rules::release_gate(policy.core(), &from_js(&request)?)?)?)
}

/// Whether a deploy may go out (SPEC §15.4): every compliance gate and environment rule.
#[wasm_bindgen(js_name = deployGate)]
pub fn deploy_gate(policy: &Policy, request: Ts<DeployRequest>) -> JsResult<Ts<DeployDecision>> {
    Ok(to_js(&rules::deploy_gate(policy.core(), &from_js(&request)?)?)?)
}

/// The compliance gates among `checks` that fail (SPEC §15.4).
#[wasm_bindgen(js_name = failingGates)]
pub fn failing_gates(
    policy: &Policy,
    #[wasm_bindgen(unchecked_param_type = "GateCheck[]")] checks: JsValue,
) -> JsResult<Vec<Ts<GateFailure>>> {
    let checks: Vec<GateCheck> = list_from_js(&checks, "checks")?;
    Ok(list_to_js(&rules::failing_gates(policy.core(), &checks)?)?)
}

/// A secret's rotation status at `nowMs` given when it was last rotated (SPEC §15.4).
#[wasm_bindgen(js_name = secretRotation)]
pub fn secret_rotation(
    policy: &Policy,
    #[wasm_bindgen(js_name = rotatedAtMs)] rotated_at_ms: Number,
    #[wasm_bindgen(js_name = nowMs)] now_ms: Number,
) -> JsResult<Ts<SecretStatus>> {
    let s = rules::secret_rotation(policy.core(), millis(&rotated_at_ms, "rotatedAtMs")?, millis(&now_ms, "nowMs")?)?;
    Ok(to_js(&s)?)
}

/// Whether a schema migration may run, and how (SPEC §15.4).
#[wasm_bindgen(js_name = migrationPermission)]
pub fn migration_permission(request: Ts<MigrationRequest>) -> JsResult<Ts<MigrationDecision>> {
    Ok(to_js(&rules::migration_permission(&from_js(&request)?)?)?)
}

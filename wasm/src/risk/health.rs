//! Component health, launch readiness and alert thresholds (SPEC §8.5).

use crate::convert::{from_js, list_from_js, to_js, JsResult};
use crate::Policy;
use avalo_core::risk as rules;
use avalo_core::risk::{AlertMetrics, AlertReport, HealthReport, ReadinessReport};
use tsify::Ts;
use wasm_bindgen::prelude::*;

/// Rates the components (SPEC §8.5): DEGRADED when slower than 2 000 ms or self-reported,
/// DOWN when failed; overall = the worst. An empty list is `INVALID_INPUT`.
#[wasm_bindgen(js_name = componentHealth)]
pub fn component_health(
    policy: &Policy,
    #[wasm_bindgen(unchecked_param_type = "ComponentCheck[]")] checks: JsValue,
) -> JsResult<Ts<HealthReport>> {
    let checks: Vec<rules::ComponentCheck> = list_from_js(&checks, "checks")?;
    let checks: Vec<rules::ComponentCheck> = checks.into_iter().collect();
    let r = rules::component_health(policy.core(), &checks)?;
    Ok(to_js(&r)?)
}

/// Summarises launch readiness checks (SPEC §8.5): FAIL if any fails, else WARN if any
/// warns, else PASS; ready when nothing fails. An empty list is `INVALID_INPUT`.
#[wasm_bindgen(js_name = launchReadiness)]
pub fn launch_readiness(
    #[wasm_bindgen(unchecked_param_type = "ReadinessCheck[]")] checks: JsValue,
) -> JsResult<Ts<ReadinessReport>> {
    let checks: Vec<rules::ReadinessCheck> = list_from_js(&checks, "checks")?;
    let checks: Vec<rules::ReadinessCheck> = checks.into_iter().collect();
    let r = rules::launch_readiness(&checks)?;
    Ok(to_js(&r)?)
}

/// Evaluates the alert thresholds (SPEC §8.5). A part above its whole (errors above
/// requests, …) is `INVALID_INPUT`.
#[wasm_bindgen(js_name = checkAlerts)]
pub fn check_alerts(policy: &Policy, metrics: Ts<AlertMetrics>) -> JsResult<Ts<AlertReport>> {
    let r = rules::check_alerts(policy.core(), &from_js(&metrics)?)?;
    Ok(to_js(&r)?)
}

//! Native unit tests of `wasm/src/rollout.rs` (conversions and wire format), kept apart to keep the facade file short.

use super::*;
use avalo_core::Policy as CorePolicy;
use serde_json::Value;

use crate::test_support::same;

/// The inputs of every `rollout.json` vector case of one operation.
fn inputs(op: &str) -> Vec<Value> {
    crate::test_support::vector_inputs(include_str!("../../tests/vectors/rollout.json"), op)
}

/// Every vector input decodes through the mirror into exactly the core value, and every
/// result mirrors the core's wire format.
#[test]
fn mirrors_have_the_core_wire_format() {
    let p = CorePolicy::default();
    for i in inputs("check_country_cap") {
        let mirror: CapRequest = serde_json::from_value(i.clone()).unwrap();
        let core: rules::CapRequest = serde_json::from_value(i).unwrap();
        assert_eq!(rules::CapRequest::from(mirror), core);
        if let Ok(d) = rules::check_country_cap(&p, &core) {
            same(CapDecision::from(d.clone()), d);
        }
    }
    for i in inputs("progression_readiness") {
        let mirror: DayMetricsList = serde_json::from_value(i["days"].clone()).unwrap();
        let core: Vec<rules::DayMetrics> = serde_json::from_value(i["days"].clone()).unwrap();
        let converted: Vec<rules::DayMetrics> = mirror.0.into_iter().map(Into::into).collect();
        assert_eq!(converted, core);
        if let Ok(r) = rules::progression_readiness(&p, &core, i["now_ms"].as_i64().unwrap()) {
            same(ProgressionReport::from(r.clone()), r);
        }
    }
    for i in inputs("effective_caps") {
        let phase: RolloutPhase = serde_json::from_value(i["phase"].clone()).unwrap();
        let caps = rules::effective_caps(&p, phase.into(), &Default::default());
        same(PhaseCaps::from(caps), caps);
    }
}

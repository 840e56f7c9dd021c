//! Native unit tests of `wasm/src/risk/health.rs` (conversions and wire format), kept apart to keep the facade file short.

use super::*;
use avalo_core::Policy as CorePolicy;
use serde_json::Value;

use crate::test_support::same;

/// The inputs of every `risk.json` vector case of one operation.
fn inputs(op: &str) -> Vec<Value> {
    crate::test_support::vector_inputs(include_str!("../../../tests/vectors/risk.json"), op)
}

/// Every vector input decodes through the mirror into exactly the core value, and every
/// result mirrors the core's wire format.
#[test]
fn mirrors_have_the_core_wire_format() {
    let p = CorePolicy::default();
    for i in inputs("check_alerts") {
        let mirror: AlertMetrics = serde_json::from_value(i.clone()).unwrap();
        let core: rules::AlertMetrics = serde_json::from_value(i).unwrap();
        assert_eq!(rules::AlertMetrics::from(mirror), core);
        if let Ok(r) = rules::check_alerts(&p, &core) {
            same(AlertReport::from(r.clone()), r);
        }
    }
    for i in inputs("component_health") {
        let ComponentChecks(mirror) = serde_json::from_value(i["checks"].clone()).unwrap();
        let core: Vec<rules::ComponentCheck> = serde_json::from_value(i["checks"].clone()).unwrap();
        assert_eq!(mirror.into_iter().map(rules::ComponentCheck::from).collect::<Vec<_>>(), core);
        if let Ok(r) = rules::component_health(&p, &core) {
            same(HealthReport::from(r.clone()), r);
        }
    }
    for i in inputs("launch_readiness") {
        let ReadinessChecks(mirror) = serde_json::from_value(i["checks"].clone()).unwrap();
        let core: Vec<rules::ReadinessCheck> = serde_json::from_value(i["checks"].clone()).unwrap();
        assert_eq!(mirror.into_iter().map(rules::ReadinessCheck::from).collect::<Vec<_>>(), core);
        if let Ok(r) = rules::launch_readiness(&core) {
            same(ReadinessReport::from(r.clone()), r);
        }
    }
}

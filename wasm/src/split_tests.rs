//! Native unit tests of `wasm/src/split.rs` (conversions and wire format), kept apart to keep the facade file short.

use super::*;
use avalo_core::Policy as CorePolicy;

#[test]
fn mirrors_have_the_core_wire_format() {
    let p = CorePolicy::default();
    for name in ["chat", "gated_content", "paid_media", "tip", "ai_companion"] {
        let mirror: RevenueStream = serde_json::from_value(name.into()).unwrap();
        let s = rules::split_revenue(&p, mirror.into(), 101);
        assert_eq!(serde_json::to_value(RevenueSplit::from(s.clone())).unwrap(), serde_json::to_value(s).unwrap());
    }
    let b = rules::split_cumulative_batch(&p, rules::RevenueStream::Chat, Default::default(), &[1, 2, 3]).unwrap();
    assert_eq!(serde_json::to_value(CumulativeBatch::from(b.clone())).unwrap(), serde_json::to_value(b).unwrap());
    let r = rules::referral_reward(&p, true, 0);
    assert_eq!(serde_json::to_value(ReferralReward::from(r)).unwrap(), serde_json::to_value(r).unwrap());
}

import AvaloCore

/// Vector ops of core/src/royal.rs (SPEC §7.3).
enum RoyalOps {
    static func register(_ r: Registry) {
        r.op("royal_status") { p, i in
            let buckets = i.has("buckets") ? try i.objs("buckets").map { SpendBucket(day: try $0.i64("day"), tokens: try $0.u64("tokens")) } : []
            let sub = try i.optObj("subscription").map {
                RoyalSubscription(tier: try $0.enumValue("tier", RoyalTier.self), activeUntilMs: try $0.i64("active_until_ms"))
            }
            return try royalStatus(policy: p, buckets: buckets, subscription: sub, nowMs: try i.i64("now_ms")).json
        }
        r.op("tier_for_spend") { p, i in obj(["tier": try tierForSpend(policy: p, spent: try i.u64("spent"))]) }
    }
}

extension RoyalTier: SnakeCaseEnum {}

extension RoyalStatus: JSONValue {
    var json: JSON {
        obj(["tier": tier, "spend_tier": spendTier, "subscription_floor": subscriptionFloor, "spent_in_window": spentInWindow,
             "window_start_day": windowStartDay, "window_end_day": windowEndDay, "next_tier": nextTier,
             "tokens_to_next_tier": tokensToNextTier, "leaving_window_tomorrow": leavingWindowTomorrow,
             "policy_fingerprint": policyFingerprint])
    }
}

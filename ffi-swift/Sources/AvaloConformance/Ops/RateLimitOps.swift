import AvaloCore

/// Vector ops of core/src/ratelimit/.
enum RateLimitOps {
    static func register(_ r: Registry) {
        func limit(_ i: Input) throws -> LimitSpec {
            let l = try i.obj("limit")
            return LimitSpec(limit: try l.u32("limit"), windowMs: try l.u64("window_ms"), burst: try l.u32("burst"))
        }
        r.op("rate_limit") { _, i in try rateLimit(limit: try limit(i)).json }
        r.op("decide") { _, i in
            try decide(limit: try limit(i), state: try i.i64("state"), nowMs: try i.i64("now_ms"), cost: try i.u32("cost")).json
        }
        r.op("decide_sequence") { _, i in
            let requests = try i.objs("requests").map { LimitRequest(nowMs: try $0.i64("now_ms"), cost: try $0.u32("cost")) }
            return try decideSequence(limit: try limit(i), state: try i.i64("state"), requests: requests).json
        }
        r.op("decide_batch") { _, i in
            let items = try i.objs("items").map {
                LimitBatchItem(state: try $0.i64("state"), nowMs: try $0.i64("now_ms"), cost: try $0.u32("cost"))
            }
            return obj(["decisions": try decideBatch(limit: try limit(i), items: items)])
        }
        r.op("decide_action") { p, i in
            try decideAction(policy: p, action: try i.str("action"), tier: try i.enumValue("tier", SubscriptionTier.self),
                             state: try i.i64("state"), nowMs: try i.i64("now_ms"), cost: try i.u32("cost")).json
        }
        r.op("action_limit") { p, i in
            try actionLimit(policy: p, action: try i.str("action"), tier: try i.enumValue("tier", SubscriptionTier.self)).json
        }
        r.op("list_actions") { p, i in
            obj(["actions": try listActions(policy: p, tier: try i.enumValue("tier", SubscriptionTier.self))])
        }
        r.op("failure_policy") { p, i in obj(["on_failure": try failurePolicy(policy: p, action: try i.str("action"))]) }
        r.op("validate_subject") { _, i in
            try validateSubject(key: try i.str("key"))
            return obj(["valid": true])
        }
        r.op("hash_subject") { _, i in obj(["key": try hashSubject(raw: try i.str("raw"))]) }
    }
}

extension FailurePolicy: SnakeCaseEnum {}

extension RateLimit: JSONValue {
    var json: JSON {
        obj(["limit": limit, "window_ms": windowMs, "burst": burst, "ticks_per_ms": ticksPerMs,
             "interval_ticks": intervalTicks, "capacity_ticks": capacityTicks])
    }
}

extension LimitDecision: JSONValue {
    var json: JSON { obj(["allowed": allowed, "remaining": remaining, "retry_after_ms": retryAfterMs, "new_state": newState]) }
}

extension LimitSequence: JSONValue {
    var json: JSON { obj(["decisions": decisions, "admitted": admitted, "state": state]) }
}

extension ActionLimit: JSONValue {
    var json: JSON { obj(["action": action, "tier_multiplier": tierMultiplier, "on_failure": onFailure, "rate": rate]) }
}

import AvaloCore

/// Vector ops of core/src/rollout.rs.
enum RolloutOps {
    static func register(_ r: Registry) {
        r.op("check_country_cap") { p, i in try checkCountryCap(policy: p, request: try CapRequest(i)).json }
        r.op("effective_caps") { p, i in try effectiveCaps(policy: p, phase: try i.enumValue("phase", RolloutPhase.self), overrides: try i.optObj("overrides").map { try CapOverrides($0) } ?? CapOverrides()).json }
        r.op("progression_readiness") { p, i in try progressionReadiness(policy: p, days: try i.objs("days").map { try DayMetrics($0) }, nowMs: try i.i64("now_ms")).json }
        r.op("next_market") { p, i in obj(["country": try nextMarket(policy: p, launched: try i.strs("launched"))]) }
    }
}

extension RolloutPhase: SnakeCaseEnum {}

extension CapKind: SnakeCaseEnum {}

extension PhaseCaps: JSONValue {
    var json: JSON { obj(["users": users, "payments": payments, "creators": creators]) }
}

extension CapOverrides {
    /// Decodes the vector's JSON object (serde field names).
    init(_ i: Input) throws {
        self.init(users: try i.optU64("users"),
                  payments: try i.optU64("payments"),
                  creators: try i.optU64("creators"))
    }
}

extension CapRequest {
    /// Decodes the vector's JSON object (serde field names).
    init(_ i: Input) throws {
        self.init(phase: try i.optEnum("phase", RolloutPhase.self),
                  overrides: try i.optObj("overrides").map { try CapOverrides($0) } ?? CapOverrides(),
                  kind: try i.enumValue("kind", CapKind.self),
                  counter: try DailyCounter(try i.obj("counter")),
                  nowMs: try i.i64("now_ms"))
    }
}

extension CapDecision: JSONValue {
    var json: JSON { obj(["controlled": controlled, "cap": cap, "counter": counter, "remaining": remaining]) }
}

extension DayMetrics {
    /// Decodes the vector's JSON object (serde field names).
    init(_ i: Input) throws {
        self.init(date: try i.str("date"),
                  activeUsers: try i.u64("active_users"),
                  revenueMinor: try i.u64("revenue_minor"),
                  safetyIncidents: try i.u64("safety_incidents"),
                  installs: try i.u64("installs"),
                  verified: try i.u64("verified"))
    }
}

extension ProgressionCriterion: SnakeCaseEnum {}

extension ProgressionFailure: JSONValue {
    var json: JSON { obj(["date": date, "criterion": criterion, "actual": actual, "threshold": threshold]) }
}

extension ProgressionReport: JSONValue {
    var json: JSON {
        obj([
            "recommended": recommended,
            "window_start": windowStart,
            "window_end": windowEnd,
            "failures": failures,
            "policy_fingerprint": policyFingerprint,
        ])
    }
}

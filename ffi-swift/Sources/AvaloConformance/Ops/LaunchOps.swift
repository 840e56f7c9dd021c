import AvaloCore

/// Vector ops of core/src/launch.rs.
enum LaunchOps {
    static func register(_ r: Registry) {
        r.op("check_signup") { p, i in try checkSignup(policy: p, request: try SignupRequest(i)).json }
        r.op("check_mode_change") { p, i in try checkModeChange(policy: p, request: try ModeChangeRequest(i)).json }
        r.op("mode_rules") { p, i in try modeRules(policy: p, mode: try i.enumValue("mode", LaunchMode.self)).json }
        r.op("normalize_country") { _, i in obj(["country": try normalizeCountry(country: try i.str("country"))]) }
    }
}

extension LaunchMode: SnakeCaseEnum {}

extension Registration: SnakeCaseEnum {}

extension ModeRule: JSONValue {
    var json: JSON { obj(["registration": registration, "countries": countries, "daily_cap": dailyCap]) }
}

extension InviteRecord {
    /// Decodes the vector's JSON object (serde field names).
    init(_ i: Input) throws {
        self.init(code: try i.str("code"),
                  usedCount: try i.u64("used_count"),
                  maxUses: try i.u64("max_uses"))
    }
}

extension DailyCounter {
    /// Decodes the vector's JSON object (serde field names).
    init(_ i: Input) throws {
        self.init(count: try i.u64("count"),
                  updatedAtMs: try i.i64("updated_at_ms"))
    }
}

extension DailyCounter: JSONValue {
    var json: JSON { obj(["count": count, "updated_at_ms": updatedAtMs]) }
}

extension SignupRequest {
    /// Decodes the vector's JSON object (serde field names).
    init(_ i: Input) throws {
        self.init(mode: try i.enumValue("mode", LaunchMode.self),
                  birthDate: try i.str("birth_date"),
                  country: try i.str("country"),
                  onAllowlist: try i.optBool("on_allowlist"),
                  inviteCode: try i.optStr("invite_code"),
                  invite: try i.optObj("invite").map { try InviteRecord($0) },
                  signupsToday: try DailyCounter(try i.obj("signups_today")),
                  nowMs: try i.i64("now_ms"))
    }
}

extension SignupDecision: JSONValue {
    var json: JSON {
        obj([
            "mode": mode,
            "country": country,
            "age_years": ageYears,
            "signups_today": signupsToday,
            "invite_used_count": inviteUsedCount,
            "policy_fingerprint": policyFingerprint,
        ])
    }
}

extension ModeChangeRequest {
    /// Decodes the vector's JSON object (serde field names).
    init(_ i: Input) throws {
        self.init(from: try i.enumValue("from", LaunchMode.self),
                  to: try i.enumValue("to", LaunchMode.self),
                  reason: try i.str("reason"))
    }
}

extension ModeChange: JSONValue {
    var json: JSON { obj(["from": from, "to": to, "reason": reason, "policy_fingerprint": policyFingerprint]) }
}

/// Input accessors for optionals and lists used by the launch, rollout, risk and flags ops
/// (`strs`, `optBool`, `optI64`, `optEnum` are shared with the upload ops).
extension Input {
    func optStrs(_ key: String) throws -> [String]? { has(key) ? try strs(key) : nil }
    func optEnums<E: CaseIterable>(_ key: String, _ type: E.Type) throws -> [E]? {
        guard has(key) else { return nil }
        return try strs(key).map { s in
            guard let v = E.allCases.first(where: { snakeCase("\($0)") == s }) else {
                throw RunnerError.badVector("field \(key): \(s) is not a \(E.self)")
            }
            return v
        }
    }
}

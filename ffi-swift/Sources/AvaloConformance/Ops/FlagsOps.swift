import AvaloCore

/// Vector ops of core/src/flags.rs.
enum FlagsOps {
    static func register(_ r: Registry) {
        r.op("flag_bucket") { _, i in obj(["bucket": try flagBucket(flag: try i.str("flag"), userId: try i.str("user_id"))]) }
        r.op("evaluate_flag") { p, i in try evaluateFlag(policy: p, killedGroups: try (i.has("killed_groups") ? i.strs("killed_groups") : []), flag: try FlagDefinition(try i.obj("flag")), context: try FlagContext(try i.obj("context"))).json }
        r.op("evaluate_flags") { p, i in try evaluateFlags(policy: p, set: try FlagSet(try i.obj("set")), context: try FlagContext(try i.obj("context"))).json }
    }
}

extension Platform: SnakeCaseEnum {}

extension FlagDefinition {
    /// Decodes the vector's JSON object (serde field names).
    init(_ i: Input) throws {
        self.init(name: try i.str("name"),
                  enabled: try i.bool("enabled"),
                  killSwitch: try i.optBool("kill_switch") ?? false,
                  startsAtMs: try i.optI64("starts_at_ms"),
                  endsAtMs: try i.optI64("ends_at_ms"),
                  regions: try i.optStrs("regions"),
                  platforms: try i.optEnums("platforms", Platform.self),
                  blockedUsers: try (i.has("blocked_users") ? i.strs("blocked_users") : []),
                  allowedUsers: try (i.has("allowed_users") ? i.strs("allowed_users") : []),
                  rolloutBp: try i.u32("rollout_bp"))
    }
}

extension FlagContext {
    /// Decodes the vector's JSON object (serde field names).
    init(_ i: Input) throws {
        self.init(userId: try i.str("user_id"),
                  region: try i.optStr("region"),
                  platform: try i.optEnum("platform", Platform.self),
                  nowMs: try i.i64("now_ms"))
    }
}

extension FlagRule: SnakeCaseEnum {}

extension FlagDecision: JSONValue {
    var json: JSON { obj(["flag": flag, "on": on, "rule": rule, "bucket": bucket]) }
}

extension FlagSet {
    /// Decodes the vector's JSON object (serde field names).
    init(_ i: Input) throws {
        self.init(killedGroups: try (i.has("killed_groups") ? i.strs("killed_groups") : []),
                  flags: try i.objs("flags").map { try FlagDefinition($0) })
    }
}

extension FlagEvaluation: JSONValue {
    var json: JSON { obj(["decisions": decisions, "policy_fingerprint": policyFingerprint]) }
}

import AvaloCore

/// Vector ops of core/src/spam.rs (SPEC §4.8).
enum SpamOps {
    static func register(_ r: Registry) {
        r.op("check_spam") { p, i in
            let recent = try (i.optObjs("recent") ?? []).map {
                RecentMessage(text: try $0.str("text"), sentAtMs: try $0.i64("sent_at_ms"))
            }
            return try checkSpam(policy: p, text: try i.str("text"), recent: recent, nowMs: try i.i64("now_ms")).json
        }
    }
}

extension SpamRule: SnakeCaseEnum {}

extension SpamVerdict: JSONValue {
    var json: JSON {
        obj(["allowed": allowed, "rule": rule, "code": code.map { $0.asStr() }, "reason": reason,
             "policy_fingerprint": policyFingerprint])
    }
}

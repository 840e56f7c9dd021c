import AvaloCore

/// Vector ops of core/src/policy.rs.
enum PolicyOps {
    static func register(_ r: Registry) {
        r.op("policy_info") { p, _ in obj(["version": p.version(), "fingerprint": p.fingerprint()]) }
        r.op("load_policy") { _, i in
            let p = try Policy.fromJson(json: try i.str("json"))
            return obj(["version": p.version(), "fingerprint": p.fingerprint()])
        }
        r.op("policy_problems") { _, i in obj(["problems": try policyProblems(json: try i.str("json"))]) }
    }
}

extension PolicyProblem: JSONValue {
    var json: JSON { obj(["path": path, "problem": problem]) }
}

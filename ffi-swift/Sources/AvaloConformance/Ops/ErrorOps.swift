import AvaloCore

/// Vector ops of core/src/error.rs.
enum ErrorOps {
    static func register(_ r: Registry) {
        r.op("error_info") { _, i in
            let info = try errorInfo(code: try parseErrorCode(code: try i.str("code")))
            return obj(["code": info.code.asStr(), "message": info.message, "retry_strategy": info.retryStrategy])
        }
        r.op("retry_delay") { p, i in
            try retryDelay(policy: p, code: try parseErrorCode(code: try i.str("code")), attempt: try i.u32("attempt"),
                           jitterPpm: try i.u32("jitter_ppm"), retryAfterMs: try i.optU64("retry_after_ms")).json
        }
    }
}

extension RetryStrategy: SnakeCaseEnum {}

/// serde form of RetryDecision: internally tagged by `kind`.
extension RetryDecision: JSONValue {
    var json: JSON {
        switch self {
        case .retryAfter(let delayMs): return obj(["kind": "retry_after", "delay_ms": delayMs])
        case .giveUp: return obj(["kind": "give_up"])
        case .doNotRetry: return obj(["kind": "do_not_retry"])
        }
    }
}

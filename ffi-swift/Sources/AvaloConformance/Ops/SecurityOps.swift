import AvaloCore

/// Vector ops of core/src/security/.
enum SecurityOps {
    static func register(_ r: Registry) {
        r.op("canonical_request") { _, i in
            obj(["canonical": try canonicalRequest(timestamp: try i.str("timestamp"), method: try i.str("method"),
                                                   pathAndQuery: try i.str("path_and_query"), body: try i.bytes("body"))])
        }
        r.op("sign_request") { _, i in
            let s = try signRequest(secret: try i.bytes("secret"), timestampMs: try i.i64("timestamp_ms"), method: try i.str("method"),
                                    pathAndQuery: try i.str("path_and_query"), body: try i.bytes("body"))
            return obj(["timestamp": s.timestamp, "signature": s.signature])
        }
        r.op("verify_request") { p, i in
            try verifyRequest(policy: p, secret: try i.bytes("secret"), timestamp: try i.optStr("timestamp"),
                              signature: try i.optStr("signature"), method: try i.str("method"),
                              pathAndQuery: try i.str("path_and_query"), body: try i.bytes("body"), nowMs: try i.i64("now_ms")).json
        }
        r.op("check_request_signature") { p, i in
            try checkRequestSignature(policy: p, secret: try i.bytes("secret"), timestamp: try i.optStr("timestamp"),
                                      signature: try i.optStr("signature"), method: try i.str("method"),
                                      pathAndQuery: try i.str("path_and_query"), body: try i.bytes("body"),
                                      nowMs: try i.i64("now_ms")).json
        }
        r.op("canonical_url") { _, i in
            obj(["canonical": try canonicalUrl(method: try i.str("method"), path: try i.str("path"), expiresAtMs: try i.i64("expires_at_ms"),
                                               contentType: try i.optStr("content_type"), maxBytes: try i.optU64("max_bytes"))])
        }
        r.op("sign_url") { _, i in
            obj(["url": try signUrl(secret: try i.bytes("secret"), method: try i.str("method"), path: try i.str("path"),
                                    expiresAtMs: try i.i64("expires_at_ms"), contentType: try i.optStr("content_type"),
                                    maxBytes: try i.optU64("max_bytes"))])
        }
        r.op("verify_url") { _, i in
            try verifyUrl(secret: try i.bytes("secret"), method: try i.str("method"), url: try i.str("url"), nowMs: try i.i64("now_ms"),
                          contentType: try i.optStr("content_type"), sizeBytes: try i.optU64("size_bytes")).json
        }
        r.op("url_expiry") { p, i in
            obj(["expires_at_ms": try urlExpiry(policy: p, purpose: try i.enumValue("purpose", UrlPurpose.self), nowMs: try i.i64("now_ms"))])
        }
        r.op("encode_url_path") { _, i in obj(["path": try encodeUrlPath(raw: try i.str("raw"))]) }
        r.op("normalise_origin") { _, i in obj(["origin": try normaliseOrigin(origin: try i.str("origin"))]) }
        r.op("check_origin") { p, i in
            let m = try checkOrigin(policy: p, origin: try i.optStr("origin"), profile: try i.enumValue("profile", OriginProfile.self))
            return obj(["origin": m.origin, "matched": m.matched])
        }
        r.op("check_session_freshness") { p, i in
            let a = try checkSessionFreshness(policy: p, authTimeMs: try i.i64("auth_time_ms"), nowMs: try i.i64("now_ms"))
            return obj(["age_ms": a.ageMs, "max_age_ms": a.maxAgeMs])
        }
    }
}

extension VerifiedRequest: JSONValue {
    var json: JSON { obj(["timestamp_ms": timestampMs, "skew_ms": skewMs]) }
}

/// serde form of SignatureError: internally tagged by `kind`.
extension SignatureFailure: JSONValue {
    var json: JSON {
        switch self {
        case .missing: return obj(["kind": "missing"])
        case .malformedTimestamp: return obj(["kind": "malformed_timestamp"])
        case .malformedSignature: return obj(["kind": "malformed_signature"])
        case .expired(let skewMs): return obj(["kind": "expired", "skew_ms": skewMs])
        case .mismatch: return obj(["kind": "mismatch"])
        }
    }
}

/// serde form of SignatureCheck: externally tagged, `{"ok": …}` or `{"error": …}`.
extension SignatureCheck: JSONValue {
    var json: JSON {
        switch self {
        case .valid(let request): return obj(["ok": request])
        case .refused(let failure): return obj(["error": failure])
        }
    }
}

extension UrlGrant: JSONValue {
    var json: JSON {
        obj(["path": path, "method": method, "expires_at_ms": expiresAtMs, "content_type": contentType, "max_bytes": maxBytes])
    }
}

package com.avalo.conformance.ops

import com.avalo.conformance.BadVector
import com.avalo.conformance.Input
import com.avalo.conformance.OpModule
import com.avalo.conformance.obj
import com.avalo.core.types.OriginMatch
import com.avalo.core.types.OriginProfile
import com.avalo.core.types.Policy
import com.avalo.core.types.SessionAge
import com.avalo.core.types.SignatureCheck
import com.avalo.core.types.SignatureFailure
import com.avalo.core.types.UrlGrant
import com.avalo.core.types.UrlPurpose
import com.avalo.core.types.VerifiedRequest
import com.avalo.core.canonicalRequest
import com.avalo.core.canonicalUrl
import com.avalo.core.checkOrigin
import com.avalo.core.checkRequestSignature
import com.avalo.core.checkSessionFreshness
import com.avalo.core.encodeUrlPath
import com.avalo.core.normaliseOrigin
import com.avalo.core.signRequest
import com.avalo.core.signUrl
import com.avalo.core.urlExpiry
import com.avalo.core.verifyRequest
import com.avalo.core.verifyUrl

/** Vector ops of core/src/security/. */
object SecurityOps : OpModule() {
    init {
        op("canonical_request") { _: Policy, i: Input ->
            obj("canonical" to canonicalRequest(i.str("timestamp"), i.str("method"), i.str("path_and_query"), i.bytes("body")))
        }
        op("sign_request") { _, i ->
            signRequest(i.bytes("secret"), i.long("timestamp_ms"), i.str("method"), i.str("path_and_query"), i.bytes("body"))
                .let { obj("timestamp" to it.timestamp, "signature" to it.signature) }
        }
        op("verify_request") { p, i ->
            verifyRequest(p, i.bytes("secret"), i.optStr("timestamp"), i.optStr("signature"), i.str("method"), i.str("path_and_query"),
                i.bytes("body"), i.long("now_ms")).json()
        }
        op("check_request_signature") { p, i ->
            checkRequestSignature(p, i.bytes("secret"), i.optStr("timestamp"), i.optStr("signature"), i.str("method"),
                i.str("path_and_query"), i.bytes("body"), i.long("now_ms")).json()
        }
        op("canonical_url") { _, i ->
            obj("canonical" to canonicalUrl(i.str("method"), i.str("path"), i.long("expires_at_ms"), i.optStr("content_type"), i.optULong("max_bytes")))
        }
        op("sign_url") { _, i ->
            obj("url" to signUrl(i.bytes("secret"), i.str("method"), i.str("path"), i.long("expires_at_ms"), i.optStr("content_type"), i.optULong("max_bytes")))
        }
        op("verify_url") { _, i ->
            verifyUrl(i.bytes("secret"), i.str("method"), i.str("url"), i.long("now_ms"), i.optStr("content_type"), i.optULong("size_bytes")).json()
        }
        op("url_expiry") { p, i -> obj("expires_at_ms" to urlExpiry(p, i.enum<UrlPurpose>("purpose"), i.long("now_ms"))) }
        op("encode_url_path") { _, i -> obj("path" to encodeUrlPath(i.str("raw"))) }
        op("normalise_origin") { _, i -> obj("origin" to normaliseOrigin(i.str("origin"))) }
        op("check_origin") { p, i -> checkOrigin(p, i.optStr("origin"), i.enum<OriginProfile>("profile")).json() }
        op("check_session_freshness") { p, i -> checkSessionFreshness(p, i.long("auth_time_ms"), i.long("now_ms")).json() }
    }
}

fun VerifiedRequest.json() = obj("timestamp_ms" to timestampMs, "skew_ms" to skewMs)

/** serde form of SignatureError: internally tagged by `kind`. */
fun SignatureFailure.json() = when (this) {
    SignatureFailure.Missing -> obj("kind" to "missing")
    SignatureFailure.MalformedTimestamp -> obj("kind" to "malformed_timestamp")
    SignatureFailure.MalformedSignature -> obj("kind" to "malformed_signature")
    is SignatureFailure.Expired -> obj("kind" to "expired", "skew_ms" to skewMs)
    SignatureFailure.Mismatch -> obj("kind" to "mismatch")
}

/** serde form of SignatureCheck: externally tagged, `{"ok": …}` or `{"error": …}`. */
fun SignatureCheck.json() = when (this) {
    is SignatureCheck.Valid -> obj("ok" to request.json())
    is SignatureCheck.Refused -> obj("error" to failure.json())
}

fun UrlGrant.json() = obj(
    "path" to path, "method" to method, "expires_at_ms" to expiresAtMs, "content_type" to contentType, "max_bytes" to maxBytes,
)

fun OriginMatch.json() = obj("origin" to origin, "matched" to matched)

fun SessionAge.json() = obj("age_ms" to ageMs, "max_age_ms" to maxAgeMs)

package com.avalo.conformance.ops

import com.avalo.conformance.Input
import com.avalo.conformance.OpModule
import com.avalo.conformance.obj
import com.avalo.core.types.Policy
import com.avalo.core.types.RetryDecision
import com.avalo.core.errorInfo
import com.avalo.core.parseErrorCode
import com.avalo.core.retryDelay

/** Vector ops of core/src/error.rs. */
object ErrorOps : OpModule() {
    init {
        op("error_info") { _: Policy, i: Input ->
            errorInfo(parseErrorCode(i.str("code"))).let {
                obj("code" to it.code.asStr(), "message" to it.message, "retry_strategy" to it.retryStrategy)
            }
        }
        op("retry_delay") { p, i ->
            retryDelay(p, parseErrorCode(i.str("code")), i.uint("attempt"), i.uint("jitter_ppm"), i.optULong("retry_after_ms")).json()
        }
    }
}

/** serde form of RetryDecision: internally tagged by `kind`. */
fun RetryDecision.json() = when (this) {
    is RetryDecision.RetryAfter -> obj("kind" to "retry_after", "delay_ms" to delayMs)
    RetryDecision.GiveUp -> obj("kind" to "give_up")
    RetryDecision.DoNotRetry -> obj("kind" to "do_not_retry")
}

package com.avalo.conformance.ops

import com.avalo.conformance.Input
import com.avalo.conformance.OpModule
import com.avalo.conformance.obj
import com.avalo.core.types.ActionLimit
import com.avalo.core.types.LimitBatchItem
import com.avalo.core.types.LimitDecision
import com.avalo.core.types.LimitRequest
import com.avalo.core.types.LimitSequence
import com.avalo.core.types.LimitSpec
import com.avalo.core.types.Policy
import com.avalo.core.types.RateLimit
import com.avalo.core.types.SubscriptionTier
import com.avalo.core.actionLimit
import com.avalo.core.decide
import com.avalo.core.decideAction
import com.avalo.core.decideBatch
import com.avalo.core.decideSequence
import com.avalo.core.failurePolicy
import com.avalo.core.hashSubject
import com.avalo.core.listActions
import com.avalo.core.rateLimit
import com.avalo.core.validateSubject

/** Vector ops of core/src/ratelimit/. */
object RateLimitOps : OpModule() {
    private fun Input.limit(): LimitSpec = obj("limit").let { LimitSpec(it.uint("limit"), it.ulong("window_ms"), it.uint("burst")) }

    init {
        op("rate_limit") { _: Policy, i: Input -> rateLimit(i.limit()).json() }
        op("decide") { _, i -> decide(i.limit(), i.long("state"), i.long("now_ms"), i.uint("cost")).json() }
        op("decide_sequence") { _, i ->
            val requests = i.objs("requests").map { LimitRequest(it.long("now_ms"), it.uint("cost")) }
            decideSequence(i.limit(), i.long("state"), requests).json()
        }
        op("decide_batch") { _, i ->
            val items = i.objs("items").map { LimitBatchItem(it.long("state"), it.long("now_ms"), it.uint("cost")) }
            obj("decisions" to decideBatch(i.limit(), items).map { it.json() })
        }
        op("decide_action") { p, i ->
            decideAction(p, i.str("action"), i.enum<SubscriptionTier>("tier"), i.long("state"), i.long("now_ms"), i.uint("cost")).json()
        }
        op("action_limit") { p, i -> actionLimit(p, i.str("action"), i.enum<SubscriptionTier>("tier")).json() }
        op("list_actions") { p, i -> obj("actions" to listActions(p, i.enum<SubscriptionTier>("tier")).map { it.json() }) }
        op("failure_policy") { p, i -> obj("on_failure" to failurePolicy(p, i.str("action"))) }
        op("validate_subject") { _, i ->
            validateSubject(i.str("key"))
            obj("valid" to true)
        }
        op("hash_subject") { _, i -> obj("key" to hashSubject(i.str("raw"))) }
    }
}

fun RateLimit.json() = obj(
    "limit" to limit, "window_ms" to windowMs, "burst" to burst, "ticks_per_ms" to ticksPerMs,
    "interval_ticks" to intervalTicks, "capacity_ticks" to capacityTicks,
)

fun LimitDecision.json() = obj("allowed" to allowed, "remaining" to remaining, "retry_after_ms" to retryAfterMs, "new_state" to newState)

fun LimitSequence.json() = obj("decisions" to decisions.map { it.json() }, "admitted" to admitted, "state" to state)

fun ActionLimit.json() = obj("action" to action, "tier_multiplier" to tierMultiplier, "on_failure" to onFailure, "rate" to rate.json())

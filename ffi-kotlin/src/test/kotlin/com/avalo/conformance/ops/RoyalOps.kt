package com.avalo.conformance.ops

import com.avalo.conformance.OpModule
import com.avalo.conformance.obj
import com.avalo.core.types.RoyalStatus
import com.avalo.core.types.RoyalSubscription
import com.avalo.core.types.RoyalTier
import com.avalo.core.types.SpendBucket
import com.avalo.core.royalStatus
import com.avalo.core.tierForSpend

/** Vector ops of core/src/royal.rs (SPEC §7.3). */
object RoyalOps : OpModule() {
    init {
        op("royal_status") { p, i ->
            val buckets = if (i.has("buckets")) i.objs("buckets").map { SpendBucket(it.long("day"), it.ulong("tokens")) } else listOf()
            val sub = i.optObj("subscription")?.let { RoyalSubscription(it.enum<RoyalTier>("tier"), it.long("active_until_ms")) }
            royalStatus(p, buckets, sub, i.long("now_ms")).json()
        }
        op("tier_for_spend") { p, i -> obj("tier" to tierForSpend(p, i.ulong("spent"))) }
    }
}

fun RoyalStatus.json() = obj(
    "tier" to tier, "spend_tier" to spendTier, "subscription_floor" to subscriptionFloor,
    "spent_in_window" to spentInWindow, "window_start_day" to windowStartDay, "window_end_day" to windowEndDay,
    "next_tier" to nextTier, "tokens_to_next_tier" to tokensToNextTier,
    "leaving_window_tomorrow" to leavingWindowTomorrow, "policy_fingerprint" to policyFingerprint,
)

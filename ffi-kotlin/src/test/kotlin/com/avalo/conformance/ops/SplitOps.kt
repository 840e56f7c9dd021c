package com.avalo.conformance.ops

import com.avalo.conformance.Input
import com.avalo.conformance.OpModule
import com.avalo.conformance.obj
import com.avalo.core.types.CumulativeBatch
import com.avalo.core.types.CumulativeSplit
import com.avalo.core.types.Policy
import com.avalo.core.types.RevenueSplit
import com.avalo.core.types.RevenueStream
import com.avalo.core.types.Split
import com.avalo.core.referralReward
import com.avalo.core.registerReferral
import com.avalo.core.splitAmount
import com.avalo.core.splitCumulativeBatch
import com.avalo.core.splitRevenue
import com.avalo.core.splitTip
import com.avalo.core.splitUnlock

/** Vector ops of core/src/split.rs. */
object SplitOps : OpModule() {
    init {
        op("split_amount") { _: Policy, i: Input -> splitAmount(i.ulong("amount"), i.uint("creator_bp")).json() }
        op("split_revenue") { p, i -> splitRevenue(p, i.enum<RevenueStream>("stream"), i.ulong("amount")).json() }
        op("split_cumulative_batch") { p, i ->
            val state = i.optObj("state")?.let { CumulativeSplit(it.ulong("total"), it.ulong("creator_total")) }
                ?: CumulativeSplit(0UL, 0UL)
            splitCumulativeBatch(p, i.enum<RevenueStream>("stream"), state, i.ulongs("amounts")).json()
        }
        op("split_tip") { p, i -> splitTip(p, i.str("payer_id"), i.str("creator_id"), i.ulong("amount")).json() }
        op("split_unlock") { p, i ->
            splitUnlock(p, i.enum<RevenueStream>("stream"), i.str("payer_id"), i.str("creator_id"), i.optULong("price")).json()
        }
        op("register_referral") { _, i ->
            obj("referrer_id" to registerReferral(i.str("referrer_id"), i.str("referred_id"), i.optStr("existing_referrer")))
        }
        op("referral_reward") { p, i ->
            referralReward(p, i.bool("has_referrer"), i.ulong("purchases_before"))
                .let { obj("referrer_tokens" to it.referrerTokens, "referred_tokens" to it.referredTokens) }
        }
    }
}

fun Split.json() = obj("amount" to amount, "creator" to creator, "platform" to platform)

fun CumulativeSplit.json() = obj("total" to total, "creator_total" to creatorTotal)

fun RevenueSplit.json() = obj(
    "stream" to stream, "creator_bp" to creatorBp, "amount" to amount, "creator" to creator,
    "platform" to platform, "policy_fingerprint" to policyFingerprint,
)

fun CumulativeBatch.json() = obj(
    "splits" to splits.map { it.json() }, "state" to state.json(), "creator" to creator, "platform" to platform,
)

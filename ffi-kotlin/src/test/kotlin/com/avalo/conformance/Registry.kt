package com.avalo.conformance

import com.avalo.conformance.ops.BillingOps
import com.avalo.conformance.ops.ErrorOps
import com.avalo.conformance.ops.FlagsOps
import com.avalo.conformance.ops.LaunchOps
import com.avalo.conformance.ops.MediaOps
import com.avalo.conformance.ops.MoneyOps
import com.avalo.conformance.ops.PayoutOps
import com.avalo.conformance.ops.PolicyOps
import com.avalo.conformance.ops.PricingOps
import com.avalo.conformance.ops.RiskOps
import com.avalo.conformance.ops.RolloutOps
import com.avalo.conformance.ops.SpamOps
import com.avalo.conformance.ops.RankingOps
import com.avalo.conformance.ops.RoyalOps
import com.avalo.conformance.ops.RateLimitOps
import com.avalo.conformance.ops.SecurityOps
import com.avalo.conformance.ops.SplitOps
import com.avalo.conformance.ops.UploadOps
import com.avalo.core.types.Policy

/** One operation: the case's policy and input → the result as JSON (built with [obj]). */
typealias Op = (policy: Policy, input: Input) -> Any?

/**
 * The operations of one core module, by vector op name (the core function name). A module
 * object registers each in its `init` block: `op("split_amount") { policy, input -> ... }`.
 */
abstract class OpModule {
    private val table = LinkedHashMap<String, Op>()

    /** This module's operations. */
    val ops: Map<String, Op> get() = table

    /** Registers one operation. */
    protected fun op(name: String, body: Op) {
        check(table.put(name, body) == null) { "operation $name is registered twice" }
    }
}

/**
 * Every module's operations. A module engineer adds `ops/<Module>Ops.kt` and one line here.
 */
val MODULES: List<OpModule> = listOf(
    PolicyOps,
    MoneyOps,
    PricingOps,
    SplitOps,
    PayoutOps,
    ErrorOps,
    LaunchOps,
    RolloutOps,
    RiskOps,
    FlagsOps,
    BillingOps,
    SpamOps,
    RankingOps,
    RoyalOps,
    RateLimitOps,
    UploadOps,
    MediaOps,
    SecurityOps,
)

/** op name → operation; two modules claiming one name is an error. */
val OPS: Map<String, Op> by lazy {
    val all = HashMap<String, Op>()
    for (m in MODULES) for ((name, op) in m.ops) {
        check(all.put(name, op) == null) { "operation $name is registered twice" }
    }
    all
}

package com.avalo.conformance.ops

import com.avalo.conformance.Input
import com.avalo.conformance.OpModule
import com.avalo.conformance.obj
import com.avalo.core.types.CapDecision
import com.avalo.core.types.CapKind
import com.avalo.core.types.CapOverrides
import com.avalo.core.types.CapRequest
import com.avalo.core.types.DayMetrics
import com.avalo.core.types.PhaseCaps
import com.avalo.core.types.Policy
import com.avalo.core.types.ProgressionFailure
import com.avalo.core.types.ProgressionReport
import com.avalo.core.types.RolloutPhase
import com.avalo.core.checkCountryCap
import com.avalo.core.effectiveCaps
import com.avalo.core.nextMarket
import com.avalo.core.progressionReadiness

/** Vector ops of core/src/rollout.rs. */
object RolloutOps : OpModule() {
    init {
        op("check_country_cap") { p, i -> checkCountryCap(p, i.toCapRequest()).json() }
        op("effective_caps") { p, i -> effectiveCaps(p, i.enum<RolloutPhase>("phase"), i.optObj("overrides")?.toCapOverrides() ?: CapOverrides()).json() }
        op("progression_readiness") { p, i -> progressionReadiness(p, i.objs("days").map { it.toDayMetrics() }, i.long("now_ms")).json() }
        op("next_market") { p, i -> obj("country" to nextMarket(p, i.strs("launched"))) }
    }
}

fun PhaseCaps.json() = obj("users" to users, "payments" to payments, "creators" to creators)

fun Input.toCapOverrides() = CapOverrides(
    users = optULong("users"),
    payments = optULong("payments"),
    creators = optULong("creators"),
)

fun Input.toCapRequest() = CapRequest(
    phase = optEnum<RolloutPhase>("phase"),
    overrides = optObj("overrides")?.toCapOverrides() ?: CapOverrides(),
    kind = enum<CapKind>("kind"),
    counter = obj("counter").toDailyCounter(),
    nowMs = long("now_ms"),
)

fun CapDecision.json() = obj(
    "controlled" to controlled,
    "cap" to cap,
    "counter" to counter.json(),
    "remaining" to remaining,
)

fun Input.toDayMetrics() = DayMetrics(
    date = str("date"),
    activeUsers = ulong("active_users"),
    revenueMinor = ulong("revenue_minor"),
    safetyIncidents = ulong("safety_incidents"),
    installs = ulong("installs"),
    verified = ulong("verified"),
)

fun ProgressionFailure.json() = obj(
    "date" to date,
    "criterion" to criterion,
    "actual" to actual,
    "threshold" to threshold,
)

fun ProgressionReport.json() = obj(
    "recommended" to recommended,
    "window_start" to windowStart,
    "window_end" to windowEnd,
    "failures" to failures.map { it.json() },
    "policy_fingerprint" to policyFingerprint,
)

package com.avalo.conformance.ops

import com.avalo.conformance.Input
import com.avalo.conformance.OpModule
import com.avalo.conformance.obj
import com.avalo.core.types.FlagContext
import com.avalo.core.types.FlagDecision
import com.avalo.core.types.FlagDefinition
import com.avalo.core.types.FlagEvaluation
import com.avalo.core.types.FlagSet
import com.avalo.core.types.Platform
import com.avalo.core.types.Policy
import com.avalo.core.evaluateFlag
import com.avalo.core.evaluateFlags
import com.avalo.core.flagBucket

/** Vector ops of core/src/flags.rs. */
object FlagsOps : OpModule() {
    init {
        op("flag_bucket") { _, i -> obj("bucket" to flagBucket(i.str("flag"), i.str("user_id"))) }
        op("evaluate_flag") { p, i -> evaluateFlag(p, (if (i.has("killed_groups")) i.strs("killed_groups") else emptyList()), i.obj("flag").toFlagDefinition(), i.obj("context").toFlagContext()).json() }
        op("evaluate_flags") { p, i -> evaluateFlags(p, i.obj("set").toFlagSet(), i.obj("context").toFlagContext()).json() }
    }
}

fun Input.toFlagDefinition() = FlagDefinition(
    name = str("name"),
    enabled = bool("enabled"),
    killSwitch = optBool("kill_switch") ?: false,
    startsAtMs = optLong("starts_at_ms"),
    endsAtMs = optLong("ends_at_ms"),
    regions = optStrs("regions"),
    platforms = optEnums<Platform>("platforms"),
    blockedUsers = (if (has("blocked_users")) strs("blocked_users") else emptyList()),
    allowedUsers = (if (has("allowed_users")) strs("allowed_users") else emptyList()),
    rolloutBp = uint("rollout_bp"),
)

fun Input.toFlagContext() = FlagContext(
    userId = str("user_id"),
    region = optStr("region"),
    platform = optEnum<Platform>("platform"),
    nowMs = long("now_ms"),
)

fun FlagDecision.json() = obj("flag" to flag, "on" to on, "rule" to rule, "bucket" to bucket)

fun Input.toFlagSet() = FlagSet(
    killedGroups = (if (has("killed_groups")) strs("killed_groups") else emptyList()),
    flags = objs("flags").map { it.toFlagDefinition() },
)

fun FlagEvaluation.json() = obj("decisions" to decisions.map { it.json() }, "policy_fingerprint" to policyFingerprint)

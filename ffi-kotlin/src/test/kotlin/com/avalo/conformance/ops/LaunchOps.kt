package com.avalo.conformance.ops

import com.avalo.conformance.Input
import com.avalo.conformance.OpModule
import com.avalo.conformance.obj
import com.avalo.core.types.DailyCounter
import com.avalo.core.types.InviteRecord
import com.avalo.core.types.LaunchMode
import com.avalo.core.types.ModeChange
import com.avalo.core.types.ModeChangeRequest
import com.avalo.core.types.ModeRule
import com.avalo.core.types.Policy
import com.avalo.core.types.SignupDecision
import com.avalo.core.types.SignupRequest
import com.avalo.core.checkModeChange
import com.avalo.core.checkSignup
import com.avalo.core.modeRules
import com.avalo.core.normalizeCountry

/** Vector ops of core/src/launch.rs. */
object LaunchOps : OpModule() {
    init {
        op("check_signup") { p, i -> checkSignup(p, i.toSignupRequest()).json() }
        op("check_mode_change") { p, i -> checkModeChange(p, i.toModeChangeRequest()).json() }
        op("mode_rules") { p, i -> modeRules(p, i.enum<LaunchMode>("mode")).json() }
        op("normalize_country") { _, i -> obj("country" to normalizeCountry(i.str("country"))) }
    }
}

fun ModeRule.json() = obj("registration" to registration, "countries" to countries, "daily_cap" to dailyCap)

fun Input.toInviteRecord() = InviteRecord(
    code = str("code"),
    usedCount = ulong("used_count"),
    maxUses = ulong("max_uses"),
)

fun Input.toDailyCounter() = DailyCounter(
    count = ulong("count"),
    updatedAtMs = long("updated_at_ms"),
)

fun DailyCounter.json() = obj("count" to count, "updated_at_ms" to updatedAtMs)

fun Input.toSignupRequest() = SignupRequest(
    mode = enum<LaunchMode>("mode"),
    birthDate = str("birth_date"),
    country = str("country"),
    onAllowlist = optBool("on_allowlist"),
    inviteCode = optStr("invite_code"),
    invite = optObj("invite")?.toInviteRecord(),
    signupsToday = obj("signups_today").toDailyCounter(),
    nowMs = long("now_ms"),
)

fun SignupDecision.json() = obj(
    "mode" to mode,
    "country" to country,
    "age_years" to ageYears,
    "signups_today" to signupsToday.json(),
    "invite_used_count" to inviteUsedCount,
    "policy_fingerprint" to policyFingerprint,
)

fun Input.toModeChangeRequest() = ModeChangeRequest(
    from = enum<LaunchMode>("from"),
    to = enum<LaunchMode>("to"),
    reason = str("reason"),
)

fun ModeChange.json() = obj("from" to from, "to" to to, "reason" to reason, "policy_fingerprint" to policyFingerprint)

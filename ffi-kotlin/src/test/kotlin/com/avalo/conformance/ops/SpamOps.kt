package com.avalo.conformance.ops

import com.avalo.conformance.Input
import com.avalo.conformance.OpModule
import com.avalo.conformance.obj
import com.avalo.core.types.Policy
import com.avalo.core.types.RecentMessage
import com.avalo.core.types.SpamVerdict
import com.avalo.core.checkSpam

/** Vector ops of core/src/spam.rs (SPEC §4.8). */
object SpamOps : OpModule() {
    init {
        op("check_spam") { p: Policy, i: Input ->
            val recent = i.optObjs("recent")?.map { RecentMessage(it.str("text"), it.long("sent_at_ms")) } ?: emptyList()
            checkSpam(p, i.str("text"), recent, i.long("now_ms")).json()
        }
    }
}

fun SpamVerdict.json() = obj(
    "allowed" to allowed, "rule" to rule, "code" to code?.asStr(), "reason" to reason,
    "policy_fingerprint" to policyFingerprint,
)

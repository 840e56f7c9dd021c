package com.avalo.conformance.ops

import com.avalo.conformance.OpModule
import com.avalo.conformance.obj
import com.avalo.core.types.Policy
import com.avalo.core.types.PolicyProblem
import com.avalo.core.policyProblems

/** Vector ops of core/src/policy.rs. */
object PolicyOps : OpModule() {
    init {
        op("policy_info") { p: Policy, _ -> obj("version" to p.version(), "fingerprint" to p.fingerprint()) }
        op("load_policy") { _, i -> Policy.fromJson(i.str("json")).use { obj("version" to it.version(), "fingerprint" to it.fingerprint()) } }
        op("policy_problems") { _, i -> obj("problems" to policyProblems(i.str("json")).map { it.json() }) }
    }
}

fun PolicyProblem.json() = obj("path" to path, "problem" to problem)

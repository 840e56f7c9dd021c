package com.avalo.conformance

import com.avalo.core.*

/**
 * The operations written by hand (tools/runner-gen/src/overrides.rs, `HANDWRITTEN_OPS`):
 * methods of objects, and results the Rust runner extends beyond the core's serde form.
 */
val SPECIAL_OPS: Map<String, Op> = mapOf(
    "policy_info" to { p: Policy, _: Map<String, Any?> -> mapOf("version" to p.version(), "fingerprint" to p.fingerprint()) },
    "load_policy" to { _: Policy, i: Map<String, Any?> ->
        Policy.fromJson(decString(i["json"], "json")).use { mapOf("version" to it.version(), "fingerprint" to it.fingerprint()) }
    },
    "parse_money" to { _: Policy, i: Map<String, Any?> ->
        val m = parseMoney(decString(i["amount"], "amount"), decString(i["currency"], "currency"))
        mapOf("amount" to encCustomDecimal(m.amount), "currency" to m.currency, "minor" to norm(moneyToMinor(m)))
    },
    "sanitise_file_name" to { _: Policy, i: Map<String, Any?> ->
        val name = sanitiseFileName(decString(i["name"], "name"), decU32(i["max_chars"], "max_chars"))
        mapOf("file_name" to name, "chars" to norm(name.codePointCount(0, name.length)))
    },
    "sha256_stream" to { _: Policy, i: Map<String, Any?> ->
        Sha256Stream().use { s ->
            decList(i["chunks"], "chunks") { c, at -> decBytes(c, at) }.forEach { s.update(it) }
            mapOf("sha256" to s.finish(), "bytes" to norm(s.bytesHashed()))
        }
    },
)

/** Every operation: the generated ones and the hand-written ones (a name in both is an error). */
val OPS: Map<String, Op> by lazy {
    val both = GENERATED_OPS.keys.intersect(SPECIAL_OPS.keys)
    check(both.isEmpty()) { "operations both generated and hand-written: $both" }
    GENERATED_OPS + SPECIAL_OPS
}

package com.avalo.conformance

import com.avalo.core.*
import com.avalo.core.types.*

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
    "ed25519_sign" to { _: Policy, i: Map<String, Any?> ->
        val seed = decBytes(i["seed"], "seed")
        val publicKey = ed25519PublicKeyOfSeed(seed)
        val signature = ed25519SignBytes(seed, decBytes(i["message"], "message"))
        mapOf("public_key" to encBytes(publicKey), "key_id" to ed25519KeyIdOf(publicKey), "signature" to encBytes(signature))
    },
    "activate_policy_envelope" to { _: Policy, i: Map<String, Any?> ->
        val keyring = decList(i["keyring"], "keyring") { x, at -> readKeyringEntry(x, at) }
        activePolicy(i, keyring).use { active ->
            val next = activatePolicyEnvelope(active, decString(i["envelope"], "envelope"), keyring, decI64(i["now_ms"], "now_ms"))
            next?.use {
                mapOf("status" to "activated", "serial" to norm(it.serial()), "schema" to norm(it.schema()), "fingerprint" to it.fingerprint())
            } ?: mapOf("status" to "already_active")
        }
    },
    "diff_policies" to { _: Policy, i: Map<String, Any?> ->
        Policy.fromPatch(Json.write(i["old"])).use { old ->
            Policy.fromPatch(Json.write(i["new"])).use { new -> mapOf("lines" to diffPolicies(old, new).map { it.line }) }
        }
    },
    "ledger_sequence" to { p: Policy, i: Map<String, Any?> ->
        val steps = decList(i["steps"], "steps") { x, at ->
            val o = decObj(x, at)
            Pair(decLedgerEvent(o["event"], "$at.event"), decI64(o["at_ms"], "$at.at_ms"))
        }
        InMemoryLedger().use { book ->
            val results = steps.map { (event, atMs) ->
                try { encBuilt(book.append(p, event, atMs)) } catch (e: AvaloException) { mapOf("error" to e.code().asStr()) }
            }
            mapOf("results" to results, "report" to encLedgerReport(checkLedger(listOf(p), book.records(), null)))
        }
    },
    "ledger_key_part" to { _: Policy, i: Map<String, Any?> -> mapOf("part" to ledgerKeyPart(decString(i["id"], "id"), "id")) },
    "withdrawal_transition" to { _: Policy, i: Map<String, Any?> ->
        checkWithdrawalTransition(decWithdrawalState(i["from"], "from"), decWithdrawalState(i["to"], "to"))
        mapOf("allowed" to true)
    },
)

/** A keyring entry (no generated operation reads one: envelopes are activated by hand). */
fun readKeyringEntry(v: Any?, at: String): KeyringEntry {
    val o = decObj(v, at)
    return KeyringEntry(
        decString(o["key_id"], "$at.key_id"),
        decString(o["public_key"], "$at.public_key"),
        decI64(o["valid_from_ms"], "$at.valid_from_ms"),
        decI64(o["valid_until_ms"], "$at.valid_until_ms"),
    )
}

/** The policy an `active_envelope` input stands for (the Rust runner's `active_policy`): that
 * envelope loaded over the built-in policy at its own `not_before_ms`; the built-in one when absent. */
fun activePolicy(i: Map<String, Any?>, keyring: List<KeyringEntry>): Policy {
    val text = decOpt(i["active_envelope"]) { x -> decString(x, "active_envelope") } ?: return Policy()
    return Policy.fromEnvelope(text, keyring, parsePolicyEnvelope(text).notBeforeMs)
}

/** Every operation: the generated ones and the hand-written ones (a name in both is an error). */
val OPS: Map<String, Op> by lazy {
    val both = GENERATED_OPS.keys.intersect(SPECIAL_OPS.keys)
    check(both.isEmpty()) { "operations both generated and hand-written: $both" }
    GENERATED_OPS + SPECIAL_OPS
}

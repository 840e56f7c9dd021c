package com.avalo.conformance

import com.avalo.core.types.AvaloException
import com.avalo.core.types.Policy
import java.io.File
import kotlin.system.exitProcess

/**
 * The Kotlin conformance runner: every `*.json` in the vectors dir (argument 1, default
 * `tests/vectors`) and in each `:`-separated dir of `AVALO_EXTRA_VECTORS`, through the typed
 * Kotlin API. Same semantics as the Rust runner (tests/src/lib.rs). Last line:
 * `N passed, N failed`; exits 1 on any failure or when no case ran.
 */
fun main(args: Array<String>) {
    val dirs = mutableListOf(File(args.getOrElse(0) { "tests/vectors" }))
    System.getenv("AVALO_EXTRA_VECTORS")?.split(':')?.filter { it.isNotEmpty() }?.forEach { dirs.add(File(it)) }
    val files = dirs.flatMap { dir ->
        val list = dir.listFiles() ?: run { println("cannot read vector dir $dir"); println("0 passed, 1 failed"); exitProcess(1) }
        list.filter { it.isFile && it.name.endsWith(".json") }
    }.sortedBy { it.path }

    var passed = 0
    val failures = mutableListOf<String>()
    Policy().use { builtIn ->
        for (file in files) {
            val cases = try {
                @Suppress("UNCHECKED_CAST")
                (Json.parse(file.readText()) as Map<String, Any?>)["cases"] as List<Map<String, Any?>>
            } catch (e: Exception) {
                failures.add("${file.name}: cannot load: ${e.message}"); continue
            }
            for (case in cases) {
                val why = try { runCase(case, builtIn) } catch (e: Exception) { "runner error: $e" }
                if (why == null) passed++ else failures.add("${file.name}: ${case["name"]}: $why")
            }
        }
    }
    failures.forEach { println("FAIL $it") }
    println("$passed passed, ${failures.size} failed")
    if (failures.isNotEmpty() || passed == 0) exitProcess(1)
}

/** A case's outcome: a JSON result, or an error code. */
private sealed class Outcome {
    data class Ok(val value: Any?) : Outcome()
    data class Err(val code: String, val reason: String) : Outcome()
}

/** Runs one case; null when it passed, else why it failed. */
private fun runCase(case: Map<String, Any?>, builtIn: Policy): String? {
    val expect = case["expect"]
    val error = case["error"] as String?
    if ((expect != null) == (error != null)) return "a case needs exactly one of `expect` and `error`"
    val opName = case["op"] as? String ?: return "case has no op"
    val op = OPS[opName] ?: return "unknown operation \"$opName\""
    @Suppress("UNCHECKED_CAST")
    val input = Input(case["input"] as? Map<String, Any?> ?: return "input is not an object")

    val outcome: Outcome = try {
        val patch = case["policy"]
        if (patch == null) Outcome.Ok(op(builtIn, input))
        else Policy.fromPatch(Json.write(patch)).use { Outcome.Ok(op(it, input)) }
    } catch (e: AvaloException) {
        Outcome.Err(e.code().asStr(), e.reason())
    } catch (e: LocalInvalid) {
        Outcome.Err("INVALID_INPUT", e.message ?: "")
    } catch (e: BadVector) {
        return e.message
    }

    return when (outcome) {
        is Outcome.Ok ->
            if (expect != null) compare(expect, outcome.value)
            else "expected error $error, got ${Json.write(outcome.value)}"
        is Outcome.Err ->
            if (error == null) "expected a result, got error ${outcome.code}: ${outcome.reason}"
            else if (error == outcome.code) null
            else "expected error $error, got ${outcome.code}: ${outcome.reason}"
    }
}

// Cross-language call costs from Kotlin (UniFFI over JNA, JVM warmed up).
// Run via scripts/bench-cross-language.sh (builds the release libavalo_ffi.so first).
// Each figure: thread CPU time, median of 15 rounds of ~50 ms after a 3 s warm-up of the same call.
package com.avalo.bench

import com.avalo.core.types.CumulativeSplit
import com.avalo.core.types.Policy
import com.avalo.core.types.RevenueStream
import com.avalo.core.splitAmount
import com.avalo.core.splitCumulative
import com.avalo.core.splitCumulativeBatch
import com.avalo.core.splitRevenue

private var sink: Any? = null

/** CPU ns per call: warm up ~3 s, calibrate a round to ~50 ms, median of 15 rounds. */
fun measure(f: () -> Any?): Double {
    val warmEnd = System.nanoTime() + 3_000_000_000L
    while (System.nanoTime() < warmEnd) sink = f()
    var iters = 1L
    while (true) {
        val t = System.nanoTime()
        for (i in 0 until iters) sink = f()
        val ns = System.nanoTime() - t
        if (ns >= 50_000_000L || iters >= (1L shl 26)) break
        iters *= if (ns < 6_000_000L) 8 else 2
    }
    // CPU time of this thread rather than wall time: on a shared machine the thread is often
    // descheduled, which wall time would count.
    val mx = java.lang.management.ManagementFactory.getThreadMXBean()
    val per = DoubleArray(15) {
        val t = mx.currentThreadCpuTime
        for (i in 0 until iters) sink = f()
        (mx.currentThreadCpuTime - t).toDouble() / iters
    }
    per.sort()
    return per[per.size / 2]
}

fun fmt(ns: Double): String = when {
    ns >= 1e6 -> "%.2f ms".format(ns / 1e6)
    ns >= 1e3 -> "%.2f µs".format(ns / 1e3)
    else -> "%.0f ns".format(ns)
}

val rows = mutableListOf<List<String>>()
fun row(name: String, items: Int, f: () -> Any?): Double {
    val ns = measure(f)
    rows.add(listOf(name, "$items", fmt(ns), if (items > 1) fmt(ns / items) else ""))
    return ns
}

fun main() {
    val policy = Policy()
    // Two passes; only the second is reported: on this shared machine the JIT compiler threads
    // get little CPU, and the first pass is partly interpreted even after the per-call warm-up.
    all(policy)
    rows.clear()
    all(policy)
    println("Kotlin (JVM ${System.getProperty("java.version")}, JNA): thread CPU time per call, median of 15 rounds, second pass")
    println("call | items | per call | per item")
    for (r in rows) println(r.joinToString(" | "))
    println("batch speed-up, cumulative split: see the per-item column of splitCumulativeBatch vs splitCumulative")
}

fun all(policy: Policy) {
    row("policy.version (trivial getter)", 1) { policy.version() }
    row("policy.fingerprint (64-char string)", 1) { policy.fingerprint() }
    row("splitAmount(101, 6500)", 1) { splitAmount(101uL, 6500u) }
    row("splitRevenue(chat, 101)", 1) { splitRevenue(policy, RevenueStream.CHAT, 101uL) }
    val zero = CumulativeSplit(0uL, 0uL)
    row("splitCumulative, 1 payment", 1) { splitCumulative(policy, RevenueStream.CHAT, zero, 3uL) }
    val amounts = List(1000) { (1 + it % 7).toULong() }
    row("splitCumulativeBatch, 1 000 payments", 1000) { splitCumulativeBatch(policy, RevenueStream.CHAT, zero, amounts) }
    // Optional modules (billing, ranking): present only when their UniFFI facade has landed.
    // (the script generates extraBenches, calling each included extra_<module>.kt)
    extraBenches(policy)

}

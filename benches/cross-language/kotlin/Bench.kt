// Cross-language call costs from Kotlin (UniFFI over JNA, JVM warmed up).
// Run via scripts/bench-cross-language.sh (builds the release libavalo_ffi.so first).
// Each figure: median of 15 rounds of ~50 ms after a 2 s warm-up of the same call.
package com.avalo.bench

import com.avalo.core.CumulativeSplit
import com.avalo.core.Policy
import com.avalo.core.RevenueStream
import com.avalo.core.splitAmount
import com.avalo.core.splitCumulative
import com.avalo.core.splitCumulativeBatch
import com.avalo.core.splitRevenue

private var sink: Any? = null

/** ns per call: warm up ~2 s, calibrate a round to ~50 ms, median of 15 rounds. */
fun measure(f: () -> Any?): Double {
    val warmEnd = System.nanoTime() + 2_000_000_000L
    while (System.nanoTime() < warmEnd) sink = f()
    var iters = 1L
    while (true) {
        val t = System.nanoTime()
        for (i in 0 until iters) sink = f()
        val ns = System.nanoTime() - t
        if (ns >= 50_000_000L || iters >= (1L shl 26)) break
        iters *= if (ns < 6_000_000L) 8 else 2
    }
    val per = DoubleArray(15) {
        val t = System.nanoTime()
        for (i in 0 until iters) sink = f()
        (System.nanoTime() - t).toDouble() / iters
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
    row("policy.version (trivial getter)", 1) { policy.version() }
    row("policy.fingerprint (64-char string)", 1) { policy.fingerprint() }
    row("splitAmount(101, 6500)", 1) { splitAmount(101uL, 6500u) }
    row("splitRevenue(chat, 101)", 1) { splitRevenue(policy, RevenueStream.CHAT, 101uL) }
    val zero = CumulativeSplit(0uL, 0uL)
    val one = row("splitCumulative, 1 payment", 1) { splitCumulative(policy, RevenueStream.CHAT, zero, 3uL) }
    val amounts = List(1000) { (1 + it % 7).toULong() }
    val batch = row("splitCumulativeBatch, 1 000 payments", 1000) { splitCumulativeBatch(policy, RevenueStream.CHAT, zero, amounts) }
    // Optional modules (billing, ranking): present only when their UniFFI facade has landed.
    // (the script generates extraBenches, calling each included extra_<module>.kt)
    extraBenches(policy)

    println("Kotlin (JVM ${System.getProperty("java.version")}, JNA): median of 15 rounds after warm-up")
    println("call | items | per call | per item")
    for (r in rows) println(r.joinToString(" | "))
    println("batch speed-up, cumulative split: %.1fx per item (1 000 in one call vs one call each)".format(one / (batch / 1000)))
}

// One call in a loop, for a profiler (JFR): scripts/bench-cross-language.sh kotlin-profile <call>.
// Prints the thread CPU time per call of the whole loop (after a 3 s warm-up), so that the
// profile and the figure come from the same run.
package com.avalo.bench

import com.avalo.core.types.Policy
import com.avalo.core.types.RevenueStream
import com.avalo.core.splitAmount
import com.avalo.core.splitRevenue

private var profileSink: Any? = null

/** The call to profile, by name. */
fun profiledCall(name: String, policy: Policy): () -> Any? = when (name) {
    "version" -> { { policy.version() } }
    "fingerprint" -> { { policy.fingerprint() } }
    "splitAmount" -> { { splitAmount(101uL, 6500u) } }
    "splitRevenue" -> { { splitRevenue(policy, RevenueStream.CHAT, 101uL) } }
    else -> throw IllegalArgumentException("unknown call $name (version, fingerprint, splitAmount, splitRevenue)")
}

/** args: call name, seconds to run after the warm-up. */
fun main(args: Array<String>) {
    val policy = Policy()
    val f = profiledCall(args.getOrElse(0) { "splitAmount" }, policy)
    val seconds = args.getOrElse(1) { "10" }.toLong()
    val warmEnd = System.nanoTime() + 3_000_000_000L
    while (System.nanoTime() < warmEnd) profileSink = f()
    val mx = java.lang.management.ManagementFactory.getThreadMXBean()
    val end = System.nanoTime() + seconds * 1_000_000_000L
    val cpu0 = mx.currentThreadCpuTime
    var n = 0L
    while (System.nanoTime() < end) {
        for (i in 0 until 1000) profileSink = f()
        n += 1000
    }
    val cpu = mx.currentThreadCpuTime - cpu0
    println("%s: %d calls, %.2f µs of thread CPU per call".format(args.getOrElse(0) { "splitAmount" }, n, cpu / 1e3 / n))
}

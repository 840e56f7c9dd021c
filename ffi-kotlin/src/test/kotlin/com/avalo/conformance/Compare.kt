package com.avalo.conformance

import java.math.BigInteger

/** Absolute tolerance for non-integer numbers, as in the Rust runner (tests/src/lib.rs). */
const val FLOAT_TOLERANCE = 1e-9

/**
 * The Rust runner's comparison: objects by the expected keys only, arrays element-wise with
 * equal lengths, integers exactly, other numbers within [FLOAT_TOLERANCE], everything else
 * exactly. Returns null when equal, else why not.
 */
fun compare(want: Any?, got: Any?, path: String = "$"): String? {
    if (want is Map<*, *> && got is Map<*, *>) {
        for ((k, wv) in want) {
            val child = "$path.$k"
            if (!got.containsKey(k)) return "$child: missing in result ${Json.write(got)}"
            compare(wv, got[k], child)?.let { return it }
        }
        return null
    }
    if (want is List<*> && got is List<*>) {
        if (want.size != got.size) return "$path: expected ${want.size} items, got ${got.size}: ${Json.write(got)}"
        for (idx in want.indices) compare(want[idx], got[idx], "$path[$idx]")?.let { return it }
        return null
    }
    val isNum = { x: Any? -> x is BigInteger || x is Double }
    if (isNum(want) && isNum(got)) {
        val same = if (want is Double || got is Double) {
            Math.abs((want as Number).toDouble() - (got as Number).toDouble()) <= FLOAT_TOLERANCE
        } else want == got
        return if (same) null else "$path: expected ${Json.write(want)}, got ${Json.write(got)}"
    }
    return if (want == got) null else "$path: expected ${Json.write(want)}, got ${Json.write(got)}"
}

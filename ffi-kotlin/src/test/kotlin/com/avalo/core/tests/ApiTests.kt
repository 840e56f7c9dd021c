package com.avalo.core.tests

import com.avalo.core.types.AvaloException
import com.avalo.core.types.CumulativeSplit
import com.avalo.core.types.ErrorCode
import com.avalo.core.types.Money
import com.avalo.core.types.Policy
import com.avalo.core.types.RevenueStream
import com.avalo.core.convertFromPln
import com.avalo.core.packPrice
import com.avalo.core.parseMoney
import com.avalo.core.plnToTokens
import com.avalo.core.policyProblems
import com.avalo.core.splitCumulativeBatch
import com.avalo.core.splitRevenue
import com.avalo.core.splitTip
import com.avalo.core.splitAmount
import com.avalo.core.types.MoneyAmount
import com.avalo.core.tokensToPln
import java.math.BigDecimal
import java.security.MessageDigest
import kotlin.system.exitProcess
import kotlin.test.assertEquals
import kotlin.test.assertFailsWith
import kotlin.test.assertNotEquals
import kotlin.test.assertTrue

/**
 * Hand-written tests of the Kotlin API (no JUnit here: a tiny harness). Last line:
 * `N passed, N failed`; exits 1 on any failure.
 */
fun main() {
    val tests = listOf<Pair<String, () -> Unit>>(
        "default policy: version and fingerprint = sha256(canonical JSON)" to ::defaultPolicy,
        "policy from a patch; a bad patch names its path" to ::policyPatch,
        "policy problems are listed with paths" to ::policyProblemsListed,
        "split revenue and a cumulative batch" to ::splits,
        "errors carry a code and a reason" to ::errors,
        "money crosses as BigDecimal at the canonical scale" to ::bigDecimalMoney,
        "a value that fails to lift is a typed INVALID_INPUT" to ::liftFailures,
    )
    var failed = 0
    for ((name, body) in tests) {
        try {
            body(); println("ok   $name")
        } catch (e: Throwable) {
            failed++; println("FAIL $name: $e")
        }
    }
    println("${tests.size - failed} passed, $failed failed")
    if (failed > 0) exitProcess(1)
}

private fun sha256Hex(text: String) =
    MessageDigest.getInstance("SHA-256").digest(text.toByteArray()).joinToString("") { "%02x".format(it) }

fun defaultPolicy() {
    Policy().use { p ->
        assertEquals("2026.11", p.version())
        assertTrue(Regex("[0-9a-f]{64}").matches(p.fingerprint()))
        assertEquals(sha256Hex(p.canonicalJson()), p.fingerprint())
        Policy.fromJson(p.canonicalJson()).use { q -> assertEquals(p.fingerprint(), q.fingerprint()) }
    }
}

fun policyPatch() {
    Policy().use { builtIn ->
        Policy.fromPatch("""{"splits":{"chat_creator_bp":7000}}""").use { p ->
            assertNotEquals(builtIn.fingerprint(), p.fingerprint())
            assertEquals(70UL, splitRevenue(p, RevenueStream.CHAT, 100UL).creator)
        }
    }
    val e = assertFailsWith<AvaloException> { Policy.fromPatch("""{"payout":{"min_tokens":"five"}}""") }
    assertEquals(ErrorCode.INVALID_INPUT, e.code())
    assertTrue(e.reason().contains("payout.min_tokens"), e.reason())
}

fun policyProblemsListed() {
    val problems = policyProblems("""{"version":1}""")
    assertEquals(1, problems.size)
    assertEquals("$.version", problems[0].path)
}

fun splits() {
    Policy().use { p ->
        val s = splitRevenue(p, RevenueStream.CHAT, 101UL)
        assertEquals(65UL, s.creator)
        assertEquals(36UL, s.platform)
        assertEquals(6500U, s.creatorBp)
        assertEquals(p.fingerprint(), s.policyFingerprint)
        val batch = splitCumulativeBatch(p, RevenueStream.CHAT, CumulativeSplit(0UL, 0UL), List(100) { 1UL })
        assertEquals(100, batch.splits.size)
        assertEquals(CumulativeSplit(100UL, 65UL), batch.state)
        assertEquals(65UL, batch.creator)
    }
}

fun errors() {
    Policy().use { p ->
        val e = assertFailsWith<AvaloException> { splitTip(p, "c1", "c1", 50UL) }
        assertEquals(ErrorCode.SELF_PAYMENT, e.code())
        assertEquals("SELF_PAYMENT", e.code().asStr())
        assertTrue(e.reason().isNotBlank())
        // The one variant carries the same fields.
        val f = e as AvaloException.Failure
        assertEquals(ErrorCode.SELF_PAYMENT, f.code)
        assertEquals(e.reason(), f.reason)
        val range = assertFailsWith<AvaloException> { splitTip(p, "u1", "c1", 4UL) }
        assertEquals("AMOUNT_OUT_OF_RANGE", range.code().asStr())
    }
}

fun bigDecimalMoney() {
    Policy().use { p ->
        val mini = packPrice(p, "mini", "PLN", null)
        assertEquals(BigDecimal("31.99"), mini.price.amount)
        assertEquals("PLN", mini.price.currency)
        // The canonical scale survives: 3 tokens are 0.60 PLN, not 0.6.
        val v = tokensToPln(p, 3UL).amount
        assertEquals(2, v.scale())
        assertEquals("0.60", v.toPlainString())
        assertEquals(BigDecimal("0.60"), v)
        val sek = convertFromPln(Money(BigDecimal("100.00"), "PLN"), "SEK", BigDecimal("2.6789"))
        assertEquals(BigDecimal("267.89"), sek.amount)
        assertEquals(BigDecimal("1199"), packPrice(p, "mini", "JPY", BigDecimal("37.48")).price.amount)
        assertEquals(3UL, plnToTokens(p, Money(BigDecimal("0.6"), "PLN")))
        // More decimals than the currency has is refused, never rounded.
        val e = assertFailsWith<AvaloException> { plnToTokens(p, Money(BigDecimal("0.601"), "PLN")) }
        assertEquals(ErrorCode.INVALID_INPUT, e.code())
        assertEquals(BigDecimal("12.30"), parseMoney("12.3", "PLN").amount)
    }
}

fun liftFailures() {
    Policy().use { p ->
        // Checked while lifting (core/src/ffi_support.rs), before any facade code runs: an
        // unknown currency inside a Money record, Money with a sign.
        for (bad in listOf(Money(BigDecimal("1.00"), "XXX"), Money(BigDecimal("-1"), "PLN"))) {
            val e = assertFailsWith<AvaloException> { plnToTokens(p, bad) }
            assertEquals(ErrorCode.INVALID_INPUT, e.code())
            assertTrue(e.reason().isNotBlank())
        }
        // Money is the core's type under its own name; MoneyAmount is how it crosses.
        val m: MoneyAmount = parseMoney("1", "pln")
        assertEquals("PLN", m.currency)
        assertEquals(BigDecimal("1.00"), m.amount)
    }
    // Basis points above 10 000 in an argument.
    assertEquals(ErrorCode.INVALID_INPUT, assertFailsWith<AvaloException> { splitAmount(100UL, 10_001U) }.code())
}

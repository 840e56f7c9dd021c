package com.avalo.consumer

import com.avalo.core.types.AvaloException
import com.avalo.core.types.ErrorCode
import com.avalo.core.types.Policy
import com.avalo.core.types.RevenueStream
import com.avalo.core.countWords
import com.avalo.core.splitRevenue
import java.security.MessageDigest
import java.util.Properties
import kotlin.system.exitProcess

/**
 * A JVM app that uses the avalo-core jar alone (plus JNA and kotlin-stdlib, the pom's
 * dependencies): no -Djna.library.path, the native library comes from the jar.
 * Expected values by hand from the rule book (SPEC §1, §3.2, §4.3). Argument: the expected
 * package version. Last line `N passed, N failed`; exit 1 on any failure.
 */
fun main(args: Array<String>) {
    val expectedVersion = args.firstOrNull() ?: "(no expected version given)"
    val checks = listOf<Pair<String, () -> Unit>>(
        "jar version (META-INF/maven pom.properties) = $expectedVersion" to { jarVersion(expectedVersion) },
        "built-in policy: version, and fingerprint = sha256(canonical JSON)" to ::builtInPolicy,
        "splitRevenue: 101 chat tokens -> 65 + 36, tied to the policy" to ::chatSplit,
        "countWords: the SPEC 4.3 examples" to ::words,
        "a refusal is a typed AvaloException with a stable code" to ::refusal,
    )
    var failed = 0
    for ((name, body) in checks) {
        try {
            body()
            println("ok   $name")
        } catch (e: Throwable) {
            failed++
            println("FAIL $name: $e")
        }
    }
    println("${checks.size - failed} passed, $failed failed")
    if (failed > 0) exitProcess(1)
}

private fun expect(actual: Any?, expected: Any?, what: String) {
    if (actual != expected) throw AssertionError("$what: expected $expected, got $actual")
}

private fun jarVersion(expected: String) {
    val props = Properties()
    val stream = Policy::class.java.getResourceAsStream("/META-INF/maven/com.avalo/avalo-core/pom.properties")
        ?: throw AssertionError("pom.properties not in the jar")
    stream.use { props.load(it) }
    expect(props.getProperty("version"), expected, "version")
}

private fun sha256Hex(text: String) =
    MessageDigest.getInstance("SHA-256").digest(text.toByteArray()).joinToString("") { "%02x".format(it) }

private fun builtInPolicy() {
    Policy().use { p ->
        expect(p.version(), "2026.11", "policy version")
        expect(p.fingerprint(), sha256Hex(p.canonicalJson()), "fingerprint")
    }
}

private fun chatSplit() {
    Policy().use { p ->
        val s = splitRevenue(p, RevenueStream.CHAT, 101UL)
        expect(s.creator, 65UL, "creator")
        expect(s.platform, 36UL, "platform")
        expect(s.policyFingerprint, p.fingerprint(), "policy fingerprint")
    }
}

private fun words() {
    Policy().use { p ->
        for ((text, n) in listOf("I ❤️ you" to 2UL, "HTTP://EXAMPLE.COM/x y" to 1UL, "e-mail" to 2UL, "don't" to 1UL)) {
            expect(countWords(p, text), n, "\"$text\"")
        }
    }
}

private fun refusal() {
    try {
        Policy.fromPatch("""{"payout":{"min_tokens":"five"}}""").use { throw AssertionError("accepted a bad patch") }
    } catch (e: AvaloException) {
        expect(e.code(), ErrorCode.INVALID_INPUT, "code")
    }
}

package com.avalo.conformance

import java.math.BigDecimal
import java.math.BigInteger

/** A malformed vector (missing or wrong-typed field): a failure whatever the case expected. */
class BadVector(message: String) : Exception("bad vector input: $message")

/**
 * A value the typed Kotlin API cannot even be called with (an unparsable decimal string). The
 * Rust runner reports these as `INVALID_INPUT`, so this runner does too.
 */
class LocalInvalid(message: String) : Exception(message)

/** Typed access to a case's `input` object, mirroring the Rust runner's `arg`/`opt`. */
class Input(private val m: Map<String, Any?>) {
    private fun raw(key: String): Any? = if (m.containsKey(key)) m[key] else throw BadVector("missing field $key")
    private fun present(key: String) = m[key] != null

    fun str(key: String): String = raw(key) as? String ?: throw BadVector("field $key: expected a string")
    fun bool(key: String): Boolean = raw(key) as? Boolean ?: throw BadVector("field $key: expected a boolean")
    private fun int(key: String, v: Any?): BigInteger = v as? BigInteger ?: throw BadVector("field $key: expected an integer")

    fun ulong(key: String): ULong = toULong(key, int(key, raw(key)))
    fun uint(key: String): UInt = ulong(key).let { if (it > UInt.MAX_VALUE.toULong()) throw BadVector("field $key: too large") else it.toUInt() }
    fun long(key: String): Long = int(key, raw(key)).let {
        if (it.bitLength() > 63) throw BadVector("field $key: out of i64 range") else it.toLong()
    }
    fun ulongs(key: String): List<ULong> = (raw(key) as? List<*> ?: throw BadVector("field $key: expected an array"))
        .map { toULong(key, int(key, it)) }
    fun strs(key: String): List<String> = (raw(key) as? List<*> ?: throw BadVector("field $key: expected an array"))
        .map { it as? String ?: throw BadVector("field $key: expected strings") }
    fun obj(key: String): Input = Input((raw(key) as? Map<*, *> ?: throw BadVector("field $key: expected an object"))
        .entries.associate { (k, v) -> k as String to v })

    fun objs(key: String): List<Input> = (raw(key) as? List<*> ?: throw BadVector("field $key: expected an array"))
        .map { v -> Input((v as? Map<*, *> ?: throw BadVector("field $key: expected objects")).entries.associate { (k, x) -> k as String to x }) }
    fun longs(key: String): List<Long> = (raw(key) as? List<*> ?: throw BadVector("field $key: expected an array"))
        .map { int(key, it).also { n -> if (n.bitLength() > 63) throw BadVector("field $key: out of i64 range") }.toLong() }

    fun optStr(key: String): String? = if (present(key)) str(key) else null
    fun optLong(key: String): Long? = if (present(key)) long(key) else null
    fun optBool(key: String): Boolean? = if (present(key)) bool(key) else null
    fun optULong(key: String): ULong? = if (present(key)) ulong(key) else null
    fun optObj(key: String): Input? = if (present(key)) obj(key) else null
    fun optObjs(key: String): List<Input>? = if (present(key)) objs(key) else null

    /** An optional decimal given as a string (`"0.185"`), e.g. an FX rate. */
    fun optDecimal(key: String): BigDecimal? = optStr(key)?.let {
        try { BigDecimal(it.trim()) } catch (e: NumberFormatException) { throw LocalInvalid("$key $it is not a decimal") }
    }

    /** Whether the field is present and not null. */
    fun has(key: String): Boolean = present(key)
    /** A number (integer or not) as a Double: scores, coordinates, rates. */
    fun double(key: String): Double = when (val v = raw(key)) {
        is Double -> v
        is BigInteger -> v.toDouble()
        else -> throw BadVector("field $key: expected a number")
    }
    fun optDouble(key: String): Double? = if (present(key)) double(key) else null
    fun optUInt(key: String): UInt? = if (present(key)) uint(key) else null
    private fun list(key: String): List<*> = raw(key) as? List<*> ?: throw BadVector("field $key: expected an array")
    fun doubles(key: String): List<Double> = list(key).map {
        when (it) { is Double -> it; is BigInteger -> it.toDouble(); else -> throw BadVector("field $key: expected numbers") }
    }

    /** A snake_case enum string (`"gated_content"`) as the Kotlin enum constant (`GATED_CONTENT`). */
    inline fun <reified E : Enum<E>> enum(key: String): E {
        val s = str(key)
        return enumValues<E>().firstOrNull { it.name.lowercase() == s }
            ?: throw BadVector("field $key: $s is not a ${E::class.simpleName}")
    }
    inline fun <reified E : Enum<E>> optEnum(key: String): E? = if (has(key)) enum<E>(key) else null
    fun optStrs(key: String): List<String>? = if (present(key)) strs(key) else null
    inline fun <reified E : Enum<E>> optEnums(key: String): List<E>? = if (!has(key)) null else strs(key).map { s ->
        enumValues<E>().firstOrNull { it.name.lowercase() == s } ?: throw BadVector("field $key: $s is not a ${E::class.simpleName}")
    }

    private fun toULong(key: String, n: BigInteger): ULong {
        if (n.signum() < 0 || n.bitLength() > 64) throw BadVector("field $key: out of u64 range")
        return n.toString().toULong()
    }
}

/**
 * Builds a JSON object for comparison from typed values, normalising them to what serde
 * writes: unsigned/signed integers → [BigInteger], [BigDecimal] → its plain string (money keeps
 * its canonical scale), Kotlin enums → snake_case strings, lists element-wise.
 */
fun obj(vararg pairs: Pair<String, Any?>): Map<String, Any?> = pairs.associate { (k, v) -> k to norm(v) }

fun norm(v: Any?): Any? = when (v) {
    null, is String, is Boolean, is BigInteger -> v
    is ULong -> BigInteger(v.toString())
    is UInt -> BigInteger.valueOf(v.toLong())
    is Long -> BigInteger.valueOf(v)
    is Int -> BigInteger.valueOf(v.toLong())
    is Double -> v
    is Float -> v.toDouble()
    is BigDecimal -> v.toPlainString()
    is Enum<*> -> v.name.lowercase()
    is List<*> -> v.map(::norm)
    is Map<*, *> -> v
    else -> throw IllegalStateException("no JSON form for ${v::class.qualifiedName}: write an encoder in the op file")
}

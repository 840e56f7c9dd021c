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

// Readers of JSON values (Json.kt) into typed values, called by Generated.kt. `v` is null when
// the key is absent or null: then numbers, booleans, lists and records read as their zero/empty
// value (serde's `#[serde(default)]`; the Rust runner checks the vectors' shape strictly),
// strings, bytes and enums are a missing field.

private fun int(v: Any?, at: String, min: BigInteger, max: BigInteger): BigInteger {
    if (v == null) return BigInteger.ZERO
    val n = v as? BigInteger ?: throw BadVector("$at: expected an integer, got ${Json.write(v)}")
    if (n < min || n > max) throw BadVector("$at: $n out of range")
    return n
}

private fun unsigned(bits: Int) = BigInteger.ONE.shiftLeft(bits) - BigInteger.ONE
private fun signedMin(bits: Int) = BigInteger.ONE.shiftLeft(bits - 1).negate()
private fun signedMax(bits: Int) = BigInteger.ONE.shiftLeft(bits - 1) - BigInteger.ONE

fun decU8(v: Any?, at: String): UByte = int(v, at, BigInteger.ZERO, unsigned(8)).toInt().toUByte()
fun decU16(v: Any?, at: String): UShort = int(v, at, BigInteger.ZERO, unsigned(16)).toInt().toUShort()
fun decU32(v: Any?, at: String): UInt = int(v, at, BigInteger.ZERO, unsigned(32)).toLong().toUInt()
fun decU64(v: Any?, at: String): ULong = int(v, at, BigInteger.ZERO, unsigned(64)).toString().toULong()
fun decI8(v: Any?, at: String): Byte = int(v, at, signedMin(8), signedMax(8)).toByte()
fun decI16(v: Any?, at: String): Short = int(v, at, signedMin(16), signedMax(16)).toShort()
fun decI32(v: Any?, at: String): Int = int(v, at, signedMin(32), signedMax(32)).toInt()
fun decI64(v: Any?, at: String): Long = int(v, at, signedMin(64), signedMax(64)).toLong()

/** A number (integer or not) as a Double: scores, coordinates. */
fun decF64(v: Any?, at: String): Double = when (v) {
    null -> 0.0
    is Double -> v
    is BigInteger -> v.toDouble()
    else -> throw BadVector("$at: expected a number")
}

fun decBool(v: Any?, at: String): Boolean = if (v == null) false else v as? Boolean ?: throw BadVector("$at: expected a boolean")
fun decString(v: Any?, at: String): String = v as? String ?: throw BadVector(if (v == null) "missing field $at" else "$at: expected a string")

/** Bytes are hex strings in vectors, or arrays of byte values (the columnar deck's flags). */
fun decBytes(v: Any?, at: String): ByteArray {
    if (v is List<*>) return ByteArray(v.size) { decU8(v[it], "$at[$it]").toByte() }
    val hex = decString(v, at)
    if (hex.length % 2 == 1 || !hex.all { it in '0'..'9' || it in 'a'..'f' || it in 'A'..'F' }) throw BadVector("$at: $hex is not hex")
    return ByteArray(hex.length / 2) { hex.substring(2 * it, 2 * it + 2).toInt(16).toByte() }
}

fun <T> decOpt(v: Any?, read: (Any) -> T): T? = if (v == null) null else read(v)

fun <T> decList(v: Any?, at: String, read: (Any?, String) -> T): List<T> {
    if (v == null) return emptyList()
    val list = v as? List<*> ?: throw BadVector("$at: expected an array")
    return list.mapIndexed { n, x -> read(x, "$at[$n]") }
}

fun <T> decMap(v: Any?, at: String, read: (Any?, String) -> T): Map<String, T> =
    decObj(v, at).mapValues { (k, x) -> read(x, "$at.$k") }

fun decObj(v: Any?, at: String): Map<String, Any?> {
    if (v == null) return emptyMap()
    val m = v as? Map<*, *> ?: throw BadVector("$at: expected an object")
    return m.entries.associate { (k, x) -> k as String to x }
}

/** The custom type Decimal (money amounts, rates): a decimal string. */
fun decCustomDecimal(v: Any?, at: String): BigDecimal {
    val s = decString(v, at)
    return try { BigDecimal(s.trim()) } catch (e: NumberFormatException) { throw LocalInvalid("$at $s is not a decimal") }
}

/** Its serde form: the plain string, keeping the scale (money keeps its canonical scale). */
fun encCustomDecimal(x: BigDecimal): Any? = x.toPlainString()

fun encBytes(x: ByteArray): Any? = x.joinToString("") { "%02x".format(it) }

/** A typed scalar as the JSON value serde writes: integers → [BigInteger], others as they are. */
fun norm(v: Any?): Any? = when (v) {
    null, is String, is Boolean, is BigInteger, is Double -> v
    is ULong -> BigInteger(v.toString())
    is UInt -> BigInteger.valueOf(v.toLong())
    is UShort -> BigInteger.valueOf(v.toLong())
    is UByte -> BigInteger.valueOf(v.toLong())
    is Long -> BigInteger.valueOf(v)
    is Int -> BigInteger.valueOf(v.toLong())
    is Short -> BigInteger.valueOf(v.toLong())
    is Byte -> BigInteger.valueOf(v.toLong())
    is Float -> v.toDouble()
    else -> throw IllegalStateException("no JSON form for ${v::class.qualifiedName}")
}

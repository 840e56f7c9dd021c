package com.avalo.conformance.ops

import com.avalo.conformance.Input
import com.avalo.conformance.OpModule
import com.avalo.conformance.obj
import com.avalo.core.types.Money
import com.avalo.core.basisPoints
import com.avalo.core.currencyInfo
import com.avalo.core.moneyToMinor
import com.avalo.core.parseMoney

/** Vector ops of core/src/money.rs. */
object MoneyOps : OpModule() {
    init {
        op("parse_money") { _, i: Input ->
            val m = i.money("amount", "currency")
            obj("amount" to m.amount, "currency" to m.currency, "minor" to moneyToMinor(m))
        }
        op("currency_info") { _, i -> currencyInfo(i.str("code")).let { obj("code" to it.code, "minor_digits" to it.minorDigits) } }
        op("basis_points") { _, i -> obj("bp" to basisPoints(i.uint("bp"))) }
    }
}

/** Money from two input fields (text amount + currency code), parsed by the core like the Rust runner does. */
fun Input.money(amountKey: String, currencyKey: String): Money = parseMoney(str(amountKey), str(currencyKey))

/** serde form of Money: the amount keeps the canonical scale it crossed the boundary with. */
fun Money.json() = obj("amount" to amount, "currency" to currency)

package com.avalo.conformance.ops

import com.avalo.conformance.Input
import com.avalo.conformance.OpModule
import com.avalo.conformance.obj
import com.avalo.core.types.PackCombination
import com.avalo.core.types.PackQuote
import com.avalo.core.types.Policy
import com.avalo.core.types.SubscriptionTier
import com.avalo.core.cheapestPackCombination
import com.avalo.core.cheapestPackCovering
import com.avalo.core.convertFromPln
import com.avalo.core.listPacks
import com.avalo.core.packPrice
import com.avalo.core.plnToTokens
import com.avalo.core.subscriptionPrice
import com.avalo.core.tokensToPln

/** Vector ops of core/src/pricing.rs. */
object PricingOps : OpModule() {
    init {
        op("pack_price") { p: Policy, i: Input -> packPrice(p, i.str("pack_id"), i.str("currency"), i.optDecimal("fx_rate")).json() }
        op("list_packs") { p, i -> obj("packs" to listPacks(p, i.str("currency"), i.optDecimal("fx_rate")).map { it.json() }) }
        op("convert_from_pln") { _, i -> convertFromPln(i.money("amount", "from"), i.str("currency"), i.optDecimal("fx_rate")).json() }
        op("pln_to_tokens") { p, i -> obj("tokens" to plnToTokens(p, i.money("amount", "currency"))) }
        op("tokens_to_pln") { p, i -> tokensToPln(p, i.ulong("tokens")).json() }
        op("subscription_price") { p, i ->
            subscriptionPrice(p, i.enum<SubscriptionTier>("tier"), i.str("currency"), i.optDecimal("fx_rate")).json()
        }
        op("cheapest_pack_covering") { p, i -> cheapestPackCovering(p, i.ulong("tokens"), i.str("currency"), i.optDecimal("fx_rate")).json() }
        op("cheapest_pack_combination") { p, i ->
            cheapestPackCombination(p, i.ulong("tokens"), i.str("currency"), i.optDecimal("fx_rate")).json()
        }
    }
}

fun PackQuote.json() = obj(
    "pack_id" to packId, "tokens" to tokens, "popular" to popular, "price" to price.json(),
    "price_per_token" to pricePerToken, "converted" to converted, "policy_fingerprint" to policyFingerprint,
)

fun PackCombination.json() = obj(
    "packs" to packs.map { obj("pack_id" to it.packId, "count" to it.count) },
    "total_tokens" to totalTokens, "total_price" to totalPrice.json(), "policy_fingerprint" to policyFingerprint,
)

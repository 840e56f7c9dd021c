import AvaloCore

/// Vector ops of core/src/pricing.rs.
enum PricingOps {
    static func register(_ r: Registry) {
        r.op("pack_price") { p, i in
            try packPrice(policy: p, packId: try i.str("pack_id"), currency: try i.str("currency"), fxRate: try i.optDecimal("fx_rate")).json
        }
        r.op("list_packs") { p, i in
            obj(["packs": try listPacks(policy: p, currency: try i.str("currency"), fxRate: try i.optDecimal("fx_rate"))])
        }
        r.op("convert_from_pln") { _, i in
            try convertFromPln(pln: try i.money("amount", "from"), currency: try i.str("currency"), fxRate: try i.optDecimal("fx_rate")).json
        }
        r.op("pln_to_tokens") { p, i in obj(["tokens": try plnToTokens(policy: p, pln: try i.money("amount", "currency"))]) }
        r.op("tokens_to_pln") { p, i in try tokensToPln(policy: p, tokens: try i.u64("tokens")).json }
        r.op("subscription_price") { p, i in
            try subscriptionPrice(policy: p, tier: try i.enumValue("tier", SubscriptionTier.self),
                                  currency: try i.str("currency"), fxRate: try i.optDecimal("fx_rate")).json
        }
        r.op("cheapest_pack_covering") { p, i in
            try cheapestPackCovering(policy: p, tokens: try i.u64("tokens"), currency: try i.str("currency"),
                                     fxRate: try i.optDecimal("fx_rate")).json
        }
        r.op("cheapest_pack_combination") { p, i in
            try cheapestPackCombination(policy: p, tokens: try i.u64("tokens"), currency: try i.str("currency"),
                                        fxRate: try i.optDecimal("fx_rate")).json
        }
    }
}

extension SubscriptionTier: SnakeCaseEnum {}

/// `price_per_token` has exactly 4 decimals in every language (Swift's Decimal drops them).
extension PackQuote: JSONValue {
    var json: JSON {
        obj(["pack_id": packId, "tokens": tokens, "popular": popular, "price": price,
             "price_per_token": decimalString(pricePerToken, scale: 4), "converted": converted, "policy_fingerprint": policyFingerprint])
    }
}

extension PackCount: JSONValue {
    var json: JSON { obj(["pack_id": packId, "count": count]) }
}

extension PackCombination: JSONValue {
    var json: JSON {
        obj(["packs": packs, "total_tokens": totalTokens, "total_price": totalPrice, "policy_fingerprint": policyFingerprint])
    }
}

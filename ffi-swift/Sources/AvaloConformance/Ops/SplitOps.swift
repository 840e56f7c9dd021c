import AvaloCore

/// Vector ops of core/src/split.rs.
enum SplitOps {
    static func register(_ r: Registry) {
        r.op("split_amount") { _, i in try splitAmount(amount: try i.u64("amount"), creatorBp: try i.u32("creator_bp")).json }
        r.op("split_revenue") { p, i in
            try splitRevenue(policy: p, stream: try i.enumValue("stream", RevenueStream.self), amount: try i.u64("amount")).json
        }
        r.op("split_cumulative_batch") { p, i in
            let state = try i.optObj("state").map { CumulativeSplit(total: try $0.u64("total"), creatorTotal: try $0.u64("creator_total")) }
                ?? CumulativeSplit(total: 0, creatorTotal: 0)
            return try splitCumulativeBatch(policy: p, stream: try i.enumValue("stream", RevenueStream.self), state: state,
                                            amounts: try i.u64s("amounts")).json
        }
        r.op("split_tip") { p, i in
            try splitTip(policy: p, payerId: try i.str("payer_id"), creatorId: try i.str("creator_id"), amount: try i.u64("amount")).json
        }
        r.op("split_unlock") { p, i in
            try splitUnlock(policy: p, stream: try i.enumValue("stream", RevenueStream.self), payerId: try i.str("payer_id"),
                            creatorId: try i.str("creator_id"), price: try i.optU64("price")).json
        }
        r.op("register_referral") { _, i in
            obj(["referrer_id": try registerReferral(referrerId: try i.str("referrer_id"), referredId: try i.str("referred_id"),
                                                     existingReferrer: try i.optStr("existing_referrer"))])
        }
        r.op("referral_reward") { p, i in
            let r = try referralReward(policy: p, hasReferrer: try i.bool("has_referrer"), purchasesBefore: try i.u64("purchases_before"))
            return obj(["referrer_tokens": r.referrerTokens, "referred_tokens": r.referredTokens])
        }
    }
}

extension RevenueStream: SnakeCaseEnum {}

extension Split: JSONValue {
    var json: JSON { obj(["amount": amount, "creator": creator, "platform": platform]) }
}

extension CumulativeSplit: JSONValue {
    var json: JSON { obj(["total": total, "creator_total": creatorTotal]) }
}

extension RevenueSplit: JSONValue {
    var json: JSON {
        obj(["stream": stream, "creator_bp": creatorBp, "amount": amount, "creator": creator, "platform": platform,
             "policy_fingerprint": policyFingerprint])
    }
}

extension CumulativeBatch: JSONValue {
    var json: JSON { obj(["splits": splits, "state": state, "creator": creator, "platform": platform]) }
}

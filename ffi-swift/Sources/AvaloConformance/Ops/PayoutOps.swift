import AvaloCore

/// Vector ops of core/src/payout.rs.
enum PayoutOps {
    static func register(_ r: Registry) {
        r.op("quote_withdrawal") { p, i in
            let request = WithdrawalRequest(
                amount: try i.u64("amount"),
                availableBalance: try i.u64("available_balance"),
                kycVerified: try i.bool("kyc_verified"),
                method: try i.enumValue("method", PayoutMethod.self),
                requestedAtMs: try i.i64("requested_at_ms"))
            return try quoteWithdrawal(policy: p, request: request).json
        }
    }
}

extension PayoutMethod: SnakeCaseEnum {}

extension WithdrawalQuote: JSONValue {
    var json: JSON {
        obj(["amount": amount, "fee": fee, "net_tokens": netTokens, "payout": payout, "method": method,
             "earliest_date": earliestDate, "latest_date": latestDate, "policy_fingerprint": policyFingerprint])
    }
}

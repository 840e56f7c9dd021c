package com.avalo.conformance.ops

import com.avalo.conformance.Input
import com.avalo.conformance.OpModule
import com.avalo.conformance.obj
import com.avalo.core.types.PayoutMethod
import com.avalo.core.types.Policy
import com.avalo.core.types.WithdrawalQuote
import com.avalo.core.types.WithdrawalRequest
import com.avalo.core.quoteWithdrawal

/** Vector ops of core/src/payout.rs. */
object PayoutOps : OpModule() {
    init {
        op("quote_withdrawal") { p: Policy, i: Input ->
            val request = WithdrawalRequest(
                amount = i.ulong("amount"),
                availableBalance = i.ulong("available_balance"),
                kycVerified = i.bool("kyc_verified"),
                method = i.enum<PayoutMethod>("method"),
                requestedAtMs = i.long("requested_at_ms"),
            )
            quoteWithdrawal(p, request).json()
        }
    }
}

fun WithdrawalQuote.json() = obj(
    "amount" to amount, "fee" to fee, "net_tokens" to netTokens, "payout" to payout.json(), "method" to method,
    "earliest_date" to earliestDate, "latest_date" to latestDate, "policy_fingerprint" to policyFingerprint,
)

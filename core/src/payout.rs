//! Creator withdrawals (SPEC §3.6): range, 2 % fee rounded up, KYC, balance, PLN payout and
//! the 2–5 business day processing window.
//!
//! Checks run in this order and the first failure is reported: amount range
//! (`AMOUNT_OUT_OF_RANGE`), KYC (`KYC_REQUIRED`), balance (`INSUFFICIENT_TOKENS`).

use crate::error::{Error, ErrorCode, Result};
use crate::money::{BasisPoints, Money, Tokens};
use crate::policy::{check, Policy, PolicyProblem};
use crate::time;
use serde::{Deserialize, Serialize};

/// Payout methods (SPEC §3.6).
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[serde(rename_all = "snake_case")]
pub enum PayoutMethod {
    /// Bank transfer.
    BankTransfer,
    /// Cryptocurrency.
    Crypto,
    /// PayPal.
    Paypal,
}

/// Withdrawal section of the policy.
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PayoutPolicy {
    /// Smallest withdrawal, tokens (500).
    pub min_tokens: Tokens,
    /// Largest withdrawal per request, tokens (50 000).
    pub max_tokens: Tokens,
    /// Fee, basis points, rounded up to a whole token (200 = 2 %).
    pub fee_bp: BasisPoints,
    /// Earliest processing time, business days (2).
    pub min_business_days: u32,
    /// Latest processing time, business days (5).
    pub max_business_days: u32,
    /// Allowed methods.
    pub methods: Vec<PayoutMethod>,
}

impl Default for PayoutPolicy {
    fn default() -> Self {
        PayoutPolicy {
            min_tokens: 500,
            max_tokens: 50_000,
            fee_bp: BasisPoints::new(200).unwrap_or(BasisPoints::FULL),
            min_business_days: 2,
            max_business_days: 5,
            methods: vec![PayoutMethod::BankTransfer, PayoutMethod::Crypto, PayoutMethod::Paypal],
        }
    }
}

impl PayoutPolicy {
    pub(crate) fn validate(&self, path: &str, p: &mut Vec<PolicyProblem>) {
        use crate::policy::bounds as b;
        check(self.min_tokens > 0, p, format!("{path}.min_tokens"), "must be > 0");
        check(self.min_tokens <= self.max_tokens, p, format!("{path}.max_tokens"), "must be >= min_tokens");
        check(self.max_tokens <= b::MAX_PAYOUT_TOKENS, p, format!("{path}.max_tokens"), "must be at most 10^12");
        check(
            self.min_business_days <= self.max_business_days,
            p,
            format!("{path}.max_business_days"),
            "must be >= min_business_days",
        );
        check(self.max_business_days <= b::MAX_BUSINESS_DAYS, p, format!("{path}.max_business_days"), "must be <= 60");
        check(!self.methods.is_empty(), p, format!("{path}.methods"), "must not be empty");
        check(self.methods.len() <= b::MAX_PAYOUT_METHODS, p, format!("{path}.methods"), "must hold at most 16");
    }
}

/// A withdrawal request, as the host knows it.
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct WithdrawalRequest {
    /// Tokens to withdraw (gross, before the fee).
    pub amount: Tokens,
    /// The creator's available balance, tokens.
    pub available_balance: Tokens,
    /// Whether the creator's KYC is verified.
    pub kyc_verified: bool,
    /// Payout method.
    pub method: PayoutMethod,
    /// When the request is made, ms since the epoch (UTC).
    pub requested_at_ms: i64,
}

/// The quote for a valid withdrawal.
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct WithdrawalQuote {
    /// Gross tokens withdrawn (debited from the balance).
    pub amount: Tokens,
    /// Fee tokens: `ceil(amount × fee_bp / 10 000)`.
    pub fee: Tokens,
    /// Net tokens paid out: `amount − fee`.
    pub net_tokens: Tokens,
    /// Net tokens at the settlement value (0.20 PLN each).
    pub payout: Money,
    /// Payout method.
    pub method: PayoutMethod,
    /// Earliest expected arrival date (`YYYY-MM-DD`, UTC): 2 business days after the request.
    pub earliest_date: String,
    /// Latest expected arrival date: 5 business days after the request.
    pub latest_date: String,
    /// Fingerprint of the policy.
    pub policy_fingerprint: String,
}

/// The fee on a withdrawal: `ceil(amount × bp / 10 000)` (500 → 10, 501 → 11).
pub fn withdrawal_fee(amount: Tokens, fee_bp: BasisPoints) -> Tokens {
    let fee = (u128::from(amount) * u128::from(fee_bp.get())).div_ceil(10_000);
    // fee ≤ amount because bp ≤ 10 000, so it fits u64.
    u64::try_from(fee).unwrap_or(amount)
}

/// Validates and prices a withdrawal (SPEC §3.6).
pub fn quote_withdrawal(policy: &Policy, request: &WithdrawalRequest) -> Result<WithdrawalQuote> {
    let p = &policy.payout;
    let amount = request.amount;
    if amount < p.min_tokens || amount > p.max_tokens {
        return Err(Error::out_of_range(format!(
            "a withdrawal must be {}..={} tokens, got {amount}",
            p.min_tokens, p.max_tokens
        )));
    }
    if !p.methods.contains(&request.method) {
        return Err(Error::invalid(format!("payout method {:?} is not offered", request.method)));
    }
    if !request.kyc_verified {
        return Err(Error::new(ErrorCode::KycRequired, "the creator's KYC is not verified"));
    }
    if amount > request.available_balance {
        return Err(Error::new(
            ErrorCode::InsufficientTokens,
            format!("needed {amount}, available {}", request.available_balance),
        ));
    }
    let fee = withdrawal_fee(amount, p.fee_bp);
    let net_tokens = amount - fee;
    let payout = crate::pricing::tokens_to_pln(policy, net_tokens)?;
    let day = time::utc_date(request.requested_at_ms)?;
    let earliest = time::add_business_days(day, p.min_business_days)?;
    let latest = time::add_business_days(day, p.max_business_days)?;
    Ok(WithdrawalQuote {
        amount,
        fee,
        net_tokens,
        payout,
        method: request.method,
        earliest_date: time::format_date(earliest),
        latest_date: time::format_date(latest),
        policy_fingerprint: policy.fingerprint().to_string(),
    })
}

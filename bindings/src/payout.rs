//! Facade of `core/src/payout.rs`: creator withdrawals (SPEC §3.6).

use crate::error::{guard, AvaloError};
use crate::money::{bp, Money};
use crate::policy::Policy;
use avalo_core::payout as core;

/// Payout methods (SPEC §3.6).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, uniffi::Enum)]
pub enum PayoutMethod {
    /// Bank transfer.
    BankTransfer,
    /// Cryptocurrency.
    Crypto,
    /// PayPal.
    Paypal,
}

impl From<PayoutMethod> for core::PayoutMethod {
    fn from(m: PayoutMethod) -> Self {
        match m {
            PayoutMethod::BankTransfer => core::PayoutMethod::BankTransfer,
            PayoutMethod::Crypto => core::PayoutMethod::Crypto,
            PayoutMethod::Paypal => core::PayoutMethod::Paypal,
        }
    }
}

impl From<core::PayoutMethod> for PayoutMethod {
    fn from(m: core::PayoutMethod) -> Self {
        match m {
            core::PayoutMethod::BankTransfer => PayoutMethod::BankTransfer,
            core::PayoutMethod::Crypto => PayoutMethod::Crypto,
            core::PayoutMethod::Paypal => PayoutMethod::Paypal,
        }
    }
}

/// A withdrawal request, as the host knows it.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct WithdrawalRequest {
    /// Tokens to withdraw (gross, before the fee).
    pub amount: u64,
    /// The creator's available balance, tokens.
    pub available_balance: u64,
    /// Whether the creator's KYC is verified.
    pub kyc_verified: bool,
    /// Payout method.
    pub method: PayoutMethod,
    /// When the request is made, ms since the epoch (UTC).
    pub requested_at_ms: i64,
}

impl From<WithdrawalRequest> for core::WithdrawalRequest {
    fn from(r: WithdrawalRequest) -> Self {
        core::WithdrawalRequest {
            amount: r.amount,
            available_balance: r.available_balance,
            kyc_verified: r.kyc_verified,
            method: r.method.into(),
            requested_at_ms: r.requested_at_ms,
        }
    }
}

/// The quote for a valid withdrawal.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct WithdrawalQuote {
    /// Gross tokens withdrawn.
    pub amount: u64,
    /// Fee tokens: `ceil(amount × fee_bp / 10 000)`.
    pub fee: u64,
    /// Net tokens paid out.
    pub net_tokens: u64,
    /// Net tokens at the settlement value, PLN.
    pub payout: Money,
    /// Payout method.
    pub method: PayoutMethod,
    /// Earliest expected arrival date (`YYYY-MM-DD`, UTC).
    pub earliest_date: String,
    /// Latest expected arrival date (`YYYY-MM-DD`, UTC).
    pub latest_date: String,
    /// Fingerprint of the policy.
    pub policy_fingerprint: String,
}

impl From<core::WithdrawalQuote> for WithdrawalQuote {
    fn from(q: core::WithdrawalQuote) -> Self {
        WithdrawalQuote {
            amount: q.amount,
            fee: q.fee,
            net_tokens: q.net_tokens,
            payout: q.payout.into(),
            method: q.method.into(),
            earliest_date: q.earliest_date,
            latest_date: q.latest_date,
            policy_fingerprint: q.policy_fingerprint,
        }
    }
}

/// Validates and prices a withdrawal. Checks run range (`AMOUNT_OUT_OF_RANGE`), method, KYC
/// (`KYC_REQUIRED`), balance (`INSUFFICIENT_TOKENS`); the first failure is reported.
#[uniffi::export]
pub fn quote_withdrawal(policy: &Policy, request: WithdrawalRequest) -> Result<WithdrawalQuote, AvaloError> {
    guard(|| Ok(core::quote_withdrawal(policy.core(), &request.into())?.into()))
}

/// The fee on a withdrawal: `ceil(amount × fee_bp / 10 000)` (more than 10 000 bp is
/// `INVALID_INPUT`).
#[uniffi::export]
pub fn withdrawal_fee(amount: u64, fee_bp: u32) -> Result<u64, AvaloError> {
    guard(|| Ok(core::withdrawal_fee(amount, bp(fee_bp)?)))
}

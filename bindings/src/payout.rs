//! Facade of `core/src/payout.rs`: creator withdrawals (SPEC §3.6).

use crate::error::{guard, AvaloError};
use crate::money::bp;
use avalo_core::payout::{self as core, *};
use avalo_core::Policy;

/// Validates and prices a withdrawal. Checks run range (`AMOUNT_OUT_OF_RANGE`), method, KYC
/// (`KYC_REQUIRED`), balance (`INSUFFICIENT_TOKENS`); the first failure is reported.
#[uniffi::export]
pub fn quote_withdrawal(policy: &Policy, request: WithdrawalRequest) -> Result<WithdrawalQuote, AvaloError> {
    guard(|| Ok(core::quote_withdrawal(policy, &request)?))
}

/// The fee on a withdrawal: `ceil(amount × fee_bp / 10 000)` (more than 10 000 bp is
/// `INVALID_INPUT`).
#[uniffi::export]
pub fn withdrawal_fee(amount: u64, fee_bp: u32) -> Result<u64, AvaloError> {
    guard(|| Ok(core::withdrawal_fee(amount, bp(fee_bp)?)))
}

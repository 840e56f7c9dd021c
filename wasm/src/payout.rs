//! Facade of `core/src/payout.rs`: creator withdrawals (SPEC §3.6).

use crate::convert::{from_js, number, to_js, uint, uint32, JsResult};
use crate::Policy;
use avalo_core::payout as rules;
use avalo_core::payout::{WithdrawalQuote, WithdrawalRequest};
use avalo_core::BasisPoints;
use js_sys::Number;
use tsify::Ts;
use wasm_bindgen::prelude::*;

/// Validates and prices a withdrawal. Checks in order: amount range (`AMOUNT_OUT_OF_RANGE`),
/// method offered (`INVALID_INPUT`), KYC (`KYC_REQUIRED`), balance (`INSUFFICIENT_TOKENS`).
#[wasm_bindgen(js_name = quoteWithdrawal)]
pub fn quote_withdrawal(policy: &Policy, request: Ts<WithdrawalRequest>) -> JsResult<Ts<WithdrawalQuote>> {
    let q = rules::quote_withdrawal(policy.core(), &from_js(&request)?)?;
    Ok(to_js(&q)?)
}

/// The fee on a withdrawal of `amount` tokens at `feeBp`: `ceil(amount × bp / 10 000)`.
#[wasm_bindgen(js_name = withdrawalFee)]
pub fn withdrawal_fee(amount: Number, #[wasm_bindgen(js_name = feeBp)] fee_bp: Number) -> JsResult<f64> {
    let bp = BasisPoints::new(uint32(&fee_bp, "feeBp")?)?;
    Ok(number(rules::withdrawal_fee(uint(&amount, "amount")?, bp), "fee")?)
}

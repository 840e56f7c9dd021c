//! Facade of `core/src/payout.rs`: creator withdrawals (SPEC §3.6).

use crate::convert::{from_js, number, to_js, uint, uint32, JsResult};
use crate::money::Money;
use crate::Policy;
use avalo_core::payout as rules;
use avalo_core::BasisPoints;
use js_sys::Number;
use serde::{Deserialize, Serialize};
use tsify::{Ts, Tsify};
use wasm_bindgen::prelude::*;

/// Payout methods (SPEC §3.6).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Tsify)]
#[serde(rename_all = "snake_case")]
pub enum PayoutMethod {
    /// Bank transfer.
    BankTransfer,
    /// Cryptocurrency.
    Crypto,
    /// PayPal.
    Paypal,
}

impl From<PayoutMethod> for rules::PayoutMethod {
    fn from(m: PayoutMethod) -> Self {
        match m {
            PayoutMethod::BankTransfer => rules::PayoutMethod::BankTransfer,
            PayoutMethod::Crypto => rules::PayoutMethod::Crypto,
            PayoutMethod::Paypal => rules::PayoutMethod::Paypal,
        }
    }
}

impl From<rules::PayoutMethod> for PayoutMethod {
    fn from(m: rules::PayoutMethod) -> Self {
        match m {
            rules::PayoutMethod::BankTransfer => PayoutMethod::BankTransfer,
            rules::PayoutMethod::Crypto => PayoutMethod::Crypto,
            rules::PayoutMethod::Paypal => PayoutMethod::Paypal,
        }
    }
}

/// A withdrawal request, as the host knows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Tsify)]
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

impl From<WithdrawalRequest> for rules::WithdrawalRequest {
    fn from(r: WithdrawalRequest) -> Self {
        let WithdrawalRequest { amount, available_balance, kyc_verified, method, requested_at_ms } = r;
        rules::WithdrawalRequest { amount, available_balance, kyc_verified, method: method.into(), requested_at_ms }
    }
}

/// The quote for a valid withdrawal.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Tsify)]
pub struct WithdrawalQuote {
    /// Gross tokens withdrawn (debited from the balance).
    pub amount: u64,
    /// Fee tokens: `ceil(amount × fee_bp / 10 000)`.
    pub fee: u64,
    /// Net tokens paid out: `amount − fee`.
    pub net_tokens: u64,
    /// Net tokens at the settlement value, in PLN.
    pub payout: Money,
    /// Payout method.
    pub method: PayoutMethod,
    /// Earliest expected arrival date, `YYYY-MM-DD` (UTC).
    pub earliest_date: String,
    /// Latest expected arrival date, `YYYY-MM-DD` (UTC).
    pub latest_date: String,
    /// Fingerprint of the policy.
    pub policy_fingerprint: String,
}

impl From<rules::WithdrawalQuote> for WithdrawalQuote {
    fn from(q: rules::WithdrawalQuote) -> Self {
        let rules::WithdrawalQuote {
            amount,
            fee,
            net_tokens,
            payout,
            method,
            earliest_date,
            latest_date,
            policy_fingerprint,
        } = q;
        WithdrawalQuote {
            amount,
            fee,
            net_tokens,
            payout: payout.into(),
            method: method.into(),
            earliest_date,
            latest_date,
            policy_fingerprint,
        }
    }
}

/// Validates and prices a withdrawal. Checks in order: amount range (`AMOUNT_OUT_OF_RANGE`),
/// method offered (`INVALID_INPUT`), KYC (`KYC_REQUIRED`), balance (`INSUFFICIENT_TOKENS`).
#[wasm_bindgen(js_name = quoteWithdrawal)]
pub fn quote_withdrawal(policy: &Policy, request: Ts<WithdrawalRequest>) -> JsResult<Ts<WithdrawalQuote>> {
    let q = rules::quote_withdrawal(policy.core(), &from_js(&request)?.into())?;
    Ok(to_js(&WithdrawalQuote::from(q))?)
}

/// The fee on a withdrawal of `amount` tokens at `feeBp`: `ceil(amount × bp / 10 000)`.
#[wasm_bindgen(js_name = withdrawalFee)]
pub fn withdrawal_fee(amount: Number, #[wasm_bindgen(js_name = feeBp)] fee_bp: Number) -> JsResult<f64> {
    let bp = BasisPoints::new(uint32(&fee_bp, "feeBp")?)?;
    Ok(number(rules::withdrawal_fee(uint(&amount, "amount")?, bp), "fee")?)
}

#[cfg(test)]
mod tests {
    use super::*;
    use avalo_core::Policy as CorePolicy;

    #[test]
    fn mirrors_have_the_core_wire_format() {
        let json = serde_json::json!({"amount": 1000, "available_balance": 5000, "kyc_verified": true,
            "method": "paypal", "requested_at_ms": 1_795_176_000_000_i64});
        let mirror: WithdrawalRequest = serde_json::from_value(json.clone()).unwrap();
        let core_req: rules::WithdrawalRequest = serde_json::from_value(json).unwrap();
        assert_eq!(rules::WithdrawalRequest::from(mirror), core_req);
        let q = rules::quote_withdrawal(&CorePolicy::default(), &core_req).unwrap();
        assert_eq!(serde_json::to_value(WithdrawalQuote::from(q.clone())).unwrap(), serde_json::to_value(q).unwrap());
    }
}

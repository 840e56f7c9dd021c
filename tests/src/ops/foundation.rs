//! Vector operations of the foundation modules: policy, money, pricing, split, payout, error.

use super::{arg, opt, out, OpResult};
use avalo_core::error::{retry_delay, ErrorCode};
use avalo_core::payout::{quote_withdrawal, WithdrawalRequest};
use avalo_core::pricing::{self, SubscriptionTier};
use avalo_core::split::{self, CumulativeSplit, RevenueStream};
use avalo_core::{BasisPoints, Currency, Decimal, Error, Money, Policy, Tokens};
use serde_json::{json, Value};

fn currency(input: &Value, key: &str) -> Result<Currency, Error> {
    Currency::from_code(&arg::<String>(input, key)?)
}

fn fx(input: &Value) -> Result<Option<Decimal>, Error> {
    match opt::<String>(input, "fx_rate")? {
        None => Ok(None),
        Some(s) => s.parse::<Decimal>().map(Some).map_err(|e| Error::invalid(format!("fx_rate {s:?}: {e}"))),
    }
}

fn money(input: &Value, amount_key: &str, currency_key: &str) -> Result<Money, Error> {
    Money::parse(&arg::<String>(input, amount_key)?, currency(input, currency_key)?)
}

/// Runs one foundation operation, or `None` if the name is not one of them.
pub fn run(policy: &Policy, op: &str, i: &Value) -> Option<OpResult> {
    let r = match op {
        "policy_info" => Ok(json!({"version": policy.version(), "fingerprint": policy.fingerprint()})),
        "load_policy" => arg::<String>(i, "json")
            .and_then(|j| Policy::from_json(&j))
            .map(|p| json!({"version": p.version(), "fingerprint": p.fingerprint()})),
        "policy_problems" => {
            arg::<String>(i, "json").and_then(|j| out(json!({"problems": Policy::problems_in_json(&j)})))
        }
        "parse_money" => money(i, "amount", "currency")
            .and_then(|m| out(json!({"amount": m.to_decimal_string(), "currency": m.currency, "minor": m.minor}))),
        "currency_info" => currency(i, "code").map(|c| json!({"code": c.code(), "minor_digits": c.minor_digits()})),
        "basis_points" => arg::<u32>(i, "bp").and_then(BasisPoints::new).map(|b| json!({"bp": b.get()})),
        "pack_price" => {
            (|| pricing::pack_price(policy, &arg::<String>(i, "pack_id")?, currency(i, "currency")?, fx(i)?))()
                .and_then(out)
        }
        "list_packs" => {
            (|| pricing::list_packs(policy, currency(i, "currency")?, fx(i)?))().and_then(|p| out(json!({"packs": p})))
        }
        "convert_from_pln" => {
            (|| pricing::convert_from_pln(money(i, "amount", "from")?, currency(i, "currency")?, fx(i)?))()
                .and_then(out)
        }
        "pln_to_tokens" => {
            (|| pricing::pln_to_tokens(policy, money(i, "amount", "currency")?))().map(|t| json!({"tokens": t}))
        }
        "tokens_to_pln" => (|| pricing::tokens_to_pln(policy, arg(i, "tokens")?))().and_then(out),
        "subscription_price" => (|| {
            pricing::subscription_price(policy, arg::<SubscriptionTier>(i, "tier")?, currency(i, "currency")?, fx(i)?)
        })()
        .and_then(out),
        "cheapest_pack_covering" => {
            (|| pricing::cheapest_pack_covering(policy, arg(i, "tokens")?, currency(i, "currency")?, fx(i)?))()
                .and_then(out)
        }
        "cheapest_pack_combination" => {
            (|| pricing::cheapest_pack_combination(policy, arg(i, "tokens")?, currency(i, "currency")?, fx(i)?))()
                .and_then(out)
        }
        "split_amount" => {
            (|| Ok(split::split_amount(arg(i, "amount")?, BasisPoints::new(arg(i, "creator_bp")?)?)))().and_then(out)
        }
        "split_revenue" => {
            (|| Ok(split::split_revenue(policy, arg::<RevenueStream>(i, "stream")?, arg(i, "amount")?)))().and_then(out)
        }
        "split_cumulative_batch" => (|| {
            let state = opt::<CumulativeSplit>(i, "state")?.unwrap_or_default();
            split::split_cumulative_batch(policy, arg(i, "stream")?, state, &arg::<Vec<Tokens>>(i, "amounts")?)
        })()
        .and_then(out),
        "split_tip" => (|| {
            split::split_tip(
                policy,
                &arg::<String>(i, "payer_id")?,
                &arg::<String>(i, "creator_id")?,
                arg(i, "amount")?,
            )
        })()
        .and_then(out),
        "split_unlock" => (|| {
            split::split_unlock(
                policy,
                arg(i, "stream")?,
                &arg::<String>(i, "payer_id")?,
                &arg::<String>(i, "creator_id")?,
                opt(i, "price")?,
            )
        })()
        .and_then(out),
        "register_referral" => (|| {
            let existing = opt::<String>(i, "existing_referrer")?;
            split::register_referral(
                &arg::<String>(i, "referrer_id")?,
                &arg::<String>(i, "referred_id")?,
                existing.as_deref(),
            )
        })()
        .map(|r| json!({"referrer_id": r})),
        "referral_reward" => {
            (|| Ok(split::referral_reward(policy, arg(i, "has_referrer")?, arg(i, "purchases_before")?)))()
                .and_then(out)
        }
        "quote_withdrawal" => (|| {
            quote_withdrawal(
                policy,
                &serde_json::from_value::<WithdrawalRequest>(i.clone())
                    .map_err(|e| Error::invalid(format!("{}: {e}", super::BAD_VECTOR)))?,
            )
        })()
        .and_then(out),
        "error_info" => (|| {
            let raw = arg::<String>(i, "code")?;
            let code = ErrorCode::parse(&raw).ok_or_else(|| Error::invalid(format!("unknown code {raw}")))?;
            Ok(json!({"code": code.as_str(), "message": code.message(), "retry_strategy": code.retry_strategy()}))
        })(),
        "retry_delay" => (|| {
            let raw = arg::<String>(i, "code")?;
            let code = ErrorCode::parse(&raw).ok_or_else(|| Error::invalid(format!("unknown code {raw}")))?;
            retry_delay(&policy.retry, code, arg(i, "attempt")?, arg(i, "jitter_ppm")?, opt(i, "retry_after_ms")?)
        })()
        .and_then(out),
        _ => return None,
    };
    Some(r)
}

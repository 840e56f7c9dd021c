//! Facade of `core/src/pricing.rs`: token packs, FX conversion, settlement value,
//! subscriptions (SPEC §2).
//!
//! `fx_rate` is "units of the target currency per 1 PLN"; it is needed only for a currency the
//! pack table lacks (the table price wins when present).

use crate::error::{guard, AvaloError};
use crate::money::currency;
use avalo_core::pricing::{self as core, *};
use avalo_core::Decimal;
use avalo_core::Money;
use avalo_core::Policy;

/// The price of one pack in `currency` (table price, or PLN × FX rate rounded half-up).
/// Unknown pack or currency, or a missing/non-positive rate when one is needed, is
/// `INVALID_INPUT`.
#[uniffi::export]
pub fn pack_price(
    policy: &Policy,
    pack_id: String,
    currency: String,
    fx_rate: Option<Decimal>,
) -> Result<PackQuote, AvaloError> {
    guard(|| Ok(core::pack_price(policy, &pack_id, self::currency(&currency)?, fx_rate)?))
}

/// Every pack priced in `currency`, in table order (one call for the whole store screen).
#[uniffi::export]
pub fn list_packs(policy: &Policy, currency: String, fx_rate: Option<Decimal>) -> Result<Vec<PackQuote>, AvaloError> {
    guard(|| {
        let quotes = core::list_packs(policy, self::currency(&currency)?, fx_rate)?;
        Ok(quotes.into_iter().collect())
    })
}

/// Converts a PLN amount to `currency` with an FX rate, rounded half-up to the minor unit.
/// PLN → PLN needs no rate; a non-PLN source is `INVALID_INPUT`.
#[uniffi::export]
pub fn convert_from_pln(pln: Money, currency: String, fx_rate: Option<Decimal>) -> Result<Money, AvaloError> {
    guard(|| Ok(core::convert_from_pln(pln, self::currency(&currency)?, fx_rate)?))
}

/// Tokens bought by a PLN amount at the settlement value (0.60 PLN → 3 tokens).
#[uniffi::export]
pub fn pln_to_tokens(policy: &Policy, pln: Money) -> Result<u64, AvaloError> {
    guard(|| Ok(core::pln_to_tokens(policy, pln)?))
}

/// The PLN settlement value of tokens (3 tokens → 0.60 PLN).
#[uniffi::export]
pub fn tokens_to_pln(policy: &Policy, tokens: u64) -> Result<Money, AvaloError> {
    guard(|| Ok(core::tokens_to_pln(policy, tokens)?))
}

/// The monthly price of a subscription tier in `currency` (PLN × FX, half-up).
#[uniffi::export]
pub fn subscription_price(
    policy: &Policy,
    tier: SubscriptionTier,
    currency: String,
    fx_rate: Option<Decimal>,
) -> Result<Money, AvaloError> {
    guard(|| Ok(core::subscription_price(policy, tier, self::currency(&currency)?, fx_rate)?))
}

/// The single cheapest pack delivering at least `tokens`; 0 or more than the largest pack is
/// `AMOUNT_OUT_OF_RANGE`.
#[uniffi::export]
pub fn cheapest_pack_covering(
    policy: &Policy,
    tokens: u64,
    currency: String,
    fx_rate: Option<Decimal>,
) -> Result<PackQuote, AvaloError> {
    guard(|| Ok(core::cheapest_pack_covering(policy, tokens, self::currency(&currency)?, fx_rate)?))
}

/// The packs (repeats allowed) covering at least `tokens` for the least money; 0 or more than
/// `pricing.max_combination_tokens` is `AMOUNT_OUT_OF_RANGE`.
#[uniffi::export]
pub fn cheapest_pack_combination(
    policy: &Policy,
    tokens: u64,
    currency: String,
    fx_rate: Option<Decimal>,
) -> Result<PackCombination, AvaloError> {
    guard(|| Ok(core::cheapest_pack_combination(policy, tokens, self::currency(&currency)?, fx_rate)?))
}

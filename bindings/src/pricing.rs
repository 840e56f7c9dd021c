//! Facade of `core/src/pricing.rs`: token packs, FX conversion, settlement value,
//! subscriptions (SPEC §2).
//!
//! `fx_rate` is "units of the target currency per 1 PLN"; it is needed only for a currency the
//! pack table lacks (the table price wins when present).

use crate::decimal::{opt_decimal, Decimal};
use crate::error::{guard, AvaloError};
use crate::money::{currency, Money};
use crate::policy::Policy;
use avalo_core::pricing as core;

/// Subscription tiers (SPEC §2.3).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, uniffi::Enum)]
pub enum SubscriptionTier {
    /// No subscription.
    Free,
    /// Plus, 39 PLN / month.
    Plus,
    /// Intimate, 79 PLN / month.
    Intimate,
    /// Creator, 149 PLN / month.
    Creator,
}

impl From<SubscriptionTier> for core::SubscriptionTier {
    fn from(t: SubscriptionTier) -> Self {
        match t {
            SubscriptionTier::Free => core::SubscriptionTier::Free,
            SubscriptionTier::Plus => core::SubscriptionTier::Plus,
            SubscriptionTier::Intimate => core::SubscriptionTier::Intimate,
            SubscriptionTier::Creator => core::SubscriptionTier::Creator,
        }
    }
}

impl From<core::SubscriptionTier> for SubscriptionTier {
    fn from(t: core::SubscriptionTier) -> Self {
        match t {
            core::SubscriptionTier::Free => SubscriptionTier::Free,
            core::SubscriptionTier::Plus => SubscriptionTier::Plus,
            core::SubscriptionTier::Intimate => SubscriptionTier::Intimate,
            core::SubscriptionTier::Creator => SubscriptionTier::Creator,
        }
    }
}

/// A pack's price in one currency.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct PackQuote {
    /// Pack id (`"mini"`, `"standard"`, …).
    pub pack_id: String,
    /// Tokens delivered.
    pub tokens: u64,
    /// Marked as the popular choice.
    pub popular: bool,
    /// Price in the requested currency.
    pub price: Money,
    /// Price of one token in major units, rounded half-up to 4 decimal places.
    pub price_per_token: Decimal,
    /// `true` when the price came from the FX rate, `false` when from the table.
    pub converted: bool,
    /// Fingerprint of the policy that priced it.
    pub policy_fingerprint: String,
}

impl From<core::PackQuote> for PackQuote {
    fn from(q: core::PackQuote) -> Self {
        PackQuote {
            pack_id: q.pack_id,
            tokens: q.tokens,
            popular: q.popular,
            price: q.price.into(),
            price_per_token: q.price_per_token.into(),
            converted: q.converted,
            policy_fingerprint: q.policy_fingerprint,
        }
    }
}

/// How many of one pack a combination holds.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct PackCount {
    /// Pack id.
    pub pack_id: String,
    /// How many of it (≥ 1).
    pub count: u64,
}

impl From<core::PackCount> for PackCount {
    fn from(c: core::PackCount) -> Self {
        PackCount { pack_id: c.pack_id, count: c.count }
    }
}

/// A multiset of packs covering a token amount.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct PackCombination {
    /// Packs with counts, largest pack first.
    pub packs: Vec<PackCount>,
    /// Tokens delivered in total (≥ the tokens asked for).
    pub total_tokens: u64,
    /// Total price.
    pub total_price: Money,
    /// Fingerprint of the policy that priced it.
    pub policy_fingerprint: String,
}

impl From<core::PackCombination> for PackCombination {
    fn from(c: core::PackCombination) -> Self {
        PackCombination {
            packs: c.packs.into_iter().map(Into::into).collect(),
            total_tokens: c.total_tokens,
            total_price: c.total_price.into(),
            policy_fingerprint: c.policy_fingerprint,
        }
    }
}

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
    guard(|| Ok(core::pack_price(policy.core(), &pack_id, self::currency(&currency)?, opt_decimal(fx_rate)?)?.into()))
}

/// Every pack priced in `currency`, in table order (one call for the whole store screen).
#[uniffi::export]
pub fn list_packs(policy: &Policy, currency: String, fx_rate: Option<Decimal>) -> Result<Vec<PackQuote>, AvaloError> {
    guard(|| {
        let quotes = core::list_packs(policy.core(), self::currency(&currency)?, opt_decimal(fx_rate)?)?;
        Ok(quotes.into_iter().map(Into::into).collect())
    })
}

/// Converts a PLN amount to `currency` with an FX rate, rounded half-up to the minor unit.
/// PLN → PLN needs no rate; a non-PLN source is `INVALID_INPUT`.
#[uniffi::export]
pub fn convert_from_pln(pln: Money, currency: String, fx_rate: Option<Decimal>) -> Result<Money, AvaloError> {
    guard(|| Ok(core::convert_from_pln(pln.try_into()?, self::currency(&currency)?, opt_decimal(fx_rate)?)?.into()))
}

/// Tokens bought by a PLN amount at the settlement value (0.60 PLN → 3 tokens).
#[uniffi::export]
pub fn pln_to_tokens(policy: &Policy, pln: Money) -> Result<u64, AvaloError> {
    guard(|| Ok(core::pln_to_tokens(policy.core(), pln.try_into()?)?))
}

/// The PLN settlement value of tokens (3 tokens → 0.60 PLN).
#[uniffi::export]
pub fn tokens_to_pln(policy: &Policy, tokens: u64) -> Result<Money, AvaloError> {
    guard(|| Ok(core::tokens_to_pln(policy.core(), tokens)?.into()))
}

/// The monthly price of a subscription tier in `currency` (PLN × FX, half-up).
#[uniffi::export]
pub fn subscription_price(
    policy: &Policy,
    tier: SubscriptionTier,
    currency: String,
    fx_rate: Option<Decimal>,
) -> Result<Money, AvaloError> {
    guard(|| {
        Ok(core::subscription_price(policy.core(), tier.into(), self::currency(&currency)?, opt_decimal(fx_rate)?)?
            .into())
    })
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
    guard(|| {
        Ok(core::cheapest_pack_covering(policy.core(), tokens, self::currency(&currency)?, opt_decimal(fx_rate)?)?
            .into())
    })
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
    guard(|| {
        Ok(core::cheapest_pack_combination(policy.core(), tokens, self::currency(&currency)?, opt_decimal(fx_rate)?)?
            .into())
    })
}

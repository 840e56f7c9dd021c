//! Token packs, FX to minor units, settlement value and subscriptions (SPEC §2).
//!
//! Prices in the pack table are exact. A currency outside the table is priced from the PLN
//! price times a caller-supplied FX rate ("units of target currency per 1 PLN"), rounded
//! half-up to the target currency's minor unit. When the table has the currency, the table
//! price wins and the FX rate is ignored.

use crate::error::{Error, Result};
use crate::money::{Currency, Money, Tokens};
use crate::policy::{check, Policy, PolicyProblem};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

mod combination;
pub use combination::{MAX_PACKS, MAX_PACK_UNITS};

/// One purchasable token pack. No pack carries bonus tokens.
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TokenPack {
    /// Stable id (`"mini"`, `"standard"`, …).
    pub id: String,
    /// Tokens delivered.
    pub tokens: Tokens,
    /// Marked as the popular choice in the store.
    pub popular: bool,
    /// Table prices; must include PLN, at most one per currency.
    pub prices: Vec<Money>,
}

/// Subscription tiers (SPEC §2.3).
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[serde(rename_all = "snake_case")]
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

/// One subscription plan's monthly PLN price.
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SubscriptionPlan {
    /// The tier.
    pub tier: SubscriptionTier,
    /// Monthly price in PLN.
    pub monthly_pln: Money,
}

/// Pricing section of the policy.
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PricingPolicy {
    /// The pack table (SPEC §2.1): at most [`MAX_PACKS`] packs of at most [`MAX_PACK_TOKENS`]
    /// tokens, each at most [`MAX_PACK_UNITS`] times the greatest common divisor of the sizes.
    pub packs: Vec<TokenPack>,
    /// Settlement value of one token in grosze (20 = 0.20 PLN, SPEC §2.2).
    pub token_value_grosze: u64,
    /// Subscription plans (SPEC §2.3).
    pub subscriptions: Vec<SubscriptionPlan>,
    /// Largest token count the pack-combination helper accepts (1 000 000; at most
    /// [`MAX_COMBINATION_TOKENS`]).
    pub max_combination_tokens: Tokens,
}

fn pack(id: &str, tokens: Tokens, popular: bool, pln: u64, usd: u64, eur: u64) -> TokenPack {
    TokenPack {
        id: id.to_string(),
        tokens,
        popular,
        prices: vec![
            Money::from_minor(pln, Currency::PLN),
            Money::from_minor(usd, Currency::USD),
            Money::from_minor(eur, Currency::EUR),
        ],
    }
}

impl Default for PricingPolicy {
    fn default() -> Self {
        let plan = |tier, pln| SubscriptionPlan { tier, monthly_pln: Money::from_minor(pln, Currency::PLN) };
        PricingPolicy {
            packs: vec![
                pack("mini", 100, false, 3_199, 800, 750),
                pack("basic", 300, false, 8_599, 2_150, 2_000),
                pack("standard", 500, true, 13_499, 3_400, 3_150),
                pack("premium", 1_000, false, 24_499, 6_150, 5_750),
                pack("pro", 2_000, false, 46_999, 11_800, 11_000),
                pack("elite", 5_000, false, 112_599, 28_250, 26_400),
                pack("royal", 10_000, false, 214_999, 53_900, 50_400),
            ],
            token_value_grosze: 20,
            subscriptions: vec![
                plan(SubscriptionTier::Free, 0),
                plan(SubscriptionTier::Plus, 3_900),
                plan(SubscriptionTier::Intimate, 7_900),
                plan(SubscriptionTier::Creator, 14_900),
            ],
            max_combination_tokens: 1_000_000,
        }
    }
}

/// Largest `pricing.max_combination_tokens` a policy may set (10^15 tokens, below 2^53 so every
/// language reads it exactly).
pub const MAX_COMBINATION_TOKENS: Tokens = 1_000_000_000_000_000;

/// Largest token count of one pack (1 000 000).
pub const MAX_PACK_TOKENS: Tokens = 1_000_000;

/// Most subscription plans a policy may list (one per tier).
pub const MAX_SUBSCRIPTION_PLANS: usize = 4;

impl PricingPolicy {
    /// Bounds (refused when the policy loads): 1..=[`MAX_PACKS`] packs with distinct non-empty
    /// ids; each 1..=[`MAX_PACK_TOKENS`] tokens and at most [`MAX_PACK_UNITS`] times the greatest
    /// common divisor of all pack sizes (this bounds the pack-combination table); a PLN price,
    /// every price > 0, one per currency; `token_value_grosze > 0`;
    /// `max_combination_tokens` in 1..=[`MAX_COMBINATION_TOKENS`]; at most one plan per tier, in
    /// PLN. Linear in the number of packs and prices.
    pub(crate) fn validate(&self, path: &str, p: &mut Vec<PolicyProblem>) {
        check(!self.packs.is_empty(), p, format!("{path}.packs"), "must not be empty");
        check(self.packs.len() <= MAX_PACKS, p, format!("{path}.packs"), "must hold at most 32 packs");
        let gcd = self.packs.iter().fold(0u64, |g, pk| gcd(g, pk.tokens)).max(1);
        let mut ids = std::collections::HashSet::with_capacity(self.packs.len());
        for (i, pk) in self.packs.iter().enumerate().take(MAX_PACKS + 1) {
            let at = format!("{path}.packs[{i}]");
            check(!pk.id.trim().is_empty(), p, format!("{at}.id"), "must not be empty");
            check(pk.tokens > 0, p, format!("{at}.tokens"), "must be > 0");
            check(pk.tokens <= MAX_PACK_TOKENS, p, format!("{at}.tokens"), "must be at most 1 000 000");
            check(
                pk.tokens / gcd <= MAX_PACK_UNITS,
                p,
                format!("{at}.tokens"),
                "must be at most 1 000 times the greatest common divisor of the pack sizes",
            );
            let has_pln = pk.prices.iter().any(|m| m.currency == Currency::PLN);
            check(has_pln, p, format!("{at}.prices"), "must include a PLN price");
            let mut currencies = std::collections::HashSet::with_capacity(pk.prices.len());
            for (j, m) in pk.prices.iter().enumerate() {
                check(currencies.insert(m.currency), p, format!("{at}.prices[{j}]"), "duplicate currency");
                check(m.minor > 0, p, format!("{at}.prices[{j}]"), "must be > 0");
            }
            check(ids.insert(pk.id.as_str()), p, format!("{at}.id"), "duplicate pack id");
        }
        check(self.token_value_grosze > 0, p, format!("{path}.token_value_grosze"), "must be > 0");
        check(
            self.max_combination_tokens > 0 && self.max_combination_tokens <= MAX_COMBINATION_TOKENS,
            p,
            format!("{path}.max_combination_tokens"),
            "must be 1..=10^15",
        );
        check(
            self.subscriptions.len() <= MAX_SUBSCRIPTION_PLANS,
            p,
            format!("{path}.subscriptions"),
            "must hold at most one plan per tier",
        );
        let mut tiers = std::collections::HashSet::new();
        for (i, s) in self.subscriptions.iter().enumerate().take(MAX_SUBSCRIPTION_PLANS + 1) {
            check(
                s.monthly_pln.currency == Currency::PLN,
                p,
                format!("{path}.subscriptions[{i}].monthly_pln"),
                "must be in PLN",
            );
            check(tiers.insert(s.tier), p, format!("{path}.subscriptions[{i}].tier"), "duplicate tier");
        }
    }
}

fn gcd(a: u64, b: u64) -> u64 {
    if b == 0 {
        a
    } else {
        gcd(b, a % b)
    }
}

/// A pack's price in one currency.
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct PackQuote {
    /// Pack id.
    pub pack_id: String,
    /// Tokens delivered.
    pub tokens: Tokens,
    /// Marked popular.
    pub popular: bool,
    /// Price in the requested currency.
    pub price: Money,
    /// Price of one token in major units, rounded half-up to exactly 4 decimal places.
    pub price_per_token: Decimal,
    /// `true` when the price came from the FX rate, `false` when from the table.
    pub converted: bool,
    /// Fingerprint of the policy that priced it.
    pub policy_fingerprint: String,
}

/// Converts a PLN amount to `currency` with an FX rate (units of `currency` per 1 PLN),
/// rounded half-up to the minor unit. PLN → PLN needs no rate. A missing rate for another
/// currency, or a rate ≤ 0, is `INVALID_INPUT`. (Prices converted for sale refuse a result of
/// 0 minor units; a plain conversion may round to 0.)
pub fn convert_from_pln(pln: Money, currency: Currency, fx_rate: Option<Decimal>) -> Result<Money> {
    if pln.currency != Currency::PLN {
        return Err(Error::invalid(format!("expected a PLN amount, got {}", pln.currency.code())));
    }
    if currency == Currency::PLN {
        return Ok(pln);
    }
    let rate = fx_rate.ok_or_else(|| Error::invalid(format!("an FX rate PLN→{} is required", currency.code())))?;
    if rate <= Decimal::ZERO {
        return Err(Error::invalid("the FX rate must be > 0"));
    }
    let value =
        pln.to_decimal().checked_mul(rate).ok_or_else(|| Error::out_of_range("converted amount is too large"))?;
    Money::from_decimal_half_up(value, currency)
}

/// A price converted from PLN; a price above 0 that rounds to 0 minor units is `INVALID_INPUT`
/// (nothing is sold for free: the FX rate is implausibly small).
fn convert_price(pln: Money, currency: Currency, fx_rate: Option<Decimal>) -> Result<Money> {
    let converted = convert_from_pln(pln, currency, fx_rate)?;
    if pln.minor > 0 && converted.minor == 0 {
        return Err(Error::invalid(format!(
            "{} PLN converts to 0 {}: a price of 0 is refused (is the FX rate right?)",
            pln.to_decimal(),
            currency.code()
        )));
    }
    Ok(converted)
}

fn find_pack<'a>(policy: &'a Policy, pack_id: &str) -> Result<&'a TokenPack> {
    policy
        .pricing
        .packs
        .iter()
        .find(|p| p.id == pack_id)
        .ok_or_else(|| Error::invalid(format!("unknown pack id {pack_id:?}")))
}

fn quote(policy: &Policy, pk: &TokenPack, currency: Currency, fx_rate: Option<Decimal>) -> Result<PackQuote> {
    let (price, converted) = match pk.prices.iter().find(|m| m.currency == currency) {
        Some(m) => (*m, false),
        None => {
            let pln = pk
                .prices
                .iter()
                .find(|m| m.currency == Currency::PLN)
                .ok_or_else(|| Error::invalid(format!("pack {} has no PLN price", pk.id)))?;
            (convert_price(*pln, currency, fx_rate)?, true)
        }
    };
    let mut per_token = (price.to_decimal() / Decimal::from(pk.tokens))
        .round_dp_with_strategy(4, rust_decimal::RoundingStrategy::MidpointAwayFromZero);
    // Always exactly 4 decimals ("0.0800", not "0.08"): one canonical scale, so the value
    // compares equal as a string and as a Kotlin BigDecimal in every language.
    per_token.rescale(4);
    if price.minor == 0 || per_token.is_zero() {
        // No free tokens (SPEC §2): a price, or a price per token at 4 decimals, of 0 is a
        // policy or FX problem, never a sale.
        return Err(Error::invalid(format!(
            "pack {} costs {} {} ({per_token} per token): a price of 0 is refused",
            pk.id,
            price.to_decimal(),
            currency.code()
        )));
    }
    Ok(PackQuote {
        pack_id: pk.id.clone(),
        tokens: pk.tokens,
        popular: pk.popular,
        price,
        price_per_token: per_token,
        converted,
        policy_fingerprint: policy.fingerprint().to_string(),
    })
}

/// The price of one pack in `currency` (table price, or PLN × FX rate rounded half-up). A price,
/// or a price per token at 4 decimals, of 0 is `INVALID_INPUT` (no free tokens).
pub fn pack_price(policy: &Policy, pack_id: &str, currency: Currency, fx_rate: Option<Decimal>) -> Result<PackQuote> {
    quote(policy, find_pack(policy, pack_id)?, currency, fx_rate)
}

/// Every pack priced in `currency`, in table order.
pub fn list_packs(policy: &Policy, currency: Currency, fx_rate: Option<Decimal>) -> Result<Vec<PackQuote>> {
    policy.pricing.packs.iter().map(|pk| quote(policy, pk, currency, fx_rate)).collect()
}

/// Tokens bought by a PLN amount at the settlement value: `floor(grosze / 20)` (0.60 PLN → 3).
/// Another currency is `INVALID_INPUT` (convert to PLN first).
pub fn pln_to_tokens(policy: &Policy, pln: Money) -> Result<Tokens> {
    if pln.currency != Currency::PLN {
        return Err(Error::invalid(format!("tokens settle in PLN, got {}", pln.currency.code())));
    }
    Ok(pln.minor / policy.pricing.token_value_grosze)
}

/// The PLN settlement value of tokens: `tokens × 20` grosze. Overflow is `AMOUNT_OUT_OF_RANGE`.
pub fn tokens_to_pln(policy: &Policy, tokens: Tokens) -> Result<Money> {
    tokens
        .checked_mul(policy.pricing.token_value_grosze)
        .map(|g| Money::from_minor(g, Currency::PLN))
        .ok_or_else(|| Error::out_of_range(format!("{tokens} tokens exceed the PLN range")))
}

/// The monthly price of a subscription tier in `currency` (PLN × FX, half-up). A price above 0
/// that converts to 0 minor units is `INVALID_INPUT`.
pub fn subscription_price(
    policy: &Policy,
    tier: SubscriptionTier,
    currency: Currency,
    fx_rate: Option<Decimal>,
) -> Result<Money> {
    let plan = policy
        .pricing
        .subscriptions
        .iter()
        .find(|s| s.tier == tier)
        .ok_or_else(|| Error::invalid(format!("no plan for tier {tier:?}")))?;
    convert_price(plan.monthly_pln, currency, fx_rate)
}

fn check_wanted(policy: &Policy, tokens: Tokens) -> Result<()> {
    if tokens == 0 {
        return Err(Error::out_of_range("at least 1 token must be covered"));
    }
    if tokens > policy.pricing.max_combination_tokens {
        return Err(Error::out_of_range(format!(
            "{tokens} tokens exceed the maximum of {}",
            policy.pricing.max_combination_tokens
        )));
    }
    Ok(())
}

/// The single cheapest pack delivering at least `tokens` (ties: more tokens, then table
/// order). 0 tokens, or more than the largest pack, is `AMOUNT_OUT_OF_RANGE`.
pub fn cheapest_pack_covering(
    policy: &Policy,
    tokens: Tokens,
    currency: Currency,
    fx_rate: Option<Decimal>,
) -> Result<PackQuote> {
    check_wanted(policy, tokens)?;
    let mut best: Option<PackQuote> = None;
    for pk in policy.pricing.packs.iter().filter(|p| p.tokens >= tokens) {
        let q = quote(policy, pk, currency, fx_rate)?;
        let better = match &best {
            None => true,
            Some(b) => (q.price.minor, std::cmp::Reverse(q.tokens)) < (b.price.minor, std::cmp::Reverse(b.tokens)),
        };
        if better {
            best = Some(q);
        }
    }
    best.ok_or_else(|| Error::out_of_range(format!("no single pack covers {tokens} tokens")))
}

/// A multiset of packs.
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct PackCombination {
    /// `(pack id, count)` pairs, largest pack first, counts ≥ 1.
    pub packs: Vec<PackCount>,
    /// Tokens delivered in total (≥ the tokens asked for).
    pub total_tokens: Tokens,
    /// Total price.
    pub total_price: Money,
    /// Fingerprint of the policy that priced it.
    pub policy_fingerprint: String,
}

/// How many of one pack a combination holds.
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct PackCount {
    /// Pack id.
    pub pack_id: String,
    /// How many of it.
    pub count: u64,
}

/// The set of packs (packs may repeat) covering at least `tokens` with the least money.
/// Ties: more tokens delivered, then fewer packs. 0 tokens or more than
/// `pricing.max_combination_tokens` is `AMOUNT_OUT_OF_RANGE`; a price of 0 in `currency` is
/// `INVALID_INPUT`. Memory and time depend only on the pack table, never on `tokens` (at most
/// ≈ 13 MB and ≈ 32 M steps for the largest table the policy bounds allow; see
/// `pricing/combination.rs`).
pub fn cheapest_pack_combination(
    policy: &Policy,
    tokens: Tokens,
    currency: Currency,
    fx_rate: Option<Decimal>,
) -> Result<PackCombination> {
    check_wanted(policy, tokens)?;
    let quotes = list_packs(policy, currency, fx_rate)?;
    let table: Vec<(u64, u64)> = quotes.iter().map(|q| (q.tokens, q.price.minor)).collect();
    let chosen = combination::cheapest(&table, tokens)?;
    let mut packs: Vec<(Tokens, PackCount)> = quotes
        .iter()
        .zip(chosen.counts)
        .filter(|(_, c)| *c > 0)
        .map(|(q, count)| (q.tokens, PackCount { pack_id: q.pack_id.clone(), count }))
        .collect();
    packs.sort_by_key(|p| std::cmp::Reverse(p.0));
    Ok(PackCombination {
        packs: packs.into_iter().map(|(_, p)| p).collect(),
        total_tokens: chosen.total_tokens,
        total_price: Money::from_minor(chosen.total_price, currency),
        policy_fingerprint: policy.fingerprint().to_string(),
    })
}

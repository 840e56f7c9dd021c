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

/// One purchasable token pack. No pack carries bonus tokens.
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
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SubscriptionPlan {
    /// The tier.
    pub tier: SubscriptionTier,
    /// Monthly price in PLN.
    pub monthly_pln: Money,
}

/// Pricing section of the policy.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PricingPolicy {
    /// The pack table (SPEC §2.1).
    pub packs: Vec<TokenPack>,
    /// Settlement value of one token in grosze (20 = 0.20 PLN, SPEC §2.2).
    pub token_value_grosze: u64,
    /// Subscription plans (SPEC §2.3).
    pub subscriptions: Vec<SubscriptionPlan>,
    /// Largest token count the pack-combination helper accepts.
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

impl PricingPolicy {
    pub(crate) fn validate(&self, path: &str, p: &mut Vec<PolicyProblem>) {
        check(!self.packs.is_empty(), p, format!("{path}.packs"), "must not be empty");
        for (i, pk) in self.packs.iter().enumerate() {
            let at = format!("{path}.packs[{i}]");
            check(!pk.id.trim().is_empty(), p, format!("{at}.id"), "must not be empty");
            check(pk.tokens > 0, p, format!("{at}.tokens"), "must be > 0");
            let has_pln = pk.prices.iter().any(|m| m.currency == Currency::PLN);
            check(has_pln, p, format!("{at}.prices"), "must include a PLN price");
            for (j, m) in pk.prices.iter().enumerate() {
                let dup = pk.prices[..j].iter().any(|o| o.currency == m.currency);
                check(!dup, p, format!("{at}.prices[{j}]"), "duplicate currency");
            }
            let dup_id = self.packs[..i].iter().any(|o| o.id == pk.id);
            check(!dup_id, p, format!("{at}.id"), "duplicate pack id");
        }
        check(self.token_value_grosze > 0, p, format!("{path}.token_value_grosze"), "must be > 0");
        check(self.max_combination_tokens > 0, p, format!("{path}.max_combination_tokens"), "must be > 0");
        for (i, s) in self.subscriptions.iter().enumerate() {
            check(
                s.monthly_pln.currency == Currency::PLN,
                p,
                format!("{path}.subscriptions[{i}].monthly_pln"),
                "must be in PLN",
            );
        }
    }
}

/// A pack's price in one currency.
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
/// currency, or a rate ≤ 0, is `INVALID_INPUT`.
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
            (convert_from_pln(*pln, currency, fx_rate)?, true)
        }
    };
    let mut per_token = (price.to_decimal() / Decimal::from(pk.tokens))
        .round_dp_with_strategy(4, rust_decimal::RoundingStrategy::MidpointAwayFromZero);
    // Always exactly 4 decimals ("0.0800", not "0.08"): one canonical scale, so the value
    // compares equal as a string and as a Kotlin BigDecimal in every language.
    per_token.rescale(4);
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

/// The price of one pack in `currency` (table price, or PLN × FX rate rounded half-up).
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

/// The monthly price of a subscription tier in `currency` (PLN × FX, half-up).
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
    convert_from_pln(plan.monthly_pln, currency, fx_rate)
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
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct PackCount {
    /// Pack id.
    pub pack_id: String,
    /// How many of it.
    pub count: u64,
}

fn gcd(a: u64, b: u64) -> u64 {
    if b == 0 {
        a
    } else {
        gcd(b, a % b)
    }
}

/// The set of packs (packs may repeat) covering at least `tokens` with the least money.
/// Ties: more tokens delivered, then fewer packs. 0 tokens or more than
/// `pricing.max_combination_tokens` is `AMOUNT_OUT_OF_RANGE`.
pub fn cheapest_pack_combination(
    policy: &Policy,
    tokens: Tokens,
    currency: Currency,
    fx_rate: Option<Decimal>,
) -> Result<PackCombination> {
    check_wanted(policy, tokens)?;
    let quotes = list_packs(policy, currency, fx_rate)?;
    let unit = quotes.iter().fold(0, |g, q| gcd(g, q.tokens)).max(1);
    let need = tokens.div_ceil(unit) as usize;
    let max_units = quotes.iter().map(|q| (q.tokens / unit) as usize).max().unwrap_or(1);
    let size = need + max_units;
    // best[i] = (price, packs used, last pack index) to get exactly i units.
    let mut best: Vec<Option<(u128, u64, usize)>> = vec![None; size];
    best[0] = Some((0, 0, usize::MAX));
    for i in 1..size {
        for (k, q) in quotes.iter().enumerate() {
            let u = (q.tokens / unit) as usize;
            if u > i {
                continue;
            }
            if let Some((p, c, _)) = best[i - u] {
                let cand = (p + u128::from(q.price.minor), c + 1, k);
                let better = match best[i] {
                    None => true,
                    Some((bp, bc, bk)) => {
                        (cand.0, cand.1) < (bp, bc)
                            || ((cand.0, cand.1) == (bp, bc) && quotes[k].tokens > quotes[bk].tokens)
                    }
                };
                if better {
                    best[i] = Some(cand);
                }
            }
        }
    }
    let mut chosen: Option<(usize, u128, u64)> = None;
    for (i, slot) in best.iter().enumerate().skip(need) {
        if let Some((p, c, _)) = *slot {
            let better = match chosen {
                None => true,
                Some((bi, bp, bc)) => (p, std::cmp::Reverse(i), c) < (bp, std::cmp::Reverse(bi), bc),
            };
            if better {
                chosen = Some((i, p, c));
            }
        }
    }
    let (mut i, price, _) = chosen.ok_or_else(|| Error::out_of_range("no combination of packs covers the amount"))?;
    let total_tokens = i as u64 * unit;
    let mut counts = vec![0u64; quotes.len()];
    while i > 0 {
        let Some((_, _, k)) = best[i] else { break };
        counts[k] += 1;
        i -= (quotes[k].tokens / unit) as usize;
    }
    let mut packs: Vec<(Tokens, PackCount)> = quotes
        .iter()
        .zip(counts)
        .filter(|(_, c)| *c > 0)
        .map(|(q, count)| (q.tokens, PackCount { pack_id: q.pack_id.clone(), count }))
        .collect();
    packs.sort_by_key(|p| std::cmp::Reverse(p.0));
    let minor = u64::try_from(price).map_err(|_| Error::out_of_range("total price is too large"))?;
    Ok(PackCombination {
        packs: packs.into_iter().map(|(_, p)| p).collect(),
        total_tokens,
        total_price: Money::from_minor(minor, currency),
        policy_fingerprint: policy.fingerprint().to_string(),
    })
}

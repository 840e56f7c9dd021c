//! Accounts and postings (SPEC §12.1).
//!
//! An account is written as a string in records (`user:{id}:spendable`); [`Account`] is its
//! typed form. Ids inside accounts are key parts (§12.3): 1–128 characters of
//! `[A-Za-z0-9._-]`, so a `:` can never forge another account.

use crate::error::{Error, Result};
use serde::{Deserialize, Serialize};

/// Largest magnitude of an amount or a balance: 2^53 − 1, the JavaScript boundary (§12.1).
pub const MAX_LEDGER_AMOUNT: i64 = 9_007_199_254_740_991;

/// One ledger account (SPEC §12.1).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Account {
    /// `user:{id}:spendable`: tokens a user can spend.
    Spendable(String),
    /// `creator:{id}:earnings`: a creator's withdrawable earnings.
    Earnings(String),
    /// `creator:{id}:pending`: earnings held by withdrawal requests.
    Pending(String),
    /// `platform:revenue`: the platform's split shares.
    Revenue,
    /// `platform:fees`: withdrawal fees.
    Fees,
    /// `platform:referral`: the referral budget (goes negative by design).
    Referral,
    /// `external:purchases`: tokens entering (goes negative by design).
    Purchases,
    /// `external:payouts`: tokens leaving.
    Payouts,
}

impl Account {
    /// The account's string form, as written in postings.
    #[must_use]
    pub fn name(&self) -> String {
        fn join(owner: &str, id: &str, what: &str) -> String {
            let mut s = String::with_capacity(owner.len() + id.len() + what.len());
            s.push_str(owner);
            s.push_str(id);
            s.push_str(what);
            s
        }
        match self {
            Account::Spendable(id) => join("user:", id, ":spendable"),
            Account::Earnings(id) => join("creator:", id, ":earnings"),
            Account::Pending(id) => join("creator:", id, ":pending"),
            Account::Revenue => "platform:revenue".to_string(),
            Account::Fees => "platform:fees".to_string(),
            Account::Referral => "platform:referral".to_string(),
            Account::Purchases => "external:purchases".to_string(),
            Account::Payouts => "external:payouts".to_string(),
        }
    }

    /// Whether `name` is an account name ([`Account::parse`] would accept it) and, if so,
    /// whether its balance may go below 0; without building the account.
    pub(crate) fn may_name_go_negative(name: &str) -> Option<bool> {
        match name {
            "platform:referral" | "external:purchases" => return Some(true),
            "platform:revenue" | "platform:fees" | "external:payouts" => return Some(false),
            _ => {}
        }
        let id = if let Some(rest) = name.strip_prefix("user:") {
            rest.strip_suffix(":spendable")?
        } else {
            let rest = name.strip_prefix("creator:")?;
            rest.strip_suffix(":earnings").or_else(|| rest.strip_suffix(":pending"))?
        };
        super::key::is_key_part(id).then_some(false)
    }

    /// Parses an account name; anything else is `INVALID_INPUT`.
    pub fn parse(name: &str) -> Result<Account> {
        let fixed = match name {
            "platform:revenue" => Some(Account::Revenue),
            "platform:fees" => Some(Account::Fees),
            "platform:referral" => Some(Account::Referral),
            "external:purchases" => Some(Account::Purchases),
            "external:payouts" => Some(Account::Payouts),
            _ => None,
        };
        if let Some(a) = fixed {
            return Ok(a);
        }
        let bad = || Error::invalid(format!("not a ledger account: {name:?}"));
        let mut parts = name.split(':');
        let (Some(owner), Some(id), Some(what), None) = (parts.next(), parts.next(), parts.next(), parts.next()) else {
            return Err(bad());
        };
        if !super::key::is_key_part(id) {
            return Err(bad());
        }
        match (owner, what) {
            ("user", "spendable") => Ok(Account::Spendable(id.to_string())),
            ("creator", "earnings") => Ok(Account::Earnings(id.to_string())),
            ("creator", "pending") => Ok(Account::Pending(id.to_string())),
            _ => Err(bad()),
        }
    }

    /// Whether the balance may go below 0 (`platform:referral` and `external:purchases` only).
    #[must_use]
    pub fn may_go_negative(&self) -> bool {
        matches!(self, Account::Referral | Account::Purchases)
    }
}

/// One posting: an account and a signed, non-zero amount (positive: the balance grows).
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(deny_unknown_fields)]
pub struct Posting {
    /// The account name (`user:u1:spendable`).
    pub account: String,
    /// Signed tokens, never 0, magnitude at most 2^53 − 1.
    pub amount: i64,
}

/// One account's balance.
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(deny_unknown_fields)]
pub struct AccountBalance {
    /// The account name.
    pub account: String,
    /// Its balance in tokens (negative only for `platform:referral` and `external:purchases`).
    pub balance: i64,
}

/// Builds the sorted postings of a record from (account, amount) pairs: zero amounts are left
/// out (§12.2) and the list is sorted by account name (§12.5).
pub(crate) fn postings(pairs: Vec<(Account, i64)>) -> Vec<Posting> {
    let mut out: Vec<Posting> = pairs
        .into_iter()
        .filter(|(_, a)| *a != 0)
        .map(|(acc, amount)| Posting { account: acc.name(), amount })
        .collect();
    out.sort_by(|a, b| a.account.cmp(&b.account));
    out
}

/// A token count as a ledger amount: at most 2^53 − 1, else `AMOUNT_OUT_OF_RANGE`.
pub(crate) fn ledger_amount(tokens: u64) -> Result<i64> {
    i64::try_from(tokens)
        .ok()
        .filter(|t| *t <= MAX_LEDGER_AMOUNT)
        .ok_or_else(|| Error::out_of_range(format!("{tokens} tokens exceed 2^53 − 1")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quick_check_agrees_with_parse() {
        let names = [
            "platform:revenue",
            "platform:fees",
            "platform:referral",
            "external:purchases",
            "external:payouts",
            "user:u1:spendable",
            "creator:c-1.x_Y:earnings",
            "creator:c1:pending",
            "user:u1:earnings",
            "creator:c1:spendable",
            "user::spendable",
            "user:a:b:spendable",
            "user:a b:spendable",
            "creator:c1:pending:x",
            "platform:other",
            "",
            ":",
            "user:u1",
            "creator:earnings",
        ];
        for n in names {
            assert_eq!(Account::may_name_go_negative(n), Account::parse(n).ok().map(|a| a.may_go_negative()), "{n}");
            if let Ok(a) = Account::parse(n) {
                assert_eq!(a.name(), n);
            }
        }
        let long = format!("user:{}:spendable", "x".repeat(129));
        assert_eq!(Account::may_name_go_negative(&long), None);
    }
}

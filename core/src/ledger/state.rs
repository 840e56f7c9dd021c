//! The state a replay of records produces (balances, withdrawal states, keys, head), and the
//! views a host passes in and gets back.

use super::account::{AccountBalance, Posting};
use super::event::RecordKind;
use super::record::{LedgerHead, LedgerRecord};
use super::withdrawal::WithdrawalStatus;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap};

/// What the host read from its store, in one snapshot, before asking the core to build: the
/// head, the balances of the accounts the event touches (an account with no row is 0), and the
/// stored records [`super::ledger_reads`] named (by key or by seq). Records may come in any
/// order; each must carry its right hashes.
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(deny_unknown_fields)]
pub struct LedgerView {
    /// The head at the snapshot.
    pub head: LedgerHead,
    /// Balances of the accounts read (missing: 0).
    pub balances: Vec<AccountBalance>,
    /// Stored records found for the keys and seqs asked for.
    pub records: Vec<LedgerRecord>,
}

/// A stored head and balances, for `check_ledger` to compare with its replay.
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(deny_unknown_fields)]
pub struct LedgerTotals {
    /// The head.
    pub head: LedgerHead,
    /// Every non-zero balance (zero balances may be listed or left out).
    pub balances: Vec<AccountBalance>,
}

/// The state after replaying records in order: what every cache of the ledger must equal.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct LedgerState {
    /// The head.
    pub head: LedgerHead,
    /// Balances by account (zero balances removed).
    pub balances: BTreeMap<String, i64>,
    /// Withdrawal requests by request seq.
    pub withdrawals: BTreeMap<u64, WithdrawalStatus>,
    /// Keys seen, with their seq.
    pub keys: HashMap<String, u64>,
    /// Kind and postings of every record, index seq − 1 (for references).
    pub(crate) summaries: Vec<(RecordKind, Vec<Posting>)>,
}

impl LedgerState {
    /// The balance of an account (0 when never posted).
    #[must_use]
    pub fn balance(&self, account: &str) -> i64 {
        self.balances.get(account).copied().unwrap_or(0)
    }

    /// Balances sorted by account, zero balances left out.
    #[must_use]
    pub fn balance_list(&self) -> Vec<AccountBalance> {
        self.balances.iter().map(|(a, b)| AccountBalance { account: a.clone(), balance: *b }).collect()
    }

    /// Kind and postings of the record at `seq`, if it exists.
    pub(crate) fn summary(&self, seq: u64) -> Option<&(RecordKind, Vec<Posting>)> {
        let i = usize::try_from(seq).ok()?.checked_sub(1)?;
        self.summaries.get(i)
    }

    /// Adds a record already checked (no checks here). `remember`: keep its key and postings
    /// (a walker that does not hold the records itself needs them for later keys and refs).
    pub(crate) fn push(&mut self, r: &LedgerRecord, request: Option<WithdrawalStatus>, remember: bool) {
        for p in &r.postings {
            match self.balances.get_mut(&p.account) {
                Some(b) => {
                    *b = b.saturating_add(p.amount);
                    if *b == 0 {
                        self.balances.remove(&p.account);
                    }
                }
                None => {
                    self.balances.insert(p.account.clone(), p.amount);
                }
            }
        }
        if let Some(w) = request {
            self.withdrawals.insert(r.seq, w);
        }
        if let (Some(to), Some(seq)) = (r.kind.transition_target(), r.refs.first()) {
            if let Some(w) = self.withdrawals.get_mut(seq) {
                w.state = to;
            }
        }
        if remember {
            self.keys.insert(r.key.clone(), r.seq);
            self.summaries.push((r.kind, r.postings.clone()));
        }
        self.head.seq = r.seq;
        self.head.hash.clone_from(&r.hash);
    }
}

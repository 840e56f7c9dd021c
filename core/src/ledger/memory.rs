//! An in-memory ledger that follows the host protocol of §12.5 exactly: the reference host for
//! tests, examples and the vectors, and a model of what a store must do.

use super::account::AccountBalance;
use super::build::{build_record, ledger_reads, Built};
use super::check::LedgerChecker;
use super::event::LedgerEvent;
use super::record::LedgerRecord;
use super::state::{LedgerState, LedgerView};
use crate::error::{Error, Result};
use crate::Policy;

/// Records and their replay, held in memory.
#[derive(Debug, Clone, Default)]
pub struct MemoryLedger {
    records: Vec<LedgerRecord>,
    state: LedgerState,
}

impl MemoryLedger {
    /// An empty ledger.
    #[must_use]
    pub fn new() -> MemoryLedger {
        MemoryLedger::default()
    }

    /// The records, in seq order.
    #[must_use]
    pub fn records(&self) -> &[LedgerRecord] {
        &self.records
    }

    /// The replay of the records.
    #[must_use]
    pub fn state(&self) -> &LedgerState {
        &self.state
    }

    /// The snapshot the host protocol reads for `event` (steps 1–2 of §12.5).
    pub fn view_for(&self, policy: &Policy, event: &LedgerEvent) -> Result<LedgerView> {
        let reads = ledger_reads(policy, event)?;
        let mut records: Vec<LedgerRecord> = Vec::new();
        for k in &reads.keys {
            if let Some(seq) = self.state.keys.get(k) {
                records.extend(self.record(*seq).cloned());
            }
        }
        let by_seq: Vec<LedgerRecord> = reads.seqs.iter().filter_map(|s| self.record(*s).cloned()).collect();
        let balances = reads
            .accounts_with(&by_seq)
            .into_iter()
            .map(|a| AccountBalance { balance: self.state.balance(&a), account: a })
            .collect();
        records.extend(by_seq);
        Ok(LedgerView { head: self.state.head.clone(), balances, records })
    }

    /// The record at `seq`.
    #[must_use]
    pub fn record(&self, seq: u64) -> Option<&LedgerRecord> {
        self.records.get(usize::try_from(seq).ok()?.checked_sub(1)?)
    }

    /// Builds `event` on the current head and appends it unless it is a replay (steps 1–4).
    /// A record that the replay refuses (which would be a core bug) is `INVALID_INPUT`.
    pub fn append(&mut self, policy: &Policy, event: &LedgerEvent, at_ms: i64) -> Result<Built> {
        let view = self.view_for(policy, event)?;
        let built = build_record(policy, &view, event, at_ms)?;
        if !built.replayed {
            let policies = std::slice::from_ref(policy);
            let mut checker = LedgerChecker::resume(policies, std::mem::take(&mut self.state));
            let finding = checker.push(&built.record);
            self.state = checker.into_state();
            if let Some(f) = finding? {
                return Err(Error::invalid(format!("the built record fails the check: {f:?}")));
            }
            self.records.push(built.record.clone());
        }
        Ok(built)
    }
}

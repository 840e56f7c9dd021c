//! Facade of `core/src/ledger`: building hash-chained ledger records from events, the reads a
//! host needs first, checking a chain, key parts and withdrawal transitions (SPEC §12), and an
//! in-memory ledger. Conversions only; the rules are in the core.

use crate::error::{guard, AvaloError};
use avalo_core::ledger::{self as core, *};
use avalo_core::Policy;
use std::sync::{Arc, Mutex};

/// The record one event appends to a ledger whose current state is `view` (SPEC §12.5), with
/// the postings and the new head; a refused event is its §11 error.
#[uniffi::export]
pub fn build_record(policy: &Policy, view: LedgerView, event: LedgerEvent, at_ms: i64) -> Result<Built, AvaloError> {
    guard(|| Ok(core::build_record(policy, &view, &event, at_ms)?))
}

/// What the host must read (accounts, idempotency key, withdrawal) before building an event's
/// record.
#[uniffi::export]
pub fn ledger_reads(policy: &Policy, event: LedgerEvent) -> Result<LedgerReads, AvaloError> {
    guard(|| Ok(core::ledger_reads(policy, &event)?))
}

/// Checks a chain of records (hashes, sequence, postings, balances; with `totals`, the stored
/// snapshot too): the report names the first finding. `policies` are the policies the records
/// name; a record naming another one is `INVALID_INPUT`.
#[uniffi::export]
pub fn check_ledger(
    policies: Vec<Arc<Policy>>,
    records: Vec<LedgerRecord>,
    totals: Option<LedgerTotals>,
) -> Result<LedgerReport, AvaloError> {
    guard(|| {
        let policies: Vec<Policy> = policies.iter().map(|p| Policy::clone(p)).collect();
        Ok(core::check_ledger(&policies, &records, totals.as_ref())?)
    })
}

/// An id as a ledger key part (`what` names it in the error): an id with characters a key
/// cannot hold is `INVALID_INPUT`.
#[uniffi::export]
pub fn ledger_key_part(id: String, what: String) -> Result<String, AvaloError> {
    guard(|| Ok(core::key_part(&id, &what)?))
}

/// Whether a withdrawal may move from `from` to `to` (SPEC §12.4); a forbidden move is
/// `INVALID_STATE_TRANSITION`.
#[uniffi::export]
pub fn check_withdrawal_transition(from: WithdrawalState, to: WithdrawalState) -> Result<(), AvaloError> {
    guard(|| Ok(core::check_transition(from, to)?))
}

/// An in-memory ledger (thread-safe): `append(policy, event, atMs)` follows the §12.5 host
/// protocol (reads, build, apply) on records kept in memory. For tests, demos and small tools;
/// a server keeps its records in its own store.
///
/// A thread-safe handle (an `Arc`'d object with a lock) around the core's `&mut`
/// `MemoryLedger`, which no record can describe.
#[derive(Debug, Default, uniffi::Object)]
pub struct InMemoryLedger {
    inner: Mutex<MemoryLedger>,
}

impl InMemoryLedger {
    fn with<T>(&self, f: impl FnOnce(&mut MemoryLedger) -> T) -> T {
        // A poisoned lock only means another call panicked; the records are still whole (an
        // append changes nothing until it succeeds), so keep going rather than panic.
        let mut guard = self.inner.lock().unwrap_or_else(|e| e.into_inner());
        f(&mut guard)
    }
}

#[uniffi::export]
impl InMemoryLedger {
    /// An empty ledger.
    #[uniffi::constructor]
    pub fn new() -> Arc<Self> {
        Arc::new(Self::default())
    }

    /// Appends one event at `at_ms`: the built record, or the event's §11 error (nothing
    /// appended then).
    pub fn append(&self, policy: &Policy, event: LedgerEvent, at_ms: i64) -> Result<Built, AvaloError> {
        guard(|| Ok(self.with(|l| l.append(policy, &event, at_ms))?))
    }

    /// Every record so far, in sequence order.
    pub fn records(&self) -> Vec<LedgerRecord> {
        self.with(|l| l.records().to_vec())
    }
}

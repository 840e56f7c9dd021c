//! The backend-neutral host protocol (SPEC §12.5): what a store must offer, and the append loop
//! that uses it.

use avalo_core::ledger::AccountBalance;
use avalo_core::ledger::{build_record, ledger_reads, Built, LedgerEvent, LedgerHead, LedgerRecord, LedgerView};
use avalo_core::Policy;
use std::fmt;

/// Why an append did not happen. Nothing was written in every case.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StoreError {
    /// The core refused the event (its SPEC §11 code says what the caller should do).
    Refused(avalo_core::Error),
    /// Other writers kept moving the head (or the database reported a serialisation failure /
    /// a busy lock) for every attempt: safe to retry the same event later.
    Conflict(String),
    /// The database failed (I/O, connection lost, a constraint the protocol should have made
    /// impossible): the transaction was rolled back; retrying the same event is safe.
    Database(String),
    /// A stored record does not parse: the ledger needs an operator (run `check_ledger`).
    Corrupt(String),
}

impl fmt::Display for StoreError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StoreError::Refused(e) => write!(f, "refused: {e}"),
            StoreError::Conflict(s) => write!(f, "conflict: {s}"),
            StoreError::Database(s) => write!(f, "database: {s}"),
            StoreError::Corrupt(s) => write!(f, "corrupt ledger: {s}"),
        }
    }
}

impl std::error::Error for StoreError {}

/// One open transaction of a store: consistent reads, one conditional append, commit. Dropping
/// it without [`LedgerSnapshot::commit`] rolls back.
pub trait LedgerSnapshot {
    /// The head (`seq` 0 and 64 zeros when empty).
    fn head(&mut self) -> Result<LedgerHead, StoreError>;
    /// The stored record with this key.
    fn record_by_key(&mut self, key: &str) -> Result<Option<LedgerRecord>, StoreError>;
    /// The stored record at this seq.
    fn record_by_seq(&mut self, seq: u64) -> Result<Option<LedgerRecord>, StoreError>;
    /// The stored balance of an account (0 when it has no row).
    fn balance(&mut self, account: &str) -> Result<i64, StoreError>;
    /// Appends `built` (record and balances) if the head is still `expected`; `Ok(false)` when
    /// it moved or the seq or key is already taken (the caller rebuilds).
    fn append(&mut self, expected: &LedgerHead, built: &Built) -> Result<bool, StoreError>;
    /// Commits.
    fn commit(self) -> Result<(), StoreError>;
}

/// A store that opens snapshots.
pub trait LedgerStore {
    /// The snapshot type.
    type Snapshot<'a>: LedgerSnapshot
    where
        Self: 'a;
    /// Opens a transaction for one attempt.
    fn begin(&mut self) -> Result<Self::Snapshot<'_>, StoreError>;
}

/// Reads the view of `event` inside one snapshot (§12.5 steps 1–2).
fn read_view<T: LedgerSnapshot>(tx: &mut T, policy: &Policy, event: &LedgerEvent) -> Result<LedgerView, StoreError> {
    let reads = ledger_reads(policy, event).map_err(StoreError::Refused)?;
    let head = tx.head()?;
    let mut records = Vec::new();
    for k in &reads.keys {
        records.extend(tx.record_by_key(k)?);
    }
    let mut by_seq = Vec::new();
    for s in &reads.seqs {
        by_seq.extend(tx.record_by_seq(*s)?);
    }
    let mut balances = Vec::new();
    for a in reads.accounts_with(&by_seq) {
        balances.push(AccountBalance { balance: tx.balance(&a)?, account: a });
    }
    records.extend(by_seq);
    Ok(LedgerView { head, balances, records })
}

/// Applies one event with the host protocol: a replay comes back as the stored record
/// (`replayed: true`, nothing written); a new record is appended with its balances in the same
/// transaction; a moved head or a busy database is retried up to `max_attempts` times.
pub fn append_event<S: LedgerStore>(
    store: &mut S,
    policy: &Policy,
    event: &LedgerEvent,
    at_ms: i64,
    max_attempts: u32,
) -> Result<Built, StoreError> {
    let mut last = String::from("no attempt made");
    for _ in 0..max_attempts.max(1) {
        let mut tx = match store.begin() {
            Ok(tx) => tx,
            Err(StoreError::Conflict(why)) => {
                last = why;
                continue;
            }
            Err(e) => return Err(e),
        };
        let view = match read_view(&mut tx, policy, event) {
            Ok(v) => v,
            Err(StoreError::Conflict(why)) => {
                last = why;
                continue;
            }
            Err(e) => return Err(e),
        };
        let built = build_record(policy, &view, event, at_ms).map_err(StoreError::Refused)?;
        if built.replayed {
            return Ok(built);
        }
        let appended = match tx.append(&view.head, &built) {
            Ok(a) => a,
            Err(StoreError::Conflict(why)) => {
                last = why;
                continue;
            }
            Err(e) => return Err(e),
        };
        if !appended {
            last = format!("the head moved from seq {}", view.head.seq);
            continue;
        }
        match tx.commit() {
            Ok(()) => return Ok(built),
            Err(StoreError::Conflict(why)) => last = why,
            Err(e) => return Err(e),
        }
    }
    Err(StoreError::Conflict(format!("gave up after {max_attempts} attempts: {last}")))
}

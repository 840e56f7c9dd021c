//! The SQLite backend: one database file in WAL mode, every attempt one `BEGIN IMMEDIATE`
//! transaction (SQLite has one writer at a time; taking the write lock at the start makes the
//! reads a snapshot no other writer can move, and `SQLITE_BUSY` becomes a retryable conflict).

use crate::store::{LedgerSnapshot, LedgerStore, StoreError};
use avalo_core::ledger::{AccountBalance, Built, LedgerHead, LedgerRecord, LedgerTotals};
use rusqlite::{params, Connection, ErrorCode, OptionalExtension, Transaction, TransactionBehavior};
use std::path::Path;
use std::time::Duration;

/// The schema: the constraints that make the core's rules hold under concurrency.
const SCHEMA: &str = "
CREATE TABLE IF NOT EXISTS records (
    seq  INTEGER PRIMARY KEY CHECK (seq >= 1),
    key  TEXT NOT NULL UNIQUE,
    kind TEXT NOT NULL,
    hash TEXT NOT NULL,
    json TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS balances (
    account TEXT PRIMARY KEY,
    balance INTEGER NOT NULL
        CHECK (balance >= 0 OR account IN ('platform:referral', 'external:purchases'))
);
CREATE TABLE IF NOT EXISTS head (
    id   INTEGER PRIMARY KEY CHECK (id = 1),
    seq  INTEGER NOT NULL,
    hash TEXT NOT NULL
);
INSERT OR IGNORE INTO head (id, seq, hash)
    VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
";

/// SQLite's `synchronous` setting in WAL mode.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Synchronous {
    /// Every commit is on disk when it returns (recommended for money).
    Full,
    /// A commit may be lost on power failure (never on a process crash); faster.
    Normal,
}

/// A ledger in one SQLite database file; open one per thread or process.
pub struct SqliteLedger {
    conn: Connection,
}

fn db(e: rusqlite::Error) -> StoreError {
    match e.sqlite_error_code() {
        Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked) => StoreError::Conflict(e.to_string()),
        _ => StoreError::Database(e.to_string()),
    }
}

fn parse(json: &str) -> Result<LedgerRecord, StoreError> {
    serde_json::from_str(json).map_err(|e| StoreError::Corrupt(e.to_string()))
}

fn seq_i64(seq: u64) -> Result<i64, StoreError> {
    i64::try_from(seq).map_err(|_| StoreError::Database(format!("seq {seq} exceeds SQLite's integer")))
}

impl SqliteLedger {
    /// Opens (and creates) the ledger at `path`: WAL mode, the given durability, a busy timeout.
    pub fn open(path: &Path, sync: Synchronous) -> Result<SqliteLedger, StoreError> {
        let conn = Connection::open(path).map_err(db)?;
        conn.busy_timeout(Duration::from_secs(5)).map_err(db)?;
        conn.pragma_update(None, "journal_mode", "WAL").map_err(db)?;
        let s = match sync {
            Synchronous::Full => "FULL",
            Synchronous::Normal => "NORMAL",
        };
        conn.pragma_update(None, "synchronous", s).map_err(db)?;
        conn.execute_batch(SCHEMA).map_err(db)?;
        Ok(SqliteLedger { conn })
    }

    /// Opens an existing ledger read-only (audits, replicas): every append fails with
    /// [`StoreError::Database`] and writes nothing.
    pub fn open_read_only(path: &Path) -> Result<SqliteLedger, StoreError> {
        let conn = Connection::open_with_flags(path, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY).map_err(db)?;
        conn.busy_timeout(Duration::from_secs(5)).map_err(db)?;
        Ok(SqliteLedger { conn })
    }

    /// Every record, in seq order.
    pub fn records(&self) -> Result<Vec<LedgerRecord>, StoreError> {
        let mut st = self.conn.prepare("SELECT json FROM records ORDER BY seq").map_err(db)?;
        let rows = st.query_map([], |r| r.get::<_, String>(0)).map_err(db)?;
        let mut out = Vec::new();
        for j in rows {
            out.push(parse(&j.map_err(db)?)?);
        }
        Ok(out)
    }

    /// The stored head and balances (zero balances left out), read in one transaction.
    pub fn totals(&mut self) -> Result<LedgerTotals, StoreError> {
        let tx = self.conn.transaction().map_err(db)?;
        let head = read_head(&tx)?;
        let mut st =
            tx.prepare("SELECT account, balance FROM balances WHERE balance <> 0 ORDER BY account").map_err(db)?;
        let rows = st.query_map([], |r| Ok(AccountBalance { account: r.get(0)?, balance: r.get(1)? })).map_err(db)?;
        let mut balances = Vec::new();
        for b in rows {
            balances.push(b.map_err(db)?);
        }
        drop(st);
        tx.commit().map_err(db)?;
        Ok(LedgerTotals { head, balances })
    }
}

fn read_head(tx: &Transaction<'_>) -> Result<LedgerHead, StoreError> {
    let (seq, hash): (i64, String) =
        tx.query_row("SELECT seq, hash FROM head WHERE id = 1", [], |r| Ok((r.get(0)?, r.get(1)?))).map_err(db)?;
    let seq = u64::try_from(seq).map_err(|_| StoreError::Corrupt(format!("head seq {seq}")))?;
    Ok(LedgerHead { seq, hash })
}

/// One `BEGIN IMMEDIATE` transaction.
pub struct SqliteSnapshot<'a> {
    tx: Transaction<'a>,
}

impl LedgerStore for SqliteLedger {
    type Snapshot<'a> = SqliteSnapshot<'a>;

    fn begin(&mut self) -> Result<SqliteSnapshot<'_>, StoreError> {
        let tx = self.conn.transaction_with_behavior(TransactionBehavior::Immediate).map_err(db)?;
        Ok(SqliteSnapshot { tx })
    }
}

impl LedgerSnapshot for SqliteSnapshot<'_> {
    fn head(&mut self) -> Result<LedgerHead, StoreError> {
        read_head(&self.tx)
    }

    fn record_by_key(&mut self, key: &str) -> Result<Option<LedgerRecord>, StoreError> {
        let j: Option<String> =
            self.tx.query_row("SELECT json FROM records WHERE key = ?1", [key], |r| r.get(0)).optional().map_err(db)?;
        j.map(|j| parse(&j)).transpose()
    }

    fn record_by_seq(&mut self, seq: u64) -> Result<Option<LedgerRecord>, StoreError> {
        let Ok(s) = i64::try_from(seq) else { return Ok(None) };
        let j: Option<String> =
            self.tx.query_row("SELECT json FROM records WHERE seq = ?1", [s], |r| r.get(0)).optional().map_err(db)?;
        j.map(|j| parse(&j)).transpose()
    }

    fn balance(&mut self, account: &str) -> Result<i64, StoreError> {
        let b: Option<i64> = self
            .tx
            .query_row("SELECT balance FROM balances WHERE account = ?1", [account], |r| r.get(0))
            .optional()
            .map_err(db)?;
        Ok(b.unwrap_or(0))
    }

    fn append(&mut self, expected: &LedgerHead, built: &Built) -> Result<bool, StoreError> {
        let r = &built.record;
        let moved = self
            .tx
            .execute(
                "UPDATE head SET seq = ?1, hash = ?2 WHERE id = 1 AND seq = ?3 AND hash = ?4",
                params![seq_i64(r.seq)?, r.hash, seq_i64(expected.seq)?, expected.hash],
            )
            .map_err(db)?;
        if moved != 1 {
            return Ok(false);
        }
        let json = r.to_json().map_err(|e| StoreError::Database(e.to_string()))?;
        let kind = serde_json::to_value(r.kind).map_err(|e| StoreError::Database(e.to_string()))?;
        let inserted = self.tx.execute(
            "INSERT INTO records (seq, key, kind, hash, json) VALUES (?1, ?2, ?3, ?4, ?5)",
            params![seq_i64(r.seq)?, r.key, kind.as_str().unwrap_or_default(), r.hash, json],
        );
        match inserted {
            Ok(_) => {}
            Err(e) if e.sqlite_error_code() == Some(ErrorCode::ConstraintViolation) => return Ok(false),
            Err(e) => return Err(db(e)),
        }
        for b in &built.balances {
            self.tx
                .execute(
                    "INSERT INTO balances (account, balance) VALUES (?1, ?2)
                     ON CONFLICT (account) DO UPDATE SET balance = excluded.balance",
                    params![b.account, b.balance],
                )
                .map_err(db)?;
        }
        Ok(true)
    }

    fn commit(self) -> Result<(), StoreError> {
        self.tx.commit().map_err(db)
    }
}

//! The PostgreSQL backend, for many server instances (threads or processes) sharing one ledger.
//!
//! Every attempt is one `READ COMMITTED` transaction whose first statement locks the head row
//! (`SELECT … FOR UPDATE`): writers queue on that one row, and since every write goes through it,
//! what a writer reads after taking the lock cannot change before its commit. The head
//! compare-and-set, the unique `seq` and `key` and the balance `CHECK` hold even for a writer
//! that skipped the lock. Serialisation failures and deadlocks (SQLSTATE 40001, 40P01) are
//! [`StoreError::Conflict`], retried by [`crate::append_event`].

use crate::store::{LedgerSnapshot, LedgerStore, StoreError};
use avalo_core::ledger::{AccountBalance, Built, LedgerHead, LedgerRecord, LedgerTotals};
use postgres::error::SqlState;
use postgres::{Client, IsolationLevel, NoTls, Transaction};

/// The schema (the same constraints as the SQLite one).
pub const SCHEMA: &str = "
CREATE TABLE IF NOT EXISTS records (
    seq  BIGINT PRIMARY KEY CHECK (seq >= 1),
    key  TEXT NOT NULL UNIQUE,
    kind TEXT NOT NULL,
    hash TEXT NOT NULL,
    json TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS balances (
    account TEXT PRIMARY KEY,
    balance BIGINT NOT NULL
        CHECK (balance >= 0 OR account IN ('platform:referral', 'external:purchases'))
);
CREATE TABLE IF NOT EXISTS head (
    id   INT PRIMARY KEY CHECK (id = 1),
    seq  BIGINT NOT NULL,
    hash TEXT NOT NULL
);
INSERT INTO head (id, seq, hash)
    VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000')
    ON CONFLICT (id) DO NOTHING;
";

/// A ledger in a PostgreSQL database; one client per thread or process.
pub struct PostgresLedger {
    client: Client,
}

fn db(e: postgres::Error) -> StoreError {
    match e.code() {
        Some(c) if *c == SqlState::T_R_SERIALIZATION_FAILURE || *c == SqlState::T_R_DEADLOCK_DETECTED => {
            StoreError::Conflict(e.to_string())
        }
        _ => StoreError::Database(e.to_string()),
    }
}

fn parse(json: &str) -> Result<LedgerRecord, StoreError> {
    serde_json::from_str(json).map_err(|e| StoreError::Corrupt(e.to_string()))
}

fn seq_i64(seq: u64) -> Result<i64, StoreError> {
    i64::try_from(seq).map_err(|_| StoreError::Database(format!("seq {seq} exceeds BIGINT")))
}

impl PostgresLedger {
    /// Connects (`host=127.0.0.1 port=… user=… dbname=…`, no TLS: a loopback example).
    pub fn connect(params: &str) -> Result<PostgresLedger, StoreError> {
        Ok(PostgresLedger { client: Client::connect(params, NoTls).map_err(db)? })
    }

    /// Creates the tables if they do not exist (run once, before the writers start).
    pub fn create_schema(&mut self) -> Result<(), StoreError> {
        self.client.batch_execute(SCHEMA).map_err(db)
    }

    /// Every record, in seq order.
    pub fn records(&mut self) -> Result<Vec<LedgerRecord>, StoreError> {
        let rows = self.client.query("SELECT json FROM records ORDER BY seq", &[]).map_err(db)?;
        rows.iter().map(|r| parse(r.get::<_, &str>(0))).collect()
    }

    /// The stored head and non-zero balances, read in one repeatable-read transaction.
    pub fn totals(&mut self) -> Result<LedgerTotals, StoreError> {
        Ok(self.read_all_inner(false)?.1)
    }

    /// Every record and the stored totals from one snapshot (what an audit compares: a writer
    /// committing meanwhile cannot make them disagree).
    pub fn read_all(&mut self) -> Result<(Vec<LedgerRecord>, LedgerTotals), StoreError> {
        self.read_all_inner(true)
    }

    fn read_all_inner(&mut self, with_records: bool) -> Result<(Vec<LedgerRecord>, LedgerTotals), StoreError> {
        let mut tx =
            self.client.build_transaction().isolation_level(IsolationLevel::RepeatableRead).start().map_err(db)?;
        let head = read_head(&mut tx, false)?;
        let mut records = Vec::new();
        if with_records {
            for r in tx.query("SELECT json FROM records ORDER BY seq", &[]).map_err(db)? {
                records.push(parse(r.get::<_, &str>(0))?);
            }
        }
        let rows = tx
            .query("SELECT account, balance FROM balances WHERE balance <> 0 ORDER BY account COLLATE \"C\"", &[])
            .map_err(db)?;
        let balances = rows.iter().map(|r| AccountBalance { account: r.get(0), balance: r.get(1) }).collect();
        tx.commit().map_err(db)?;
        Ok((records, LedgerTotals { head, balances }))
    }
}

fn read_head(tx: &mut Transaction<'_>, lock: bool) -> Result<LedgerHead, StoreError> {
    let sql = if lock {
        "SELECT seq, hash FROM head WHERE id = 1 FOR UPDATE"
    } else {
        "SELECT seq, hash FROM head WHERE id = 1"
    };
    let row = tx.query_one(sql, &[]).map_err(db)?;
    let seq: i64 = row.get(0);
    let seq = u64::try_from(seq).map_err(|_| StoreError::Corrupt(format!("head seq {seq}")))?;
    Ok(LedgerHead { seq, hash: row.get(1) })
}

/// One attempt's transaction, holding the head row's lock once [`LedgerSnapshot::head`] ran.
pub struct PostgresSnapshot<'a> {
    tx: Transaction<'a>,
}

impl LedgerStore for PostgresLedger {
    type Snapshot<'a> = PostgresSnapshot<'a>;

    fn begin(&mut self) -> Result<PostgresSnapshot<'_>, StoreError> {
        let tx = self.client.build_transaction().isolation_level(IsolationLevel::ReadCommitted).start().map_err(db)?;
        Ok(PostgresSnapshot { tx })
    }
}

impl LedgerSnapshot for PostgresSnapshot<'_> {
    fn head(&mut self) -> Result<LedgerHead, StoreError> {
        read_head(&mut self.tx, true)
    }

    fn record_by_key(&mut self, key: &str) -> Result<Option<LedgerRecord>, StoreError> {
        let row = self.tx.query_opt("SELECT json FROM records WHERE key = $1", &[&key]).map_err(db)?;
        row.map(|r| parse(r.get::<_, &str>(0))).transpose()
    }

    fn record_by_seq(&mut self, seq: u64) -> Result<Option<LedgerRecord>, StoreError> {
        let Ok(s) = i64::try_from(seq) else { return Ok(None) };
        let row = self.tx.query_opt("SELECT json FROM records WHERE seq = $1", &[&s]).map_err(db)?;
        row.map(|r| parse(r.get::<_, &str>(0))).transpose()
    }

    fn balance(&mut self, account: &str) -> Result<i64, StoreError> {
        let row = self.tx.query_opt("SELECT balance FROM balances WHERE account = $1", &[&account]).map_err(db)?;
        Ok(row.map(|r| r.get(0)).unwrap_or(0))
    }

    fn append(&mut self, expected: &LedgerHead, built: &Built) -> Result<bool, StoreError> {
        let r = &built.record;
        let (new_seq, old_seq) = (seq_i64(r.seq)?, seq_i64(expected.seq)?);
        let moved = self
            .tx
            .execute(
                "UPDATE head SET seq = $1, hash = $2 WHERE id = 1 AND seq = $3 AND hash = $4",
                &[&new_seq, &r.hash, &old_seq, &expected.hash],
            )
            .map_err(db)?;
        if moved != 1 {
            return Ok(false);
        }
        let json = r.to_json().map_err(|e| StoreError::Database(e.to_string()))?;
        let kind = r.kind.as_str();
        let inserted = self.tx.execute(
            "INSERT INTO records (seq, key, kind, hash, json) VALUES ($1, $2, $3, $4, $5)",
            &[&new_seq, &r.key, &kind, &r.hash, &json],
        );
        match inserted {
            Ok(_) => {}
            // The transaction is aborted either way; the caller drops it and rebuilds.
            Err(e) if e.code() == Some(&SqlState::UNIQUE_VIOLATION) => return Ok(false),
            Err(e) => return Err(db(e)),
        }
        for b in &built.balances {
            self.tx
                .execute(
                    "INSERT INTO balances (account, balance) VALUES ($1, $2)
                     ON CONFLICT (account) DO UPDATE SET balance = EXCLUDED.balance",
                    &[&b.account, &b.balance],
                )
                .map_err(db)?;
        }
        Ok(true)
    }

    fn commit(self) -> Result<(), StoreError> {
        self.tx.commit().map_err(db)
    }
}

//! # Avalo ledger store (example)
//!
//! The money ledger of SPEC §12 kept in a database by the §12.5 host protocol. The core builds
//! and checks records; this crate only stores them:
//!
//! 1. open one transaction (a snapshot),
//! 2. read what [`avalo_core::ledger::ledger_reads`] names: the head, the records with the
//!    event's keys and seqs, the balances of the accounts,
//! 3. let [`avalo_core::ledger::build_record`] answer (a replay is returned, nothing written),
//! 4. append the record and the new balances **only if the head did not move** (compare-and-set
//!    on the head row; `seq` and `key` are unique), commit; on a moved head or a serialisation
//!    failure, roll back and start again from 1 (bounded attempts).
//!
//! [`store`] holds the backend-neutral part (the traits and [`store::append_event`]);
//! [`sqlite`] the SQLite backend (embedded default); [`postgres`] the PostgreSQL backend (many
//! server instances sharing one ledger), with the same schema and constraints.
//!
//! ## What the database guarantees (the schema)
//! - `records.seq` is the primary key and `records.key` is unique: a key is stored once, a seq
//!   once, whatever the application does;
//! - `head` is one row updated with `WHERE seq = expected`: two writers that read the same head
//!   cannot both append;
//! - `balances.balance` has a `CHECK` that only `platform:referral` and `external:purchases` may
//!   go below 0: even a buggy writer cannot store an overdraft;
//! - a record, its balances and the head move in one transaction: a crash or a refused
//!   statement leaves none of them written.

pub mod postgres;
pub mod sqlite;
pub mod store;

pub use postgres::PostgresLedger;
pub use sqlite::{SqliteLedger, Synchronous};
pub use store::{append_event, LedgerSnapshot, LedgerStore, StoreError};

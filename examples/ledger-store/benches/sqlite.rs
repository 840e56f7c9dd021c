//! Committed ledger appends per second on SQLite (one writer, WAL): `synchronous=FULL` and
//! `NORMAL`, with the naive "read the balance, then write" code as the peer (no chain, no
//! idempotency, no compare-and-set: what the constraints and the core cost).
//! Run: `cargo bench -p avalo-ledger-store --bench sqlite` (the figures go to BENCHMARKS.md).
#![allow(missing_docs)] // criterion_main! writes an undocumented `main`

use avalo_core::ledger::LedgerEvent;
use avalo_core::Policy;
use avalo_ledger_store::{append_event, SqliteLedger, Synchronous};
use criterion::{criterion_group, criterion_main, Criterion};
use rusqlite::{params, Connection};
use std::path::{Path, PathBuf};

fn temp_db(tag: &str) -> PathBuf {
    let nanos = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_nanos()).unwrap_or(0);
    std::env::temp_dir().join(format!("avalo-bench-{tag}-{}-{nanos}.db", std::process::id()))
}

fn remove(path: &Path) {
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", path.display()));
    }
}

fn ledger(c: &mut Criterion) {
    let policy = Policy::default();
    let mut g = c.benchmark_group("ledger-store/sqlite");
    for (name, sync) in [("FULL", Synchronous::Full), ("NORMAL", Synchronous::Normal)] {
        let path = temp_db(name);
        let Ok(mut store) = SqliteLedger::open(&path, sync) else { return };
        let buy = LedgerEvent::Purchase {
            payer: "u1".into(),
            store: "apple".into(),
            store_txn_id: "seed".into(),
            pack: Some("royal".into()),
            pln_minor: None,
        };
        if append_event(&mut store, &policy, &buy, 0, 5).is_err() {
            return;
        }
        let mut n = 0u64;
        let mut meter = avalo_core::split::CumulativeSplit::default();
        g.bench_function(format!("append one message charge, synchronous={name}"), |b| {
            b.iter(|| {
                n += 1;
                let e = LedgerEvent::MessageCharge {
                    chat_id: "c1".into(),
                    message_id: format!("m{n}"),
                    payer: "u1".into(),
                    earner: "cr1".into(),
                    tokens: 1,
                    billed_tokens: meter.total,
                    creator_tokens: meter.creator_total,
                };
                if append_event(&mut store, &policy, &e, 0, 5).is_ok() {
                    if let Ok(s) = meter.apply(1, policy.splits.chat_creator_bp) {
                        meter = s.state;
                    }
                } else {
                    // Out of tokens: top up (rare; counted in the time).
                    let top = LedgerEvent::Purchase {
                        payer: "u1".into(),
                        store: "apple".into(),
                        store_txn_id: format!("top{n}"),
                        pack: Some("royal".into()),
                        pln_minor: None,
                    };
                    let _ = append_event(&mut store, &policy, &top, 0, 5);
                }
            })
        });
        drop(store);
        remove(&path);
    }
    for (name, sync) in [("FULL", "FULL"), ("NORMAL", "NORMAL")] {
        let path = temp_db("naive");
        let Ok(conn) = Connection::open(&path) else { return };
        let setup = format!(
            "PRAGMA journal_mode=WAL; PRAGMA synchronous={sync};
             CREATE TABLE balances (account TEXT PRIMARY KEY, balance INTEGER NOT NULL);
             CREATE TABLE payments (id INTEGER PRIMARY KEY, payer TEXT, amount INTEGER);
             INSERT INTO balances VALUES ('u1', 1000000000);"
        );
        if conn.execute_batch(&setup).is_err() {
            return;
        }
        g.bench_function(format!("naive read-then-write peer, synchronous={name}"), |b| {
            b.iter(|| {
                // The platform's pattern: read the balance, then write (two statements, no
                // transaction around them, no key).
                let bal: i64 =
                    conn.query_row("SELECT balance FROM balances WHERE account = 'u1'", [], |r| r.get(0)).unwrap_or(0);
                let _ = conn.execute("INSERT INTO payments (payer, amount) VALUES ('u1', 1)", []);
                let _ = conn.execute("UPDATE balances SET balance = ?1 WHERE account = 'u1'", params![bal - 1]);
            })
        });
        drop(conn);
        remove(&path);
    }
    g.finish();
}

criterion_group!(benches, ledger);
criterion_main!(benches);

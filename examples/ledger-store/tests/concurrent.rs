//! 8 threads, each with its own SQLite connection, run the shared workload (random message
//! charges, tips, withdrawal requests, approvals and payouts, every call retried at random)
//! for a bounded time; afterwards the chain verifies with the stored totals, no key appears
//! twice, and no withdrawal was paid twice.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, missing_docs)]

mod common;

use avalo_core::Policy;
use avalo_ledger_store::{SqliteLedger, Synchronous};
use std::sync::atomic::Ordering;
use std::time::{Duration, Instant};

#[test]
fn eight_threads_retrying_at_random_keep_the_ledger_sound() {
    let nanos = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_nanos();
    let path = std::env::temp_dir().join(format!("avalo-ledger-{}-{nanos}.db", std::process::id()));
    let policy = Policy::default();
    common::seed(&mut SqliteLedger::open(&path, Synchronous::Normal).unwrap(), &policy);
    let p = path.clone();
    let open = move || SqliteLedger::open(&p, Synchronous::Normal).unwrap();
    let deadline = Instant::now() + Duration::from_secs(4);
    let counts = common::run_threads(8, open, &policy, "sqlite", deadline, 400);
    let mut store = SqliteLedger::open(&path, Synchronous::Normal).unwrap();
    let records = store.records().unwrap();
    let (n, requested, paid) = common::verify(&policy, &records, &store.totals().unwrap());
    let (a, r) = (counts.appended.load(Ordering::Relaxed), counts.replayed.load(Ordering::Relaxed));
    eprintln!(
        "sqlite: records {n} appended {a} replayed {r} refused {} conflicts {} requests {requested} paid {paid}",
        counts.refused.load(Ordering::Relaxed),
        counts.conflicts.load(Ordering::Relaxed),
    );
    // The run must have exercised what it claims to.
    assert!(a > 100 && r > 20 && requested > 0 && paid > 0);
    assert_eq!(a + common::USERS, n as u64);
    drop(store);
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", path.display()));
    }
}

//! A worker process appends records to a SQLite ledger and is killed (`SIGKILL`) at random
//! points, five times; after each restart the ledger verifies against its stored totals, so every
//! append was applied whole (record, balances and head) or not at all.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, missing_docs)]

use avalo_core::ledger::{check_ledger, LedgerEvent};
use avalo_core::Policy;
use avalo_ledger_store::{append_event, SqliteLedger, StoreError, Synchronous};
use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const WORKER_ENV: &str = "AVALO_LEDGER_CRASH_WORKER_DB";

/// The worker: when started by the test below (the environment names the database), appends
/// purchases, tips and message charges until it is killed. Run directly, it does nothing.
#[test]
fn crash_worker_entry() {
    let Ok(path) = std::env::var(WORKER_ENV) else { return };
    let policy = Policy::default();
    let mut store = SqliteLedger::open(std::path::Path::new(&path), Synchronous::Full).unwrap();
    let pid = std::process::id();
    let mut meter = avalo_core::split::CumulativeSplit::default();
    for n in 0u64.. {
        let e = match n % 3 {
            0 => LedgerEvent::Purchase {
                payer: "fan".into(),
                store: "apple".into(),
                store_txn_id: format!("{pid}-{n}"),
                pack: Some("mini".into()),
                pln_minor: None,
            },
            1 => LedgerEvent::Tip {
                payer: "fan".into(),
                creator: "ola".into(),
                request_id: format!("{pid}-{n}"),
                tokens: 5,
            },
            _ => LedgerEvent::MessageCharge {
                chat_id: format!("chat-{pid}"),
                message_id: format!("{n}"),
                payer: "fan".into(),
                earner: "ola".into(),
                tokens: 3,
                billed_tokens: meter.total,
                creator_tokens: meter.creator_total,
            },
        };
        match append_event(&mut store, &policy, &e, 0, 20) {
            Ok(b) if !b.replayed && n % 3 == 2 => meter = meter.apply(3, policy.splits.chat_creator_bp).unwrap().state,
            Ok(_) | Err(StoreError::Refused(_)) | Err(StoreError::Conflict(_)) => {}
            Err(e) => panic!("{e}"),
        }
    }
}

fn temp_db() -> PathBuf {
    let nanos = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_nanos();
    std::env::temp_dir().join(format!("avalo-ledger-crash-{}-{nanos}.db", std::process::id()))
}

#[test]
fn killed_mid_append_the_ledger_still_verifies() {
    let path = temp_db();
    let policy = Policy::default();
    let exe = std::env::current_exe().unwrap();
    let mut seed = (std::process::id() as u64) | 1;
    let mut last_len = 0;
    let started = Instant::now();
    for round in 0..5 {
        let mut child = Command::new(&exe)
            .args(["--exact", "crash_worker_entry", "--nocapture", "--test-threads=1"])
            .env(WORKER_ENV, &path)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        std::thread::sleep(Duration::from_millis(300 + seed % 700));
        child.kill().unwrap(); // SIGKILL on Unix
        child.wait().unwrap();
        let mut store = SqliteLedger::open(&path, Synchronous::Full).unwrap();
        let records = store.records().unwrap();
        let totals = store.totals().unwrap();
        let report = check_ledger(std::slice::from_ref(&policy), &records, Some(&totals)).unwrap();
        assert_eq!(report.finding, None, "round {round}: the ledger must verify after a kill");
        eprintln!("round {round}: {} records", records.len());
        assert!(records.len() >= last_len);
        last_len = records.len();
    }
    assert!(last_len > 0, "the worker must have appended something");
    assert!(started.elapsed() < Duration::from_secs(60));
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", path.display()));
    }
}

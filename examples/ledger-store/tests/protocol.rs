//! The host protocol on SQLite, one call at a time: a withdrawal retried three times is paid
//! once; a database that refuses the write is an error with nothing written.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, missing_docs)]

use avalo_core::ledger::{check_ledger, LedgerEvent};
use avalo_core::payout::PayoutMethod;
use avalo_core::{ErrorCode, Policy};
use avalo_ledger_store::{append_event, SqliteLedger, StoreError, Synchronous};
use std::path::{Path, PathBuf};

fn temp_db(name: &str) -> PathBuf {
    let nanos = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_nanos();
    std::env::temp_dir().join(format!("avalo-ledger-{name}-{}-{nanos}.db", std::process::id()))
}

fn remove(path: &Path) {
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", path.display()));
    }
}

#[test]
fn a_withdrawal_retried_three_times_is_paid_once() {
    let path = temp_db("retry");
    let policy = Policy::default();
    let mut store = SqliteLedger::open(&path, Synchronous::Full).unwrap();
    let mut append = |e: &LedgerEvent| append_event(&mut store, &policy, e, 1_764_547_200_000, 5);
    let buy = LedgerEvent::Purchase {
        payer: "fan".into(),
        store: "apple".into(),
        store_txn_id: "t1".into(),
        pack: Some("pro".into()),
        pln_minor: None,
    };
    append(&buy).unwrap();
    let tip = LedgerEvent::Tip { payer: "fan".into(), creator: "ola".into(), request_id: "tap-1".into(), tokens: 1000 };
    append(&tip).unwrap();
    let request = LedgerEvent::WithdrawalRequested {
        creator: "ola".into(),
        request_id: "3f1c-uuid".into(),
        amount: 900,
        method: PayoutMethod::Paypal,
        kyc_verified: true,
    };
    // Three taps on "withdraw": one request, two replays.
    let first = append(&request).unwrap();
    assert!(!first.replayed);
    for _ in 0..2 {
        let again = append(&request).unwrap();
        assert!(again.replayed);
        assert_eq!(again.record, first.record);
    }
    let seq = first.record.seq;
    append(&LedgerEvent::WithdrawalApproved { request_seq: seq }).unwrap();
    let pay = LedgerEvent::WithdrawalPaid { request_seq: seq, payout_ref: Some("PP-77".into()) };
    // The payout job retried three times: paid once.
    let paid: Vec<bool> = (0..3).map(|_| append(&pay).unwrap().replayed).collect();
    assert_eq!(paid, [false, true, true]);
    // A second request for the rest is refused: 900 of 900 earned are held or paid.
    let more = LedgerEvent::WithdrawalRequested {
        creator: "ola".into(),
        request_id: "other".into(),
        amount: 500,
        method: PayoutMethod::Paypal,
        kyc_verified: true,
    };
    match append(&more) {
        Err(StoreError::Refused(e)) => assert_eq!(e.code, ErrorCode::InsufficientTokens),
        other => panic!("{other:?}"),
    }
    let records = store.records().unwrap();
    assert_eq!(records.len(), 5);
    let totals = store.totals().unwrap();
    let report = check_ledger(std::slice::from_ref(&policy), &records, Some(&totals)).unwrap();
    assert_eq!(report.finding, None);
    let bal = |a: &str| totals.balances.iter().find(|b| b.account == a).map(|b| b.balance).unwrap_or(0);
    assert_eq!(bal("external:payouts"), 882); // 900 − fee 18 (2 %)
    assert_eq!(bal("platform:fees"), 18);
    assert_eq!(bal("creator:ola:pending"), 0);
    drop(store);
    remove(&path);
}

#[test]
fn a_refused_write_is_an_error_and_writes_nothing() {
    let path = temp_db("readonly");
    let policy = Policy::default();
    let buy = |txn: &str| LedgerEvent::Purchase {
        payer: "fan".into(),
        store: "apple".into(),
        store_txn_id: txn.into(),
        pack: Some("mini".into()),
        pln_minor: None,
    };
    {
        let mut store = SqliteLedger::open(&path, Synchronous::Full).unwrap();
        append_event(&mut store, &policy, &buy("t1"), 0, 5).unwrap();
    }
    // Another connection that may not write: the append fails as a database error.
    let conn = rusqlite_readonly(&path);
    let mut ro = conn;
    match append_event(&mut ro, &policy, &buy("t2"), 0, 5) {
        Err(StoreError::Database(_)) | Err(StoreError::Conflict(_)) => {}
        other => panic!("expected a database error, got {other:?}"),
    }
    drop(ro);
    let mut store = SqliteLedger::open(&path, Synchronous::Full).unwrap();
    assert_eq!(store.records().unwrap().len(), 1);
    let totals = store.totals().unwrap();
    assert_eq!(totals.head.seq, 1);
    let report = check_ledger(std::slice::from_ref(&policy), &store.records().unwrap(), Some(&totals)).unwrap();
    assert_eq!(report.finding, None);
    drop(store);
    remove(&path);
}

fn rusqlite_readonly(path: &Path) -> SqliteLedger {
    SqliteLedger::open_read_only(path).unwrap()
}

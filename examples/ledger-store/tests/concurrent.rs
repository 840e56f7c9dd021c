//! 8 threads, each with its own SQLite connection, issue random message charges, tips,
//! withdrawal requests, approvals and payouts for a few users, retrying every call at random
//! (the same event, the same key) and racing each other on shared tip and withdrawal keys, for
//! a bounded time. Afterwards: the chain verifies with the stored totals (so the replayed
//! balances equal the stored ones), no key appears twice, and no withdrawal was paid twice.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, missing_docs)]

use avalo_core::ledger::{check_ledger, LedgerEvent, RecordKind};
use avalo_core::payout::PayoutMethod;
use avalo_core::{ErrorCode, Policy};
use avalo_ledger_store::{append_event, SqliteLedger, StoreError, Synchronous};
use std::collections::{HashMap, HashSet};
use std::path::PathBuf;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

const THREADS: u64 = 8;
const USERS: u64 = 4;
const CREATORS: u64 = 3;

/// A small deterministic generator (xorshift64*): the test's own randomness, seeded per thread.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

fn temp_db() -> PathBuf {
    let nanos = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_nanos();
    std::env::temp_dir().join(format!("avalo-ledger-{}-{nanos}.db", std::process::id()))
}

#[derive(Default)]
struct Counts {
    appended: AtomicU64,
    replayed: AtomicU64,
    refused: AtomicU64,
    conflicts: AtomicU64,
}

#[test]
fn eight_threads_retrying_at_random_keep_the_ledger_sound() {
    let path = temp_db();
    let policy = Policy::default();
    {
        let mut seed = SqliteLedger::open(&path, Synchronous::Normal).unwrap();
        for u in 0..USERS {
            let e = LedgerEvent::Purchase {
                payer: format!("u{u}"),
                store: "apple".into(),
                store_txn_id: format!("seed{u}"),
                pack: Some("royal".into()),
                pln_minor: None,
            };
            append_event(&mut seed, &policy, &e, 0, 10).unwrap();
        }
    }
    let counts = Arc::new(Counts::default());
    // Request seqs any thread has seen (appended or replayed), for approvals and payouts.
    let requests: Arc<Mutex<Vec<u64>>> = Arc::new(Mutex::new(Vec::new()));
    let deadline = Instant::now() + Duration::from_secs(4);
    let handles: Vec<_> = (0..THREADS)
        .map(|t| {
            let (path, policy, counts, requests) = (path.clone(), policy.clone(), counts.clone(), requests.clone());
            std::thread::spawn(move || {
                let mut store = SqliteLedger::open(&path, Synchronous::Normal).unwrap();
                let mut rng = Rng(0x9E37_79B9_7F4A_7C15 ^ (t + 1).wrapping_mul(0x1234_5678_9ABC_DEF1));
                let mut meters: HashMap<(u64, u64), (u64, u64)> = HashMap::new();
                let mut n = 0u64;
                while Instant::now() < deadline && n < 400 {
                    n += 1;
                    let (u, c) = (rng.below(USERS), rng.below(CREATORS));
                    let mut meter_key = None;
                    let event = match rng.below(10) {
                        0..=3 => {
                            // This thread's own chats: it keeps their meters.
                            let m = *meters.entry((u, c)).or_insert((0, 0));
                            meter_key = Some((u, c));
                            LedgerEvent::MessageCharge {
                                chat_id: format!("t{t}-u{u}-c{c}"),
                                message_id: format!("m{n}"),
                                payer: format!("u{u}"),
                                earner: format!("c{c}"),
                                tokens: 1 + rng.below(30),
                                billed_tokens: m.0,
                                creator_tokens: m.1,
                            }
                        }
                        4..=6 => {
                            // Shared request ids: threads race on the same key and content.
                            let r = rng.below(300);
                            LedgerEvent::Tip {
                                payer: format!("u{}", r % USERS),
                                creator: format!("c{}", r % CREATORS),
                                request_id: format!("r{r}"),
                                tokens: 5 + r % 60,
                            }
                        }
                        7 => {
                            let w = rng.below(40);
                            LedgerEvent::WithdrawalRequested {
                                creator: format!("c{}", w % CREATORS),
                                request_id: format!("w{w}"),
                                amount: 500 + w,
                                method: PayoutMethod::BankTransfer,
                                kyc_verified: true,
                            }
                        }
                        _ => {
                            let known = requests.lock().unwrap().clone();
                            if known.is_empty() {
                                continue;
                            }
                            let seq = known[rng.below(known.len() as u64) as usize];
                            if rng.below(2) == 0 {
                                LedgerEvent::WithdrawalApproved { request_seq: seq }
                            } else {
                                LedgerEvent::WithdrawalPaid { request_seq: seq, payout_ref: Some(format!("pay-{seq}")) }
                            }
                        }
                    };
                    // Every call is retried 1–3 times with the same event.
                    for _ in 0..1 + rng.below(3) {
                        match append_event(&mut store, &policy, &event, 1_764_547_200_000, 50) {
                            Ok(b) => {
                                if b.replayed {
                                    counts.replayed.fetch_add(1, Ordering::Relaxed);
                                } else {
                                    counts.appended.fetch_add(1, Ordering::Relaxed);
                                    if let (Some(k), LedgerEvent::MessageCharge { tokens, .. }) = (meter_key, &event) {
                                        let m = meters.get_mut(&k).unwrap();
                                        let step =
                                            avalo_core::split::CumulativeSplit { total: m.0, creator_total: m.1 }
                                                .apply(*tokens, policy.splits.chat_creator_bp)
                                                .unwrap();
                                        *m = (step.state.total, step.state.creator_total);
                                    }
                                }
                                if b.record.kind == RecordKind::WithdrawalRequested {
                                    let mut r = requests.lock().unwrap();
                                    if !r.contains(&b.record.seq) {
                                        r.push(b.record.seq);
                                    }
                                }
                            }
                            Err(StoreError::Refused(e)) => {
                                assert!(
                                    matches!(
                                        e.code,
                                        ErrorCode::InsufficientTokens
                                            | ErrorCode::InvalidTransition
                                            | ErrorCode::IdempotencyConflict
                                    ),
                                    "unexpected refusal {e:?}"
                                );
                                counts.refused.fetch_add(1, Ordering::Relaxed);
                            }
                            Err(StoreError::Conflict(_)) => {
                                counts.conflicts.fetch_add(1, Ordering::Relaxed);
                            }
                            Err(e) => panic!("database failure: {e}"),
                        }
                    }
                }
            })
        })
        .collect();
    for h in handles {
        h.join().unwrap();
    }
    let mut store = SqliteLedger::open(&path, Synchronous::Normal).unwrap();
    let records = store.records().unwrap();
    let totals = store.totals().unwrap();
    let report = check_ledger(std::slice::from_ref(&policy), &records, Some(&totals)).unwrap();
    assert_eq!(report.finding, None, "the stored ledger must verify against its stored totals");
    let keys: HashSet<&str> = records.iter().map(|r| r.key.as_str()).collect();
    assert_eq!(keys.len(), records.len(), "a key appears twice");
    let mut paid: HashMap<u64, u32> = HashMap::new();
    for r in records.iter().filter(|r| r.kind == RecordKind::WithdrawalPaid) {
        *paid.entry(r.refs[0]).or_insert(0) += 1;
    }
    let requested = records.iter().filter(|r| r.kind == RecordKind::WithdrawalRequested).count();
    assert!(paid.values().all(|n| *n == 1), "a withdrawal was paid twice: {paid:?}");
    assert!(paid.len() <= requested);
    let (a, r) = (counts.appended.load(Ordering::Relaxed), counts.replayed.load(Ordering::Relaxed));
    eprintln!(
        "records {} appended {a} replayed {r} refused {} conflicts {} requests {requested} paid {}",
        records.len(),
        counts.refused.load(Ordering::Relaxed),
        counts.conflicts.load(Ordering::Relaxed),
        paid.len()
    );
    // The run must have exercised what it claims to.
    assert!(a > 100 && r > 20 && requested > 0 && !paid.is_empty());
    assert_eq!(a + USERS, records.len() as u64);
    drop(store);
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", path.display()));
    }
}

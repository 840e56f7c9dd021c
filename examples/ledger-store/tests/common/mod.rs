//! The concurrent workload shared by the SQLite and PostgreSQL tests: workers issue random
//! message charges, tips, withdrawal requests, approvals and payouts for a few users, retrying
//! every call at random (the same event, the same key) and racing each other on shared keys.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, dead_code)]

use avalo_core::ledger::{check_ledger, LedgerEvent, LedgerRecord, LedgerTotals, RecordKind};
use avalo_core::payout::PayoutMethod;
use avalo_core::{ErrorCode, Policy};
use avalo_ledger_store::{append_event, LedgerStore, StoreError};
use std::collections::{HashMap, HashSet};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::Instant;

pub const USERS: u64 = 4;
pub const CREATORS: u64 = 3;

/// A small deterministic generator (xorshift64*): the test's own randomness.
pub struct Rng(pub u64);
impl Rng {
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    pub fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

/// What the workers saw.
#[derive(Default)]
pub struct Counts {
    pub appended: AtomicU64,
    pub replayed: AtomicU64,
    pub refused: AtomicU64,
    pub conflicts: AtomicU64,
}

/// Gives every user a royal pack (10 000 tokens), once (a replay when already there).
pub fn seed<S: LedgerStore>(store: &mut S, policy: &Policy) {
    for u in 0..USERS {
        let e = LedgerEvent::Purchase {
            payer: format!("u{u}"),
            store: "apple".into(),
            store_txn_id: format!("seed{u}"),
            pack: Some("royal".into()),
            pln_minor: None,
        };
        append_event(store, policy, &e, 0, 50).unwrap();
    }
}

/// One worker: `tag` names its own chats; stops at `deadline` or after `max_ops` operations.
pub fn worker<S: LedgerStore>(
    store: &mut S,
    policy: &Policy,
    tag: &str,
    seed: u64,
    deadline: Instant,
    max_ops: u64,
    counts: &Counts,
) {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15 ^ seed.wrapping_mul(0x1234_5678_9ABC_DEF1) | 1);
    let mut meters: HashMap<(u64, u64), (u64, u64)> = HashMap::new();
    // Request seqs this worker has seen (its own or replayed ones): approvals and payouts race.
    let mut requests: Vec<u64> = Vec::new();
    let mut n = 0u64;
    while Instant::now() < deadline && n < max_ops {
        n += 1;
        let (u, c) = (rng.below(USERS), rng.below(CREATORS));
        let mut meter_key = None;
        let event = match rng.below(10) {
            0..=3 => {
                let m = *meters.entry((u, c)).or_insert((0, 0));
                meter_key = Some((u, c));
                LedgerEvent::MessageCharge {
                    chat_id: format!("{tag}-u{u}-c{c}"),
                    message_id: format!("m{n}"),
                    payer: format!("u{u}"),
                    earner: format!("c{c}"),
                    tokens: 1 + rng.below(30),
                    billed_tokens: m.0,
                    creator_tokens: m.1,
                }
            }
            4..=6 => {
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
                if requests.is_empty() {
                    continue;
                }
                let seq = requests[rng.below(requests.len() as u64) as usize];
                if rng.below(2) == 0 {
                    LedgerEvent::WithdrawalApproved { request_seq: seq }
                } else {
                    LedgerEvent::WithdrawalPaid { request_seq: seq, payout_ref: Some(format!("pay-{seq}")) }
                }
            }
        };
        for _ in 0..1 + rng.below(3) {
            match append_event(store, policy, &event, 1_764_547_200_000, 50) {
                Ok(b) => {
                    if b.replayed {
                        counts.replayed.fetch_add(1, Ordering::Relaxed);
                    } else {
                        counts.appended.fetch_add(1, Ordering::Relaxed);
                        if let (Some(k), LedgerEvent::MessageCharge { tokens, .. }) = (meter_key, &event) {
                            let m = meters.get_mut(&k).unwrap();
                            let step = avalo_core::split::CumulativeSplit { total: m.0, creator_total: m.1 }
                                .apply(*tokens, policy.splits.chat_creator_bp)
                                .unwrap();
                            *m = (step.state.total, step.state.creator_total);
                        }
                    }
                    if b.record.kind == RecordKind::WithdrawalRequested && !requests.contains(&b.record.seq) {
                        requests.push(b.record.seq);
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
}

/// Runs `threads` workers in this process, each with its own store from `open`.
pub fn run_threads<S, F>(
    threads: u64,
    open: F,
    policy: &Policy,
    tag: &str,
    deadline: Instant,
    max_ops: u64,
) -> Arc<Counts>
where
    S: LedgerStore,
    F: Fn() -> S + Send + Sync + Clone + 'static,
{
    let counts = Arc::new(Counts::default());
    let handles: Vec<_> = (0..threads)
        .map(|t| {
            let (open, policy, counts, tag) = (open.clone(), policy.clone(), counts.clone(), format!("{tag}t{t}"));
            std::thread::spawn(move || {
                let mut store = open();
                worker(&mut store, &policy, &tag, t + 1, deadline, max_ops, &counts);
            })
        })
        .collect();
    for h in handles {
        h.join().unwrap();
    }
    counts
}

/// The stored ledger verifies against its stored totals (so the replayed balances equal the
/// stored ones), no key appears twice, and no withdrawal was paid twice. Returns
/// (records, requests, paid).
pub fn verify(policy: &Policy, records: &[LedgerRecord], totals: &LedgerTotals) -> (usize, usize, usize) {
    let report = check_ledger(std::slice::from_ref(policy), records, Some(totals)).unwrap();
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
    (records.len(), requested, paid.len())
}

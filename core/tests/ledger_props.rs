//! Property tests of the ledger (SPEC §12): random interleavings of valid and invalid operations,
//! retried at random, conserve tokens, never drive a balance below 0, replay deterministically,
//! never pay a withdrawal twice, and every tampered record is detected.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, missing_docs)]

use avalo_core::ledger::{
    check_ledger, Account, FindingKind, LedgerEvent, LedgerRecord, LedgerTotals, MemoryLedger, RecordKind,
};
use avalo_core::payout::PayoutMethod;
use avalo_core::split::RevenueStream;
use avalo_core::Policy;
use proptest::prelude::*;
use std::collections::{HashMap, HashSet};

const USERS: [&str; 3] = ["u1", "u2", "u3"];
const CREATORS: [&str; 2] = ["cr1", "cr2"];

/// A random operation; indices pick users, creators and earlier records.
#[derive(Debug, Clone)]
enum Op {
    Purchase {
        user: usize,
        pack: usize,
    },
    Message {
        user: usize,
        creator: usize,
        tokens: u64,
    },
    Tip {
        user: usize,
        creator: usize,
        tokens: u64,
    },
    Unlock {
        user: usize,
        creator: usize,
        item: u8,
        price: u64,
    },
    Ai {
        user: usize,
        tokens: u64,
    },
    Referral {
        creator: usize,
        pick: usize,
    },
    Withdraw {
        creator: usize,
        amount: u64,
    },
    Transition {
        pick: usize,
        to: u8,
    },
    Refund {
        pick: usize,
    },
    /// Retry the operation `back` steps earlier with the same event (the same key).
    Retry {
        back: usize,
    },
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        1 => (0..3usize, 0..7usize).prop_map(|(user, pack)| Op::Purchase { user, pack }),
        1 => (0..3usize, 0..2usize, 0..40u64).prop_map(|(user, creator, tokens)| Op::Message { user, creator, tokens }),
        1 => (0..3usize, 0..2usize, 0..6_000u64).prop_map(|(user, creator, tokens)| Op::Tip { user, creator, tokens }),
        1 => (0..3usize, 0..2usize, 0..4u8, 0..300u64).prop_map(|(user, creator, item, price)| Op::Unlock {
            user,
            creator,
            item,
            price
        }),
        1 => (0..3usize, 0..20u64).prop_map(|(user, tokens)| Op::Ai { user, tokens }),
        1 => (0..2usize, 0..64usize).prop_map(|(creator, pick)| Op::Referral { creator, pick }),
        2 => (0..2usize, 400..3_000u64).prop_map(|(creator, amount)| Op::Withdraw { creator, amount }),
        4 => (0..64usize, 0..4u8).prop_map(|(pick, to)| Op::Transition { pick, to }),
        1 => (0..64usize).prop_map(|pick| Op::Refund { pick }),
        1 => (1..6usize).prop_map(|back| Op::Retry { back }),
    ]
}

const PACKS: [&str; 7] = ["mini", "basic", "standard", "premium", "pro", "elite", "royal"];

/// The seq of the `pick`-th record of `kind` (any record when `None`), or a seq past the end.
fn seq_of(book: &MemoryLedger, kind: Option<RecordKind>, pick: usize) -> u64 {
    let seqs: Vec<u64> = book.records().iter().filter(|r| kind.map_or(true, |k| r.kind == k)).map(|r| r.seq).collect();
    if seqs.is_empty() || pick % 8 == 7 {
        return book.records().len() as u64 + 1 + pick as u64; // sometimes a seq that does not exist
    }
    seqs[pick % seqs.len()]
}

/// Turns operations into events on the ledger as it grows, keeping each chat's meter (billed,
/// creator) as a host would (advanced only when the charge is accepted); returns the events.
fn events(ops: &[Op]) -> Vec<LedgerEvent> {
    let policy = Policy::default();
    let mut book = MemoryLedger::new();
    let mut out: Vec<LedgerEvent> = Vec::new();
    let mut meters: HashMap<(usize, usize), (u64, u64)> = HashMap::new();
    for (i, o) in ops.iter().enumerate() {
        let mut next_meter = None;
        let e = match o {
            Op::Purchase { user, pack } => LedgerEvent::Purchase {
                payer: USERS[*user].into(),
                store: "apple".into(),
                store_txn_id: format!("t{i}"),
                pack: Some(PACKS[*pack].into()),
                pln_minor: None,
            },
            Op::Message { user, creator, tokens } => {
                let m = meters.entry((*user, *creator)).or_insert((0, 0));
                let e = LedgerEvent::MessageCharge {
                    chat_id: format!("{}-{}", USERS[*user], CREATORS[*creator]),
                    message_id: format!("m{i}"),
                    payer: USERS[*user].into(),
                    earner: CREATORS[*creator].into(),
                    tokens: *tokens,
                    billed_tokens: m.0,
                    creator_tokens: m.1,
                };
                let step = avalo_core::split::CumulativeSplit { total: m.0, creator_total: m.1 }
                    .apply(*tokens, policy.splits.chat_creator_bp)
                    .unwrap();
                next_meter = Some(((*user, *creator), (step.state.total, step.state.creator_total)));
                e
            }
            Op::Tip { user, creator, tokens } => LedgerEvent::Tip {
                payer: USERS[*user].into(),
                creator: CREATORS[*creator].into(),
                request_id: format!("r{i}"),
                tokens: *tokens,
            },
            Op::Unlock { user, creator, item, price } => LedgerEvent::Unlock {
                payer: USERS[*user].into(),
                creator: CREATORS[*creator].into(),
                item_id: format!("item{item}-{}", CREATORS[*creator]),
                item_kind: if item % 2 == 0 { RevenueStream::GatedContent } else { RevenueStream::PaidMedia },
                price: Some(*price),
            },
            Op::Ai { user, tokens } => {
                LedgerEvent::AiUsage { payer: USERS[*user].into(), request_id: format!("a{i}"), tokens: *tokens }
            }
            Op::Referral { creator, pick } => LedgerEvent::ReferralReward {
                referrer: CREATORS[*creator].into(),
                referred: {
                    let s = seq_of(&book, Some(RecordKind::Purchase), *pick);
                    let payer = book.record(s).and_then(|r| r.postings.iter().find(|p| p.account.starts_with("user:")));
                    match payer {
                        Some(p) if pick % 5 != 4 => p.account.split(':').nth(1).unwrap_or("u1").to_string(),
                        _ => USERS[pick % 3].to_string(),
                    }
                },
                purchase_seq: seq_of(&book, Some(RecordKind::Purchase), *pick),
            },
            Op::Withdraw { creator, amount } => LedgerEvent::WithdrawalRequested {
                creator: CREATORS[*creator].into(),
                request_id: format!("w{i}"),
                amount: *amount,
                method: PayoutMethod::BankTransfer,
                kyc_verified: true,
            },
            Op::Transition { pick, to } => {
                let request_seq = seq_of(&book, Some(RecordKind::WithdrawalRequested), *pick);
                match to {
                    0 => LedgerEvent::WithdrawalApproved { request_seq },
                    1 => LedgerEvent::WithdrawalPaid { request_seq, payout_ref: None },
                    2 => LedgerEvent::WithdrawalRejected { request_seq },
                    _ => LedgerEvent::WithdrawalFailed { request_seq },
                }
            }
            Op::Refund { pick } => LedgerEvent::Refund { original_seq: seq_of(&book, None, *pick) },
            Op::Retry { back } => match out.len().checked_sub(*back) {
                Some(j) => out[j].clone(),
                None => continue,
            },
        };
        let accepted = book.append(&policy, &e, 0).is_ok();
        if let (true, Some((chat, m))) = (accepted, next_meter) {
            meters.insert(chat, m);
        }
        out.push(e);
    }
    out
}

fn run(evs: &[LedgerEvent]) -> MemoryLedger {
    let policy = Policy::default();
    let mut book = MemoryLedger::new();
    for (i, e) in evs.iter().enumerate() {
        let before = book.records().len();
        let r = book.append(&policy, e, 1_764_547_200_000 + i as i64);
        // An internal check failure is INVALID_INPUT with this reason: never acceptable.
        if let Err(err) = &r {
            assert!(!err.reason.contains("fails the check"), "{err:?}");
        }
        // No balance that must stay ≥ 0 is ever below 0.
        for (acc, bal) in &book.state().balances {
            assert!(*bal >= 0 || Account::parse(acc).unwrap().may_go_negative(), "{acc} = {bal}");
        }
        // A replay appends nothing; a new record appends exactly one.
        match r {
            Ok(b) if b.replayed => assert_eq!(book.records().len(), before),
            Ok(_) => assert_eq!(book.records().len(), before + 1),
            Err(_) => assert_eq!(book.records().len(), before),
        }
    }
    book
}

fn totals(book: &MemoryLedger) -> LedgerTotals {
    LedgerTotals { head: book.state().head.clone(), balances: book.state().balance_list() }
}

fn ops() -> impl Strategy<Value = Vec<Op>> {
    proptest::collection::vec(op(), 1..80)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

    #[test]
    fn conserved_checked_and_deterministic(ops in ops()) {
        let evs = events(&ops);
        let book = run(&evs);
        let policy = Policy::default();
        // The ledger verifies, and its replay equals the stored totals.
        let report = check_ledger(std::slice::from_ref(&policy), book.records(), Some(&totals(&book))).unwrap();
        prop_assert_eq!(report.finding, None);
        // Conservation: all balances sum to 0; tokens inside = purchased − refunded purchases
        // + referral budget spent − net paid out, counted from the records independently.
        let sum: i64 = book.state().balances.values().sum();
        prop_assert_eq!(sum, 0);
        let mut inside: i64 = 0;
        for r in book.records() {
            for p in &r.postings {
                if p.account.starts_with("external:") {
                    inside -= p.amount;
                }
            }
        }
        let stored_inside: i64 = book
            .state()
            .balances
            .iter()
            .filter(|(a, _)| !a.starts_with("external:"))
            .map(|(_, b)| *b)
            .sum();
        prop_assert_eq!(inside, stored_inside);
        // Deterministic: the same events give byte-identical records.
        let again = run(&evs);
        prop_assert_eq!(again.records(), book.records());
        // No key twice; no withdrawal paid twice.
        let keys: HashSet<&str> = book.records().iter().map(|r| r.key.as_str()).collect();
        prop_assert_eq!(keys.len(), book.records().len());
        let mut paid: HashMap<u64, u32> = HashMap::new();
        for r in book.records().iter().filter(|r| r.kind == RecordKind::WithdrawalPaid) {
            *paid.entry(r.refs[0]).or_insert(0) += 1;
        }
        prop_assert!(paid.values().all(|n| *n == 1));
        let requests = book.records().iter().filter(|r| r.kind == RecordKind::WithdrawalRequested).count();
        prop_assert!(paid.len() <= requests);
    }

    #[test]
    fn every_tamper_is_detected(ops in ops(), pick in 0usize..1000, how in 0u8..5, delta in 1i64..1000) {
        let evs = events(&ops);
        let book = run(&evs);
        let mut rs: Vec<LedgerRecord> = book.records().to_vec();
        prop_assume!(!rs.is_empty());
        let i = pick % rs.len();
        match how {
            0 => {
                prop_assume!(!rs[i].postings.is_empty());
                let k = pick % rs[i].postings.len();
                rs[i].postings[k].amount += delta;
            }
            1 => {
                prop_assume!(!rs[i].postings.is_empty());
                let k = pick % rs[i].postings.len();
                rs[i].postings[k].account = "user:intruder:spendable".into();
            }
            2 => {
                prop_assume!(i + 1 < rs.len());
                rs.swap(i, i + 1);
            }
            3 => {
                rs.remove(i);
            }
            _ => {
                rs[i].content.push(' ');
            }
        }
        let policy = Policy::default();
        let report = check_ledger(std::slice::from_ref(&policy), &rs, Some(&totals(&book))).unwrap();
        let f = report.finding.expect("a tampered ledger must not verify");
        if how == 3 && i == rs.len() {
            prop_assert_eq!(f.finding, FindingKind::SnapshotMismatch);
        } else {
            prop_assert!(f.finding != FindingKind::SnapshotMismatch, "{:?}", f);
            prop_assert!(report.records_checked <= i as u64);
        }
    }
}

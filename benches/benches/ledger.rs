//! Criterion benches for the ledger (SPEC §12): building and hashing one message-charge record
//! on a view, hashing a record, verifying a chain (`check_ledger`, 20 000 and 1 000 000
//! records, per record), and `creator_analytics` (SPEC §16.1) over 1 000 000 records.
//! The chains are built once, outside the timed loops.
//! Run: `cargo bench -p avalo-benches --bench ledger`.

use avalo_core::creator::creator_analytics;
use avalo_core::ledger::{
    build_record, check_ledger, ledger_reads, sha256_hex, AccountBalance, LedgerEvent, LedgerHead, LedgerRecord,
    LedgerView,
};
use avalo_core::Policy;
use criterion::{black_box, criterion_group, criterion_main, Criterion, Throughput};
use std::collections::BTreeMap;

const SMALL: u64 = 20_000;
const LARGE: u64 = 1_000_000;
/// 2025-12-01T00:00:00Z.
const START_MS: i64 = 1_764_547_200_000;

fn message(chat: &str, n: u64, payer: &str, earner: &str, billed: u64, creator: u64) -> LedgerEvent {
    LedgerEvent::MessageCharge {
        chat_id: chat.into(),
        message_id: format!("msg-{n}"),
        payer: payer.into(),
        earner: earner.into(),
        tokens: 1,
        billed_tokens: billed,
        creator_tokens: creator,
    }
}

/// A chain of `len` records: purchases (50 in 2 000) and message charges from 50 payers to 5
/// creators, one record a minute from `START_MS` (about 694 days for 1 000 000), built with
/// `build_record` on a minimal host (head and balances in memory; every key is new).
fn chain(policy: &Policy, len: u64) -> Vec<LedgerRecord> {
    let mut out = Vec::with_capacity(usize::try_from(len).unwrap_or(0));
    let mut head = LedgerHead::genesis();
    let mut balances: BTreeMap<String, i64> = BTreeMap::new();
    let mut meters: BTreeMap<(u64, u64), avalo_core::split::CumulativeSplit> = BTreeMap::new();
    for n in 0..len {
        let (payer, creator) = (n % 50, n % 5);
        let e = if n % 2000 < 50 {
            LedgerEvent::Purchase {
                payer: format!("user-{payer}"),
                store: "apple".into(),
                store_txn_id: format!("t{n}"),
                pack: Some("royal".into()),
                pln_minor: None,
            }
        } else {
            let meter = meters.entry((payer, creator)).or_default();
            let e = message(
                &format!("chat-{payer}-{creator}"),
                n,
                &format!("user-{payer}"),
                &format!("creator-{creator}"),
                meter.total,
                meter.creator_total,
            );
            if let Ok(s) = meter.apply(1, policy.splits.chat_creator_bp) {
                *meter = s.state;
            }
            e
        };
        let reads = match ledger_reads(policy, &e) {
            Ok(r) => r,
            Err(err) => panic!("{err}"),
        };
        let view = LedgerView {
            head: head.clone(),
            balances: reads
                .accounts
                .iter()
                .map(|a| AccountBalance { account: a.clone(), balance: balances.get(a).copied().unwrap_or(0) })
                .collect(),
            records: Vec::new(),
        };
        let at = START_MS + i64::try_from(n).unwrap_or(0) * 60_000;
        let built = match build_record(policy, &view, &e, at) {
            Ok(b) => b,
            Err(err) => panic!("record {n}: {err}"),
        };
        for b in built.balances {
            balances.insert(b.account, b.balance);
        }
        head = built.record.head();
        out.push(built.record);
    }
    out
}

fn ledger(c: &mut Criterion) {
    let policy = Policy::default();
    let view = LedgerView {
        head: LedgerHead { seq: 41, hash: "ab".repeat(32) },
        balances: vec![AccountBalance { account: "user:user-1:spendable".into(), balance: 5_000 }],
        records: vec![],
    };
    let e = message("chat-8f3a", 42, "user-1", "creator-1", 1_234, 802);
    let mut g = c.benchmark_group("ledger");
    g.bench_function("build_record: one message charge (build + hash)", |b| {
        b.iter(|| match build_record(&policy, black_box(&view), black_box(&e), START_MS) {
            Ok(built) => black_box(built.record.hash.len()),
            Err(err) => panic!("{err}"),
        })
    });
    let records = chain(&policy, SMALL);
    let one = records[1].clone();
    g.bench_function("compute_hash: one message-charge record", |b| {
        b.iter(|| black_box(black_box(&one).compute_hash().map(|h| h.len()).unwrap_or(0)))
    });
    // The bound: SHA-256 (+ hex) of a record's canonical JSON alone (the stored form, with
    // `hash`: a few bytes longer than what `compute_hash` hashes).
    let stored = one.to_json().unwrap_or_default();
    g.bench_function(format!("peer: sha256_hex of one stored record ({} bytes)", stored.len()), |b| {
        b.iter(|| black_box(sha256_hex(black_box(&stored)).len()))
    });
    g.throughput(Throughput::Elements(SMALL));
    g.sample_size(10);
    g.bench_function("check_ledger: chain of 20 000 records", |b| {
        b.iter(|| {
            if let Ok(r) = check_ledger(std::slice::from_ref(&policy), black_box(&records), None) {
                black_box(r.records_checked);
            }
        })
    });
    drop(records);
    // Built on first use, so a filter that skips both benches skips building it.
    let large: std::cell::OnceCell<Vec<LedgerRecord>> = std::cell::OnceCell::new();
    g.throughput(Throughput::Elements(LARGE));
    g.bench_function("check_ledger: chain of 1 000 000 records", |b| {
        let records = large.get_or_init(|| chain(&policy, LARGE));
        b.iter(|| match check_ledger(std::slice::from_ref(&policy), black_box(records), None) {
            Ok(r) => assert_eq!(r.records_checked, LARGE),
            Err(err) => panic!("{err}"),
        })
    });
    g.bench_function("creator_analytics: 1 000 000 records, whole window", |b| {
        let records = large.get_or_init(|| chain(&policy, LARGE));
        b.iter(|| {
            match creator_analytics(black_box("creator-3"), black_box(records), START_MS, i64::MAX / 2, Some(10)) {
                Ok(a) => black_box(a.days.len()),
                Err(err) => panic!("{err}"),
            }
        })
    });
    g.finish();
}

criterion_group!(benches, ledger);
criterion_main!(benches);

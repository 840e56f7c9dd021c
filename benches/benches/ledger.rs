//! Criterion benches for the ledger (SPEC §12): building and hashing one message-charge record
//! on a view, hashing a record, and verifying a chain (`check_ledger`), per record.
//! Run: `cargo bench -p avalo-benches --bench ledger`.

use avalo_core::ledger::{
    build_record, check_ledger, AccountBalance, LedgerEvent, LedgerHead, LedgerRecord, LedgerView, MemoryLedger,
};
use avalo_core::Policy;
use criterion::{black_box, criterion_group, criterion_main, Criterion, Throughput};

const CHAIN: u64 = 20_000;

fn message(n: u64, billed: u64, creator: u64) -> LedgerEvent {
    LedgerEvent::MessageCharge {
        chat_id: "chat-8f3a".into(),
        message_id: format!("msg-{n}"),
        payer: "user-1".into(),
        earner: "creator-1".into(),
        tokens: 1,
        billed_tokens: billed,
        creator_tokens: creator,
    }
}

/// A chain of purchases and message charges, built by the in-memory host.
fn chain(policy: &Policy) -> Vec<LedgerRecord> {
    let mut book = MemoryLedger::new();
    let mut meter = avalo_core::split::CumulativeSplit::default();
    for n in 0..CHAIN {
        let e = if n % 100 == 0 {
            LedgerEvent::Purchase {
                payer: "user-1".into(),
                store: "apple".into(),
                store_txn_id: format!("t{n}"),
                pack: Some("royal".into()),
                pln_minor: None,
            }
        } else {
            let e = message(n, meter.total, meter.creator_total);
            if let Ok(s) = meter.apply(1, policy.splits.chat_creator_bp) {
                meter = s.state;
            }
            e
        };
        if let Err(err) = book.append(policy, &e, 1_764_547_200_000) {
            panic!("{err}");
        }
    }
    book.records().to_vec()
}

fn ledger(c: &mut Criterion) {
    let policy = Policy::default();
    let view = LedgerView {
        head: LedgerHead { seq: 41, hash: "ab".repeat(32) },
        balances: vec![AccountBalance { account: "user:user-1:spendable".into(), balance: 5_000 }],
        records: vec![],
    };
    let e = message(42, 1_234, 802);
    let mut g = c.benchmark_group("ledger");
    g.bench_function("build_record: one message charge (build + hash)", |b| {
        b.iter(|| {
            if let Ok(built) = build_record(&policy, black_box(&view), black_box(&e), 1_764_547_200_000) {
                black_box(built.record.hash.len());
            }
        })
    });
    let records = chain(&policy);
    let one = records[1].clone();
    g.bench_function("compute_hash: one message-charge record", |b| {
        b.iter(|| black_box(black_box(&one).compute_hash().map(|h| h.len()).unwrap_or(0)))
    });
    g.throughput(Throughput::Elements(CHAIN));
    g.sample_size(10);
    g.bench_function("check_ledger: chain of 20 000 records", |b| {
        b.iter(|| {
            if let Ok(r) = check_ledger(std::slice::from_ref(&policy), black_box(&records), None) {
                black_box(r.records_checked);
            }
        })
    });
    g.finish();
}

criterion_group!(benches, ledger);
criterion_main!(benches);

//! Criterion benches for splits and pricing. Run: `cargo bench -p avalo-benches --bench money`.

use avalo_core::pricing;
use avalo_core::split::{self, CumulativeSplit, RevenueStream};
use avalo_core::{BasisPoints, Currency, Policy};
use criterion::{black_box, criterion_group, criterion_main, Criterion};

fn benches(c: &mut Criterion) {
    let policy = Policy::default();
    let bp = BasisPoints::new(6_500).unwrap_or(BasisPoints::FULL);
    c.bench_function("split_amount", |b| b.iter(|| split::split_amount(black_box(101), black_box(bp))));
    c.bench_function("split_revenue (with fingerprint)", |b| {
        b.iter(|| split::split_revenue(&policy, RevenueStream::Chat, black_box(101)))
    });
    c.bench_function("cumulative apply", |b| {
        let s = CumulativeSplit { total: 1_000, creator_total: 650 };
        b.iter(|| s.apply(black_box(3), bp))
    });
    c.bench_function("pack_price FX", |b| {
        let gbp = Currency::from_code("GBP").unwrap_or(Currency::PLN);
        let fx = "0.185".parse().ok();
        b.iter(|| pricing::pack_price(&policy, black_box("premium"), gbp, fx))
    });
    c.bench_function("cheapest_pack_combination 25000", |b| {
        b.iter(|| pricing::cheapest_pack_combination(&policy, black_box(25_000), Currency::PLN, None))
    });
}

criterion_group!(money, benches);
criterion_main!(money);

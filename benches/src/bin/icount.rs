//! Workloads for the instruction-count regression guard (`scripts/icount.sh`).
//!
//! Each workload is an `#[inline(never)]` function named `icount_<name>`; callgrind counts only
//! the instructions inside it (`--toggle-collect`), so process start-up does not blur the
//! figure. Usage: `icount <name> <iterations>`; `icount --list` prints the names.

use avalo_core::pricing;
use avalo_core::ratelimit::{self, LimitSpec, RateLimit};
use avalo_core::split::{self, CumulativeSplit, RevenueStream};
use avalo_core::{BasisPoints, Currency, Policy};
use std::hint::black_box;

type Workload = fn(&Policy, u64);

#[inline(never)]
fn icount_split_amount(_p: &Policy, n: u64) {
    let bp = BasisPoints::new(6_500).unwrap_or(BasisPoints::FULL);
    for i in 0..n {
        black_box(split::split_amount(black_box(101 + i), bp));
    }
}

#[inline(never)]
fn icount_split_revenue(p: &Policy, n: u64) {
    for i in 0..n {
        black_box(split::split_revenue(p, RevenueStream::Chat, black_box(101 + i)));
    }
}

#[inline(never)]
fn icount_cumulative_apply(_p: &Policy, n: u64) {
    let bp = BasisPoints::new(6_500).unwrap_or(BasisPoints::FULL);
    let mut s = CumulativeSplit::default();
    for _ in 0..n {
        if let Ok(step) = s.apply(black_box(1), bp) {
            s = step.state;
        }
    }
    black_box(s);
}

#[inline(never)]
fn icount_pack_price_fx(p: &Policy, n: u64) {
    let gbp = Currency::from_code("GBP").unwrap_or(Currency::PLN);
    let fx = "0.185".parse().ok();
    for _ in 0..n {
        let _ = black_box(pricing::pack_price(p, black_box("premium"), gbp, fx));
    }
}

/// One GCRA decision per call on message_send's quota, the state threaded, 1 ms apart (after
/// the burst most are denied, as in a steady overload).
#[inline(never)]
fn icount_ratelimit_decide(_p: &Policy, n: u64) {
    let Ok(l) = RateLimit::new(LimitSpec { limit: 100, window_ms: 3_600_000, burst: 120 }) else { return };
    let (mut state, mut now) = (0i64, 1_795_176_000_000i64);
    for _ in 0..n {
        now += 1;
        if let Ok(d) = ratelimit::decide(&l, black_box(state), black_box(now), black_box(1)) {
            state = d.new_state;
        }
    }
    black_box(state);
}

/// One GCRA decision on a fresh subject (the admitted path).
#[inline(never)]
fn icount_ratelimit_decide_allowed(_p: &Policy, n: u64) {
    let Ok(l) = RateLimit::new(LimitSpec { limit: 100, window_ms: 3_600_000, burst: 120 }) else { return };
    for i in 0..n {
        let _ = black_box(ratelimit::decide(&l, black_box(0), black_box(1_795_176_000_000 + i as i64), black_box(1)));
    }
}

const WORKLOADS: &[(&str, Workload)] = &[
    ("ratelimit_decide", icount_ratelimit_decide),
    ("ratelimit_decide_allowed", icount_ratelimit_decide_allowed),
    ("split_amount", icount_split_amount),
    ("split_revenue", icount_split_revenue),
    ("cumulative_apply", icount_cumulative_apply),
    ("pack_price_fx", icount_pack_price_fx),
];

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if args.get(1).map(String::as_str) == Some("--list") {
        for (name, _) in WORKLOADS {
            println!("{name}");
        }
        return;
    }
    let (Some(name), Some(iters)) = (args.get(1), args.get(2).and_then(|s| s.parse::<u64>().ok())) else {
        eprintln!("usage: icount <workload> <iterations> | icount --list");
        std::process::exit(2);
    };
    let Some((_, f)) = WORKLOADS.iter().find(|(n, _)| n == name) else {
        eprintln!("unknown workload {name}");
        std::process::exit(2);
    };
    let policy = Policy::default();
    f(&policy, iters);
}

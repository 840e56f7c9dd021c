//! Criterion benches for SPEC §5: `profile_score`, and `rank_candidates` on 100 000 candidates
//! with every filter active, against "score everything + full sort" in the same run.
//! Run: `cargo bench -p avalo-benches --bench ranking`.

use avalo_core::ranking::{
    profile_score, rank_candidate_columns, rank_candidates, rank_candidates_full_sort, BirthDate, Candidate,
    CandidateColumns, Gender, GeoPoint, PageRequest, Profile, Viewer,
};
use avalo_core::Policy;
use criterion::{black_box, criterion_group, criterion_main, BenchmarkId, Criterion};

const NOW: i64 = 1_795_435_200_000; // 2026-11-23 12:00 UTC
const HOUR: i64 = 3_600_000;

/// A small deterministic generator (no dependency): SplitMix64.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }
}

/// A deck around Warsaw: ~35 % within 50 km, half female, ages 18–50, 95 % active, 90 %
/// verified, 10 % Royal, 5 % boosted.
fn deck(n: usize, seed: u64) -> Vec<Candidate> {
    let mut r = Rng(seed);
    (0..n)
        .map(|i| {
            let gender = match r.below(10) {
                0..=4 => Some(Gender::Female),
                5..=8 => Some(Gender::Male),
                _ => Some(Gender::NonBinary),
            };
            let year = 1976 + r.below(33) as u32;
            let birth =
                BirthDate::from_yyyymmdd(year * 10_000 + (1 + r.below(12) as u32) * 100 + 1 + r.below(28) as u32).ok();
            let location =
                Some(GeoPoint { lat: 52.2297 + (r.unit() - 0.5) * 1.6, lon: 21.0122 + (r.unit() - 0.5) * 2.4 });
            Candidate {
                user_id: format!("user-{:016x}", r.next()),
                active: r.below(100) < 95,
                verified: r.below(100) < 90,
                boost_until_ms: (r.below(100) < 5).then_some(NOW + HOUR),
                profile: Profile {
                    photos: r.below(9) as u32,
                    has_video_intro: r.below(4) == 0,
                    has_bio: r.below(10) < 7,
                    birth_date: birth,
                    gender,
                    location,
                    interests: r.below(6) as u32,
                    response_rate: Some(r.unit()),
                    royal: r.below(10) == 0,
                    loyalty_level: r.below(12) as u32,
                    last_active_ms: Some(NOW - r.below(10 * 24) as i64 * HOUR - i as i64 % HOUR),
                    reports: if r.below(10) == 0 { r.below(6) as u32 } else { 0 },
                },
            }
        })
        .collect()
}

fn viewer(deck: &[Candidate]) -> Viewer {
    let ids = |step: usize, n: usize| deck.iter().step_by(step).take(n).map(|c| c.user_id.clone()).collect::<Vec<_>>();
    Viewer {
        user_id: "viewer".into(),
        interested_in: vec![Gender::Female, Gender::NonBinary],
        age_min: 22,
        age_max: 35,
        location: Some(GeoPoint { lat: 52.2297, lon: 21.0122 }),
        max_distance_km: Some(50.0),
        liked_ids: ids(97, 500),
        passed_ids: ids(89, 500),
        blocked_ids: ids(1_009, 50),
        blocked_by_ids: ids(1_013, 50),
    }
}

fn benches(c: &mut Criterion) {
    let policy = Policy::default();
    let one = deck(1, 7).pop().map(|c| c.profile).unwrap_or_default();
    c.bench_function("profile_score", |b| b.iter(|| profile_score(&policy, black_box(&one), black_box(NOW))));

    let mut g = c.benchmark_group("rank 100k top 20, all filters");
    g.sample_size(20);
    for n in [10_000usize, 100_000] {
        let d = deck(n, 42);
        let v = viewer(&d);
        let cols = CandidateColumns::from_candidates(&d).unwrap_or_default();
        let page = PageRequest::default();
        let explain = PageRequest { explain: true, ..page };
        let eligible = rank_candidates(&policy, &v, &d, NOW, &explain).map(|p| n - p.dropped.len()).unwrap_or(0);
        eprintln!("{n} candidates, {eligible} pass every filter");
        // Worst case for the lazy filters: ascending rank order, so every candidate beats the
        // current worst of the heap and runs every filter.
        let mut adversarial = d.clone();
        adversarial.sort_by(|a, b| {
            let s = |c: &Candidate| profile_score(&policy, &c.profile, NOW).map(|s| s.total).unwrap_or(0.0);
            s(a).total_cmp(&s(b))
        });
        g.bench_with_input(BenchmarkId::new("rank_candidates (heap)", n), &d, |b, d| {
            b.iter(|| rank_candidates(&policy, &v, black_box(d), NOW, &page))
        });
        g.bench_with_input(BenchmarkId::new("rank_candidate_columns", n), &cols, |b, cols| {
            b.iter(|| rank_candidate_columns(&policy, &v, black_box(cols), NOW, &page))
        });
        g.bench_with_input(
            BenchmarkId::new("rank_candidates, ascending input (worst case)", n),
            &adversarial,
            |b, d| b.iter(|| rank_candidates(&policy, &v, black_box(d), NOW, &page)),
        );
        // The columnar worst case: every candidate reaching the lazy filters needs its id
        // located in the joined id buffer.
        let adversarial_cols = CandidateColumns::from_candidates(&adversarial).unwrap_or_default();
        g.bench_with_input(
            BenchmarkId::new("rank_candidate_columns, ascending input (worst case)", n),
            &adversarial_cols,
            |b, cols| b.iter(|| rank_candidate_columns(&policy, &v, black_box(cols), NOW, &page)),
        );
        g.bench_with_input(BenchmarkId::new("score everything + full sort", n), &d, |b, d| {
            b.iter(|| rank_candidates_full_sort(&policy, &v, black_box(d), NOW, &page))
        });
        g.bench_with_input(BenchmarkId::new("rank_candidates with explain", n), &d, |b, d| {
            b.iter(|| rank_candidates(&policy, &v, black_box(d), NOW, &explain))
        });
    }
    g.finish();
}

criterion_group!(ranking, benches);
criterion_main!(ranking);

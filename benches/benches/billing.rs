//! Criterion benches for word counting and billing (SPEC §4), with peers measured in the same
//! run: `unicode-segmentation`'s `unicode_words().count()` and `split_whitespace().count()`.
//! Run: `cargo bench -p avalo-benches --bench billing -- --warm-up-time 1 --measurement-time 2`.

use avalo_core::billing::{bill_message, count_words, count_words_batch, ChatMeter, Sender};
use avalo_core::Policy;
use criterion::{black_box, criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use unicode_segmentation::UnicodeSegmentation;

const ASCII_LINES: &[&str] = &[
    "hey, how was your day? I just got back from the gym and I'm totally wrecked lol",
    "Honestly I don't know... maybe we could grab coffee on Saturday at 10:30 if you're free?",
    "haha that's so true. My sister said the same thing last week, she's 27 and still can't cook",
    "I loved the photo you posted yesterday! Where was it taken? Looks like somewhere in Italy.",
    "ok so here's the plan: dinner at 8, then a movie. Tickets are $12.50 each, I'll get them",
    "good morning :) did you sleep well? I had the weirdest dream about cats running a bakery",
    "check this out https://example.com/articles/2026/11/best-places-to-visit it's amazing",
    "e-mail me the details when you can, my address is in my profile. Thanks so much!!",
];

const MIXED_LINES: &[&str] = &[
    "Cześć! Jak się masz? 😊 Właśnie wróciłam z pracy i jestem bardzo zmęczona",
    "Dziękuję za wiadomość ❤️ Może spotkamy się w sobotę o 18:00? Znam świetną kawiarnię",
    "zobacz to https://przykład.pl/artykuł/2026 naprawdę warto przeczytać 👍🏽",
    "Haha 🤣🤣 to było najlepsze! Żółw i źrebię grały w piłkę na łące",
    "今日はとてもいい天気ですね。明日は東京に行きます。",
    "我很高兴认识你，你周末有空吗？",
    "Szczęśliwego Nowego Roku 🎉🎆 i wszystkiego najlepszego 🇵🇱",
    "Привет! Как дела? Я живу в Варшаве уже три года, очень нравится 😍",
];

fn corpus(lines: &[&str], bytes: usize) -> String {
    let mut s = String::with_capacity(bytes + 200);
    while s.len() < bytes {
        for l in lines {
            s.push_str(l);
            s.push('\n');
        }
    }
    s
}

fn benches(c: &mut Criterion) {
    let policy = Policy::default();
    let no_url: Vec<&str> = ASCII_LINES.iter().copied().filter(|l| !l.contains("://")).collect();
    for (name, text) in [
        ("ascii", corpus(ASCII_LINES, 64 * 1024)),
        ("ascii without URLs", corpus(&no_url, 64 * 1024)),
        ("mixed", corpus(MIXED_LINES, 64 * 1024)),
    ] {
        let mut g = c.benchmark_group(format!("count 64KiB {name}"));
        g.throughput(Throughput::Bytes(text.len() as u64));
        g.bench_function("avalo count_words", |b| b.iter(|| count_words(&policy, black_box(&text))));
        g.bench_function("unicode_words().count()", |b| b.iter(|| black_box(&text).unicode_words().count()));
        g.bench_function("split_whitespace().count()", |b| b.iter(|| black_box(&text).split_whitespace().count()));
        g.finish();
    }

    let msg200: String = corpus(ASCII_LINES, 200).chars().take(200).collect();
    let mixed200: String = {
        let m = corpus(MIXED_LINES, 400);
        let mut end = 200;
        while !m.is_char_boundary(end) {
            end += 1;
        }
        m[..end].to_string()
    };
    let mut g = c.benchmark_group("count 200-byte message");
    for (name, text) in [("ascii", &msg200), ("mixed", &mixed200)] {
        g.bench_with_input(BenchmarkId::new("avalo count_words", name), text, |b, t| {
            b.iter(|| count_words(&policy, black_box(t)))
        });
        g.bench_with_input(BenchmarkId::new("unicode_words().count()", name), text, |b, t| {
            b.iter(|| black_box(t).unicode_words().count())
        });
    }
    g.finish();

    let hundred = corpus(ASCII_LINES, 700).split_whitespace().take(100).collect::<Vec<_>>().join(" ");
    let meter = ChatMeter {
        payer_messages: 3,
        earner_messages: 7,
        billed_words: 305,
        billed_tokens: 27,
        creator_tokens: 17,
        royal: false,
        ..ChatMeter::default()
    };
    c.bench_function("bill_message 100-word message", |b| {
        b.iter(|| bill_message(&policy, black_box(&meter), Sender::Earner, black_box(&hundred), false, 1_000))
    });
    let batch: Vec<String> = (0..100).map(|i| ASCII_LINES[i % ASCII_LINES.len()].to_string()).collect();
    c.bench_function("count_words_batch 100 messages", |b| b.iter(|| count_words_batch(&policy, black_box(&batch))));
}

criterion_group!(billing, benches);
criterion_main!(billing);

#!/usr/bin/env python3
"""Builds the BENCHMARKS.md table from criterion's last run (target/criterion/**/new/).

Usage: python3 benches/report.py [criterion-dir]  -> Markdown on stdout.
Each row: function, issue target, our median (and throughput where the group has one), the peer
measured in the same run, the ratio (peer time / our time: > 1 means we are faster), and whether
the target is met. A bench that did not run (module not landed) shows "not landed".
"""
import json
import os
import sys

CRIT = sys.argv[1] if len(sys.argv) > 1 else os.path.join("target", "criterion")

# (function, issue, target text, target check, our bench full_id, peer label, peer full_id)
# target check: ("ns", limit) = median under limit ns; ("Bps", bytes/s) = throughput at least.
ROWS = [
    ("count_words, 64 KiB ASCII chat", 4, "≥ 1 GB/s", ("Bps", 1e9),
     "count 64KiB ascii/avalo count_words", "unicode_words().count()", "count 64KiB ascii/unicode_words().count()"),
    ("count_words, 64 KiB ASCII chat", 4, "", None,
     "count 64KiB ascii/avalo count_words", "split_whitespace().count()", "count 64KiB ascii/split_whitespace().count()"),
    ("count_words, 64 KiB ASCII, no URLs", 4, "≥ 1 GB/s", ("Bps", 1e9),
     "count 64KiB ascii without URLs/avalo count_words", "unicode_words().count()",
     "count 64KiB ascii without URLs/unicode_words().count()"),
    ("count_words, 64 KiB mixed Unicode", 4, "≥ 150 MB/s", ("Bps", 150e6),
     "count 64KiB mixed/avalo count_words", "unicode_words().count()", "count 64KiB mixed/unicode_words().count()"),
    ("count_words, 64 KiB mixed Unicode", 4, "", None,
     "count 64KiB mixed/avalo count_words", "split_whitespace().count()", "count 64KiB mixed/split_whitespace().count()"),
    ("count_words, 200-byte ASCII message", 4, "< 400 ns", ("ns", 400),
     "count 200-byte message/avalo count_words/ascii", "unicode_words().count()",
     "count 200-byte message/unicode_words().count()/ascii"),
    ("count_words, 200-byte mixed message", 4, "< 400 ns", ("ns", 400),
     "count 200-byte message/avalo count_words/mixed", "unicode_words().count()",
     "count 200-byte message/unicode_words().count()/mixed"),
    ("bill_message, 100-word message", 4, "< 1 µs", ("ns", 1000),
     "bill_message 100-word message", None, None),
    ("count_words_batch, 100 messages", 4, "—", None, "count_words_batch 100 messages", None, None),
    ("profile_score", 5, "< 10 ns", ("ns", 10), "profile_score", None, None),
    ("rank_candidates, 100 000 → top 20, all filters", 5, "< 2 ms", ("ns", 2e6),
     "rank 100k top 20, all filters/rank_candidates (heap)/100000", "score all + full sort",
     "rank 100k top 20, all filters/score everything + full sort/100000"),
    ("rank_candidate_columns, 100 000 → top 20", 5, "< 2 ms", ("ns", 2e6),
     "rank 100k top 20, all filters/rank_candidate_columns/100000", "score all + full sort",
     "rank 100k top 20, all filters/score everything + full sort/100000"),
    ("rank_candidates, 100 000, ascending input (worst case)", 5, "< 2 ms", ("ns", 2e6),
     "rank 100k top 20, all filters/rank_candidates, ascending input (worst case)/100000", "score all + full sort",
     "rank 100k top 20, all filters/score everything + full sort/100000"),
    ("rank_candidates, 10 000 → top 20", 5, "—", None,
     "rank 100k top 20, all filters/rank_candidates (heap)/10000", "score all + full sort",
     "rank 100k top 20, all filters/score everything + full sort/10000"),
    ("decide (one subject, state threaded)", 6, "< 5 ns", ("ns", 5),
     "ratelimit/decide: one subject, 1 ms apart (state threaded)", "governor direct check (quanta clock)",
     "governor/direct check (quanta clock)"),
    ("decide (one subject, state threaded)", 6, "", None,
     "ratelimit/decide: one subject, 1 ms apart (state threaded)", "governor direct check (fake clock)",
     "governor/direct check (fake clock, 1 ms apart)"),
    ("decide: new subject (allowed)", 6, "< 5 ns", ("ns", 5), "ratelimit/decide: new subject (allowed)", None, None),
    ("decide: empty bucket (denied)", 6, "< 5 ns", ("ns", 5), "ratelimit/decide: empty bucket (denied)", None, None),
    ("decide + SystemTime::now", 6, "—", None, "ratelimit/decide + SystemTime::now (state threaded)",
     "governor direct check (quanta clock)", "governor/direct check (quanta clock)"),
    ("decide over HashMap<u64,i64>, 10 000 subjects", 6, "—", None,
     "ratelimit/decide over HashMap<u64,i64> of 10 000 subjects", "governor keyed, 10 000 keys",
     "governor/keyed check_key, 10 000 keys (quanta clock)"),
    ("region_risk", 7, "< 100 ns", ("ns", 100), "region_risk", None, None),
    ("check_signup (soft launch, allowed)", 7, "< 100 ns", ("ns", 100), "check_signup (soft launch, allowed)", None, None),
    ("check_signup (closed beta, invite)", 7, "< 100 ns", ("ns", 100), "check_signup (closed beta, invite)", None, None),
    ("check_signup (refused, minor)", 7, "< 100 ns", ("ns", 100), "check_signup (refused, minor)", None, None),
    ("check_country_cap", 7, "—", None, "check_country_cap", None, None),
    ("flag_bucket", 7, "< 200 ns", ("ns", 200), "flag_bucket", None, None),
    ("evaluate_flag (rollout)", 7, "—", None, "evaluate_flag (rollout)", None, None),
    ("evaluate_flags, 50 flags, one user", 7, "< 10 µs", ("ns", 10_000), "evaluate_flags (50 flags, one user)", None, None),
    ("validate_upload, 64-byte head", 8, "< 1 µs", ("ns", 1000), "validate_upload (64-byte head)", None, None),
    ("sanitise_file_name (ASCII, 20 chars)", 8, "—", None, "sanitise_file_name (ASCII, 20 chars)", None, None),
    ("sniff (64 bytes)", 8, "—", None, "sniff (64 bytes)", None, None),
    ("HMAC sign + verify, 1 KiB body", 8, "< 3 µs", ("ns", 3000), "HMAC sign + verify (1 KiB body)", None, None),
    ("Sha256Stream, 1 MiB chunks (16 MiB)", 8, "≥ 1.5 GB/s and ≥ 80 % of one-shot", ("Bps", 1.5e9),
     "sha256 16 MiB/Sha256Stream, 1 MiB chunks", "sha2 one-shot", "sha256 16 MiB/sha2 one-shot (peer)"),
    ("split_amount", 2, "—", None, "split_amount", None, None),
    ("split_revenue (with fingerprint)", 2, "—", None, "split_revenue (with fingerprint)", None, None),
    ("cumulative apply", 2, "—", None, "cumulative apply", None, None),
    ("pack_price FX", 2, "—", None, "pack_price FX", None, None),
    ("cheapest_pack_combination 25000", 2, "—", None, "cheapest_pack_combination 25000", None, None),
]

MODULE_OF_ISSUE = {2: "money", 4: "billing", 5: "ranking", 6: "ratelimit", 7: "launch", 8: "upload"}


def load():
    found = {}
    for root, _dirs, files in os.walk(CRIT):
        if os.path.basename(root) != "new" or "benchmark.json" not in files:
            continue
        with open(os.path.join(root, "benchmark.json")) as f:
            b = json.load(f)
        with open(os.path.join(root, "estimates.json")) as f:
            e = json.load(f)
        tp = b.get("throughput") or {}
        found[b["full_id"]] = (e["median"]["point_estimate"], tp.get("Bytes") or tp.get("BytesDecimal"))
    return found


def t(ns):
    if ns >= 1e6:
        return f"{ns / 1e6:.2f} ms"
    if ns >= 1e3:
        return f"{ns / 1e3:.2f} µs"
    if ns >= 10:
        return f"{ns:.0f} ns"
    return f"{ns:.2f} ns"


def rate(nbytes, ns):
    bps = nbytes / ns * 1e9
    return f"{bps / 1e9:.2f} GB/s" if bps >= 1e9 else f"{bps / 1e6:.0f} MB/s"


def cell(found, fid):
    ns, nbytes = found[fid]
    return t(ns) + (f" ({rate(nbytes, ns)})" if nbytes else "")


def main():
    found = load()
    out = ["| function (issue) | target | our median | peer (same run) | peer median | ratio (peer ÷ ours) | target met |",
           "|---|---|---|---|---|---|---|"]
    for fn, issue, target, check, ours, peer_label, peer in ROWS:
        if ours not in found:
            out.append(f"| {fn} (#{issue}) | {target} | not landed: no `{MODULE_OF_ISSUE[issue]}` bench in this run | "
                       f"{peer_label or '—'} | — | — | — |")
            continue
        ns, nbytes = found[ours]
        met = "—"
        if check:
            kind, limit = check
            ok = ns < limit if kind == "ns" else (nbytes is not None and nbytes / ns * 1e9 >= limit)
            if ok and "80 %" in target and peer in found:
                ok = found[peer][0] / ns >= 0.8
            met = "yes" if ok else "**no**"
        if peer and peer in found:
            p = cell(found, peer)
            ratio = f"{found[peer][0] / ns:.2f}×"
        else:
            p, ratio = "—", "—"
        out.append(f"| {fn} (#{issue}) | {target or '(same)'} | {cell(found, ours)} | {peer_label or '—'} | {p} | {ratio} | {met} |")
    print("\n".join(out))
    listed = {r[4] for r in ROWS} | {r[6] for r in ROWS if r[6]}
    rest = sorted(k for k in found if k not in listed)
    if rest:
        print("\nOther benches in the same run:\n")
        print("| bench | median |\n|---|---|")
        for k in rest:
            print(f"| {k} | {cell(found, k)} |")


if __name__ == "__main__":
    main()

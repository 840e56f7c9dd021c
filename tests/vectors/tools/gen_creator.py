#!/usr/bin/env python3
"""Independent reference for SPEC §16.1 (creator earnings analytics): adds the
`creator_analytics` cases to tests/vectors/creator.json (the creator-rate cases there are written
by hand and kept as they are).

The ledger records are built by the Python ledger of gen_ledger.py (itself independent of the
Rust core); the analytics are computed here from SPEC §16.1 alone: `datetime` for UTC days,
`date.isocalendar()` for ISO weeks, plain integers for sums, a sort by (-net, id bytes) for fans.
Run: python3 tests/vectors/tools/gen_creator.py
"""
import datetime as dt
import json
import os

import gen_ledger as L

UTC = dt.timezone.utc
HERE = os.path.dirname(os.path.abspath(__file__))
PATH = os.path.join(HERE, "..", "creator.json")


def ms(y, m, d, hh=12):
    return int(dt.datetime(y, m, d, hh, tzinfo=UTC).timestamp() * 1000)


STREAMS = ["chat", "tip", "gated_content", "paid_media", "referral"]


def analytics(creator, records, frm, to, top_n=10):
    acct = f"creator:{L.key_part(creator)}:earnings"
    by_seq = {r["seq"]: r for r in records}

    def stream(r):
        k = r["kind"]
        if k == "message_charge":
            return "chat"
        if k == "tip":
            return "tip"
        if k == "referral_reward":
            return "referral"
        if k == "unlock":
            return "paid_media" if json.loads(r["content"])["item_kind"] == "paid_media" else "gated_content"
        return None

    def payer(r):
        for p in r["postings"]:
            a = p["account"]
            if a.startswith("user:") and a.endswith(":spendable"):
                return a[len("user:"):-len(":spendable")], p["amount"]
        return None

    days, fans = {}, {}
    for r in records:
        if not (frm <= r["at_ms"] < to):
            continue
        e = sum(p["amount"] for p in r["postings"] if p["account"] == acct)
        if e == 0:
            continue
        if r["kind"] == "refund":
            s = stream(by_seq[r["refs"][0]])
        else:
            s = stream(r)
        if s is None:
            continue
        day = dt.datetime.fromtimestamp(r["at_ms"] / 1000, tz=UTC).date()
        b = days.setdefault(day, {})
        earned, refunded = (e, 0) if e > 0 else (0, -e)
        cur = b.setdefault(s, [0, 0])
        cur[0] += earned
        cur[1] += refunded
        if s != "referral":
            pp = payer(r)
            if pp:
                fans[pp[0]] = fans.get(pp[0], 0) - pp[1]

    def bucket(name, sums):
        streams = [{"stream": s, "earned": sums[s][0], "refunded": sums[s][1], "net": sums[s][0] - sums[s][1]}
                   for s in STREAMS if s in sums and (sums[s][0] or sums[s][1])]
        e = sum(x["earned"] for x in streams)
        f = sum(x["refunded"] for x in streams)
        return {"bucket": name, "streams": streams, "earned": e, "refunded": f, "net": e - f}

    def group(keyf, fmt):
        out = {}
        for day, sums in days.items():
            g = out.setdefault(keyf(day), {})
            for s, (e, f) in sums.items():
                c = g.setdefault(s, [0, 0])
                c[0] += e
                c[1] += f
        return [bucket(fmt(k), out[k]) for k in sorted(out)]

    total = {}
    for sums in days.values():
        for s, (e, f) in sums.items():
            c = total.setdefault(s, [0, 0])
            c[0] += e
            c[1] += f
    top = sorted(((u, v) for u, v in fans.items() if v > 0), key=lambda x: (-x[1], x[0].encode()))[:top_n]
    return {
        "days": group(lambda d: d, lambda d: d.isoformat()),
        "weeks": group(lambda d: tuple(d.isocalendar())[:2], lambda k: f"{k[0]:04d}-W{k[1]:02d}"),
        "months": group(lambda d: (d.year, d.month), lambda k: f"{k[0]:04d}-{k[1]:02d}"),
        "total": bucket("total", total),
        "top_fans": [{"user_id": u, "net_paid": v} for u, v in top],
    }


def build(events):
    book = L.Ledger()
    for e, at in events:
        book.append(e, at)
    return book.records


# One creator "c1" (and another, "c2"), fans f1..f4, across the 2025/2026 ISO-year boundary
# (2025-12-29 is 2026-W01) and a month boundary.
EVENTS = [
    (L.purchase("f1", "t1", pack="premium"), ms(2025, 12, 20)),
    (L.purchase("f2", "t2", pack="premium"), ms(2025, 12, 20)),
    (L.purchase("f3", "t3", pack="premium"), ms(2025, 12, 20)),
    (L.purchase("f4", "t4", pack="premium"), ms(2025, 12, 20)),
    (L.tip("f3", "c1", "r0", 600), ms(2025, 12, 21)),                          # 5: Sun, 2025-W51
    (L.msg("ch1", "m1", "f1", "c1", 10, 0, 0), ms(2025, 12, 28, 23)),          # 6: Sun, 2025-W52
    (L.tip("f2", "c1", "r1", 50), ms(2025, 12, 29, 0)),                        # 7: Mon, 2026-W01
    (L.unlock("f3", "c1", "post9", "paid_media", 20), ms(2025, 12, 31)),     # 8: 2026-W01, December
    (L.unlock("f4", "c1", "set2", "gated_content", 30), ms(2026, 1, 1)),     # 9: January
    (L.tip("f1", "c2", "r2", 40), ms(2026, 1, 1)),                             # 10: another creator
    (L.tip("f4", "c1", "r3", 50), ms(2026, 1, 2)),                             # 11
    (L.ev("refund", original_seq=7), ms(2026, 1, 3)),                          # 12: refund of the tip of 12-29
    (L.msg("ch1", "m2", "f1", "c1", 20, 10, 6), ms(2026, 1, 5)),               # 13: 2026-W02
    (L.wd("c1", "w1", 500), ms(2026, 1, 6)),                                    # 14: a withdrawal: not earnings
]

records = build(EVENTS)
assert [r["seq"] for r in records] == list(range(1, 15)), [r["kind"] for r in records]

cases = []


def case(name, inp, expect=None, error=None):
    c = {"name": f"analytics: {name}", "op": "creator_analytics", "input": inp}
    if error:
        c["error"] = error
    else:
        c["expect"] = expect
    cases.append(c)


ALL_FROM, ALL_TO = ms(2025, 12, 1), ms(2026, 2, 1)
for name, creator, frm, to, top in [
    ("the whole window: days, ISO weeks across the year boundary, months, fans", "c1", ALL_FROM, ALL_TO, None),
    ("top 1 fan", "c1", ALL_FROM, ALL_TO, 1),
    ("only January: the refund counts although its tip is in December", "c1", ms(2026, 1, 1, 0), ms(2026, 2, 1, 0), None),
    ("only December: the refunded tip still counts as earned there (past reports never change)", "c1", ms(2025, 12, 1, 0), ms(2026, 1, 1, 0), None),
    ("the window end is exclusive", "c1", ms(2025, 12, 1), ms(2025, 12, 29, 0), None),
    ("the window start is inclusive", "c1", ms(2025, 12, 29, 0), ms(2025, 12, 30, 0), None),
    ("another creator", "c2", ALL_FROM, ALL_TO, None),
    ("a creator with no earnings", "nobody", ALL_FROM, ALL_TO, None),
    ("an empty window", "c1", ALL_FROM, ALL_FROM, None),
]:
    inp = {"creator_id": creator, "records": records, "from_ms": frm, "to_ms": to}
    if top is not None:
        inp["top_n"] = top
    case(name, inp, analytics(creator, records, frm, to, top or 10))
case("top_n 0 is refused", {"creator_id": "c1", "records": records, "from_ms": ALL_FROM, "to_ms": ALL_TO, "top_n": 0},
     error="INVALID_INPUT")
case("top_n 101 is refused", {"creator_id": "c1", "records": records, "from_ms": ALL_FROM, "to_ms": ALL_TO, "top_n": 101},
     error="INVALID_INPUT")
case("a window that ends before it starts", {"creator_id": "c1", "records": records, "from_ms": ALL_TO, "to_ms": ALL_FROM},
     error="INVALID_INPUT")
case("a refund whose original is missing", {"creator_id": "c1", "records": records[11:12], "from_ms": ALL_FROM,
                                            "to_ms": ALL_TO}, error="INVALID_INPUT")

d = json.load(open(PATH, encoding="utf-8"))
d["cases"] = [c for c in d["cases"] if c["op"] != "creator_analytics"] + cases
if "§16.1" not in d["description"]:
    d["description"] += (" Earnings analytics (SPEC §16.1): cases from tests/vectors/tools/gen_creator.py, an "
                         "independent Python reference over ledger records built by gen_ledger.py.")
with open(PATH, "w", encoding="utf-8") as f:
    json.dump(d, f, indent=1, ensure_ascii=False)
    f.write("\n")
print("creator analytics", len(cases))

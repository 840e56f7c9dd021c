#!/usr/bin/env python3
"""Reliability vectors for pricing (issue 14, items 1 and 3), computed independently of the Rust
code: Python integers and decimal only.

Pack combinations for huge token counts: the built-in packs are multiples of 100 tokens, and the
royal pack (10 000 tokens for 2 149.99 PLN) has the least price per token. Exchange argument:
any 100 or more non-royal packs contain a sub-multiset whose size in hundreds is a multiple of
100 (pigeonhole on prefix sums), replaceable by royal packs for no more money; so an optimal
cover uses fewer than 100 non-royal packs (< 1 000 000 tokens) and the rest is royal. We solve
the cover of `need - m*10000` tokens exactly by a plain dynamic programme over a 2 000 000-token
range, then add m royal packs; `check_period` verifies on this table that the answer indeed
shifts by one royal pack per 10 000 tokens there.

Usage: python3 gen_pricing_reliability.py  (prints the cases as JSON; they are pasted into
pricing.json by `--write`).
"""
import json
import sys
from decimal import Decimal, ROUND_HALF_UP

PACKS = [  # (id, tokens, PLN grosze)
    ("mini", 100, 3199), ("basic", 300, 8599), ("standard", 500, 13499), ("premium", 1000, 24499),
    ("pro", 2000, 46999), ("elite", 5000, 112599), ("royal", 10000, 214999),
]
UNIT = 100


def best_exact(limit_units):
    """best[i] = (price, packs) to buy exactly i hundred tokens, or None."""
    best = [None] * limit_units
    best[0] = (0, 0)
    for i in range(1, limit_units):
        for _, t, p in PACKS:
            u = t // UNIT
            if u <= i and best[i - u] is not None:
                cand = (best[i - u][0] + p, best[i - u][1] + 1)
                if best[i] is None or cand < best[i]:
                    best[i] = cand
    return best


TABLE = best_exact(40_000)


def cover_small(need_units):
    """Least (price, -tokens, packs) over exact sums in [need, need + 100)."""
    cands = [(TABLE[i][0], -i, TABLE[i][1]) for i in range(need_units, need_units + 100) if TABLE[i] is not None]
    return min(cands)


def check_period():
    for need in range(20_000, 29_900, 7):
        a, b = cover_small(need), cover_small(need + 100)
        assert b == (a[0] + 214999, a[1] - 100, a[2] + 1), need


def cover(tokens):
    need = -(-tokens // UNIT)
    m = max(0, (need - 20_000) // 100)
    price, neg_units, packs = cover_small(need - m * 100)
    return price + m * 214999, (-neg_units + m * 100) * UNIT, packs + m


def pln(grosze):
    return f"{grosze // 100}.{grosze % 100:02d}"


def pack_json(pid, tokens, prices):
    return {"id": pid, "tokens": tokens, "popular": False,
            "prices": [{"amount": a, "currency": c} for a, c in prices]}


def cases():
    check_period()
    out = []
    for tokens, label in [(2**40, "2^40 tokens"), (429_496_729_700, "429 496 729 700 tokens (wasm32 truncation)"),
                          (10**15, "10^15 tokens, the largest maximum")]:
        price, total, _ = cover(tokens)
        out.append({
            "name": f"combination for {label} in bounded memory",
            "op": "cheapest_pack_combination",
            "policy": {"pricing": {"max_combination_tokens": 10**15}},
            "input": {"tokens": tokens, "currency": "PLN"},
            "expect": {"total_tokens": total, "total_price": {"amount": pln(price), "currency": "PLN"}},
        })
    out.append({"name": "max_combination_tokens above 10^15 is refused", "op": "cheapest_pack_combination",
                "policy": {"pricing": {"max_combination_tokens": 10**15 + 1}},
                "input": {"tokens": 100, "currency": "PLN"}, "error": "INVALID_INPUT"})
    out.append({"name": "packs of 1 and 999 999 937 tokens are refused", "op": "cheapest_pack_combination",
                "policy": {"pricing": {"packs": [pack_json("one", 1, [("0.01", "PLN")]),
                                                 pack_json("huge", 999_999_937, [("1000.00", "PLN")])]}},
                "input": {"tokens": 5, "currency": "PLN"}, "error": "INVALID_INPUT"})
    out.append({"name": "a pack over 1 000 units of the pack sizes' gcd is refused", "op": "cheapest_pack_combination",
                "policy": {"pricing": {"packs": [pack_json("a", 1, [("0.01", "PLN")]),
                                                 pack_json("b", 1001, [("9.00", "PLN")])]}},
                "input": {"tokens": 5, "currency": "PLN"}, "error": "INVALID_INPUT"})
    out.append({"name": "33 packs are refused", "op": "cheapest_pack_combination",
                "policy": {"pricing": {"packs": [pack_json(f"p{i}", 100, [("1.00", "PLN")]) for i in range(33)]}},
                "input": {"tokens": 5, "currency": "PLN"}, "error": "INVALID_INPUT"})
    out.append({"name": "a table price of 0 is refused", "op": "pack_price",
                "policy": {"pricing": {"packs": [pack_json("free", 100, [("0.00", "PLN")])]}},
                "input": {"pack_id": "free", "currency": "PLN"}, "error": "INVALID_INPUT"})
    # 31.99 PLN x 0.005 = 0.15995 JPY -> 0 yen (half-up): refused.
    assert (Decimal("31.99") * Decimal("0.005")).quantize(Decimal(1), ROUND_HALF_UP) == 0
    out.append({"name": "mini in JPY at FX 0.005 rounds to 0 yen: refused", "op": "pack_price",
                "input": {"pack_id": "mini", "currency": "JPY", "fx_rate": "0.005"}, "error": "INVALID_INPUT"})
    out.append({"name": "combination in JPY at FX 0.005 (every pack 0 yen): refused",
                "op": "cheapest_pack_combination",
                "input": {"tokens": 1000, "currency": "JPY", "fx_rate": "0.005"}, "error": "INVALID_INPUT"})
    out.append({"name": "list of packs in JPY at FX 0.005: refused", "op": "list_packs",
                "input": {"currency": "JPY", "fx_rate": "0.005"}, "error": "INVALID_INPUT"})
    # 2149.99 x 0.0003 = 0.644997 -> 1 yen for 10 000 tokens: 0.0001 per token, still accepted.
    assert (Decimal("2149.99") * Decimal("0.0003")).quantize(Decimal(1), ROUND_HALF_UP) == 1
    out.append({"name": "royal in JPY at FX 0.0003 is 1 yen (0.0001 per token)", "op": "pack_price",
                "input": {"pack_id": "royal", "currency": "JPY", "fx_rate": "0.0003"},
                "expect": {"price": {"amount": "1", "currency": "JPY"}, "price_per_token": "0.0001"}})
    # 1 yen for 1 000 000 tokens: 0.000001 per token rounds to 0.0000 at 4 places: refused.
    out.append({"name": "a price per token of 0.0000 is refused", "op": "pack_price",
                "policy": {"pricing": {"packs": [pack_json("bulk", 1_000_000, [("1.00", "PLN"), ("1", "JPY")])]}},
                "input": {"pack_id": "bulk", "currency": "JPY"}, "error": "INVALID_INPUT"})
    # Plus is 39.00 PLN; x 0.01 = 0.39 JPY -> 0: refused. Free (0 PLN) stays 0.
    out.append({"name": "Plus in JPY at FX 0.01 rounds to 0 yen: refused", "op": "subscription_price",
                "input": {"tier": "plus", "currency": "JPY", "fx_rate": "0.01"}, "error": "INVALID_INPUT"})
    out.append({"name": "Free in JPY at FX 0.01 is still 0", "op": "subscription_price",
                "input": {"tier": "free", "currency": "JPY", "fx_rate": "0.01"},
                "expect": {"amount": "0", "currency": "JPY"}})
    return out


if __name__ == "__main__":
    new = cases()
    if "--write" in sys.argv:
        path = __file__.rsplit("/", 2)[0] + "/pricing.json"
        doc = json.load(open(path))
        names = {c["name"] for c in new}
        doc["cases"] = [c for c in doc["cases"] if c["name"] not in names] + new
        with open(path, "w") as f:
            json.dump(doc, f, indent=1, ensure_ascii=False)
            f.write("\n")
    else:
        print(json.dumps(new, indent=1, ensure_ascii=False))

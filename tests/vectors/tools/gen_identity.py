#!/usr/bin/env python3
"""Identity vectors (issue 14, item 5), by hand from the documented rule (core/src/identity.rs):
two ids name one user when they are equal after trimming white space, Unicode NFC and lower
case. Python's unicodedata confirms the NFC/NFD pairs. `--write` appends them to split.json."""
import json
import sys
import unicodedata

PAIRS = [  # (label, payer/referrer, creator/referred)
    ("a trailing space", "alice ", "alice"),
    ("a leading tab", "\talice", "alice"),
    ("another case", "Alice", "alice"),
    ("upper case", "ALICE", "alice"),
    ("NFD vs NFC", "zoe\u0308", "zo\u00eb"),
    ("NFD upper vs NFC lower", "ZOE\u0308", "zo\u00eb"),
    ("no-break spaces around", "\u00a0bob\u00a0", "bob"),
]
for _, a, b in PAIRS:
    assert unicodedata.normalize("NFC", a.strip()).lower() == unicodedata.normalize("NFC", b.strip()).lower()


def cases():
    out = []
    for label, a, b in PAIRS:
        out.append({"name": f"tipping oneself with {label}", "op": "split_tip",
                    "input": {"payer_id": a, "creator_id": b, "amount": 50}, "error": "SELF_PAYMENT"})
        out.append({"name": f"unlocking one's own content with {label}", "op": "split_unlock",
                    "input": {"stream": "paid_media", "payer_id": a, "creator_id": b, "price": 50}, "error": "SELF_PAYMENT"})
        out.append({"name": f"referring oneself with {label}", "op": "register_referral",
                    "input": {"referrer_id": a, "referred_id": b}, "error": "SELF_PAYMENT"})
    out.append({"name": "different users with similar ids may tip", "op": "split_tip",
                "input": {"payer_id": "alice", "creator_id": "alice2", "amount": 50}, "expect": {"creator": 45, "platform": 5}})
    out.append({"name": "zoe and zoë are different users", "op": "split_tip",
                "input": {"payer_id": "zoe", "creator_id": "zo\u00eb", "amount": 50}, "expect": {"creator": 45}})
    out.append({"name": "a blank payer id is refused", "op": "split_tip",
                "input": {"payer_id": " \t", "creator_id": "alice", "amount": 50}, "error": "INVALID_INPUT"})
    return out


if __name__ == "__main__":
    new = cases()
    if "--write" in sys.argv:
        path = __file__.rsplit("/", 2)[0] + "/split.json"
        doc = json.load(open(path))
        names = {c["name"] for c in new}
        doc["cases"] = [c for c in doc["cases"] if c["name"] not in names] + new
        with open(path, "w") as f:
            json.dump(doc, f, indent=1, ensure_ascii=False)
            f.write("\n")
    else:
        print(json.dumps(new, indent=1, ensure_ascii=False))

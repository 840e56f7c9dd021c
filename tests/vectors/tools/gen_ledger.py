#!/usr/bin/env python3
"""Independent reference for SPEC §12 (money ledger and idempotency).

Writes tests/vectors/ledger.json. Every expected value is computed here in plain Python (integer
arithmetic, hashlib, json with sorted keys) from the SPEC text (§2.1, §2.2, §3.2-3.6, §4.5, §12),
never by running the Rust core. The policy fingerprint of the built-in policy is the value pinned
by hand in core/src/policy.rs (DEFAULT_FINGERPRINT); expected findings of tampered ledgers are
stated by construction (which record was broken, and how), following the §12.5 order.
Run: python3 tests/vectors/tools/gen_ledger.py
"""
import copy
import hashlib
import json
import os
import re

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.normpath(os.path.join(HERE, "..", "ledger.json"))
ROOT = os.path.normpath(os.path.join(HERE, "..", "..", ".."))

with open(os.path.join(ROOT, "core", "src", "policy.rs"), encoding="utf-8") as f:
    FINGERPRINT = re.search(r'DEFAULT_FINGERPRINT: &str = "([0-9a-f]{64})"', f.read()).group(1)

MAX = 2**53 - 1
GENESIS = "0" * 64
BP = dict(chat=6500, gated_content=8000, paid_media=8000, tip=9000)
TIP_MIN, TIP_MAX, UNLOCK_MIN, UNLOCK_MAX = 5, 10_000, 5, 10_000
REFERRAL = 100
WD_MIN, WD_MAX, WD_FEE_BP = 500, 50_000, 200
GROSZE_PER_TOKEN = 20
PACKS = dict(mini=100, basic=300, standard=500, premium=1000, pro=2000, elite=5000, royal=10000)
METHODS = ("bank_transfer", "crypto", "paypal")
REFUNDABLE = ("purchase", "message_charge", "tip", "unlock", "ai_usage")
NEG_OK = ("platform:referral", "external:purchases")
TRANSITION_KINDS = ("withdrawal_approved", "withdrawal_paid", "withdrawal_rejected", "withdrawal_failed")
ALLOWED = {("requested", "approved"), ("approved", "paid"), ("requested", "rejected"), ("approved", "failed")}


class Refused(Exception):
    def __init__(self, code):
        super().__init__(code)
        self.code = code


def canon(v):
    return json.dumps(v, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def sha(s):
    return hashlib.sha256(s.encode("utf-8")).hexdigest()


KEY_PART = re.compile(r"^[A-Za-z0-9._-]{1,128}$")


def key_part(s):
    if s.strip() == "":
        raise Refused("INVALID_INPUT")
    return s if KEY_PART.match(s) else sha(s)


def floor_share(amount, bp):
    return amount * bp // 10000


def wd_fee(amount):
    return -(-amount * WD_FEE_BP // 10000)


def spend(u):
    return f"user:{u}:spendable"


def earn(u):
    return f"creator:{u}:earnings"


def pend(u):
    return f"creator:{u}:pending"


def postings(pairs):
    out = [{"account": a, "amount": n} for a, n in pairs if n != 0]
    return sorted(out, key=lambda p: p["account"].encode())


def amount(t):
    if t > MAX:
        raise Refused("AMOUNT_OUT_OF_RANGE")
    return t


def nonzero(t):
    if t == 0:
        raise Refused("AMOUNT_OUT_OF_RANGE")
    return amount(t)


def record_hash(r):
    body = {k: v for k, v in r.items() if k != "hash"}
    return sha(canon(body))


def seal(r):
    r["content_hash"] = sha(r["content"])
    r["hash"] = record_hash(r)
    return r


def transition_key(kind, seq):
    return f"wd_{kind[len('withdrawal_'):]}:{seq}"


class Ledger:
    """The §12.5 host protocol on an in-memory ledger, with the §12.2-12.4, 12.6 rules."""

    def __init__(self):
        self.records = []
        self.bal = {}
        self.keys = {}
        self.wd = {}  # request seq -> status dict

    def head(self):
        return (self.records[-1]["seq"], self.records[-1]["hash"]) if self.records else (0, GENESIS)

    def draft(self, e):
        """kind, key, and a thunk computing the content (its errors come after the key lookup)."""
        k = e["kind"]
        if k == "purchase":
            payer = key_part(e["payer"])
            key = f"purchase:{key_part(e['store'])}:{key_part(e['store_txn_id'])}"

            def content():
                pack, pln = e.get("pack"), e.get("pln_minor")
                if (pack is None) == (pln is None):
                    raise Refused("INVALID_INPUT")
                if pack is not None:
                    if pack not in PACKS:
                        raise Refused("INVALID_INPUT")
                    tokens = PACKS[pack]
                else:
                    tokens = pln // GROSZE_PER_TOKEN
                return {"payer": payer, "pack": pack, "tokens": tokens}
            return k, key, content
        if k == "message_charge":
            key = f"msg:{key_part(e['chat_id'])}:{key_part(e['message_id'])}"
            payer, earner = key_part(e["payer"]), key_part(e["earner"])

            def content():
                total, ct, t = e["billed_tokens"], e["creator_tokens"], e["tokens"]
                if floor_share(total, BP["chat"]) != ct:
                    raise Refused("INVALID_INPUT")
                c = floor_share(total + t, BP["chat"]) - ct
                return {"payer": payer, "earner": earner, "tokens": t, "creator": c, "platform": t - c,
                        "billed_tokens": total, "creator_tokens": ct}
            return k, key, content
        if k == "tip":
            payer = key_part(e["payer"])
            key = f"tip:{payer}:{key_part(e['request_id'])}"
            c = {"payer": payer, "creator": key_part(e["creator"]), "tokens": e["tokens"]}
            return k, key, lambda: c
        if k == "unlock":
            payer, item = key_part(e["payer"]), key_part(e["item_id"])
            c = {"payer": payer, "creator": key_part(e["creator"]), "item_id": item, "item_kind": e["item_kind"]}
            return k, f"unlock:{payer}:{item}", lambda: c
        if k == "ai_usage":
            payer = key_part(e["payer"])
            c = {"payer": payer, "tokens": e["tokens"]}
            return k, f"ai:{payer}:{key_part(e['request_id'])}", lambda: c
        if k == "referral_reward":
            referred = key_part(e["referred"])
            c = {"referrer": key_part(e["referrer"]), "referred": referred, "purchase_seq": e["purchase_seq"]}
            return k, f"referral:{referred}", lambda: c
        if k == "withdrawal_requested":
            cr = key_part(e["creator"])
            fee = wd_fee(e["amount"])
            c = {"creator": cr, "amount": e["amount"], "fee": fee, "net": e["amount"] - fee, "method": e["method"]}
            return k, f"wd:{cr}:{key_part(e['request_id'])}", lambda: c
        if k in TRANSITION_KINDS:
            c = {"request_seq": e["request_seq"]}
            ref = e.get("payout_ref") if k == "withdrawal_paid" else None
            if ref is not None:
                if ref.strip() == "" or len(ref.encode()) > 256:
                    raise Refused("INVALID_INPUT")
                c["payout_ref"] = ref
            return k, transition_key(k, e["request_seq"]), lambda: c
        if k == "refund":
            c = {"original_seq": e["original_seq"]}
            return k, f"refund:{e['original_seq']}", lambda: c
        raise ValueError(k)

    def build(self, e, at_ms):
        if not 0 <= at_ms <= MAX:
            raise Refused("INVALID_INPUT")
        kind, key, content_fn = self.draft(e)
        try:
            content, content_err = content_fn(), None
        except Refused as r:
            content, content_err = None, r
        if key in self.keys:
            stored = self.records[self.keys[key] - 1]
            if content is not None and sha(canon(content)) == stored["content_hash"] and stored["kind"] == kind:
                return {"record": stored, "replayed": True, "balances": []}
            raise Refused("IDEMPOTENCY_CONFLICT")
        if content_err:
            raise content_err
        seq = self.head()[0] + 1
        refs = [content[f] for f in ("purchase_seq", "request_seq", "original_seq") if f in content]
        ref = None
        if refs:
            if not 1 <= refs[0] < seq:
                raise Refused("INVALID_INPUT")
            ref = self.records[refs[0] - 1]
        request = None
        if kind == "referral_reward":
            if ref["kind"] != "purchase" or not any(p["account"] == spend(content["referred"]) for p in ref["postings"]):
                raise Refused("INVALID_INPUT")
        elif kind in TRANSITION_KINDS:
            if ref["kind"] != "withdrawal_requested":
                raise Refused("INVALID_INPUT")
            request = self.wd[ref["seq"]]
        elif kind == "refund":
            if ref["kind"] not in REFUNDABLE:
                raise Refused("NOT_REFUNDABLE")
        # Rule 2: the kind's rules and its postings.
        if kind == "purchase":
            t = nonzero(content["tokens"])
            ps = postings([("external:purchases", -t), (spend(content["payer"]), t)])
        elif kind == "message_charge":
            if content["payer"] == content["earner"]:
                raise Refused("SELF_PAYMENT")
            t = nonzero(content["tokens"])
            ps = postings([(spend(content["payer"]), -t), (earn(content["earner"]), content["creator"]),
                           ("platform:revenue", content["platform"])])
        elif kind == "tip":
            if content["payer"] == content["creator"]:
                raise Refused("SELF_PAYMENT")
            t = content["tokens"]
            if not TIP_MIN <= t <= TIP_MAX:
                raise Refused("AMOUNT_OUT_OF_RANGE")
            c = floor_share(t, BP["tip"])
            ps = postings([(spend(content["payer"]), -t), (earn(content["creator"]), c), ("platform:revenue", t - c)])
        elif kind == "unlock":
            if content["item_kind"] not in ("gated_content", "paid_media"):
                raise Refused("INVALID_INPUT")
            if content["payer"] == content["creator"]:
                raise Refused("SELF_PAYMENT")
            t = e.get("price")
            if t is None:
                raise Refused("INVALID_INPUT")
            if not UNLOCK_MIN <= t <= UNLOCK_MAX:
                raise Refused("AMOUNT_OUT_OF_RANGE")
            c = floor_share(t, BP[content["item_kind"]])
            ps = postings([(spend(content["payer"]), -t), (earn(content["creator"]), c), ("platform:revenue", t - c)])
        elif kind == "ai_usage":
            t = nonzero(content["tokens"])
            ps = postings([(spend(content["payer"]), -t), ("platform:revenue", t)])
        elif kind == "referral_reward":
            if content["referrer"] == content["referred"]:
                raise Refused("SELF_PAYMENT")
            ps = postings([("platform:referral", -REFERRAL), (earn(content["referrer"]), REFERRAL)])
        elif kind == "withdrawal_requested":
            a = content["amount"]
            if not WD_MIN <= a <= WD_MAX:
                raise Refused("AMOUNT_OUT_OF_RANGE")
            if content["method"] not in METHODS:
                raise Refused("INVALID_INPUT")
            if not e["kyc_verified"]:
                raise Refused("KYC_REQUIRED")
            ps = postings([(earn(content["creator"]), -a), (pend(content["creator"]), a)])
        elif kind in TRANSITION_KINDS:
            c, a = request["creator"], request["amount"]
            if kind == "withdrawal_paid":
                ps = postings([(pend(c), -a), ("external:payouts", request["net"]), ("platform:fees", request["fee"])])
            elif kind == "withdrawal_approved":
                ps = []
            else:
                ps = postings([(pend(c), -a), (earn(c), a)])
        elif kind == "refund":
            ps = postings([(p["account"], -p["amount"]) for p in ref["postings"]])
        # Rule 3.
        if kind in TRANSITION_KINDS and (request["state"], kind[len("withdrawal_"):]) not in ALLOWED:
            raise Refused("INVALID_TRANSITION")
        # Rule 4.
        assert sum(p["amount"] for p in ps) == 0
        # Rule 5.
        after = []
        for p in ps:
            b = self.bal.get(p["account"], 0) + p["amount"]
            if abs(b) > MAX:
                raise Refused("AMOUNT_OUT_OF_RANGE")
            if b < 0 and p["account"] not in NEG_OK:
                raise Refused("INSUFFICIENT_TOKENS")
            after.append({"account": p["account"], "balance": b})
        text = canon(content)
        r = {"seq": seq, "kind": kind, "key": key, "content": text, "content_hash": sha(text), "postings": ps,
             "refs": refs, "at_ms": at_ms, "policy": FINGERPRINT, "prev_hash": self.head()[1]}
        r["hash"] = record_hash(r)
        return {"record": r, "replayed": False, "balances": after}

    def append(self, e, at_ms):
        built = self.build(e, at_ms)
        if not built["replayed"]:
            r = built["record"]
            self.records.append(r)
            self.keys[r["key"]] = r["seq"]
            for b in built["balances"]:
                self.bal[b["account"]] = b["balance"]
            c = json.loads(r["content"])
            if r["kind"] == "withdrawal_requested":
                self.wd[r["seq"]] = {"request_seq": r["seq"], "creator": c["creator"], "amount": c["amount"],
                                     "fee": c["fee"], "net": c["net"], "state": "requested"}
            elif r["kind"] in TRANSITION_KINDS:
                self.wd[c["request_seq"]]["state"] = r["kind"][len("withdrawal_"):]
        return built

    def balances(self):
        return [{"account": a, "balance": b} for a, b in sorted(self.bal.items(), key=lambda x: x[0].encode()) if b != 0]

    def report(self):
        seq, h = self.head()
        return {"finding": None, "records_checked": seq, "head": {"seq": seq, "hash": h},
                "balances": self.balances(), "withdrawals": [self.wd[s] for s in sorted(self.wd)]}


def run_steps(steps):
    """Expected `results` and `report` of a `ledger_sequence`, and the ledger."""
    book = Ledger()
    results = []
    for s in steps:
        try:
            results.append(book.append(s["event"], s["at_ms"]))
        except Refused as r:
            results.append({"error": r.code})
    return {"results": copy.deepcopy(results), "report": book.report()}, book


T0 = 1_764_547_200_000  # 2025-12-01 00:00 UTC, a Monday


def ev(kind, **kw):
    return dict(kind=kind, **kw)


def steps_of(events):
    return [{"event": e, "at_ms": T0 + 1000 * i} for i, e in enumerate(events)]


def purchase(payer, txn, pack=None, pln=None, store="apple"):
    return ev("purchase", payer=payer, store=store, store_txn_id=txn, pack=pack, pln_minor=pln)


def msg(chat, m, payer, earner, tokens, billed, creator):
    return ev("message_charge", chat_id=chat, message_id=m, payer=payer, earner=earner, tokens=tokens,
              billed_tokens=billed, creator_tokens=creator)


def tip(payer, creator, rid, tokens):
    return ev("tip", payer=payer, creator=creator, request_id=rid, tokens=tokens)


def unlock(payer, creator, item, kind, price):
    return ev("unlock", payer=payer, creator=creator, item_id=item, item_kind=kind, price=price)


def wd(creator, rid, amount, method="bank_transfer", kyc=True):
    return ev("withdrawal_requested", creator=creator, request_id=rid, amount=amount, method=method, kyc_verified=kyc)


def tr(state, seq, **kw):
    return ev("withdrawal_" + state, request_seq=seq, **kw)


HAPPY = [
    purchase("u1", "t1", pack="standard"),                       # 1: +500
    purchase("u1", "s1", pln=1010, store="stripe"),              # 2: 1010 grosze -> 50 tokens
    msg("c1", "m1", "u1", "cr1", 1, 0, 0),                       # 3: 0 + 1
    msg("c1", "m2", "u1", "cr1", 2, 1, 0),                       # 4: floor(3*.65)=1 -> 1 + 1
    tip("u1", "cr1", "r1", 101),                                 # 5: 90 + 11
    unlock("u1", "cr1", "i1", "gated_content", 7),               # 6: 5 + 2
    ev("ai_usage", payer="u1", request_id="a1", tokens=3),       # 7
    purchase("u2", "t2", pack="mini"),                           # 8
    ev("referral_reward", referrer="cr1", referred="u2", purchase_seq=8),  # 9
    purchase("u1", "t3", pack="royal"),                          # 10
    tip("u1", "cr1", "r2", 10000),                               # 11: 9000 + 1000
    wd("cr1", "w1", 501),                                        # 12: fee 11, net 490
    tr("approved", 12),                                          # 13
    tr("paid", 12, payout_ref="bank-123"),                       # 14
    wd("cr1", "w2", 600, method="paypal"),                       # 15: fee 12
    tr("rejected", 15),                                          # 16
    wd("cr1", "w3", 500, method="crypto"),                       # 17: fee 10
    tr("approved", 17),                                          # 18
    tr("failed", 17),                                            # 19
    ev("refund", original_seq=5),                                # 20
    ev("refund", original_seq=2),                                # 21
    unlock("u2", "cr1", "i2", "paid_media", 5),                  # 22: 4 + 1
    wd("cr1", "w4", 500),                                        # 23: stays requested
    ev("ai_usage", payer="user:with:colons", request_id="a 2", tokens=1),  # refused: no tokens yet
    purchase("user:with:colons", "ä/1", pack="mini", store="play store"),  # 24: ids hashed into key parts
    ev("ai_usage", payer="user:with:colons", request_id="a 2", tokens=1),  # 25
]


def main():
    cases = []

    def seq_case(name, events, description=None):
        steps = steps_of(events)
        expect, book = run_steps(steps)
        c = {"name": name, "op": "ledger_sequence", "input": {"steps": steps}, "expect": expect}
        cases.append(c)
        return book

    book = seq_case("every kind, built in order, with the report", HAPPY)
    clean = copy.deepcopy(book.records)

    # Idempotency (§12.3, §12.6).
    seq_case("idempotency: replays return the stored record, other content conflicts", [
        purchase("u1", "t1", pack="premium"),                  # 1
        purchase("u1", "t1", pack="premium"),                  # replay of 1
        purchase("u1", "t1", pack="mini"),                     # conflict
        purchase("u9", "t1", pack="premium"),                  # conflict (other payer)
        msg("c1", "m1", "u1", "cr1", 5, 0, 0),                 # 2
        msg("c1", "m1", "u1", "cr1", 5, 0, 0),                 # replay
        msg("c1", "m1", "u1", "cr1", 6, 0, 0),                 # conflict
        msg("c1", "m1", "u1", "cr1", 5, 3, 0),                 # conflict even though the meter is invalid
        tip("u1", "cr1", "r1", 50),                            # 3
        tip("u1", "cr1", "r1", 50),                            # replay
        tip("u1", "cr1", "r1", 60),                            # conflict
        unlock("u1", "cr1", "i1", "paid_media", 20),           # 4
        unlock("u1", "cr1", "i1", "paid_media", 30),           # replay: a second unlock returns the first
        unlock("u1", "cr1", "i1", "gated_content", 20),        # conflict: another item kind
        purchase("u2", "t2", pack="mini"),                     # 5
        ev("referral_reward", referrer="cr1", referred="u2", purchase_seq=5),  # 6
        ev("referral_reward", referrer="cr1", referred="u2", purchase_seq=5),  # replay
        ev("referral_reward", referrer="cr2", referred="u2", purchase_seq=5),  # conflict: referred once
        purchase("u1", "t9", pack="elite"),                    # 7
        tip("u1", "cr1", "r2", 1000),                          # 8: cr1 earns 900
        wd("cr1", "w1", 600),                                  # 9
        wd("cr1", "w1", 600),                                  # replay
        wd("cr1", "w1", 600, kyc=False),                       # replay: KYC is checked, not content
        wd("cr1", "w1", 700),                                  # conflict
        tr("approved", 9),                                     # 10
        tr("approved", 9),                                     # replay
        tr("paid", 9, payout_ref="p-1"),                       # 11
        tr("paid", 9, payout_ref="p-1"),                       # replay: paid once
        tr("paid", 9, payout_ref="p-2"),                       # conflict
        tr("paid", 9),                                         # conflict (no payout ref)
        tr("failed", 9),                                       # INVALID_TRANSITION: paid is final
        ev("refund", original_seq=1),                          # 12
        ev("refund", original_seq=1),                          # replay: refunded once
    ])

    # Refusals, one rule at a time (§12.2 build order, §12.6).
    seq_case("refusals: inputs, kind rules, transitions and balances", [
        purchase("", "t0", pack="mini"),                       # INVALID_INPUT: empty id
        purchase("u1", "t0", pack="mini", pln=2000),           # INVALID_INPUT: both
        purchase("u1", "t0"),                                  # INVALID_INPUT: neither
        purchase("u1", "t0", pack="mega"),                     # INVALID_INPUT: unknown pack
        purchase("u1", "t0", pln=19),                          # AMOUNT_OUT_OF_RANGE: 0 tokens
        purchase("u1", "t1", pack="basic"),                    # 1: u1 has 300
        msg("c1", "m1", "u1", "u1", 1, 0, 0),                  # SELF_PAYMENT
        msg("c1", "m1", "u1", "cr1", 0, 0, 0),                 # AMOUNT_OUT_OF_RANGE
        msg("c1", "m1", "u1", "cr1", 1, 3, 0),                 # INVALID_INPUT: meter state
        msg("c1", "m1", "u1", "cr1", 301, 0, 0),               # INSUFFICIENT_TOKENS
        tip("u1", "cr1", "r1", 4),                             # AMOUNT_OUT_OF_RANGE
        tip("u1", "u1", "r1", 4),                              # SELF_PAYMENT before the range
        tip("u1", "cr1", "r1", 10001),                         # AMOUNT_OUT_OF_RANGE
        tip("u1", "cr1", "r1", 301),                           # INSUFFICIENT_TOKENS
        unlock("u1", "cr1", "i1", "gated_content", None),      # INVALID_INPUT: no price
        unlock("u1", "cr1", "i1", "tip", 10),                  # INVALID_INPUT: not an unlock stream
        unlock("u1", "cr1", "i1", "gated_content", 4),         # AMOUNT_OUT_OF_RANGE
        unlock("u1", "u1", "i1", "gated_content", 10),         # SELF_PAYMENT
        ev("ai_usage", payer="u1", request_id="a1", tokens=0),   # AMOUNT_OUT_OF_RANGE
        ev("referral_reward", referrer="cr1", referred="u1", purchase_seq=7),  # INVALID_INPUT: no such record
        ev("referral_reward", referrer="cr1", referred="u2", purchase_seq=1),  # INVALID_INPUT: not u2's purchase
        ev("referral_reward", referrer="u1", referred="u1", purchase_seq=1),   # SELF_PAYMENT
        tip("u1", "cr1", "r2", 300),                           # 2: cr1 earns 270, u1 has 0
        wd("cr1", "w1", 499),                                  # AMOUNT_OUT_OF_RANGE
        wd("cr1", "w1", 50001),                                # AMOUNT_OUT_OF_RANGE
        wd("cr1", "w1", 499, kyc=False),                       # AMOUNT_OUT_OF_RANGE before KYC
        wd("cr1", "w1", 500, kyc=False),                       # KYC_REQUIRED
        wd("cr1", "w1", 500),                                  # INSUFFICIENT_TOKENS (270 earned)
        ev("referral_reward", referrer="cr1", referred="u3", purchase_seq=1),  # INVALID_INPUT
        purchase("u3", "t3", pack="premium"),                  # 3
        ev("referral_reward", referrer="cr1", referred="u3", purchase_seq=3),  # 4: cr1 370
        tip("u3", "cr1", "r3", 200),                           # 5: cr1 550
        wd("cr1", "w1", 500),                                  # 6: cr1 50 left, 500 pending
        wd("cr1", "w2", 500),                                  # INSUFFICIENT_TOKENS: the first holds the tokens
        tr("approved", 5),                                     # INVALID_INPUT: not a request
        tr("approved", 99),                                    # INVALID_INPUT: no such record
        tr("paid", 6),                                         # INVALID_TRANSITION: requested -> paid
        tr("failed", 6),                                       # INVALID_TRANSITION: requested -> failed
        tr("paid", 6, payout_ref=""),                          # INVALID_INPUT: empty payout ref
        ev("refund", original_seq=6),                          # NOT_REFUNDABLE
        ev("refund", original_seq=4),                          # NOT_REFUNDABLE (referral)
        ev("refund", original_seq=99),                         # INVALID_INPUT
        ev("refund", original_seq=1),                          # INSUFFICIENT_TOKENS: u1 spent the tokens
        ev("refund", original_seq=5),                          # INSUFFICIENT_TOKENS: cr1 has 50 of the 180 earned
    ])

    # Every transition of §12.4, from every state.
    path = {"requested": [], "approved": ["approved"], "paid": ["approved", "paid"],
            "rejected": ["rejected"], "failed": ["approved", "failed"]}
    for frm, moves in path.items():
        for to in ("approved", "paid", "rejected", "failed"):
            events = [purchase("u1", "t1", pack="premium"), tip("u1", "cr1", "r1", 1000), wd("cr1", "w1", 500)]
            events += [tr(m, 3) for m in moves] + [tr(to, 3)]
            seq_case(f"transition {frm} -> {to}", events)
    for frm in ("requested", "approved", "paid", "rejected", "failed"):
        for to in ("requested", "approved", "paid", "rejected", "failed"):
            c = {"name": f"state machine {frm} -> {to}", "op": "withdrawal_transition", "input": {"from": frm, "to": to}}
            if (frm, to) in ALLOWED:
                c["expect"] = {"allowed": True}
            else:
                c["error"] = "INVALID_TRANSITION"
            cases.append(c)

    # A record built on a given view (build_record), and the reads.
    view_book = Ledger()
    for s in steps_of(HAPPY[:4]):
        view_book.append(s["event"], s["at_ms"])
    head = {"seq": view_book.head()[0], "hash": view_book.head()[1]}
    e = msg("c1", "m3", "u1", "cr1", 4, 3, 1)
    exp = copy.deepcopy(view_book).build(e, T0 + 99)
    cases.append({"name": "build_record: a message charge on a view", "op": "build_record",
                  "input": {"view": {"head": head, "balances": view_book.balances(),
                                     "records": []}, "event": e, "at_ms": T0 + 99},
                  "expect": exp})
    cases.append({"name": "build_record: the view's balance is what rule 5 sees", "op": "build_record",
                  "input": {"view": {"head": head, "balances": [{"account": "user:u1:spendable", "balance": 3}],
                                     "records": []}, "event": e, "at_ms": T0 + 99},
                  "error": "INSUFFICIENT_TOKENS"})
    cases.append({"name": "build_record: a stored key in the view is replayed", "op": "build_record",
                  "input": {"view": {"head": head, "balances": [], "records": [view_book.records[2]]},
                            "event": HAPPY[2], "at_ms": T0 + 99},
                  "expect": {"record": view_book.records[2], "replayed": True, "balances": []}})
    forged = copy.deepcopy(view_book.records[2])
    forged["postings"][0]["amount"] = 2
    cases.append({"name": "build_record: a view record that does not hash right", "op": "build_record",
                  "input": {"view": {"head": head, "balances": [], "records": [forged]},
                            "event": HAPPY[2], "at_ms": T0 + 99}, "error": "INVALID_INPUT"})
    cases.append({"name": "build_record: at_ms below 0", "op": "build_record",
                  "input": {"view": {"head": head, "balances": [], "records": []}, "event": e, "at_ms": -1},
                  "error": "INVALID_INPUT"})
    cases.append({"name": "reads of a message charge", "op": "ledger_reads", "input": {"event": e},
                  "expect": {"keys": ["msg:c1:m3"], "seqs": [],
                             "accounts": sorted([spend("u1"), earn("cr1"), "platform:revenue"])}})
    cases.append({"name": "reads of a withdrawal transition", "op": "ledger_reads",
                  "input": {"event": tr("paid", 12, payout_ref="x")},
                  "expect": {"keys": ["wd_paid:12", "wd_approved:12", "wd_rejected:12", "wd_failed:12"], "seqs": [12],
                             "accounts": ["external:payouts", "platform:fees"]}})
    cases.append({"name": "reads of a refund", "op": "ledger_reads", "input": {"event": ev("refund", original_seq=3)},
                  "expect": {"keys": ["refund:3"], "seqs": [3], "accounts": []}})
    for id_ in ("chat-1.a_B", "a:b", "x" * 128, "x" * 129, "zażółć"):
        want = id_ if KEY_PART.match(id_) else sha(id_)
        cases.append({"name": f"key part of {id_[:20]!r} ({len(id_)} chars)", "op": "ledger_key_part",
                      "input": {"id": id_}, "expect": {"part": want}})
    cases.append({"name": "key part of an empty id", "op": "ledger_key_part", "input": {"id": ""}, "error": "INVALID_INPUT"})

    # check_ledger: the clean chain and every tamper (expected finding by construction).
    n = len(clean)
    rep = book.report()
    totals = {"head": rep["head"], "balances": rep["balances"]}

    def check_case(name, records, finding, checked, totals_=None, report=None):
        report = report or rep
        c = {"name": name, "op": "check_ledger", "input": {"records": records}}
        if totals_ is not None:
            c["input"]["totals"] = totals_
        c["expect"] = {"finding": finding, "records_checked": checked}
        if finding is None:
            c["expect"].update(head=report["head"], balances=report["balances"], withdrawals=report["withdrawals"])
        cases.append(c)

    def f(seq, kind):
        return {"seq": seq, "finding": kind}

    def relink(rs, start):
        """Re-seals records from index `start` on (a forger who recomputes the chain)."""
        for i in range(start, len(rs)):
            rs[i]["prev_hash"] = rs[i - 1]["hash"] if i else GENESIS
            seal(rs[i])
        return rs

    check_case("clean ledger", clean, None, n)
    check_case("clean ledger with its stored totals", clean, None, n, totals)
    check_case("empty ledger", [], None, 0, report=Ledger().report())
    bad = copy.deepcopy(totals)
    bad["balances"][0]["balance"] += 1
    check_case("stored balance off by one", clean, f(n, "SNAPSHOT_MISMATCH"), n, bad)
    bad = copy.deepcopy(totals)
    bad["balances"].append({"account": "user:ghost:spendable", "balance": 5})
    check_case("stored balance of an account the replay does not have", clean, f(n, "SNAPSHOT_MISMATCH"), n, bad)
    check_case("last record deleted: only the stored head shows it", clean[:-1], f(n - 1, "SNAPSHOT_MISMATCH"), n - 1, totals)
    rs = copy.deepcopy(clean)
    rs[4]["postings"][0]["amount"] += 1
    check_case("amount tampered (tip)", rs, f(5, "HASH_MISMATCH"), 4)
    rs = copy.deepcopy(clean)
    rs[4]["postings"][1]["account"] = earn("cr2")
    check_case("account tampered (tip)", rs, f(5, "HASH_MISMATCH"), 4)
    rs = copy.deepcopy(clean)
    rs[4]["content"] = rs[4]["content"].replace('"tokens":101', '"tokens":102')
    check_case("content tampered (tip)", rs, f(5, "HASH_MISMATCH"), 4)
    rs = copy.deepcopy(clean)
    del rs[6]
    check_case("record 7 deleted", rs, f(8, "SEQ_GAP"), 6)
    check_case("first record deleted", clean[1:], f(2, "SEQ_GAP"), 0)
    rs = copy.deepcopy(clean)
    rs[5], rs[6] = rs[6], rs[5]
    check_case("records 6 and 7 swapped", rs, f(7, "SEQ_GAP"), 5)
    rs = copy.deepcopy(clean)
    rs[9]["at_ms"] += 1
    seal(rs[9])
    check_case("record 10 re-sealed alone: the next link breaks", rs, f(11, "PREV_HASH_MISMATCH"), 10)
    rs = copy.deepcopy(clean)
    rs[4]["postings"][0]["amount"] += 1
    check_case("amount tampered and the chain re-sealed", relink(rs, 4), f(5, "BAD_POSTINGS"), 4)
    rs = copy.deepcopy(clean)
    rs[4]["postings"] = postings([(spend("u1"), -101), (earn("cr2"), 90), ("platform:revenue", 11)])
    check_case("account tampered and the chain re-sealed (split to another creator)", relink(rs, 4),
               f(5, "BAD_POSTINGS"), 4)
    rs = copy.deepcopy(clean)
    rs[4]["postings"] = postings([(spend("u1"), -101), (earn("cr1"), 91), ("platform:revenue", 10)])
    check_case("split tampered, sum still 0, chain re-sealed", relink(rs, 4), f(5, "BAD_POSTINGS"), 4)
    rs = copy.deepcopy(clean)
    rs[11]["postings"] = postings([(earn("cr1"), -501), (pend("cr1"), 501)])
    c = json.loads(rs[11]["content"])
    c["fee"] = 10
    c["net"] = 491
    rs[11]["content"] = canon(c)
    check_case("withdrawal fee tampered in the content, chain re-sealed", relink(rs, 11), f(12, "BAD_POSTINGS"), 11)
    rs = copy.deepcopy(clean)
    rs[2]["postings"] = [{"account": "platform:revenue", "amount": 1}, {"account": spend("u1"), "amount": -1}]
    rs[2]["postings"].reverse()
    check_case("postings out of order, chain re-sealed", relink(rs, 2), f(3, "BAD_POSTINGS"), 2)

    def forge(kind, key, content, ps, refs=()):
        r = {"seq": n + 1, "kind": kind, "key": key, "content": canon(content), "content_hash": "", "postings": ps,
             "refs": list(refs), "at_ms": T0, "policy": FINGERPRINT, "prev_hash": clean[-1]["hash"]}
        return clean + [seal(r)]

    rs = forge("purchase", clean[0]["key"], {"payer": "u1", "pack": "mini", "tokens": 100},
               postings([("external:purchases", -100), (spend("u1"), 100)]))
    check_case("a key used twice", rs, f(n + 1, "DUPLICATE_KEY"), n)
    rs = forge("message_charge", "msg:c9:m9",
               {"payer": "u7", "earner": "cr1", "tokens": 1, "creator": 0, "platform": 1, "billed_tokens": 0,
                "creator_tokens": 0}, postings([(spend("u7"), -1), ("platform:revenue", 1)]))
    check_case("a charge to a user without tokens", rs, f(n + 1, "NEGATIVE_BALANCE"), n)
    rs = forge("withdrawal_paid", "wd_paid:23", {"request_seq": 23},
               postings([(pend("cr1"), -500), ("external:payouts", 490), ("platform:fees", 10)]), [23])
    check_case("paid without approval", rs, f(n + 1, "BAD_TRANSITION"), n)
    rs = forge("withdrawal_rejected", "wd_rejected:12", {"request_seq": 12},
               postings([(pend("cr1"), -501), (earn("cr1"), 501)]), [12])
    check_case("a paid withdrawal rejected (its pending tokens are gone)", rs, f(n + 1, "NEGATIVE_BALANCE"), n)
    rs = forge("refund", "refund:99", {"original_seq": 99}, [], [99])
    check_case("a refund of a record that does not exist", rs, f(n + 1, "BAD_REFERENCE"), n)
    rs = forge("refund", "refund:23", {"original_seq": 23}, postings([(earn("cr1"), 500), (pend("cr1"), -500)]), [23])
    check_case("a refund of a withdrawal request", rs, f(n + 1, "BAD_REFERENCE"), n)
    rs = forge("referral_reward", "referral:u1", {"referrer": "cr2", "referred": "u1", "purchase_seq": 3},
               postings([("platform:referral", -100), (earn("cr2"), 100)]), [3])
    check_case("a referral reward referring to a message charge", rs, f(n + 1, "BAD_REFERENCE"), n)
    rs = forge("withdrawal_approved", "wd_approved:5", {"request_seq": 5}, [], [5])
    check_case("a transition of a tip", rs, f(n + 1, "BAD_REFERENCE"), n)
    rs = forge("refund", "refund:7", {"original_seq": 7}, postings([(spend("u1"), 3), ("platform:revenue", -3)]), [8])
    check_case("refs that do not match the content", rs, f(n + 1, "BAD_POSTINGS"), n)
    rs = forge("refund", "refund:5-again", {"original_seq": 5},
               postings([(spend("u1"), 101), (earn("cr1"), -90), ("platform:revenue", -11)]), [5])
    check_case("a second refund of record 5 under a key not derived from it", rs, f(n + 1, "BAD_POSTINGS"), n)
    rs = forge("tip", "tip:u2:r9", {"payer": "u1", "creator": "cr1", "tokens": 10},
               postings([(spend("u1"), -10), (earn("cr1"), 9), ("platform:revenue", 1)]))
    check_case("a tip whose key names another payer", rs, f(n + 1, "BAD_POSTINGS"), n)
    rs = forge("tip", "tip:u1:r9", {"payer": "u1", "creator": "cr1", "tokens": 0}, [])
    check_case("a zero tip", rs, f(n + 1, "BAD_POSTINGS"), n)
    rs = forge("ai_usage", "ai:u1:z", {"payer": "u1", "tokens": 2},
               [{"account": spend("u1"), "amount": -2}, {"account": "platform:revenue", "amount": 0},
                {"account": "platform:revenue2", "amount": 2}])
    check_case("a zero posting and an unknown account", rs, f(n + 1, "BAD_POSTINGS"), n)

    doc = {
        "module": "ledger",
        "description": ("Money ledger and idempotency (SPEC §12). Expected values computed independently by "
                        "tests/vectors/tools/gen_ledger.py (integer arithmetic, hashlib SHA-256, json with sorted "
                        "keys) from the SPEC text; findings of tampered ledgers by construction."),
        "cases": cases,
    }
    with open(OUT, "w", encoding="utf-8") as f_:
        json.dump(doc, f_, indent=1, ensure_ascii=False)
        f_.write("\n")
    print(f"wrote {len(cases)} cases to {OUT}")


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Independent reference for SPEC §14 (media verdict, banned terms, text sanitiser): writes
tests/vectors/moderation.json.

Written from SPEC.md alone (never from the Rust code's output), with Python's own Unicode
machinery: `unicodedata` (NFKC, NFD, NFC, general categories), `str.casefold()` (full case
folding), `str.isspace()`. Python has no grapheme segmentation in its standard library, so this
reference uses a simple cluster rule (a character followed by its marks, ZWJ/ZWNJ, variation
selectors and anything ZWJ joins) and every vector text stays where that rule and Unicode's
extended grapheme clusters agree (no Hangul jamo, regional indicators or prepend characters).
Run: python3 tests/vectors/tools/moderation_ref.py (from the repository root).
"""
import json
import os
import unicodedata as ud

# ---- policy defaults (SPEC §14.1, §14.2, §14.3) ----
THRESH = {"nsfw": (7000, 9500), "toxicity": (6000, 9000), "sexual": (7000, 9500)}
TERMS = [("underage", "minors", "block", "substring"), ("jailbait", "minors", "block", "substring"),
         ("preteen", "minors", "block", "substring")] + [
    (t, "off_platform_payment", "review", "word") for t in ["venmo", "cash app", "paypal me", "western union", "gift card"]]
FOLD = {"ł": "l", "đ": "d", "ø": "o", "ħ": "h", "ı": "i", "æ": "ae", "œ": "oe", "þ": "th"}
LOOK = {"а": "a", "в": "b", "е": "e", "к": "k", "м": "m", "н": "h", "о": "o", "р": "p", "с": "c", "т": "t", "у": "y",
        "х": "x", "і": "i", "ј": "j", "ѕ": "s", "ԁ": "d", "α": "a", "β": "b", "ε": "e", "ι": "i", "κ": "k", "ν": "v",
        "ο": "o", "ρ": "p", "τ": "t", "υ": "u", "χ": "x"}
DIG = {"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "8": "b", "9": "g"}
SYM = {"@": "a", "$": "s", "!": "i", "|": "l", "+": "t"}
LIMITS = {"display_name": 50, "bio": 500, "message": 4000, "caption": 2200}


def clusters(text):
    """(start_byte, start_utf16, cluster) for the simple cluster rule described above."""
    out, cur, joined = [], "", False
    for ch in text:
        cat = ud.category(ch)
        attach = cur and (cat in ("Mn", "Me", "Mc") or ch in "\u200d\u200c" or 0xFE00 <= ord(ch) <= 0xFE0F
                          or 0x1F3FB <= ord(ch) <= 0x1F3FF or 0xE0020 <= ord(ch) <= 0xE007F or joined)
        if attach:
            cur += ch
        else:
            if cur:
                out.append(cur)
            cur = ch
        joined = ch == "\u200d"
    if cur:
        out.append(cur)
    res, b, u = [], 0, 0
    for c in out:
        res.append((b, u, c))
        b += len(c.encode("utf-8"))
        u += len(c.encode("utf-16-le")) // 2
    return res


def norm_cluster(c):
    s = "".join(ch for ch in ud.normalize("NFKC", c) if ud.category(ch) != "Cf")
    s = s.casefold()
    s = "".join(ch for ch in ud.normalize("NFD", s) if ud.category(ch) != "Mn")
    s = "".join(FOLD.get(ch, ch) for ch in s)
    return "".join(LOOK.get(ch, ch) for ch in s)


def words_of(text):
    """Normalised words: lists of (char, (b0, b1, u0, u1))."""
    chars = []
    for b, u, c in clusters(text):
        span = (b, b + len(c.encode("utf-8")), u, u + len(c.encode("utf-16-le")) // 2)
        chars += [(ch, span) for ch in norm_cluster(c)]
    raw, cur = [], []
    for ch, sp in chars:
        if ch.isspace():
            if cur:
                raw.append(cur)
            cur = []
        else:
            cur.append((ch, sp))
    if cur:
        raw.append(cur)
    joined, i = [], 0
    while i < len(raw):
        j = i
        while j < len(raw) and len(raw[j]) == 1:
            j += 1
        if j - i >= 3:
            joined.append([x for w in raw[i:j] for x in w])
            i = j
        else:
            joined.append(raw[i])
            i += 1
    out = []
    for w in joined:
        if any(ch.isalpha() for ch, _ in w):
            m = []
            for k, (ch, sp) in enumerate(w):
                if ch in DIG:
                    ch = DIG[ch]
                elif ch in SYM:
                    nxt = k + 1 < len(w) and w[k + 1][0].isalnum()
                    prv = k > 0 and w[k - 1][0].isalnum()
                    if nxt and (prv or k == 0):
                        ch = SYM[ch]
                m.append((ch, sp))
            w = m
        # parts: runs of letters and digits; keep (char, span, part_start, part_end)
        parts, cur = [], []
        for ch, sp in w:
            if ch.isalnum():
                cur.append((ch, sp))
            elif cur:
                parts.append(cur)
                cur = []
        if cur:
            parts.append(cur)
        out.append(parts)
    return out


def letters(word_parts):
    return "".join(ch for p in word_parts for ch, _ in p)


def rle(s):
    out = []
    for ch in s:
        if out and out[-1][0] == ch:
            out[-1][1] += 1
        else:
            out.append([ch, 1])
    return out


def fits(text_runs, term_runs):
    """Whether a text letter string's runs match a term's runs exactly in letters, each text run
    at least as long."""
    return len(text_runs) == len(term_runs) and all(a[0] == b[0] and a[1] >= b[1] for a, b in zip(text_runs, term_runs))


def screen(text):
    words = words_of(text)
    found = []
    for term, cat, sev, kind in TERMS:
        tw = [letters(p) for p in words_of(term) if letters(p)]
        tr = rle("".join(tw))
        for wi, parts in enumerate(words):
            # one word: consecutive parts (word) or any substring (substring)
            flat = [(ch, sp, pi, k == 0, k == len(p) - 1) for pi, p in enumerate(parts) for k, (ch, sp) in enumerate(p)]
            n = len(flat)
            for a in range(n):
                for b in range(a + 1, n + 1):
                    seg = "".join(x[0] for x in flat[a:b])
                    if kind == "substring":
                        # maximal runs at the edges may be longer than the term's run
                        pass
                    elif not (flat[a][3] and flat[b - 1][4]):
                        continue
                    if fits(rle(seg), tr):
                        # the match must cover whole runs of the word
                        if a > 0 and flat[a - 1][0] == flat[a][0]:
                            continue
                        if b < n and flat[b][0] == flat[b - 1][0]:
                            continue
                        found.append((flat[a][1], flat[b - 1][1], term, cat, sev))
            # several words
            if kind == "word" and len(tw) > 1 and wi + len(tw) <= len(words):
                ws = words[wi:wi + len(tw)]
                if all(letters(w) for w in ws) and all(fits(rle(letters(w)), rle(t)) for w, t in zip(ws, tw)):
                    first = ws[0][0][0][1]
                    last = ws[-1][-1][-1][1]
                    found.append((first, last, term, cat, sev))
    uniq = {}
    for f, l, term, cat, sev in found:
        uniq[(f[0], l[1], term)] = {"term": term, "category": cat, "severity": sev, "start": f[0], "end": l[1],
                                     "start_utf16": f[2], "end_utf16": l[3]}
    order = {t[0]: i for i, t in enumerate(TERMS)}
    ms = sorted(uniq.values(), key=lambda m: (m["start"], -m["end"], order[m["term"]]))
    sevs = [m["severity"] for m in ms]
    return {"severity": "block" if "block" in sevs else ("review" if sevs else None), "matches": ms}


# ---- sanitiser (§14.3) ----
def invisible(ch):
    cp = ord(ch)
    return ((cp < 0x20 and ch != "\n") or 0x7F <= cp <= 0x9F or 0x202A <= cp <= 0x202E or 0x2066 <= cp <= 0x2069
            or cp in (0x200E, 0x200F, 0x200B, 0xFEFF, 0xAD) or 0x2060 <= cp <= 0x2064 or 0xFDD0 <= cp <= 0xFDEF
            or (cp & 0xFFFE) == 0xFFFE)


def sanitise(field, text):
    s = text.replace("\r\n", "\n").replace("\r", "\n")
    for ch in "\u0085\u2028\u2029":
        s = s.replace(ch, "\n")
    s = s.replace("\t", " ")
    if field == "display_name":
        s = s.replace("\n", " ")
    out, i = [], 0
    while i < len(s):
        ch = s[i]
        if ch == "\U0001F3F4":
            out.append(ch)
            j = i + 1
            while j < len(s) and 0xE0020 <= ord(s[j]) <= 0xE007E:
                j += 1
            if j > i + 1 and j < len(s) and s[j] == "\U000E007F":
                out.append(s[i + 1:j + 1])
                i = j + 1
            else:
                i += 1
            continue
        if not invisible(ch) and not (0xE0000 <= ord(ch) <= 0xE007F):
            out.append(ch)
        i += 1
    s = ud.normalize("NFC", "".join(out))
    res, run = [], 0
    for ch in s:
        if ud.category(ch).startswith("M"):
            run += 1
            if run > 3:
                continue
        else:
            run = 0
        res.append(ch)
    s = "".join(res)
    # collapse line breaks: white space between breaks dropped, at most 2 in a row
    out, ws, breaks = [], "", 0
    for ch in s:
        if ch == "\n":
            if breaks == 0:
                out.append(ws)
            ws = ""
            breaks += 1
            if breaks <= 2:
                out.append("\n")
        elif ch.isspace():
            ws += ch
        else:
            out.append(ws)
            ws = ""
            breaks = 0
            out.append(ch)
    out.append(ws)
    s = "".join(out).strip()
    n = len(clusters(s))
    if field == "display_name" and n == 0:
        return None, "INVALID_INPUT"
    if n > LIMITS[field]:
        return None, "TEXT_TOO_LONG"
    return s, None


def verdict(scores, ocr=None, caption=None):
    missing = [s for s in ("nsfw", "toxicity", "sexual") if scores.get(s) is None]
    crossed = []
    for s in ("nsfw", "toxicity", "sexual"):
        v = scores.get(s)
        if v is None:
            continue
        f, r = THRESH[s]
        if v >= f:
            crossed.append({"stage": s, "level": "flagged", "score_bp": v, "threshold_bp": f})
        if v >= r:
            crossed.append({"stage": s, "level": "rejected", "score_bp": v, "threshold_bp": r})
    om = screen(ocr)["matches"] if ocr is not None else []
    cm = screen(caption)["matches"] if caption is not None else []
    sevs = [m["severity"] for m in om + cm]
    if missing:
        state = "pending"
    elif "block" in sevs or any(c["level"] == "rejected" for c in crossed):
        state = "rejected"
    elif "review" in sevs or crossed:
        state = "flagged"
    else:
        state = "approved"
    return {"state": state, "missing": missing, "crossed": crossed, "ocr_matches": om, "caption_matches": cm}


cases = []


def case(name, op, inp, expect=None, error=None, policy=None):
    c = {"name": name, "op": op, "input": inp}
    if policy is not None:
        c["policy"] = policy
    if error:
        c["error"] = error
    else:
        c["expect"] = expect
    cases.append(c)


for name, sc in [
    ("all stages clean", {"nsfw": 0, "toxicity": 0, "sexual": 0}),
    ("just below every flagged threshold", {"nsfw": 6999, "toxicity": 5999, "sexual": 6999}),
    ("nsfw at its flagged threshold (inclusive)", {"nsfw": 7000, "toxicity": 0, "sexual": 0}),
    ("toxicity at its flagged threshold", {"nsfw": 0, "toxicity": 6000, "sexual": 0}),
    ("sexual at its flagged threshold", {"nsfw": 0, "toxicity": 0, "sexual": 7000}),
    ("just below every rejected threshold", {"nsfw": 9499, "toxicity": 8999, "sexual": 9499}),
    ("nsfw at its rejected threshold lists both thresholds", {"nsfw": 9500, "toxicity": 0, "sexual": 0}),
    ("toxicity at its rejected threshold", {"nsfw": 0, "toxicity": 9000, "sexual": 0}),
    ("sexual at 10000", {"nsfw": 0, "toxicity": 0, "sexual": 10000}),
    ("a stage not run is pending even with a rejected score", {"nsfw": 10000, "toxicity": None, "sexual": 0}),
    ("no stage run", {}),
]:
    case(f"verdict: {name}", "media_verdict", {"purpose": "feed_image", "scores": sc}, verdict(sc))
clean = {"nsfw": 0, "toxicity": 0, "sexual": 0}
for name, ocr, cap in [
    ("a review term in the OCR text flags", "PAY ME ON VENMO", None),
    ("a block term in the caption rejects", None, "new pics, pre-teen look"),
    ("OCR and caption are screened separately", "cash", "app"),
    ("terms in both texts each name their text", "venmo", "jailbait"),
]:
    inp = {"purpose": "profile_photo", "scores": clean}
    if ocr is not None:
        inp["ocr_text"] = ocr
    if cap is not None:
        inp["caption"] = cap
    case(f"verdict: {name}", "media_verdict", inp, verdict(clean, ocr, cap))
case("verdict: a score above 10000 is invalid", "media_verdict",
     {"purpose": "feed_image", "scores": {"nsfw": 10001, "toxicity": 0, "sexual": 0}}, error="INVALID_INPUT")
case("verdict: a host policy with lower chat-image thresholds", "media_verdict",
     {"purpose": "chat_image", "scores": {"nsfw": 5000, "toxicity": 0, "sexual": 0}},
     {"state": "flagged", "crossed": [{"stage": "nsfw", "level": "flagged", "score_bp": 5000, "threshold_bp": 5000}]},
     policy={"moderation": {"thresholds": {"chat_image": {"nsfw": {"flagged_bp": 5000, "rejected_bp": 8000}}}}})
case("policy: flagged above rejected is refused", "media_verdict",
     {"purpose": "chat_image", "scores": clean}, error="INVALID_INPUT",
     policy={"moderation": {"thresholds": {"chat_image": {"nsfw": {"flagged_bp": 9000, "rejected_bp": 8000}}}}})

for name, text in [
    ("plain venmo", "pay me on venmo"),
    ("spaced letters join", "v e n m o me"),
    ("spaced leetspeak joins before the map", "v 3 n m 0"),
    ("repeated letters", "veeenmooo"),
    ("full-width letters (NFKC)", "ｖｅｎｍｏ"),
    ("zero-width space inside", "ven\u200bmo"),
    ("soft hyphen and bidi control inside", "ven\u00admo\u202e"),
    ("Cyrillic look-alikes", "vеnmо"),
    ("Greek omicron", "venmο"),
    ("upper case and a combining accent", "VÉNMO"),
    ("decomposed accent keeps its whole span", "ve\u0301nmo"),
    ("a trailing combining mark belongs to the span", "venmo\u0301 now"),
    ("a ligature and a compatibility digit (NFKC)", "gift ｃａｒｄ"),
    ("German sharp s folds to ss", "MAẞ venmo"),
    ("leetspeak digits", "v3nm0"),
    ("inside a word is not a word match (Scunthorpe)", "supervenmo"),
    ("a punctuation part of one word", "super-venmo"),
    ("trailing symbol is not leetspeak", "venmo!"),
    ("split across two words does not match", "ven mo"),
    ("two words of a multi-word term", "use cash app"),
    ("a multi-word term as one word", "cashapp"),
    ("a multi-word term across punctuation", "cash.app"),
    ("a word without letters between the words breaks them", "cash !!! app"),
    ("paypal.me with a path", "paypal.me/anna"),
    ("western union, spaced out", "W E S T E R N union"),
    ("gift cards (a word with one more letter) is not gift card", "gift cards"),
    ("gift caaard", "gift caaard"),
    ("substring inside a word", "underaged"),
    ("substring across punctuation", "pre-teen"),
    ("substring with leetspeak", "j4ilb4it"),
    ("substring split in two words does not match", "under age"),
    ("a year stays a number", "born in 2000"),
    ("emoji before the match shifts UTF-16 offsets", "\U0001F600 venmo"),
    ("CJK text before the match", "你好 venmo"),
    ("two matches ordered by start", "venmo or cash app"),
    ("nothing to find", "hello there, how are you?"),
    ("empty text", ""),
    ("dollar sign first in a word", "$ex and venm0"),
]:
    case(f"screen: {name}", "screen_terms", {"text": text}, screen(text))

for field, name, text in [
    ("message", "line breaks unified, tab to space", "a\r\nb\rc\u0085d\u2028e\u2029f\tg"),
    ("display_name", "a display name has no line break", "Ana\nMaria"),
    ("message", "invisible characters removed", "he\u200bl\u2060l\ufeffo\u00ad\u0007\u009f\u202e!"),
    ("message", "ZWJ sequences stay", "\U0001F468\u200d\U0001F469 hi"),
    ("message", "a subdivision flag keeps its tags", "\U0001F3F4\U000E0067\U000E0062\U000E0073\U000E0063\U000E0074\U000E007F"),
    ("message", "stray tags removed", "hi\U000E0001\U000E0068"),
    ("message", "NFC after the removals", "e\u0007\u0301"),
    ("message", "Zalgo keeps 3 marks", "Z\u0300\u0301\u0302\u0303\u0304a"),
    ("bio", "at most 2 line breaks, white space between dropped", "a\n \t\n \n  b"),
    ("bio", "trimmed", "\u3000 a b \u00a0\n"),
    ("message", "markup is text", "<3 & \"you\" <b>"),
    ("bio", "a bio of 500 characters", "x" * 500),
    ("bio", "a bio of 501 characters", "x" * 501),
    ("caption", "a caption of 2201 characters", "y" * 2201),
    ("message", "a message of 4000 emoji sequences", "\U0001F468\u200d\U0001F469" * 4000),
    ("display_name", "a display name of 51", "n" * 51),
    ("display_name", "an empty display name", " \u200b\t"),
]:
    out, err = sanitise(field, text)
    case(f"sanitise {field}: {name}", "sanitise_text", {"field": field, "text": text},
         None if err else {"text": out}, error=err)

for field, name, text in [
    ("message", "clean text is sanitised and accepted", "  hi\u200b there  "),
    ("bio", "a review term is accepted for review", "find me on v e n m o"),
    ("caption", "a block term is refused", "jail\u200bbait"),
    ("message", "the length check comes first", "x" * 4001),
]:
    out, err = sanitise(field, text)
    if err:
        case(f"screen_text {field}: {name}", "screen_text", {"field": field, "text": text}, error=err)
        continue
    s = screen(out)
    if s["severity"] == "block":
        case(f"screen_text {field}: {name}", "screen_text", {"field": field, "text": text}, error="CONTENT_BLOCKED")
    else:
        case(f"screen_text {field}: {name}", "screen_text", {"field": field, "text": text},
             {"text": out, "review": s["severity"] == "review", "matches": s["matches"]})

for text in ["<a href=\"x\">Tom & Jerry's</a>", "zażółć", ""]:
    esc = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;").replace("'", "&#39;")
    case(f"escape_html: {text!r}", "escape_html", {"text": text}, {"text": esc})
for url, ok in [("https://avalo.app/u/1", True), ("HTTP://avalo.app", True), ("javascript:alert(1)", False),
                ("data:text/html,<b>", False), ("https:/avalo.app", False), ("https://", False),
                ("https://a b", False), ("ftp://x", False)]:
    case(f"is_linkable: {url}", "is_linkable", {"url": url}, {"linkable": ok})

policy_terms = {"moderation": {"terms": {"banned_terms": [
    {"term": "venmo", "category": "x", "severity": "review", "match": "word"},
    {"term": "V3NMO", "category": "x", "severity": "block", "match": "word"}]}}}
case("policy: two terms that normalise alike are refused", "screen_terms", {"text": "hi"}, error="INVALID_INPUT",
     policy=policy_terms)
case("policy: a substring term under 6 letters is refused", "screen_terms", {"text": "hi"}, error="INVALID_INPUT",
     policy={"moderation": {"terms": {"banned_terms": [{"term": "sexy", "category": "x", "severity": "block", "match": "substring"}]}}})
case("policy: a word term under 3 letters is refused", "screen_terms", {"text": "hi"}, error="INVALID_INPUT",
     policy={"moderation": {"terms": {"banned_terms": [{"term": "a b", "category": "x", "severity": "block", "match": "word"}]}}})
case("policy: a host's own term list", "screen_terms", {"text": "get it fr33, frrreeee, f.r.e.e"},
     {"severity": "review", "matches": [
         {"term": "free", "start": 7, "end": 11}, {"term": "free", "start": 13, "end": 21}, {"term": "free", "start": 23, "end": 30}]},
     policy={"moderation": {"terms": {"banned_terms": [{"term": "free", "category": "spam", "severity": "review", "match": "word"}]}}})

names = [c["name"] for c in cases]
assert len(names) == len(set(names)), [n for n in names if names.count(n) > 1]
root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
with open(os.path.join(root, "moderation.json"), "w", encoding="utf-8") as f:
    json.dump({"module": "moderation", "description": "Moderation (SPEC §14): media verdicts from stage scores and "
               "banned terms, banned-terms screening with spans in the original text, the text sanitiser, "
               "escape_html and is_linkable. Expected values from tests/vectors/tools/moderation_ref.py, an "
               "independent Python reference (unicodedata, str.casefold), never from the Rust code.",
               "cases": cases}, f, indent=1, ensure_ascii=False)
    f.write("\n")
print("moderation", len(cases))

#!/usr/bin/env python3
"""Writes tests/vectors/upload.json, media.json and security.json.

An independent reference: expected values are written by hand from SPEC §9–10 (file names,
verdicts, access decisions, origins) or computed here with Python's hashlib, hmac and
urllib.parse (SHA-256, HMAC-SHA256 known answers, percent-encoding). Nothing here runs or
imports the Rust code under test. Run: python3 tests/vectors/tools/gen_upload_security.py
"""
import hashlib
import hmac
import json
import os
import urllib.parse

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
MB = 1048576
NOW = 1795176000000  # 2026-11-20 12:00:00 UTC
USER = "u_123"
CONTENT = hashlib.sha256(b"avalo test content").hexdigest()
CID = CONTENT[:16]


def h(b: bytes) -> str:
    return b.hex()


def pad(b: bytes, n: int = 32) -> bytes:
    """Fills a magic prefix up to n bytes with neutral filler."""
    return b + bytes([0x11] * max(0, n - len(b)))


HEADS = {
    "jpeg": pad(bytes.fromhex("ffd8ffe000104a46494600010101004800480000ffdb0043")),
    "jpeg_exif": pad(bytes.fromhex("ffd8ffe1001845786966000049492a0008000000")),
    "png": pad(bytes.fromhex("89504e470d0a1a0a0000000d49484452000001000000010008060000")),
    "gif89": pad(b"GIF89a\x01\x00\x01\x00\x80\x00\x00\xff\xff\xff\x00\x00\x00!\xf9\x04"),
    "gif87": pad(b"GIF87a\x01\x00\x01\x00\x80\x00\x00"),
    "webp": pad(b"RIFF\x24\x00\x00\x00WEBPVP8 \x18\x00\x00\x00"),
    "heic": pad(b"\x00\x00\x00\x24ftypheic\x00\x00\x00\x00mif1MiHEMiPrmiafMiHBheic", 48),
    "heif": pad(b"\x00\x00\x00\x18ftypmif1\x00\x00\x00\x00mif1heic", 32),
    "heif_compat": pad(b"\x00\x00\x00\x1cftypXYZW\x00\x00\x00\x00abcdheixmif1", 32),
    "avif": pad(b"\x00\x00\x00\x20ftypavif\x00\x00\x00\x00avifmif1miafMA1B", 40),
    "mp4": pad(b"\x00\x00\x00\x20ftypisom\x00\x00\x02\x00isomiso2avc1mp41\x00\x00\x00\x08free", 48),
    "mp4_mp42": pad(b"\x00\x00\x00\x18ftypmp42\x00\x00\x00\x00mp42isom", 32),
    "m4v": pad(b"\x00\x00\x00\x1cftypM4V \x00\x00\x00\x01M4V M4A mp42isom", 40),
    "m4a": pad(b"\x00\x00\x00\x20ftypM4A \x00\x00\x00\x00M4A mp42isom\x00\x00\x00\x00", 40),
    "mov": pad(b"\x00\x00\x00\x14ftypqt  \x00\x00\x02\x00qt  \x00\x00\x00\x08wide", 40),
    "mov_classic": pad(b"\x00\x00\x00\x08wide\x00\x01\x00\x00mdat", 32),
    "webm": pad(bytes.fromhex("1a45dfa39f4286810142f7810142f2810442f381084282847765626d4287810442858102"), 48),
    "mkv": pad(bytes.fromhex("1a45dfa3a34286810142f7810142f2810442f3810842828" "86d6174726f736b61428781044285810218538067"), 48),
    "mp3_id3": pad(b"ID3\x04\x00\x00\x00\x00\x00\x23TSSE\x00\x00\x00\x0f\x00\x00\x03Lavf"),
    "mp3_frame": pad(bytes.fromhex("fffb9064000000000000000000000000")),
    "wav": pad(b"RIFF\x24\x08\x00\x00WAVEfmt \x10\x00\x00\x00\x01\x00\x02\x00\x44\xac\x00\x00"),
    "ogg": pad(b"OggS\x00\x02\x00\x00\x00\x00\x00\x00\x00\x00\x4a\x1b\x00\x00\x00\x00\x00\x00\x01\x1e\x01vorbis"),
    "aac": pad(bytes.fromhex("fff15080021ffc210049900219002380")),
    # dangerous
    "pe": pad(bytes.fromhex("4d5a90000300000004000000ffff0000b800000000000000400000")),
    "elf": pad(bytes.fromhex("7f454c4602010100000000000000000003003e00")),
    "macho64": pad(bytes.fromhex("cffaedfe0c000001000000000200000010000000")),
    "macho_fat": pad(bytes.fromhex("cafebabe000000020100000700000003")),
    "shebang": pad(b"#!/bin/sh\nrm -rf ~\n"),
    "html": pad(b"<!DOCTYPE html><html><head>"),
    "html_ws": pad(b" \r\n\t<html><script>alert(1)</script>"),
    "svg_xml": pad(b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg">', 64),
    "svg": pad(b'<svg xmlns="http://www.w3.org/2000/svg" onload="x()">', 64),
    "svg_bom": pad(b"\xef\xbb\xbf<svg>"),
    "html_utf16": pad("\ufeff<html>".encode("utf-16-le")),
    "zip": pad(bytes.fromhex("504b0304140000000800")),
    "gzip": pad(bytes.fromhex("1f8b0800000000000003")),
    "rar": pad(b"Rar!\x1a\x07\x01\x00"),
    "7z": pad(bytes.fromhex("377abcaf271c0004")),
    "zeros": bytes(32),
    "text": pad(b"hello, this is just text......."),
}


def vec(module, description, cases):
    names = [c["name"] for c in cases]
    assert len(names) == len(set(names)), [n for n in names if names.count(n) > 1]
    with open(os.path.join(OUT, f"{module}.json"), "w", encoding="utf-8") as f:
        json.dump({"module": module, "description": description, "cases": cases}, f, indent=1, ensure_ascii=False)
        f.write("\n")
    return len(cases)


def ok(name, op, inp, expect, policy=None):
    c = {"name": name, "op": op, "input": inp, "expect": expect}
    if policy:
        c["policy"] = policy
    return c


def err(name, op, inp, code, policy=None):
    c = {"name": name, "op": op, "input": inp, "error": code}
    if policy:
        c["policy"] = policy
    return c


# ---------------------------------------------------------------------------------------------
# upload.json
# ---------------------------------------------------------------------------------------------
# (mime, kind, kind limit MB, canonical extension, head key, sniffed format)
TYPES = [
    ("image/jpeg", "image", 10, "jpg", "jpeg", "jpeg"),
    ("image/png", "image", 10, "png", "png", "png"),
    ("image/gif", "image", 10, "gif", "gif89", "gif"),
    ("image/webp", "image", 10, "webp", "webp", "webp"),
    ("image/heic", "image", 10, "heic", "heic", "heif"),
    ("image/heif", "image", 10, "heif", "heif", "heif"),
    ("video/mp4", "video", 100, "mp4", "mp4", "mp4"),
    ("video/quicktime", "video", 100, "mov", "mov", "quicktime"),
    ("video/webm", "video", 100, "webm", "webm", "webm"),
    ("video/x-m4v", "video", 100, "m4v", "m4v", "mp4"),
    ("audio/mpeg", "audio", 20, "mp3", "mp3_id3", "mp3"),
    ("audio/wav", "audio", 20, "wav", "wav", "wav"),
    ("audio/ogg", "audio", 20, "ogg", "ogg", "ogg"),
    ("audio/aac", "audio", 20, "aac", "aac", "aac"),
    ("audio/mp4", "audio", 20, "m4a", "m4a", "mp4"),
]
PURPOSES = [  # (purpose, limit MB, kinds)
    ("profile_photo", 10, {"image"}),
    ("feed_image", 50, {"image"}),
    ("story_video", 100, {"video"}),
    ("chat_image", 20, {"image"}),
    ("chat_video", 50, {"video"}),
    ("chat_audio", 20, {"audio"}),
    ("creator_content", 200, {"image", "video", "audio"}),
]
SAMPLE = {"image": ("image/jpeg", "jpg", "jpeg", "jpeg"), "video": ("video/mp4", "mp4", "mp4", "mp4"),
          "audio": ("audio/mpeg", "mp3", "mp3_id3", "mp3")}


def req(mime, size, name, purpose=None, head=None, user=USER, content=CONTENT):
    r = {"mime_type": mime, "size_bytes": size, "file_name": name, "user_id": user, "content_sha256": content, "now_ms": NOW}
    if purpose is not None:
        r["purpose"] = purpose
    if head is not None:
        r["head"] = h(HEADS[head]) if head in HEADS else head
    return r


def path(folder, name, cid=CID, user=USER):
    return f"media/{user}/{folder}/2026/11/{cid}_{name}"


up = []
V = "validate_upload"
for mime, kind, lim, ext, head, fmt in TYPES:
    name = f"file.{ext}"
    up.append(ok(f"{mime} at the {kind} limit", V, req(mime, lim * MB, name, head=head), {
        "mime_type": mime, "kind": kind, "purpose": None, "limit_bytes": lim * MB, "file_name": name,
        "extension": ext, "extension_added": False, "sniffed": fmt, "content_id": CID,
        "storage_path": path(kind, name), }))
    up.append(err(f"{mime} one byte over the {kind} limit", V, req(mime, lim * MB + 1, name, head=head), "FILE_TOO_LARGE"))

for purpose, lim, kinds in PURPOSES:
    k = sorted(kinds)[0]
    mime, ext, head, fmt = SAMPLE[k]
    name = f"p.{ext}"
    up.append(ok(f"{purpose} at its limit", V, req(mime, lim * MB, name, purpose, head), {
        "purpose": purpose, "limit_bytes": lim * MB, "kind": k, "storage_path": path(purpose, name)}))
    up.append(err(f"{purpose} one byte over", V, req(mime, lim * MB + 1, name, purpose, head), "FILE_TOO_LARGE"))
    for kind in ["image", "video", "audio"]:
        mime, ext, head, fmt = SAMPLE[kind]
        r = req(mime, 1000, f"x.{ext}", purpose, head)
        if kind in kinds:
            up.append(ok(f"{purpose} takes {kind}", V, r, {"purpose": purpose, "kind": kind, "sniffed": fmt}))
        else:
            up.append(err(f"{purpose} refuses {kind}", V, r, "PURPOSE_KIND_MISMATCH"))

up += [
    err("size 0 is FILE_EMPTY", V, req("image/jpeg", 0, "a.jpg"), "FILE_EMPTY"),
    err("size 0 with a purpose is FILE_EMPTY", V, req("video/mp4", 0, "a.mp4", "story_video"), "FILE_EMPTY"),
    ok("3-byte file with its whole head is sniffed", V, req("image/jpeg", 3, "a.jpg", head="ffd8ff"), {"sniffed": "jpeg"}),
    ok("upper-case MIME", V, req("IMAGE/JPEG", 100, "a.jpg"), {"mime_type": "image/jpeg"}),
    ok("MIME with spaces", V, req("  image/png \t", 100, "a.png"), {"mime_type": "image/png"}),
    ok("MIME with parameters", V, req("image/jpeg; charset=binary", 100, "a.jpg"), {"mime_type": "image/jpeg"}),
    ok("MIME upper case with parameter and spaces", V, req(" Video/MP4 ; codecs=\"avc1\"", 100, "a.mp4"), {"mime_type": "video/mp4"}),
    ok("alias image/jpg", V, req("image/jpg", 100, "a.jpg", head="jpeg_exif"), {"mime_type": "image/jpeg", "sniffed": "jpeg"}),
    ok("alias audio/mp3", V, req("audio/mp3", 100, "a.mp3", head="mp3_frame"), {"mime_type": "audio/mpeg", "sniffed": "mp3"}),
    ok("alias audio/x-wav", V, req("audio/x-wav", 100, "a.wav"), {"mime_type": "audio/wav"}),
    ok("alias audio/m4a", V, req("audio/m4a", 100, "a.m4a"), {"mime_type": "audio/mp4"}),
    err("image/svg+xml refused", V, req("image/svg+xml", 100, "a.svg"), "MIME_TYPE_NOT_ALLOWED"),
    err("text/html refused", V, req("text/html", 100, "a.html"), "MIME_TYPE_NOT_ALLOWED"),
    err("application/octet-stream refused", V, req("application/octet-stream", 100, "a.jpg"), "MIME_TYPE_NOT_ALLOWED"),
    err("empty MIME refused", V, req("", 100, "a.jpg"), "MIME_TYPE_NOT_ALLOWED"),
    err("video/x-matroska refused", V, req("video/x-matroska", 100, "a.mkv"), "MIME_TYPE_NOT_ALLOWED"),
    err("MIME with inner space refused", V, req("image/ jpeg", 100, "a.jpg"), "MIME_TYPE_NOT_ALLOWED"),
    # order of checks (SPEC §9.7)
    err("order: MIME before size", V, req("image/svg+xml", 0, "evil.exe"), "MIME_TYPE_NOT_ALLOWED"),
    err("order: purpose before size", V, req("audio/mpeg", 0, "a.mp3", "profile_photo"), "PURPOSE_KIND_MISMATCH"),
    err("order: size before name", V, req("image/png", 0, "CON"), "FILE_EMPTY"),
    err("order: too large before dangerous name", V, req("image/png", 10 * MB + 1, "evil.exe"), "FILE_TOO_LARGE"),
    err("order: name before sniffing", V, req("image/png", 100, "...", head="pe"), "INVALID_FILENAME"),
    err("order: dangerous before extension mismatch", V, req("image/png", 100, "evil.svg"), "DANGEROUS_FILE_EXTENSION"),
    err("order: extension mismatch before sniffing", V, req("image/png", 100, "photo.gif", head="elf"), "EXTENSION_MIME_MISMATCH"),
    err("order: sniffing before user id", V, req("image/png", 100, "a.png", head="zip", user="../x"), "CONTENT_TYPE_MISMATCH"),
    err("bad user id with a good file", V, req("image/png", 100, "a.png", head="png", user="../x"), "INVALID_INPUT"),
    err("bad content hash", V, req("image/png", 100, "a.png", content="abc"), "INVALID_INPUT"),
    ok("upper-case content hash gives a lower-case id", V, req("image/png", 100, "a.png", content=CONTENT.upper()),
       {"content_id": CID}),
]

# file names through validate_upload
NAMES = [
    ("evil.exe. with image/jpeg", "image/jpeg", "evil.exe.", None, "DANGEROUS_FILE_EXTENSION"),
    ("evil.exe with trailing space", "image/jpeg", "evil.exe ", None, "DANGEROUS_FILE_EXTENSION"),
    ("evil.exe dots and spaces", "image/jpeg", "evil.exe . . ", None, "DANGEROUS_FILE_EXTENSION"),
    ("evil.EXE upper case", "image/jpeg", "evil.EXE", None, "DANGEROUS_FILE_EXTENSION"),
    ("percent-encoded NUL is literal", "image/jpeg", "evil.exe%00.jpg", "evil.exe%00.jpg", None),
    ("real NUL is removed", "image/jpeg", "evil.exe\u0000.jpg", "evil.exe.jpg", None),
    ("double extension with safe final", "image/jpeg", "photo.exe.jpg", "photo.exe.jpg", None),
    ("RLO gnp.exe shown as exe.png", "image/png", "\u202egnp.exe", None, "DANGEROUS_FILE_EXTENSION"),
    ("RLO inside a name", "image/jpeg", "holiday\u202egpj.exe", None, "DANGEROUS_FILE_EXTENSION"),
    ("RLO removed, safe name kept", "image/png", "\u202eexe.png", "exe.png", None),
    ("LRI and PDI removed", "image/png", "\u2066a\u2069.png", "a.png", None),
    ("dot dot", "image/jpeg", "..", None, "INVALID_FILENAME"),
    ("three dots", "image/jpeg", "...", None, "INVALID_FILENAME"),
    ("only spaces", "image/jpeg", "    ", None, "INVALID_FILENAME"),
    ("dots and spaces", "image/jpeg", ". . .", None, "INVALID_FILENAME"),
    ("only controls", "image/jpeg", "\u0001\u0002\u007f\u009f", None, "INVALID_FILENAME"),
    ("empty name", "image/jpeg", "", None, "INVALID_FILENAME"),
    ("slash traversal", "image/jpeg", "../../etc/passwd.jpg", "_.._etc_passwd.jpg", None),
    ("backslash traversal", "image/jpeg", "..\\..\\boot.jpg", "_.._boot.jpg", None),
    ("backslash traversal to ini", "image/jpeg", "..\\..\\win.ini", None, "EXTENSION_MIME_MISMATCH"),
    ("mixed separators", "image/png", "a/b\\c.png", "a_b_c.png", None),
    ("CON.jpg reserved", "image/jpeg", "CON.jpg", None, "INVALID_FILENAME"),
    ("con lower case reserved", "image/png", "con", None, "INVALID_FILENAME"),
    ("LPT9.png reserved", "image/png", "LPT9.png", None, "INVALID_FILENAME"),
    ("nul.tar.jpg reserved", "image/jpeg", "nul.tar.jpg", None, "INVALID_FILENAME"),
    ("COM10.jpg is not reserved", "image/jpeg", "COM10.jpg", "COM10.jpg", None),
    ("CONSOLE.jpg is not reserved", "image/jpeg", "CONSOLE.jpg", "CONSOLE.jpg", None),
    ("tab removed before white space collapse", "image/jpeg", "my   holiday\tphoto .jpg", "my holidayphoto .jpg", None),
    ("no-break spaces collapse", "image/jpeg", "a\u00a0\u00a0\u3000b.jpg", "a b.jpg", None),
    ("NFC composes", "image/jpeg", "Cafe\u0301.jpg", "Caf\u00e9.jpg", None),
    ("photo.png declared video/mp4", "video/mp4", "photo.png", None, "EXTENSION_MIME_MISMATCH"),
    ("archive.tar.gz as image", "image/jpeg", "archive.tar.gz", None, "EXTENSION_MIME_MISMATCH"),
    ("photo.JPG keeps its case", "image/jpeg", "photo.JPG", "photo.JPG", None),
    ("photo.jpeg fits image/jpeg", "image/jpeg", "photo.jpeg", "photo.jpeg", None),
    ("HEIC name with image/heif", "image/heif", "IMG_0001.HEIC", "IMG_0001.HEIC", None),
    ("svg name", "image/png", "logo.svg", None, "DANGEROUS_FILE_EXTENSION"),
    ("html name", "image/png", "index.html", None, "DANGEROUS_FILE_EXTENSION"),
    ("js name", "audio/mpeg", "track.js", None, "DANGEROUS_FILE_EXTENSION"),
    ("ps1xml name", "video/mp4", "x.ps1xml", None, "DANGEROUS_FILE_EXTENSION"),
]
for label, mime, name, want, code in NAMES:
    r = req(mime, 100, name)
    if code:
        up.append(err(f"name: {label}", V, r, code))
    else:
        ext = want.rsplit(".", 1)[1].lower()
        up.append(ok(f"name: {label}", V, r, {"file_name": want, "extension": ext, "extension_added": False}))

for label, mime, name, want in [
    ("no extension gets .png", "image/png", "photo", "photo.png"),
    ("no extension gets .jpg", "image/jpg", "selfie", "selfie.jpg"),
    ("no extension gets .mp3", "audio/mpeg", "voice note", "voice note.mp3"),
    ("no extension gets .mov", "video/quicktime", "clip", "clip.mov"),
    ("no extension gets .m4a", "audio/m4a", "memo", "memo.m4a"),
    ("trailing dot then extension added", "image/webp", "sticker.", "sticker.webp"),
    ("leading dot name gets an extension", "image/jpeg", ".jpg", "jpg.jpg"),
]:
    kind = mime.split("/")[0]
    up.append(ok(f"name: {label}", V, req(mime, 100, name),
                 {"file_name": want, "extension_added": True, "storage_path": path(kind, want)}))

# long names (characters are Unicode scalar values)
long_cases = [
    ("300 ASCII chars with extension", "a" * 296 + ".jpg", "image/jpeg", "a" * 196 + ".jpg", False),
    ("300 ASCII chars without extension", "b" * 300, "image/jpeg", "b" * 196 + ".jpg", True),
    ("300 two-byte chars with extension", "\u00e9" * 300 + ".jpg", "image/jpeg", "\u00e9" * 196 + ".jpg", False),
    ("emoji at the cut", "a" * 195 + "\U0001F600\U0001F600\U0001F600" + "bbbb.png", "image/png", "a" * 195 + "\U0001F600.png", False),
    ("three-byte chars without extension", "\u4e2d" * 250, "image/png", "\u4e2d" * 196 + ".png", True),
    ("decomposed accents compose under the limit", "e\u0301" * 150 + ".jpg", "image/jpeg", "\u00e9" * 150 + ".jpg", False),
    ("exactly 200 chars kept", "c" * 196 + ".gif", "image/gif", "c" * 196 + ".gif", False),
    ("cut leaving a space before the extension", "d" * 195 + " " + "e" * 50 + ".jpg", "image/jpeg", "d" * 195 + " .jpg", False),
]
for label, name, mime, want, added in long_cases:
    up.append(ok(f"long: {label}", V, req(mime, 100, name), {"file_name": want, "extension_added": added}))

# sniffing
SNIFF_BAD = [
    ("PE executable", "pe"), ("ELF executable", "elf"), ("Mach-O 64", "macho64"), ("Mach-O fat", "macho_fat"),
    ("shebang script", "shebang"), ("HTML doctype", "html"), ("HTML after white space", "html_ws"),
    ("SVG with XML prolog", "svg_xml"), ("bare SVG", "svg"), ("SVG after a UTF-8 BOM", "svg_bom"),
    ("UTF-16 HTML", "html_utf16"), ("ZIP", "zip"), ("gzip", "gzip"), ("RAR", "rar"), ("7-Zip", "7z"),
    ("all zeros", "zeros"), ("plain text", "text"),
]
for label, head in SNIFF_BAD:
    up.append(err(f"sniff: {label} declared image/jpeg", V, req("image/jpeg", 1000, "photo.jpg", head=head), "CONTENT_TYPE_MISMATCH"))
up += [
    err("sniff: PNG declared JPEG", V, req("image/jpeg", 1000, "a.jpg", head="png"), "CONTENT_TYPE_MISMATCH"),
    err("sniff: JPEG declared PNG", V, req("image/png", 1000, "a.png", head="jpeg"), "CONTENT_TYPE_MISMATCH"),
    err("sniff: MP4 declared QuickTime", V, req("video/quicktime", 1000, "a.mov", head="mp4"), "CONTENT_TYPE_MISMATCH"),
    err("sniff: AVIF declared HEIC", V, req("image/heic", 1000, "a.heic", head="avif"), "CONTENT_TYPE_MISMATCH"),
    err("sniff: Matroska declared WebM", V, req("video/webm", 1000, "a.webm", head="mkv"), "CONTENT_TYPE_MISMATCH"),
    err("sniff: WAV declared MP3", V, req("audio/mpeg", 1000, "a.mp3", head="wav"), "CONTENT_TYPE_MISMATCH"),
    err("sniff: ZIP declared MP4", V, req("video/mp4", 1000, "a.mp4", head="zip"), "CONTENT_TYPE_MISMATCH"),
    ok("sniff: HEIC brand declared HEIF", V, req("image/heif", 1000, "a.heif", head="heic"), {"sniffed": "heif"}),
    ok("sniff: HEIF by compatible brand", V, req("image/heic", 1000, "a.heic", head="heif_compat"), {"sniffed": "heif"}),
    ok("sniff: M4A brand declared video/mp4", V, req("video/mp4", 1000, "a.mp4", head="m4a"), {"sniffed": "mp4"}),
    ok("sniff: mp42 brand", V, req("video/mp4", 1000, "a.mp4", head="mp4_mp42"), {"sniffed": "mp4"}),
    ok("sniff: classic QuickTime atoms", V, req("video/quicktime", 1000, "a.mov", head="mov_classic"), {"sniffed": "quicktime"}),
    ok("sniff: GIF87a", V, req("image/gif", 1000, "a.gif", head="gif87"), {"sniffed": "gif"}),
    ok("sniff: MP3 frame sync", V, req("audio/mpeg", 1000, "a.mp3", head="mp3_frame"), {"sniffed": "mp3"}),
    err("sniff: 15-byte head of a larger file", V, req("image/jpeg", 1000, "a.jpg", head=h(HEADS["jpeg"][:15])), "INVALID_INPUT"),
    ok("sniff: 16-byte head is enough", V, req("image/jpeg", 1000, "a.jpg", head=h(HEADS["jpeg"][:16])), {"sniffed": "jpeg"}),
    err("sniff: head longer than the file", V, req("image/jpeg", 10, "a.jpg", head="jpeg"), "INVALID_INPUT"),
    ok("no head: sniffing skipped", V, req("image/jpeg", 1000, "a.jpg"), {"sniffed": None}),
    ok("policy: profile photo limit raised", V, req("image/jpeg", 12 * MB, "a.jpg", "profile_photo"),
       {"limit_bytes": 15 * MB}, policy={"upload": {"purpose_limits": {"profile_photo": 15 * MB}}}),
    err("policy: zero limit is invalid", V, req("image/jpeg", 1, "a.jpg"), "INVALID_INPUT",
        policy={"upload": {"kind_limits": {"image": 0}}}),
]

# other upload ops
S = "sanitise_file_name"


def san(name, inp, *rest):
    inp.setdefault("max_chars", 200)
    return (ok if rest and isinstance(rest[0], dict) else err)(name, S, inp, *rest)

up += [
    san("sanitise: spec order", {"name": " \u202e..\\x/y\t z. "}, {"file_name": "_x_y z"}),
    san("sanitise: keeps a dangerous name (checked later)", {"name": "run.exe"}, {"file_name": "run.exe"}),
    san("sanitise: 201 chars cut to 200", {"name": "f" * 197 + ".png"}, {"file_name": "f" * 196 + ".png", "chars": 200}),
    san("sanitise: long extension cuts the whole name", {"name": "a." + "b" * 250}, {"file_name": "a." + "b" * 198, "chars": 200}),
    san("sanitise: whole cut trims a trailing dot", {"name": "x" * 199 + "." + "y" * 10 + "." + "z" * 300},
       {"file_name": "x" * 199, "chars": 199}),
    san("sanitise: AUX.txt", {"name": "AUX.txt"}, "INVALID_FILENAME"),
    san("sanitise: com1 with trailing space", {"name": "com1 .jpg"}, "INVALID_FILENAME"),
    san("sanitise: max_chars 16", {"name": "abcdefghijklmnopqrstuvwxyz.jpg", "max_chars": 16}, {"file_name": "abcdefghijkl.jpg"}),
]
C = "check_file_name"
up += [
    ok("check name: adds canonical extension", C, {"name": "photo", "mime_type": "image/heic"},
       {"file_name": "photo.heic", "extension": "heic", "extension_added": True}),
    err("check name: dangerous", C, {"name": "x.bat", "mime_type": "image/png"}, "DANGEROUS_FILE_EXTENSION"),
    err("check name: mismatch", C, {"name": "x.mp3", "mime_type": "image/png"}, "EXTENSION_MIME_MISMATCH"),
]
SN = "sniff"
for key, want in [("jpeg", {"result": "media", "format": "jpeg"}), ("png", {"result": "media", "format": "png"}),
                  ("webp", {"result": "media", "format": "webp"}), ("webm", {"result": "media", "format": "webm"}),
                  ("ogg", {"result": "media", "format": "ogg"}), ("aac", {"result": "media", "format": "aac"}),
                  ("pe", {"result": "dangerous", "class": "executable"}), ("shebang", {"result": "dangerous", "class": "script"}),
                  ("svg", {"result": "dangerous", "class": "markup"}), ("zip", {"result": "dangerous", "class": "archive"}),
                  ("mkv", {"result": "unknown"}), ("avif", {"result": "unknown"})]:
    up.append(ok(f"sniff op: {key}", SN, {"head": h(HEADS[key])}, want))
tar = bytes(257) + b"ustar\x0000" + bytes(10)
up.append(ok("sniff op: tar at offset 257", SN, {"head": h(tar)}, {"result": "dangerous", "class": "archive"}))
up.append(ok("sniff op: empty", SN, {"head": ""}, {"result": "unknown"}))

up += [
    ok("mime_info alias", "mime_info", {"mime_type": "Audio/X-WAV"},
       {"mime_type": "audio/wav", "kind": "audio", "canonical_extension": "wav"}),
    err("mime_info svg", "mime_info", {"mime_type": "image/svg+xml"}, "MIME_TYPE_NOT_ALLOWED"),
    ok("user id 128 chars", "validate_user_id", {"user_id": "a" * 128}, {"valid": True}),
    err("user id 129 chars", "validate_user_id", {"user_id": "a" * 129}, "INVALID_INPUT"),
    err("user id empty", "validate_user_id", {"user_id": ""}, "INVALID_INPUT"),
    err("user id with dot dot", "validate_user_id", {"user_id": ".."}, "INVALID_INPUT"),
    err("user id with slash", "validate_user_id", {"user_id": "a/b"}, "INVALID_INPUT"),
    err("user id with non-ASCII", "validate_user_id", {"user_id": "\u00e9"}, "INVALID_INPUT"),
    ok("user id with - and _", "validate_user_id", {"user_id": "A-z_09"}, {"valid": True}),
    ok("content id", "content_id", {"sha256": CONTENT.upper()}, {"content_id": CID}),
    err("content id of 63 digits", "content_id", {"sha256": CONTENT[:63]}, "INVALID_INPUT"),
    ok("storage path", "storage_path", {"user_id": "u1", "folder": "chat_audio", "now_ms": 1767225599999,
                                        "content_sha256": CONTENT, "file_name": "n.mp3"},
       {"storage_path": f"media/u1/chat_audio/2025/12/{CID}_n.mp3"}),
    ok("storage path at a month start", "storage_path", {"user_id": "u1", "folder": "image", "now_ms": 1767225600000,
                                                         "content_sha256": CONTENT, "file_name": "n.jpg"},
       {"storage_path": f"media/u1/image/2026/01/{CID}_n.jpg"}),
    err("storage path with an unsanitised name", "storage_path", {"user_id": "u1", "folder": "image", "now_ms": NOW,
                                                                  "content_sha256": CONTENT, "file_name": "../a.jpg"}, "INVALID_FILENAME"),
    err("storage path with an unknown folder", "storage_path", {"user_id": "u1", "folder": "..", "now_ms": NOW,
                                                                "content_sha256": CONTENT, "file_name": "a.jpg"}, "INVALID_INPUT"),
    ok("sha256 of nothing", "sha256_hex", {"data": ""}, {"sha256": hashlib.sha256(b"").hexdigest()}),
    ok("sha256 of abc", "sha256_hex", {"data": h(b"abc")}, {"sha256": hashlib.sha256(b"abc").hexdigest()}),
    ok("sha256 stream in chunks", "sha256_stream", {"chunks": [h(b"ab"), "", h(b"c"), h(bytes(range(256)) * 4)]},
       {"sha256": hashlib.sha256(b"abc" + bytes(range(256)) * 4).hexdigest(), "bytes": 3 + 1024}),
    ok("sha256 stream of no chunks", "sha256_stream", {"chunks": []}, {"sha256": hashlib.sha256(b"").hexdigest(), "bytes": 0}),
    ok("duplicates ignore case", "is_duplicate", {"a": CONTENT, "b": CONTENT.upper()}, {"duplicate": True}),
    ok("different hashes are not duplicates", "is_duplicate", {"a": CONTENT, "b": hashlib.sha256(b"x").hexdigest()},
       {"duplicate": False}),
]

n_up = vec("upload", "Upload validation (SPEC §9.1–9.5, 9.7): every allowed type at its limit and one byte over, every "
           "purpose/kind pair, the check order, file names (dangerous, traversal, bidi tricks, reserved names, 200-character "
           "cuts counted in Unicode scalar values), real magic bytes, storage paths. Expected values written by hand from the "
           "spec; SHA-256 values computed with Python's hashlib. Generated by tools/gen_upload_security.py; bytes are hex.", up)

# ---------------------------------------------------------------------------------------------
# media.json
# ---------------------------------------------------------------------------------------------
DAY = 86400000


def item(vis="public", mod="approved", price=None, exp=None, owner="owner"):
    d = {"owner_id": owner, "visibility": vis, "moderation": mod}
    if price is not None:
        d["price"] = price
    if exp is not None:
        d["expires_at_ms"] = exp
    return d


def viewer(id="v", follows=False, unlocked=False, mod=False):
    d = {"follows_owner": follows, "has_unlocked": unlocked, "is_moderator": mod}
    if id is not None:
        d["id"] = id
    return d


A = "media_access"


def allow(g):
    return {"allowed": True, "grant": g, "code": None, "price": None}


def deny(c, price=None):
    return {"allowed": False, "grant": None, "code": c, "price": price}


md = []
for mod in ["rejected", "pending", "flagged"]:
    md.append(ok(f"owner sees own {mod} item", A, {"item": item("private", mod), "viewer": viewer("owner"), "now_ms": NOW}, allow("owner")))
    md.append(ok(f"moderator sees {mod} item", A, {"item": item("private", mod), "viewer": viewer(mod=True), "now_ms": NOW}, allow("moderator")))
md += [
    ok("owner sees own expired item", A, {"item": item(exp=NOW - 1), "viewer": viewer("owner"), "now_ms": NOW}, allow("owner")),
    ok("rejected is removed", A, {"item": item(mod="rejected"), "viewer": viewer(follows=True), "now_ms": NOW}, deny("MEDIA_REMOVED")),
    ok("pending is under review", A, {"item": item(mod="pending"), "viewer": viewer(), "now_ms": NOW}, deny("MEDIA_UNDER_REVIEW")),
    ok("flagged is under review", A, {"item": item(mod="flagged"), "viewer": viewer(), "now_ms": NOW}, deny("MEDIA_UNDER_REVIEW")),
    ok("rejected and expired: removed first", A, {"item": item(mod="rejected", exp=NOW - DAY), "viewer": viewer(), "now_ms": NOW}, deny("MEDIA_REMOVED")),
    ok("pending paid unlocked still under review", A, {"item": item("paid", "pending", 50), "viewer": viewer(unlocked=True), "now_ms": NOW},
       deny("MEDIA_UNDER_REVIEW")),
    ok("expired public", A, {"item": item(exp=NOW - 1), "viewer": viewer(), "now_ms": NOW}, deny("MEDIA_EXPIRED")),
    ok("expired at its expiry instant", A, {"item": item(exp=NOW), "viewer": viewer(), "now_ms": NOW}, deny("MEDIA_EXPIRED")),
    ok("visible 1 ms before expiry", A, {"item": item(exp=NOW + 1), "viewer": viewer(), "now_ms": NOW}, allow("public")),
    ok("expired private item is expired first", A, {"item": item("private", exp=NOW - 5), "viewer": viewer(), "now_ms": NOW}, deny("MEDIA_EXPIRED")),
    ok("public to a signed-out viewer", A, {"item": item(), "viewer": viewer(None), "now_ms": NOW}, allow("public")),
    ok("followers to a follower", A, {"item": item("followers"), "viewer": viewer(follows=True), "now_ms": NOW}, allow("follower")),
    ok("followers to a stranger", A, {"item": item("followers"), "viewer": viewer(), "now_ms": NOW}, deny("MEDIA_PRIVATE")),
    ok("private to a follower", A, {"item": item("private"), "viewer": viewer(follows=True, unlocked=True), "now_ms": NOW}, deny("MEDIA_PRIVATE")),
    ok("paid unlocked", A, {"item": item("paid", price=120), "viewer": viewer(unlocked=True), "now_ms": NOW}, allow("unlocked")),
    ok("paid locked shows the price", A, {"item": item("paid", price=120), "viewer": viewer(follows=True), "now_ms": NOW}, deny("MEDIA_LOCKED", 120)),
    ok("paid owned by viewer", A, {"item": item("paid", price=120), "viewer": viewer("owner"), "now_ms": NOW}, allow("owner")),
    err("paid without a price", A, {"item": item("paid"), "viewer": viewer(), "now_ms": NOW}, "INVALID_INPUT"),
    ok("signed-out viewer is never the owner", A, {"item": item("private"), "viewer": viewer(None), "now_ms": NOW}, deny("MEDIA_PRIVATE")),
    # Issue 14: ids compare by canonical form (trimmed, NFC, case-insensitive; core/src/identity.rs).
    ok("owner id with a trailing space is the owner", A, {"item": item("private", owner="alice"), "viewer": viewer("alice "), "now_ms": NOW}, allow("owner")),
    ok("owner id in another case is the owner", A, {"item": item("private", owner="alice"), "viewer": viewer("Alice"), "now_ms": NOW}, allow("owner")),
    ok("owner id in NFD is the owner", A, {"item": item("private", owner="zo\u00eb"), "viewer": viewer("zoe\u0308"), "now_ms": NOW}, allow("owner")),
    ok("a longer id is not the owner", A, {"item": item("private", owner="alice"), "viewer": viewer("alice2"), "now_ms": NOW}, deny("MEDIA_PRIVATE")),
    ok("check: public grant", "check_media_access", {"item": item(), "viewer": viewer(), "now_ms": NOW}, {"grant": "public"}),
    err("check: locked", "check_media_access", {"item": item("paid", price=5), "viewer": viewer(), "now_ms": NOW}, "MEDIA_LOCKED"),
    err("check: removed", "check_media_access", {"item": item(mod="rejected"), "viewer": viewer(), "now_ms": NOW}, "MEDIA_REMOVED"),
    err("check: expired", "check_media_access", {"item": item(exp=0), "viewer": viewer(), "now_ms": NOW}, "MEDIA_EXPIRED"),
    err("check: under review", "check_media_access", {"item": item(mod="flagged"), "viewer": viewer(), "now_ms": NOW}, "MEDIA_UNDER_REVIEW"),
    err("check: private", "check_media_access", {"item": item("followers"), "viewer": viewer(), "now_ms": NOW}, "MEDIA_PRIVATE"),
]
Q = "check_story_quota"
md += [
    ok("first story", Q, {"posted_at_ms": [], "now_ms": NOW}, {"active": 0, "limit": 3, "expires_at_ms": NOW + DAY}),
    ok("third story", Q, {"posted_at_ms": [NOW - 1000, NOW - 2000], "now_ms": NOW}, {"active": 2}),
    err("fourth story refused", Q, {"posted_at_ms": [NOW - 1, NOW - 2, NOW - 3], "now_ms": NOW}, "STORY_LIMIT_REACHED"),
    ok("a story posted exactly 24 h ago is no longer active", Q, {"posted_at_ms": [NOW - DAY, NOW - 2, NOW - 3], "now_ms": NOW}, {"active": 2}),
    err("a story posted 24 h minus 1 ms ago still counts", Q, {"posted_at_ms": [NOW - DAY + 1, NOW - 2, NOW - 3], "now_ms": NOW},
        "STORY_LIMIT_REACHED"),
    err("five active stories", Q, {"posted_at_ms": [NOW] * 5, "now_ms": NOW}, "STORY_LIMIT_REACHED"),
    ok("policy allows five", Q, {"posted_at_ms": [NOW] * 4, "now_ms": NOW}, {"active": 4, "limit": 5},
       policy={"media": {"max_active_stories": 5}}),
    ok("story expiry", "story_expiry", {"posted_at_ms": NOW}, {"expires_at_ms": NOW + DAY}),
]
n_md = vec("media", "Media access (SPEC §9.6): owner and moderator first, then moderation state, expiry (expired from the expiry "
           "instant on), visibility and paid unlocks; the 3-story limit over stories active in the last 24 h. Expected values "
           "written by hand from the spec.", md)

# ---------------------------------------------------------------------------------------------
# security.json
# ---------------------------------------------------------------------------------------------
SECRET = b"avalo-shared-secret-2026"
SEC = h(SECRET)
TS = NOW


def canon(ts: str, method: str, pq: str, body: bytes) -> str:
    return f"v1\n{ts}\n{method.upper()}\n{pq}\n{hashlib.sha256(body).hexdigest()}"


def sig(secret: bytes, text: str) -> str:
    return hmac.new(secret, text.encode(), hashlib.sha256).hexdigest()


BODY = b'{"amount":100,"to":"creator_9"}'
PQ = "/v1/wallet/transfer?idempotency=abc"
GOOD = sig(SECRET, canon(str(TS), "POST", PQ, BODY))

se = []
se.append(ok("canonical string v1", "canonical_request", {"timestamp": str(TS), "method": "post", "path_and_query": PQ, "body": h(BODY)},
             {"canonical": canon(str(TS), "POST", PQ, BODY)}))
KAT = [
    ("KAT: POST JSON", SECRET, TS, "POST", PQ, BODY),
    ("KAT: lower-case method signs as upper", SECRET, TS, "post", PQ, BODY),
    ("KAT: GET with empty body", SECRET, TS, "GET", "/v1/me", b""),
    ("KAT: binary body", SECRET, 1, "PUT", "/upload", bytes(range(256))),
    ("KAT: 100-byte secret (hashed key)", bytes(range(100)), TS, "DELETE", "/v1/media/abc?x=1&y=2", b"x"),
    ("KAT: one-byte secret", b"k", 0, "PATCH", "/", b"{}"),
    ("KAT: unicode path bytes", SECRET, TS, "GET", "/v1/search?q=\u017c\u00f3\u0142w", b""),
]
for label, secret, ts, method, pq, body in KAT:
    se.append(ok(label, "sign_request", {"secret": h(secret), "timestamp_ms": ts, "method": method, "path_and_query": pq, "body": h(body)},
                 {"timestamp": str(ts), "signature": sig(secret, canon(str(ts), method, pq, body))}))
se += [
    err("sign with an empty secret", "sign_request", {"secret": "", "timestamp_ms": TS, "method": "GET", "path_and_query": "/", "body": ""}, "INVALID_INPUT"),
    err("sign with a negative timestamp", "sign_request", {"secret": SEC, "timestamp_ms": -1, "method": "GET", "path_and_query": "/", "body": ""}, "INVALID_INPUT"),
]


def vr(name, now=TS, ts=str(TS), signature=GOOD, method="POST", pq=PQ, body=BODY, secret=SEC, detail=None, code=None, result=None):
    inp = {"secret": secret, "method": method, "path_and_query": pq, "body": h(body), "now_ms": now}
    if ts is not None:
        inp["timestamp"] = ts
    if signature is not None:
        inp["signature"] = signature
    out = []
    if code is None and detail is not None and "error" in detail:
        code = "SIGNATURE_EXPIRED" if detail["error"]["kind"] == "expired" else "SIGNATURE_INVALID"
    if code:
        out.append(err(name, "verify_request", inp, code))
    else:
        out.append(ok(name, "verify_request", inp, result or {}))
    if detail is not None:
        out.append(ok(name + " (detail)", "check_request_signature", inp, detail))
    return out


se += vr("valid lower-case signature", result={"timestamp_ms": TS, "skew_ms": 0}, detail={"ok": {"timestamp_ms": TS, "skew_ms": 0}})
se += vr("valid upper-case signature", signature=GOOD.upper(), result={"skew_ms": 0})
se += vr("valid mixed-case signature", signature=GOOD[:32].upper() + GOOD[32:], result={"skew_ms": 0})
se += vr("lower-case method verifies", method="post", result={"skew_ms": 0})
se += vr("skew +300000 accepted", now=TS + 300000, result={"skew_ms": 300000})
se += vr("skew -300000 accepted", now=TS - 300000, result={"skew_ms": -300000})
se += vr("skew +300001 expired", now=TS + 300001, code="SIGNATURE_EXPIRED", detail={"error": {"kind": "expired", "skew_ms": 300001}})
se += vr("skew -300001 expired", now=TS - 300001, code="SIGNATURE_EXPIRED", detail={"error": {"kind": "expired", "skew_ms": -300001}})
se += vr("expired is reported before a bad signature", now=TS + 900000, signature="0" * 64, code="SIGNATURE_EXPIRED")
se += vr("signature one char short", signature=GOOD[:63], code="SIGNATURE_INVALID", detail={"error": {"kind": "mismatch"}})
se += vr("signature one char long", signature=GOOD + "0", code="SIGNATURE_INVALID", detail={"error": {"kind": "mismatch"}})
se += vr("signature of 66 hex chars", signature=GOOD + "00", code="SIGNATURE_INVALID", detail={"error": {"kind": "mismatch"}})
se += vr("signature not hex", signature=GOOD[:63] + "g", code="SIGNATURE_INVALID", detail={"error": {"kind": "malformed_signature"}})
se += vr("signature base64", signature="q83vEjRWeJA=", code="SIGNATURE_INVALID", detail={"error": {"kind": "malformed_signature"}})
se += vr("missing timestamp", ts=None, code="SIGNATURE_INVALID", detail={"error": {"kind": "missing"}})
se += vr("missing signature", signature=None, code="SIGNATURE_INVALID", detail={"error": {"kind": "missing"}})
se += vr("empty timestamp", ts="", detail={"error": {"kind": "missing"}})
se += vr("timestamp with letters", ts="17951760000OO", code="SIGNATURE_INVALID", detail={"error": {"kind": "malformed_timestamp"}})
se += vr("timestamp with plus sign", ts="+" + str(TS), detail={"error": {"kind": "malformed_timestamp"}})
se += vr("negative timestamp", ts="-" + str(TS), detail={"error": {"kind": "malformed_timestamp"}})
se += vr("timestamp with a space", ts=" " + str(TS), detail={"error": {"kind": "malformed_timestamp"}})
se += vr("timestamp in exponent form", ts="1.795176e12", detail={"error": {"kind": "malformed_timestamp"}})
se += vr("timestamp with Arabic-Indic digits", ts="\u0661\u0667\u0669", detail={"error": {"kind": "malformed_timestamp"}})
se += vr("timestamp beyond i64", ts="99999999999999999999", detail={"error": {"kind": "malformed_timestamp"}})
se += vr("leading zeros are part of the signed string", ts="0" + str(TS),
         signature=sig(SECRET, canon("0" + str(TS), "POST", PQ, BODY)), result={"skew_ms": 0})
se += vr("leading zero changes the signature", ts="0" + str(TS), code="SIGNATURE_INVALID", detail={"error": {"kind": "mismatch"}})
se += vr("tampered body", body=BODY.replace(b"100", b"900"), code="SIGNATURE_INVALID", detail={"error": {"kind": "mismatch"}})
se += vr("tampered query", pq=PQ + "x", code="SIGNATURE_INVALID")
se += vr("other method", method="PUT", code="SIGNATURE_INVALID")
se += vr("wrong secret", secret=h(b"other-secret"), code="SIGNATURE_INVALID")
se += vr("empty secret never verifies", secret="", code="SIGNATURE_INVALID", detail={"error": {"kind": "mismatch"}})
se += vr("policy: wider skew", now=TS + 400000, result={"skew_ms": 400000})
se[-1]["policy"] = {"security": {"max_clock_skew_ms": 600000}}
# Issue 14: the method is an HTTP token and the path has no white space or control characters,
# so "GET" + "/API\nx" and "GET\n/api" + "x" (one canonical string) cannot share a signature.
NL_SIG = sig(SECRET, canon(str(TS), "GET", "/API\nx", b""))
assert canon(str(TS), "GET", "/API\nx", b"") == canon(str(TS), "GET\n/api", "x", b"")
se += vr("method with a line feed never verifies", method="GET\n/api", pq="x", body=b"", signature=NL_SIG,
         code="SIGNATURE_INVALID", detail={"error": {"kind": "mismatch"}})
se += vr("path with a line feed never verifies", method="GET", pq="/API\nx", body=b"", signature=NL_SIG,
         code="SIGNATURE_INVALID", detail={"error": {"kind": "mismatch"}})
se += vr("path with a space never verifies", pq="/v1/a b", signature=sig(SECRET, canon(str(TS), "POST", "/v1/a b", BODY)),
         code="SIGNATURE_INVALID")
se += vr("empty path never verifies", pq="", signature=sig(SECRET, canon(str(TS), "POST", "", BODY)), code="SIGNATURE_INVALID")
for label, method, pq in [("a method with a line feed", "GET\n/api", "x"), ("a method with a space", "GE T", "/"),
                          ("an empty method", "", "/"), ("a method with a colon", "GET:", "/"),
                          ("a path with a line feed", "GET", "/API\nx"), ("a path with a tab", "GET", "/a\tb"),
                          ("a path with DEL", "GET", "/a\x7f"), ("a path with a C1 control", "GET", "/a\u0085"),
                          ("a path with a no-break space", "GET", "/a\u00a0b"), ("an empty path", "GET", "")]:
    se.append(err(f"sign a request with {label}", "sign_request",
                  {"secret": SEC, "timestamp_ms": TS, "method": method, "path_and_query": pq, "body": ""}, "INVALID_INPUT"))
se.append(ok("sign a request with a token method (M-SEARCH)", "sign_request",
             {"secret": SEC, "timestamp_ms": TS, "method": "M-SEARCH", "path_and_query": "*", "body": ""},
             {"timestamp": str(TS), "signature": sig(SECRET, canon(str(TS), "M-SEARCH", "*", b""))}))

# signed URLs
UPATH = "/media/u_123/profile_photo/2026/11/" + CID + "_me.jpg"
EXP = NOW + 15 * 60000


def url_canon(method, p, exp, ct, mx):
    return f"v1-url\n{method.upper()}\n{p}\n{exp}\n{ct or ''}\n{'' if mx is None else mx}"


def url_of(secret, method, p, exp, ct, mx):
    s = sig(secret, url_canon(method, p, exp, ct, mx))
    q = f"{p}?exp={exp}"
    if ct is not None:
        q += "&ct=" + urllib.parse.quote(ct, safe="")
    if mx is not None:
        q += f"&max={mx}"
    return q + f"&sig={s}"


UP_URL = url_of(SECRET, "PUT", UPATH, EXP, "image/jpeg", 10 * MB)
DL_URL = url_of(SECRET, "GET", UPATH, NOW + 3600000, None, None)
se += [
    ok("URL canonical string", "canonical_url", {"method": "put", "path": UPATH, "expires_at_ms": EXP, "content_type": "image/jpeg",
                                                 "max_bytes": 10 * MB}, {"canonical": url_canon("PUT", UPATH, EXP, "image/jpeg", 10 * MB)}),
    ok("URL canonical string without bindings", "canonical_url", {"method": "GET", "path": "/a", "expires_at_ms": 5},
       {"canonical": "v1-url\nGET\n/a\n5\n\n"}),
    ok("sign upload URL (KAT)", "sign_url", {"secret": SEC, "method": "PUT", "path": UPATH, "expires_at_ms": EXP,
                                             "content_type": "image/jpeg", "max_bytes": 10 * MB}, {"url": UP_URL}),
    ok("sign upload URL with alias and case", "sign_url", {"secret": SEC, "method": "put", "path": UPATH, "expires_at_ms": EXP,
                                                           "content_type": " Image/JPG; q=1", "max_bytes": 10 * MB}, {"url": UP_URL}),
    ok("sign download URL (KAT)", "sign_url", {"secret": SEC, "method": "GET", "path": UPATH, "expires_at_ms": NOW + 3600000}, {"url": DL_URL}),
    err("sign URL with a relative path", "sign_url", {"secret": SEC, "method": "GET", "path": "media/x", "expires_at_ms": EXP}, "INVALID_INPUT"),
    err("sign URL with a query in the path", "sign_url", {"secret": SEC, "method": "GET", "path": "/a?b=c", "expires_at_ms": EXP}, "INVALID_INPUT"),
    err("sign URL with a space in the path", "sign_url", {"secret": SEC, "method": "GET", "path": "/a b", "expires_at_ms": EXP}, "INVALID_INPUT"),
    err("sign URL with an empty secret", "sign_url", {"secret": "", "method": "GET", "path": "/a", "expires_at_ms": EXP}, "INVALID_INPUT"),
    err("sign URL with a bad content type", "sign_url", {"secret": SEC, "method": "PUT", "path": "/a", "expires_at_ms": EXP,
                                                         "content_type": "jpeg"}, "INVALID_INPUT"),
    # Issue 14: upload URLs only for the SPEC §9.1 types.
    err("sign upload URL for image/svg+xml", "sign_url", {"secret": SEC, "method": "PUT", "path": "/a", "expires_at_ms": EXP,
                                                           "content_type": "image/svg+xml"}, "MIME_TYPE_NOT_ALLOWED"),
    err("sign upload URL for text/html", "sign_url", {"secret": SEC, "method": "POST", "path": "/a", "expires_at_ms": EXP,
                                                       "content_type": "text/html; charset=utf-8"}, "MIME_TYPE_NOT_ALLOWED"),
    ok("sign download URL bound to text/html", "sign_url", {"secret": SEC, "method": "GET", "path": "/a", "expires_at_ms": EXP,
                                                            "content_type": "text/html"},
       {"url": url_of(SECRET, "GET", "/a", EXP, "text/html", None)}),
    ok("upload URL expiry", "url_expiry", {"purpose": "upload", "now_ms": NOW}, {"expires_at_ms": NOW + 900000}),
    ok("download URL expiry", "url_expiry", {"purpose": "download", "now_ms": NOW}, {"expires_at_ms": NOW + 3600000}),
    ok("encode URL path", "encode_url_path", {"raw": "media/u1/image/2026/11/ab_my photo \u00e9#1.jpg"},
       {"path": urllib.parse.quote("media/u1/image/2026/11/ab_my photo \u00e9#1.jpg", safe="/")}),
]


def vu(name, url=UP_URL, method="PUT", now=NOW, ct="image/jpeg", size=MB, code=None, expect=None):
    inp = {"secret": SEC, "method": method, "url": url, "now_ms": now}
    if ct is not None:
        inp["content_type"] = ct
    if size is not None:
        inp["size_bytes"] = size
    return err(name, "verify_url", inp, code) if code else ok(name, "verify_url", inp, expect or {})


se += [
    vu("upload URL verifies", expect={"path": UPATH, "method": "PUT", "expires_at_ms": EXP, "content_type": "image/jpeg", "max_bytes": 10 * MB}),
    vu("upload URL with alias content type", ct="IMAGE/JPG"),
    vu("upload URL with size equal to max", size=10 * MB),
    vu("upload URL one byte over max", size=10 * MB + 1, code="FILE_TOO_LARGE"),
    vu("upload URL without a declared size", size=None, code="SIGNATURE_INVALID"),
    vu("upload URL with another content type", ct="image/png", code="SIGNATURE_INVALID"),
    vu("upload URL without a content type", ct=None, code="SIGNATURE_INVALID"),
    vu("upload URL used with GET", method="GET", code="SIGNATURE_INVALID"),
    vu("upload URL 1 ms before expiry", now=EXP - 1),
    vu("upload URL at its expiry", now=EXP, code="SIGNATURE_EXPIRED"),
    vu("tampered expiry", url=UP_URL.replace(f"exp={EXP}", f"exp={EXP + 1}"), code="SIGNATURE_INVALID"),
    vu("tampered max", url=UP_URL.replace(f"max={10 * MB}", f"max={200 * MB}"), size=100 * MB, code="SIGNATURE_INVALID"),
    vu("tampered path", url=UP_URL.replace("_me.jpg", "_me2.jpg"), code="SIGNATURE_INVALID"),
    # Issue 14: one grant, one spelling. Each variant below carries a signature that is valid for
    # the values it decodes to, and is refused because it is not the spelling sign_url writes.
    vu("upper-case sig hex", url=UP_URL.split("&sig=")[0] + "&sig=" + UP_URL.split("&sig=")[1].upper(), code="SIGNATURE_INVALID"),
    vu("leading zero in exp", url=UP_URL.replace(f"exp={EXP}", f"exp=0{EXP}"), code="SIGNATURE_INVALID"),
    vu("leading zero in max", url=UP_URL.replace(f"max={10 * MB}", f"max=0{10 * MB}"), code="SIGNATURE_INVALID"),
    vu("ct with a raw slash", url=UP_URL.replace("ct=image%2Fjpeg", "ct=image/jpeg"), code="SIGNATURE_INVALID"),
    vu("ct with lower-case escape", url=UP_URL.replace("ct=image%2Fjpeg", "ct=image%2fjpeg"), code="SIGNATURE_INVALID"),
    vu("ct with an escaped letter", url=UP_URL.replace("ct=image%2Fjpeg", "ct=%69mage%2Fjpeg"), code="SIGNATURE_INVALID"),
    vu("parameters in another order", url=UP_URL.replace(f"exp={EXP}&ct=image%2Fjpeg", f"ct=image%2Fjpeg&exp={EXP}"),
       code="SIGNATURE_INVALID"),
    vu("missing sig", url=UP_URL.split("&sig=")[0], code="SIGNATURE_INVALID"),
    vu("no query at all", url=UPATH, code="SIGNATURE_INVALID"),
    vu("duplicate parameter", url=UP_URL + "&exp=1", code="SIGNATURE_INVALID"),
    vu("unknown parameter", url=UP_URL + "&x=1", code="SIGNATURE_INVALID"),
    vu("download URL verifies", url=DL_URL, method="GET", ct=None, size=None, expect={"content_type": None, "max_bytes": None}),
    vu("download URL expired", url=DL_URL, method="GET", ct=None, size=None, now=NOW + 3600000, code="SIGNATURE_EXPIRED"),
    vu("download URL with a bound-less upload", url=DL_URL, method="PUT", ct=None, size=None, code="SIGNATURE_INVALID"),
]

# origins
O = "check_origin"


def org(name, origin, profile=None, matched=None, normal=None):
    inp = {"profile": profile or "production"}
    if origin is not None:
        inp["origin"] = origin
    if matched is None:
        return err(name, O, inp, "ORIGIN_NOT_ALLOWED")
    return ok(name, O, inp, {"origin": normal or origin, "matched": matched})


for o in ["https://avalo-c8c46.web.app", "https://avalo-c8c46.firebaseapp.com", "https://admin.avalo.app", "https://avalo.app"]:
    se.append(org(f"production origin {o}", o, matched=o))
se += [
    org("upper-case host", "https://AVALO.app", matched="https://avalo.app", normal="https://avalo.app"),
    org("upper-case scheme and default port", "HTTPS://avalo.app:443", matched="https://avalo.app", normal="https://avalo.app"),
    org("default port with leading zero", "https://avalo.app:0443", matched="https://avalo.app", normal="https://avalo.app"),
    org("trailing slash", "https://avalo.app/"),
    org("with a path", "https://avalo.app/login"),
    org("http instead of https", "http://avalo.app"),
    org("other port", "https://avalo.app:8443"),
    org("subdomain", "https://evil.avalo.app"),
    org("suffix attack", "https://avalo.app.evil.com"),
    org("user info", "https://user@avalo.app"),
    org("leading space", " https://avalo.app"),
    org("null origin", "null"),
    org("missing origin", None),
    org("empty origin", ""),
    org("exp:// with LAN address", "exp://192.168.1.20:19000", matched="exp://*"),
    org("EXP:// upper case", "EXP://Host.Local", matched="exp://*", normal="exp://host.local"),
    org("exp:// without host", "exp://"),
    org("exp:// with a path", "exp://192.168.1.20:19000/--/home"),
    org("avalo:// app scheme", "avalo://app", matched="avalo://*"),
    org("avalo: without slashes", "avalo:app"),
    org("exps:// is another scheme", "exps://x"),
    org("localhost in production", "http://localhost:3000"),
    org("localhost:3000 in development", "http://localhost:3000", "development", matched="http://localhost:3000"),
    org("localhost:5000 in development", "http://localhost:5000", "development", matched="http://localhost:5000"),
    org("localhost:19006 in development", "http://LOCALHOST:19006", "development", matched="http://localhost:19006",
        normal="http://localhost:19006"),
    org("localhost:3001 in development", "http://localhost:3001", "development"),
    org("localhost with slash in development", "http://localhost:3000/", "development"),
    org("https localhost in development", "https://localhost:3000", "development"),
    org("production origin in development", "https://avalo.app", "development", matched="https://avalo.app"),
    org("port out of range", "https://avalo.app:70000"),
    ok("normalise http default port", "normalise_origin", {"origin": "HTTP://Example.COM:80"}, {"origin": "http://example.com"}),
    ok("normalise keeps other port", "normalise_origin", {"origin": "http://example.com:8080"}, {"origin": "http://example.com:8080"}),
    ok("normalise IPv6", "normalise_origin", {"origin": "https://[::1]:443"}, {"origin": "https://[::1]"}),
    ok("normalise refuses a query", "normalise_origin", {"origin": "https://a.com?x"}, {"origin": None}),
    ok("normalise refuses an empty port", "normalise_origin", {"origin": "https://a.com:"}, {"origin": None}),
]
F = "check_session_freshness"
se += [
    ok("session just authenticated", F, {"auth_time_ms": NOW, "now_ms": NOW}, {"age_ms": 0, "max_age_ms": 3600000}),
    ok("session exactly 1 h old", F, {"auth_time_ms": NOW - 3600000, "now_ms": NOW}, {"age_ms": 3600000}),
    err("session 1 h + 1 ms old", F, {"auth_time_ms": NOW - 3600001, "now_ms": NOW}, "SESSION_STALE"),
    ok("auth time 300000 ms in the future", F, {"auth_time_ms": NOW + 300000, "now_ms": NOW}, {"age_ms": -300000}),
    err("auth time 300001 ms in the future", F, {"auth_time_ms": NOW + 300001, "now_ms": NOW}, "SESSION_STALE"),
    ok("policy: 2 h sessions", F, {"auth_time_ms": NOW - 7000000, "now_ms": NOW}, {"age_ms": 7000000},
       policy={"security": {"session_max_age_ms": 7200000}}),
]
n_se = vec("security", "Request signing v1, signed URLs, origins and session freshness (SPEC §10). HMAC-SHA256 and SHA-256 "
           "known-answer values computed independently with Python's hmac and hashlib modules; URL encoding with "
           "urllib.parse; the URL canonical string is the one documented in core/src/security/urls.rs; everything else by "
           "hand from the spec. Generated by tools/gen_upload_security.py; secrets and bodies are hex.", se)
print(f"upload {n_up}, media {n_md}, security {n_se}, total {n_up + n_md + n_se}")

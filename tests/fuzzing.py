"""A seeded generator of hostile variants of real report files, for the import fuzz test (a fast
subset in CI) and ``benchmarks/fuzz_import.py`` (the full run).

Each format gets generic damage (flipped bytes, truncation, inserted and duplicated chunks) and
damage aimed at its parser: zip entries shuffled, duplicated or missing and broken or deeply
nested XML with entity declarations for .docx; pathological lines and bogus bytes for .txt; bogus
charsets, deep nesting, entity declarations and giant attributes for .html; huge ``/Length``
values, broken cross-reference tables and page-tree loops for .pdf.
"""

from __future__ import annotations

import io
import random
import re
import zipfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from tests.conftest import CORPUS, SAMPLES

FORMATS = ("txt", "html", "docx", "pdf")
BOGUS_CHARSETS = (
    "hex", "rot13", "rot-13", "base64", "zlib", "uu", "bz2", "quopri", "idna", "undefined",
    "punycode", "utf-7", "x-no-such-charset", "unicode_escape", "",
)  # fmt: skip


@dataclass(frozen=True)
class Case:
    name: str
    data: bytes


def base_files(fmt: str) -> list[tuple[str, bytes]]:
    """Real files to start from: the corpus reports when present, else the project's samples."""
    found: list[Path] = []
    if (CORPUS / "reports").is_dir():
        found += sorted((CORPUS / "reports").glob(f"*.{fmt}"))
    found += sorted(SAMPLES.glob(f"*.{fmt}"))
    files = [(p.name, p.read_bytes()) for p in found]
    if fmt == "html" and not files:
        body = (SAMPLES / "shili_2024.txt").read_text(encoding="utf-8")
        paragraphs = "".join(f"<p>{line}</p>\n" for line in body.splitlines() if line.strip())
        page = f'<!DOCTYPE html><html><head><meta charset="utf-8"><title>示例</title></head><body>{paragraphs}</body></html>'
        files = [("shili_2024.html", page.encode("utf-8"))]
    return files


# --- generic damage ---------------------------------------------------------------------------


def flip_bytes(rng: random.Random, data: bytes) -> bytes:
    out = bytearray(data)
    for _ in range(rng.randint(1, 24)):
        if out:
            out[rng.randrange(len(out))] ^= 1 << rng.randrange(8)
    return bytes(out)


def truncate(rng: random.Random, data: bytes) -> bytes:
    return data[: rng.randrange(1, max(2, len(data)))]


def insert_junk(rng: random.Random, data: bytes) -> bytes:
    at = rng.randrange(len(data) + 1)
    return data[:at] + rng.randbytes(rng.randint(1, 4096)) + data[at:]


def duplicate_chunk(rng: random.Random, data: bytes) -> bytes:
    start = rng.randrange(max(1, len(data)))
    chunk = data[start : start + rng.randint(1, 65536)]
    return data[:start] + chunk * rng.randint(2, 20) + data[start:]


GENERIC = (flip_bytes, truncate, insert_junk, duplicate_chunk)


# --- text -------------------------------------------------------------------------------------

_PATTERNS = (
    "（一）",
    "一二三四五六七八九十",
    "同比下降13.6%",
    "1.",
    "第一条",
    "12,345,678.90元",
    "、",
    "——",
    "《》",
)


def pathological_lines(rng: random.Random, data: bytes, scale: int) -> bytes:
    pattern = rng.choice(_PATTERNS)
    repeats = rng.randint(scale // 4, scale)
    joiner = rng.choice(["", "\n", " ", "。"])
    return data + (joiner.join([pattern] * repeats)).encode("utf-8")


def one_long_line(rng: random.Random, data: bytes, scale: int) -> bytes:
    return data.replace(b"\n", b"") + rng.choice([b"a", "字".encode(), b"0"]) * (scale * 10)


def bogus_bytes(rng: random.Random, data: bytes, _scale: int) -> bytes:
    out = bytearray(data)
    for _ in range(rng.randint(1, 3)):
        out.insert(rng.randrange(len(out) + 1), rng.choice([0x00, 0xFF, 0xFE, 0x80, 0xC0]))
    if rng.random() < 0.3:
        out = out[:-1]  # a character cut at the end
    return bytes(out)


def wrong_bom(rng: random.Random, data: bytes, _scale: int) -> bytes:
    return rng.choice([b"\xff\xfe", b"\xfe\xff", b"\x00\x00\xfe\xff", b"\xef\xbb\xbf\xef\xbb\xbf"]) + data


TXT = (pathological_lines, one_long_line, bogus_bytes, wrong_bom)


# --- html -------------------------------------------------------------------------------------


def bogus_charset(rng: random.Random, data: bytes, _scale: int) -> bytes:
    charset = rng.choice(BOGUS_CHARSETS).encode()
    head = re.sub(rb"charset\s*=\s*[\"']?[\w-]+", b"charset=" + charset, data[:4096], count=1)
    if head == data[:4096]:
        head = b'<meta http-equiv="Content-Type" content="text/html; charset=' + charset + b'">' + head
    body = bogus_bytes(rng, data[4096:], 0) if rng.random() < 0.7 else data[4096:]
    return head + body


def deep_nesting(rng: random.Random, data: bytes, scale: int) -> bytes:
    tag = rng.choice([b"div", b"span", b"table", b"b", b"p", b"li"])
    depth = rng.randint(scale // 10, scale)
    opening, closing = b"<" + tag + b">", b"</" + tag + b">"
    return data.replace(b"<body>", b"<body>" + opening * depth + "正文".encode() + closing * depth, 1)


def entity_declarations(rng: random.Random, data: bytes, _scale: int) -> bytes:
    laughs = b'<!ENTITY a0 "lol">' + b"".join(
        b'<!ENTITY a%d "' % i + (b"&a%d;" % (i - 1)) * 10 + b'">' for i in range(1, 10)
    )
    external = b'<!ENTITY x SYSTEM "file:///etc/passwd"><!ENTITY y SYSTEM "http://192.0.2.1/x">'
    doctype = b"<!DOCTYPE html [" + rng.choice([laughs, external, laughs + external]) + b"]>"
    return doctype + data.replace(b"<body>", b"<body>&a9;&x;&y;", 1)


def giant_attributes(rng: random.Random, data: bytes, scale: int) -> bytes:
    attributes = b" ".join(b'a%d="%d"' % (i, i) for i in range(rng.randint(scale, scale * 10)))
    return data.replace(b"<body", b"<body " + attributes, 1)


def unclosed(rng: random.Random, data: bytes, _scale: int) -> bytes:
    return data.replace(b"</", b"<", rng.randint(1, 200))


HTML = (bogus_charset, deep_nesting, entity_declarations, giant_attributes, unclosed, pathological_lines)


# --- docx -------------------------------------------------------------------------------------


def _entries(data: bytes) -> list[tuple[zipfile.ZipInfo, bytes]]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return [(info, archive.read(info)) for info in archive.infolist()]


def _zip(entries: list[tuple[str, bytes]]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in entries:
            archive.writestr(name, content)
    return buffer.getvalue()


def _rezip(
    rng: random.Random, data: bytes, change: Callable[[list[tuple[str, bytes]]], list[tuple[str, bytes]]]
) -> bytes:
    entries = [(info.filename, content) for info, content in _entries(data)]
    return _zip(change(entries))


def shuffle_entries(rng: random.Random, data: bytes, _scale: int) -> bytes:
    return _rezip(rng, data, lambda e: rng.sample(e, len(e)))


def duplicate_entries(rng: random.Random, data: bytes, _scale: int) -> bytes:
    def change(entries: list[tuple[str, bytes]]) -> list[tuple[str, bytes]]:
        name, content = rng.choice(entries)
        return [*entries, (name, content if rng.random() < 0.5 else content[::-1])]

    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # zipfile warns about the duplicate name: that is the point
        return _rezip(rng, data, change)


def missing_entry(rng: random.Random, data: bytes, _scale: int) -> bytes:
    def change(entries: list[tuple[str, bytes]]) -> list[tuple[str, bytes]]:
        important = [
            i for i, (n, _c) in enumerate(entries) if n in ("word/document.xml", "[Content_Types].xml")
        ]
        drop = rng.choice(important or range(len(entries)))
        return [e for i, e in enumerate(entries) if i != drop or rng.random() < 0.1]

    return _rezip(rng, data, change)


def _document(rng: random.Random, data: bytes, change: Callable[[bytes], bytes]) -> bytes:
    return _rezip(rng, data, lambda e: [(n, change(c) if n == "word/document.xml" else c) for n, c in e])


def broken_xml(rng: random.Random, data: bytes, _scale: int) -> bytes:
    def change(xml: bytes) -> bytes:
        cut = rng.randrange(len(xml))
        return rng.choice([xml[:cut], xml[:cut] + b"<w:p><w:r>" + xml[cut:], xml.replace(b"</w:p>", b"", 50)])

    return _document(rng, data, change)


def nested_xml(rng: random.Random, data: bytes, scale: int) -> bytes:
    depth = rng.randint(scale // 10, scale)
    nest = (
        b"<w:sdt><w:sdtContent>" * depth
        + b"<w:p><w:r><w:t>\xe6\xb7\xb1</w:t></w:r></w:p>"
        + b"</w:sdtContent></w:sdt>" * depth
    )
    return _document(rng, data, lambda xml: xml.replace(b"<w:body>", b"<w:body>" + nest, 1))


def xml_entities(rng: random.Random, data: bytes, _scale: int) -> bytes:
    def change(xml: bytes) -> bytes:
        laughs = (
            b'<!DOCTYPE w:document [<!ENTITY a0 "lol">'
            + b"".join(b'<!ENTITY a%d "' % i + (b"&a%d;" % (i - 1)) * 10 + b'">' for i in range(1, 10))
            + b'<!ENTITY x SYSTEM "file:///etc/passwd">]>'
        )
        start = xml.find(b"?>") + 2 if xml.startswith(b"<?xml") else 0
        return xml[:start] + laughs + xml[start:].replace(b"<w:t>", b"<w:t>&a9;&x;", 1)

    return _document(rng, data, change)


def zip_damage(rng: random.Random, data: bytes, scale: int) -> bytes:
    return flip_bytes(rng, data) if rng.random() < 0.5 else truncate(rng, data)


DOCX = (shuffle_entries, duplicate_entries, missing_entry, broken_xml, nested_xml, xml_entities, zip_damage)


# --- pdf --------------------------------------------------------------------------------------


def huge_length(rng: random.Random, data: bytes, _scale: int) -> bytes:
    value = rng.choice([b"99999999999", b"2147483647", b"-1", b"18446744073709551615", b"0"])
    return re.sub(rb"/Length \d+", b"/Length " + value, data, count=rng.randint(1, 5))


def broken_xref(rng: random.Random, data: bytes, _scale: int) -> bytes:
    at = data.rfind(b"xref")
    if at < 0:
        return flip_bytes(rng, data)
    table = bytearray(data[at : at + 2000])
    for i, byte in enumerate(table):
        if 0x30 <= byte <= 0x39 and rng.random() < 0.3:
            table[i] = rng.randint(0x30, 0x39)
    tail = re.sub(
        rb"startxref\s+\d+", b"startxref\n" + str(rng.randrange(len(data) * 2)).encode(), data[at + 2000 :]
    )
    return data[:at] + bytes(table) + tail


def page_tree_loop(rng: random.Random, data: bytes, scale: int) -> bytes:
    match = re.search(rb"(\d+) 0 obj\s*<<[^>]*?/Type\s*/Pages", data)
    if match is None:
        return flip_bytes(rng, data)
    own = match.group(1)
    kids = b" ".join([own + b" 0 R"] * rng.randint(1, scale))
    return re.sub(rb"/Kids\s*\[[^\]]*\]", b"/Kids [" + kids + b"]", data, count=1)


def drop_eof(rng: random.Random, data: bytes, _scale: int) -> bytes:
    return data.replace(b"%%EOF", b"", rng.randint(1, 3))


PDF = (huge_length, broken_xref, page_tree_loop, drop_eof)

_SPECIFIC: dict[str, tuple[Callable[[random.Random, bytes, int], bytes], ...]] = {
    "txt": TXT,
    "html": HTML,
    "docx": DOCX,
    "pdf": PDF,
}


def cases(fmt: str, count: int, seed: int = 13, scale: int = 20_000) -> Iterator[Case]:
    """``count`` mutated files of ``fmt``, the same for the same seed; ``scale`` sizes the
    pathological inputs (repetitions, nesting depth, attributes)."""
    rng = random.Random(f"{seed}-{fmt}")
    bases = base_files(fmt)
    specific = _SPECIFIC[fmt]
    for index in range(count):
        name, data = rng.choice(bases)
        if rng.random() < 0.65:
            mutation = rng.choice(specific)
            try:
                mutated = mutation(rng, data, scale)
            except (zipfile.BadZipFile, ValueError, IndexError):
                mutated = flip_bytes(rng, data)
            label = mutation.__name__
        else:
            generic = rng.choice(GENERIC)
            mutated, label = generic(rng, data), generic.__name__
        if rng.random() < 0.15:  # now and then, two kinds of damage at once
            mutated = rng.choice(GENERIC)(rng, mutated)
            label += "+"
        yield Case(f"{index:03d}_{label}_{Path(name).stem}.{fmt}", mutated)


# --- running them -----------------------------------------------------------------------------


@dataclass
class Result:
    case: str
    outcome: str
    """``imported``, ``refused``, ``timeout``, ``crashed`` (a bug or a parser process that died)."""
    code: str | None
    seconds: float
    peak: int | None
    damaged: bool
    message: str = ""


CRASH_CODES = ("internal", "crashed", "worker_failed")


def run_cases(library: object, items: Iterable[Case], folder: Path) -> list[Result]:
    """Import each case through the real import path; check the library after every failure."""
    import time

    from desktop.core.importers import worker
    from desktop.core.importing import import_file
    from tests.helpers import library_fingerprint

    results = []
    for case in items:
        path = folder / case.name
        path.write_bytes(case.data)
        before = library_fingerprint(library)  # type: ignore[arg-type]
        worker.last_peak = None
        started = time.monotonic()
        try:
            outcome = import_file(library.sessions, path)  # type: ignore[attr-defined]
        except BaseException as error:  # an import must never raise: that is a crash
            results.append(
                Result(case.name, "crashed", None, time.monotonic() - started, None, False, repr(error))
            )
            continue
        elapsed = time.monotonic() - started
        if outcome.ok:
            kind = "imported"
        elif outcome.error_code == "timeout":
            kind = "timeout"
        elif outcome.error_code in CRASH_CODES:
            kind = "crashed"
        else:
            kind = "refused"
        damaged = not outcome.ok and library_fingerprint(library) != before  # type: ignore[arg-type]
        results.append(
            Result(
                case.name, kind, outcome.error_code, elapsed, worker.last_peak, damaged, outcome.error or ""
            )
        )
        path.unlink()
    return results


def integrity_ok(library: object) -> bool:
    from sqlalchemy import text

    with library.sessions() as session:  # type: ignore[attr-defined]
        if session.bind is not None and session.bind.dialect.name != "sqlite":
            return True
        return session.execute(text("PRAGMA integrity_check")).scalar() == "ok"

"""The ``.rdpkg`` review package: a zip of JSON in the spirit of the W3C Web Annotation model.

Layout (format ``reviewdesk-annotations``, version 1)::

    manifest.json        {"format", "version", "created", "exported_by", "generator", counts}
    annotations.json     {"@context", "type": "AnnotationCollection", "total", "items": [Annotation…]}
    reports.json         [{"sha256", "agency", "year", "title", "source_name", "source_format",
                           "original": "originals/<sha256>.<ext>" | null, "review": {…} | null}]
    originals/<sha256>.<ext>   the report files, only when exported with originals

Each annotation: ``id`` (``urn:uuid:…``), ``type``, ``created``, ``modified``, ``creator``, ``body``
(TextualBody with the comment plus ``category``, ``severity``, ``status``), ``target`` (``source``
by the file's sha256, a TextQuoteSelector and a TextPositionSelector, ``text_hash``) and ``history``:
the content hashes it had at earlier exchanges, which is how an import tells a newer version from an
older one (see :mod:`desktop.core.exchange.merge`).

Reading is defensive: the zip goes through the same safety gate as a .docx (size, entry count,
compression ratio, unsafe names), only known entries are read, every field is type- and
length-checked, and anything wrong raises :class:`PackageError` before the library is touched.
"""

from __future__ import annotations

import hashlib
import json
import re
import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import datetime, timezone
from pathlib import Path, PurePath
from typing import TYPE_CHECKING, Any

from desktop.core.errors import ImportRefused
from desktop.core.exchange.validate import TaxonomyCheck, TaxonomyRefused, review_status
from desktop.core.importers.safe_zip import SafeZip, UnreadableZip
from desktop.core.limits import MAX_FILE_BYTES, MAX_ZIP_TOTAL_BYTES

if TYPE_CHECKING:
    from desktop.core.annotations.taxonomy import Taxonomy

FORMAT = "reviewdesk-annotations"
VERSION = 1
SUFFIX = ".rdpkg"
W3C_CONTEXT = "http://www.w3.org/ns/anno.jsonld"
MAX_PACKAGE_BYTES = MAX_ZIP_TOTAL_BYTES
"""A package is refused before it is read when its file is larger than this."""
MAX_ANNOTATIONS = 100_000
MAX_HISTORY = 100
"""Content hashes kept per annotation: far more exchanges than one review round has."""
_MAX_TEXT = 100_000
_HEX64 = re.compile(r"^[0-9a-f]{64}$")
_ORIGINAL = re.compile(r"^originals/([0-9a-f]{64})\.([a-z0-9]{1,8})$")
REVIEW_KEYS = ("unreviewed", "in_review", "done")


class PackageError(ValueError):
    """A review package that cannot be read or written, with a Chinese message for the user."""


def content_hash(category: str, severity: str, status: str, comment: str) -> str:
    """Hash of what a reviewer can change: equal hashes mean the same version of an annotation."""
    data = json.dumps([category, severity, status, comment], ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(data.encode("utf-8")).hexdigest()


def merge_history(*histories: Iterable[str]) -> list[str]:
    """Union of content-hash histories without repeats, a repeated hash at its latest place (so the
    current version can be put last), cut to the newest ``MAX_HISTORY``."""
    merged: dict[str, None] = {}
    for history in histories:
        for digest in history:
            merged.pop(digest, None)
            merged[digest] = None
    return list(merged)[-MAX_HISTORY:]


@dataclass(frozen=True)
class IncomingAnnotation:
    id: str
    report_sha256: str
    category: str
    severity: str
    status: str
    comment: str
    author: str | None
    created_at: datetime
    modified_at: datetime
    exact: str
    prefix: str
    suffix: str
    start: int
    end: int
    text_hash: str
    history: tuple[str, ...]
    rule: str | None = None
    """The finding rule an accepted finding came from (None: written by a reviewer)."""

    @property
    def content_hash(self) -> str:
        return content_hash(self.category, self.severity, self.status, self.comment)

    def content(self) -> dict[str, Any]:
        """What a conflict stores of the incoming version (JSON-safe)."""
        return {
            "category": self.category,
            "severity": self.severity,
            "status": self.status,
            "comment": self.comment,
            "author": self.author,
            "modified_at": self.modified_at.isoformat(),
            "history": list(self.history),
        }


@dataclass(frozen=True)
class IncomingReview:
    status: str
    reviewer: str | None
    conclusion: str
    updated_at: datetime


@dataclass(frozen=True)
class IncomingReport:
    sha256: str
    agency: str | None
    year: int | None
    title: str | None
    source_name: str
    source_format: str
    original: str | None
    review: IncomingReview | None


@dataclass
class Package:
    manifest: dict[str, Any]
    annotations: list[IncomingAnnotation]
    reports: list[IncomingReport]
    originals: dict[str, bytes] = field(default_factory=dict)
    """Original files by sha256 (checked against their bytes)."""
    notes: list[str] = field(default_factory=list)
    """Chinese lines about values that were mapped into the taxonomy or skipped."""


# ---- reading -------------------------------------------------------------------------------------


def read_package(path: Path, taxonomy: Taxonomy | None = None) -> Package:
    """Read and check a whole package; raises :class:`PackageError` and touches nothing else.

    Categories, severities and statuses are checked against ``taxonomy`` (the reviewer's, if
    None): see :mod:`desktop.core.exchange.validate`.
    """
    try:
        size = path.stat().st_size
        if size > MAX_PACKAGE_BYTES:
            raise PackageError(
                f"审阅包过大（{size / 1024 / 1024:.0f} MB），超过 {MAX_PACKAGE_BYTES // 1024 // 1024} MB 的上限。"
            )
        data = path.read_bytes()
    except FileNotFoundError as error:
        raise PackageError(f"找不到审阅包：{path}") from error
    except IsADirectoryError as error:
        raise PackageError(f"这是一个文件夹而不是审阅包：{path}") from error
    except OSError as error:
        raise PackageError(f"无法读取审阅包：{path}（{error.strerror}）") from error
    if taxonomy is None:
        from desktop.core.annotations.taxonomy import TaxonomyError, default_taxonomy

        try:
            taxonomy = default_taxonomy()
        except TaxonomyError as error:
            raise PackageError(str(error)) from error
    check = TaxonomyCheck(taxonomy)
    notes: list[str] = []
    try:
        with SafeZip(data) as archive:
            manifest = _json(archive, "manifest.json")
            _check_manifest(manifest)
            annotations = [_checked(a, check) for a in _annotations(_json(archive, "annotations.json"))]
            reports = _reports(_json(archive, "reports.json"), notes)
            originals = _originals(archive, reports)
    except TaxonomyRefused as error:
        raise PackageError(str(error)) from error
    except UnreadableZip as error:
        raise PackageError("文件已损坏或不是 ReviewDesk 审阅包（.rdpkg），无法读取。") from error
    except ImportRefused as error:
        # The zip gate speaks of Word files; the reason it gives holds for a package just the same.
        raise PackageError(error.message.replace("Word 文件", "审阅包")) from error
    return Package(manifest, annotations, reports, originals, check.notes() + notes)


def _checked(item: IncomingAnnotation, check: TaxonomyCheck) -> IncomingAnnotation:
    """``item`` with its category, severity and status as keys of the taxonomy."""
    category, severity, status = (
        check.category(item.category),
        check.severity(item.severity),
        check.status(item.status),
    )
    if (category, severity, status) == (item.category, item.severity, item.status):
        return item
    return replace(item, category=category, severity=severity, status=status)


def _bad(detail: str) -> PackageError:
    return PackageError(f"审阅包内容不正确（{detail}），可能已损坏或被改动，未导入任何内容。")


def _json(archive: SafeZip, name: str) -> Any:
    raw = archive.read(name)
    if raw is None:
        raise _bad(f"缺少 {name}")
    try:
        return json.loads(raw.decode("utf-8"))
    except (ValueError, RecursionError) as error:  # RecursionError: absurdly nested JSON
        raise _bad(f"{name} 不是有效的 JSON") from error


def _check_manifest(manifest: Any) -> None:
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise PackageError("这不是 ReviewDesk 审阅包（清单中的格式标识不符），未导入任何内容。")
    version = manifest.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise _bad("清单中的版本号无效")
    if version > VERSION:
        raise PackageError(
            f"审阅包的格式版本为 {version}，本程序只支持到版本 {VERSION}。请升级 ReviewDesk 后再导入。"
        )


def _text(obj: dict[str, Any], key: str, where: str, limit: int = _MAX_TEXT, optional: bool = False) -> Any:
    value = obj.get(key)
    if value is None and optional:
        return None
    if not isinstance(value, str) or len(value) > limit:
        raise _bad(f"{where}的“{key}”应为不超过 {limit} 字的文字")
    return value


def _int(obj: dict[str, Any], key: str, where: str, optional: bool = False) -> Any:
    value = obj.get(key)
    if value is None and optional:
        return None
    if not isinstance(value, int) or isinstance(value, bool) or not 0 <= value < 2**31:
        raise _bad(f"{where}的“{key}”应为非负整数")
    return value


def _hex64(obj: dict[str, Any], key: str, where: str) -> str:
    value = obj.get(key)
    if not isinstance(value, str) or not _HEX64.match(value):
        raise _bad(f"{where}的“{key}”应为 64 位十六进制摘要")
    return value


def _time(obj: dict[str, Any], key: str, where: str) -> datetime:
    value = _text(obj, key, where, 40)
    try:
        moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError as error:
        raise _bad(f"{where}的“{key}”不是有效的时间") from error
    # The library's times are timezone-aware (UTC); a time without an offset is local wall-clock time.
    return moment.astimezone(timezone.utc)


def _object(value: Any, where: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise _bad(f"{where}应为 JSON 对象")
    return value


def _annotations(collection: Any) -> list[IncomingAnnotation]:
    items = _object(collection, "annotations.json").get("items")
    if not isinstance(items, list) or len(items) > MAX_ANNOTATIONS:
        raise _bad(f"annotations.json 的 items 应为不超过 {MAX_ANNOTATIONS:,} 条批注的列表")
    parsed = [_annotation(item, index) for index, item in enumerate(items, 1)]
    ids = [a.id for a in parsed]
    if len(set(ids)) != len(ids):
        raise _bad("同一批注编号出现了两次")
    return parsed


def _annotation(raw: Any, index: int) -> IncomingAnnotation:
    where = f"第 {index} 条批注"
    item = _object(raw, where)
    if item.get("type") != "Annotation":
        raise _bad(f"{where}的类型不是 Annotation")
    ident = _text(item, "id", where, 60).removeprefix("urn:uuid:")
    try:
        ident = str(uuid.UUID(ident))
    except ValueError as error:
        raise _bad(f"{where}的编号不是 UUID") from error
    body = _object(item.get("body"), f"{where}的 body")
    target = _object(item.get("target"), f"{where}的 target")
    source = _object(target.get("source"), f"{where}的 target.source")
    selectors = target.get("selector")
    if not isinstance(selectors, list):
        raise _bad(f"{where}缺少选择器")
    by_type = {s.get("type"): s for s in selectors if isinstance(s, dict)}
    quote = _object(by_type.get("TextQuoteSelector"), f"{where}的 TextQuoteSelector")
    position = _object(by_type.get("TextPositionSelector"), f"{where}的 TextPositionSelector")
    start, end = _int(position, "start", where), _int(position, "end", where)
    exact = _text(quote, "exact", where)
    if start >= end or not exact:
        raise _bad(f"{where}的引文位置为空")
    creator = item.get("creator")  # W3C allows a name (or IRI) as well as an object
    if isinstance(creator, str):
        creator = {"name": creator}
    author = _text(_object(creator, f"{where}的 creator"), "name", where, 100) if creator else None
    history = item.get("history", [])
    if not isinstance(history, list) or not all(isinstance(h, str) and _HEX64.match(h) for h in history):
        raise _bad(f"{where}的 history 应为摘要列表")
    return IncomingAnnotation(
        id=ident,
        report_sha256=_hex64(source, "sha256", where),
        category=_text(body, "category", where, 40).strip(),
        severity=_text(body, "severity", where, 20).strip(),
        status=_text(body, "status", where, 20).strip(),
        comment=_text(body, "value", where),
        author=author,
        created_at=_time(item, "created", where),
        modified_at=_time(item, "modified", where),
        exact=exact,
        prefix=_text(quote, "prefix", where, 1000, optional=True) or "",
        suffix=_text(quote, "suffix", where, 1000, optional=True) or "",
        start=start,
        end=end,
        text_hash=_hex64(target, "text_hash", where),
        history=tuple(history[-MAX_HISTORY:]),
        rule=_rule(body, where),
    )


_RULE_ID = re.compile(r"[a-z][a-z0-9_]{0,39}")


def _rule(body: dict[str, Any], where: str) -> str | None:
    """An optional finding-rule id: an identifier, or refused (it is shown in the memo)."""
    rule = body.get("rule")
    if rule is None:
        return None
    if not isinstance(rule, str) or not _RULE_ID.fullmatch(rule):
        raise _bad(f"{where}的 rule 应为规则编号")
    return rule


def _reports(raw: Any, notes: list[str]) -> list[IncomingReport]:
    if not isinstance(raw, list) or len(raw) > MAX_ANNOTATIONS:
        raise _bad("reports.json 应为报告列表")
    reports = []
    for index, entry in enumerate(raw, 1):
        where = f"第 {index} 份报告"
        item = _object(entry, where)
        review = item.get("review")
        original = _text(item, "original", where, 200, optional=True)
        sha = _hex64(item, "sha256", where)
        if original is not None and (not (m := _ORIGINAL.match(original)) or m.group(1) != sha):
            raise _bad(f"{where}的原始文件名“{original[:80]}”不符合规范")
        reports.append(
            IncomingReport(
                sha256=sha,
                agency=_text(item, "agency", where, 200, optional=True),
                year=_int(item, "year", where, optional=True),
                title=_text(item, "title", where, 500, optional=True),
                source_name=PurePath(_text(item, "source_name", where, 500).replace("\\", "/")).name,
                source_format=_text(item, "source_format", where, 10),
                original=original,
                review=_review(review, where, notes) if review is not None else None,
            )
        )
    if len({r.sha256 for r in reports}) != len(reports):
        raise _bad("同一报告出现了两次")
    return reports


def _review(raw: Any, where: str, notes: list[str]) -> IncomingReview | None:
    where = f"{where}的审阅状态"
    item = _object(raw, where)
    given = _text(item, "status", where, 20)
    status = review_status(given)
    if status is None:
        shown = "".join(ch if ch.isprintable() else "?" for ch in given)
        notes.append(f"{where}“{shown}”不是“未审/审阅中/已完成”之一，该审阅状态未导入。")
        return None
    return IncomingReview(
        status=status,
        reviewer=_text(item, "reviewer", where, 100, optional=True),
        conclusion=_text(item, "conclusion", where),
        updated_at=_time(item, "updated_at", where),
    )


def _originals(archive: SafeZip, reports: list[IncomingReport]) -> dict[str, bytes]:
    originals = {}
    for report in reports:
        if report.original is None:
            continue
        data = archive.read(report.original)
        if data is None:
            raise _bad(f"缺少原始文件 {report.original}")
        if len(data) > MAX_FILE_BYTES or hashlib.sha256(data).hexdigest() != report.sha256:
            raise _bad(f"原始文件 {report.original} 与其摘要不符")
        originals[report.sha256] = data
    return originals

"""Review packages (.rdpkg) between real libraries: export, import, merge by id, conflicts, originals,
pending annotations, and hostile packages that must leave the library as it was."""

from __future__ import annotations

import hashlib
import io
import json
import re
import shutil
import zipfile
from collections.abc import Callable, Iterator
from contextlib import ExitStack
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from db import models
from db.copy import copy_library
from db.paths import library_location as location_of
from db.session import Library, open_library
from desktop.cli import run
from desktop.core.annotations import (
    create_annotation,
    delete_annotation,
    detached_annotations,
    edit_annotation,
    find_quote,
    get_review_state,
    list_annotations,
    set_review_state,
)
from desktop.core.exchange import (
    ConflictError,
    PackageError,
    export_package,
    import_package,
    list_conflicts,
    resolve_conflict,
)
from desktop.core.importing import import_file
from desktop.core.library import list_reports
from tests.conftest import library_location
from tests.helpers import library_fingerprint, sample

QUOTE = "全年全市共检查生产经营单位2860家次"
OTHER = "修订市安全生产委员会成员单位安全生产工作职责清单"


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A library with the 2024 sample imported once; tests copy it (importing takes a while)."""
    path = tmp_path_factory.mktemp("template") / "template.sqlite"
    library = open_library(path)
    assert import_file(library.sessions, sample("shili_2024.docx")).ok
    library.close()
    return path


def copy_of(template: Path, path: Path, backend: str = "sqlite", stack: ExitStack | None = None) -> Library:
    """The template as a file, or copied into a fresh schema of the PostgreSQL test server."""
    if backend == "sqlite":
        shutil.copyfile(template, path)
        return open_library(path)
    assert stack is not None
    location = stack.enter_context(library_location(backend, path.parent))
    copy_library(str(template), location)
    return open_library(location)


@pytest.fixture
def pair(template: Path, tmp_path: Path, backend: str) -> Iterator[tuple[Library, Library]]:
    """Two libraries that both hold the 2024 report; A has two annotations and a review state."""
    stack = ExitStack()
    a = copy_of(template, tmp_path / "a.sqlite", backend, stack)
    b = copy_of(template, tmp_path / "b.sqlite", backend, stack)
    with a.sessions.begin() as session:
        report = session.scalars(select(models.Report)).one()
        for quote, category, comment in (
            (QUOTE, "data_inconsistent", "与附表不一致"),
            (OTHER, "wording", "措辞"),
        ):
            start, end, _ = find_quote(report.clean_text, quote)
            create_annotation(session, report, start, end, category=category, comment=comment, author="甲")
        set_review_state(session, report.id, status="in_review", reviewer="甲", conclusion="基本完整")
    yield a, b
    a.close()
    b.close()
    stack.close()


@pytest.fixture
def empty(tmp_path: Path, backend: str) -> Iterator[Library]:
    with library_location(backend, tmp_path, "empty.sqlite") as location:
        library = open_library(location)
        yield library
        library.close()


def export(library: Library, path: Path, **options: bool) -> Path:
    with library.sessions.begin() as session:
        export_package(session, None, path, **options)
    return path


def annotations(library: Library) -> dict[str, models.Annotation]:
    with library.sessions() as session:
        return {a.id: a for a in session.scalars(select(models.Annotation))}


def edit(library: Library, annotation_id: str, **changes: str) -> None:
    with library.sessions.begin() as session:
        edit_annotation(session, annotation_id, **changes)


def by_quote(library: Library, quote: str) -> str:
    return next(a.id for a in annotations(library).values() if a.quote_exact == quote)


def test_round_trip_into_a_library_with_the_report(pair: tuple[Library, Library], tmp_path: Path) -> None:
    a, b = pair
    with a.sessions.begin() as session:
        stats = export_package(session, None, tmp_path / "a.rdpkg", exported_by="甲")
    assert (stats.annotations, stats.reports, stats.originals, stats.detached) == (2, 1, 0, 0)
    with zipfile.ZipFile(tmp_path / "a.rdpkg") as archive:
        manifest = json.loads(archive.read("manifest.json"))
        items = json.loads(archive.read("annotations.json"))["items"]
    assert (manifest["format"], manifest["version"], manifest["exported_by"]) == (
        "reviewdesk-annotations",
        1,
        "甲",
    )
    item = items[0]
    assert item["type"] == "Annotation" and item["id"].startswith("urn:uuid:")
    assert {s["type"] for s in item["target"]["selector"]} == {"TextQuoteSelector", "TextPositionSelector"}
    assert item["target"]["source"]["agency"] == "示例市应急管理局" and item["creator"]["name"] == "甲"

    first = import_package(b, tmp_path / "a.rdpkg")
    assert (first.added, first.updated, first.unchanged, first.conflicts, first.pending) == (2, 0, 0, 0, 0)
    assert first.review_states == 1
    with a.sessions() as sa, b.sessions() as sb:
        report_a = sa.scalars(select(models.Report)).one()
        report_b = sb.scalars(select(models.Report)).one()
        shown_a = {v.id: (v.start, v.end, v.comment, v.category) for v in list_annotations(sa, report_a)}
        shown_b = {v.id: (v.start, v.end, v.comment, v.category) for v in list_annotations(sb, report_b)}
        assert shown_a == shown_b and all(start is not None for start, *_ in shown_b.values())
        review = get_review_state(sb, report_b.id)
        assert (review.status, review.reviewer, review.conclusion) == ("in_review", "甲", "基本完整")

    second = import_package(b, tmp_path / "a.rdpkg")
    assert (second.added, second.unchanged, second.conflicts, second.review_states) == (0, 2, 0, 0)
    assert len(annotations(b)) == 2
    # Back to where it came from: nothing changes either.
    back = import_package(a, export(b, tmp_path / "b.rdpkg"))
    assert (back.added, back.updated, back.unchanged, back.conflicts) == (0, 0, 2, 0)


def test_an_accepted_finding_keeps_its_rule_in_the_other_library(
    pair: tuple[Library, Library], tmp_path: Path
) -> None:
    """An annotation accepted from a finding carries the rule id, which the memo shows, to the other side."""
    a, b = pair
    with a.sessions.begin() as session:
        note = session.get(models.Annotation, by_quote(a, QUOTE))
        assert note is not None
        note.rule = "figures_inconsistent"
    export(a, tmp_path / "a.rdpkg")
    with zipfile.ZipFile(tmp_path / "a.rdpkg") as archive:
        items = json.loads(archive.read("annotations.json"))["items"]
    assert sorted(str(i["body"].get("rule")) for i in items) == ["None", "figures_inconsistent"]
    import_package(b, tmp_path / "a.rdpkg")
    assert annotations(b)[by_quote(a, QUOTE)].rule == "figures_inconsistent"
    assert annotations(b)[by_quote(a, OTHER)].rule is None


def test_an_edit_on_one_side_updates_the_other(pair: tuple[Library, Library], tmp_path: Path) -> None:
    a, b = pair
    import_package(b, export(a, tmp_path / "a.rdpkg"))
    target = by_quote(b, QUOTE)
    edit(b, target, comment="乙：附表为 2860 家次，正文一致", status="resolved")
    stats = import_package(a, export(b, tmp_path / "b.rdpkg"))
    assert (stats.updated, stats.unchanged, stats.conflicts) == (1, 1, 0)
    updated = annotations(a)[target]
    assert (updated.comment, updated.status) == ("乙：附表为 2860 家次，正文一致", "resolved")
    # A had not changed it since: B's package was newer. Now A edits, B imports: also a fast-forward.
    edit(a, target, comment="甲：同意")
    stats = import_package(b, export(a, tmp_path / "a2.rdpkg"))
    assert (stats.updated, stats.conflicts) == (1, 0)
    assert annotations(b)[target].comment == "甲：同意"


def test_an_older_version_does_not_overwrite_a_newer_one(
    pair: tuple[Library, Library], tmp_path: Path
) -> None:
    a, b = pair
    old = export(a, tmp_path / "a.rdpkg")
    import_package(b, old)
    target = by_quote(a, QUOTE)
    edit(a, target, comment="甲后来改的")
    stats = import_package(a, export(b, tmp_path / "b.rdpkg"))  # B never touched it
    assert (stats.updated, stats.unchanged, stats.conflicts) == (0, 2, 0)
    assert annotations(a)[target].comment == "甲后来改的"


def test_edits_on_both_sides_are_a_conflict_kept_local_until_resolved(
    pair: tuple[Library, Library], tmp_path: Path
) -> None:
    a, b = pair
    import_package(b, export(a, tmp_path / "a.rdpkg"))
    target = by_quote(a, QUOTE)
    edit(a, target, comment="甲版")
    edit(b, target, comment="乙版", severity="critical")
    package = export(b, tmp_path / "b.rdpkg")
    stats = import_package(a, package)
    assert (stats.conflicts, stats.updated, stats.unchanged) == (1, 0, 1)
    assert annotations(a)[target].comment == "甲版"
    with a.sessions() as session:
        [conflict] = list_conflicts(session)
        report_id = session.scalars(select(models.Report.id)).one()
        assert [c.id for c in list_conflicts(session, report_id=report_id)] == [conflict.id]
        assert list_conflicts(session, report_id=report_id + 1) == []
    assert (conflict.annotation_id, conflict.source) == (target, "b.rdpkg")
    assert (conflict.local.comment, conflict.incoming.comment) == ("甲版", "乙版")
    assert (conflict.local.start is not None, conflict.incoming.severity_label) == (True, "严重")
    assert conflict.differences == ("severity", "comment")
    assert conflict.as_json()["incoming"]["comment"] == "乙版"
    # The same package again: still one conflict, not two.
    assert import_package(a, package).conflicts == 1
    with a.sessions() as session:
        assert len(list_conflicts(session)) == 1

    with a.sessions.begin() as session:
        resolve_conflict(session, conflict.id, "incoming")
    settled = annotations(a)[target]
    assert (settled.comment, settled.severity) == ("乙版", "critical")
    with a.sessions() as session:
        assert list_conflicts(session) == []
    assert import_package(a, package).conflicts == 0
    stats = import_package(b, export(a, tmp_path / "a2.rdpkg"))
    assert (stats.updated, stats.conflicts) == (0, 0)


def test_keeping_the_local_version_wins_the_next_exchange(
    pair: tuple[Library, Library], tmp_path: Path
) -> None:
    a, b = pair
    import_package(b, export(a, tmp_path / "a.rdpkg"))
    target = by_quote(a, OTHER)
    edit(a, target, comment="甲版")
    edit(b, target, comment="乙版")
    package = export(b, tmp_path / "b.rdpkg")
    assert import_package(a, package).conflicts == 1
    with a.sessions.begin() as session:
        [conflict] = list_conflicts(session)
        resolve_conflict(session, conflict.id, "local")
    assert annotations(a)[target].comment == "甲版"
    again = import_package(a, package)  # B's version is now known to be older
    assert (again.conflicts, again.unchanged) == (0, 2)
    stats = import_package(b, export(a, tmp_path / "a2.rdpkg"))
    assert (stats.updated, stats.conflicts) == (1, 0)
    assert annotations(b)[target].comment == "甲版"
    with a.sessions.begin() as session, pytest.raises(ConflictError, match="没有编号为"):
        resolve_conflict(session, conflict.id, "local")


def test_a_later_export_is_not_taken_for_the_version_the_other_side_edited(
    pair: tuple[Library, Library], tmp_path: Path
) -> None:
    """A exports twice with an edit in between; B edited the first: still a conflict, not an update."""
    a, b = pair
    import_package(b, export(a, tmp_path / "a1.rdpkg"))
    target = by_quote(a, QUOTE)
    edit(a, target, comment="甲第二版")
    export(a, tmp_path / "a2.rdpkg")  # sent to someone else
    edit(b, target, comment="乙版")
    stats = import_package(a, export(b, tmp_path / "b.rdpkg"))
    assert stats.conflicts == 1 and annotations(a)[target].comment == "甲第二版"


def test_an_annotation_deleted_here_comes_back_with_the_next_package(
    pair: tuple[Library, Library], tmp_path: Path
) -> None:
    a, b = pair
    package = export(a, tmp_path / "a.rdpkg")
    import_package(b, package)
    with b.sessions.begin() as session:
        delete_annotation(session, by_quote(b, QUOTE))
    stats = import_package(b, package)
    assert (stats.added, stats.unchanged) == (1, 1)
    assert len(annotations(b)) == 2


def test_with_originals_into_an_empty_library(
    pair: tuple[Library, Library], empty: Library, tmp_path: Path
) -> None:
    a, _ = pair
    package = export(a, tmp_path / "a.rdpkg", include_originals=True)
    with zipfile.ZipFile(package) as archive:
        [original] = [n for n in archive.namelist() if n.startswith("originals/")]
    assert re.fullmatch(r"originals/[0-9a-f]{64}\.docx", original)
    stats = import_package(empty, package)
    assert (stats.reports_imported, stats.added, stats.pending, stats.orphaned) == (1, 2, 0, 0)
    with empty.sessions() as session:
        [summary] = list_reports(session)
        assert summary.annotations == 2 and summary.review_status == "in_review"
        report = session.get(models.Report, summary.id)
        assert report is not None
        shown = list_annotations(session, report)
        assert {v.text for v in shown} == {QUOTE, OTHER}
        assert all(not v.orphan and v.report_id == summary.id for v in shown)
    again = import_package(empty, package)
    assert (again.reports_imported, again.added, again.unchanged) == (0, 0, 2)


def test_without_originals_annotations_wait_for_their_report(
    pair: tuple[Library, Library], empty: Library, tmp_path: Path
) -> None:
    a, _ = pair
    stats = import_package(empty, export(a, tmp_path / "a.rdpkg"))
    assert (stats.added, stats.pending, stats.reports_imported, stats.review_states) == (2, 2, 0, 0)
    with empty.sessions() as session:
        assert {v.selectors.exact for v in detached_annotations(session)} == {QUOTE, OTHER}
    outcome = import_file(empty.sessions, sample("shili_2024.docx"))
    assert outcome.ok and outcome.report_id is not None
    with empty.sessions() as session:
        assert detached_annotations(session) == []
        report = session.get(models.Report, outcome.report_id)
        assert report is not None
        shown = list_annotations(session, report)
        assert {v.text for v in shown} == {QUOTE, OTHER} and not any(v.orphan for v in shown)
        stored = session.scalars(select(models.Annotation)).all()
        assert all(a.report_id == report.id and not a.orphan for a in stored)
        assert all(report.clean_text[a.position_start : a.position_end] == a.quote_exact for a in stored)


def test_annotations_of_a_deleted_report_travel_by_sha256(
    pair: tuple[Library, Library], tmp_path: Path
) -> None:
    a, b = pair
    with a.sessions.begin() as session:
        session.delete(session.scalars(select(models.Report)).one())
    with a.sessions.begin() as session:
        stats = export_package(session, None, tmp_path / "a.rdpkg")
    assert (stats.annotations, stats.detached, stats.reports) == (2, 2, 0)
    imported = import_package(b, tmp_path / "a.rdpkg")
    assert (imported.added, imported.pending) == (2, 0)
    assert all(x.report_id is not None for x in annotations(b).values())


def test_exporting_chosen_reports(pair: tuple[Library, Library], tmp_path: Path) -> None:
    a, _ = pair
    with a.sessions.begin() as session:
        report_id = session.scalars(select(models.Report.id)).one()
        assert export_package(session, [report_id], tmp_path / "one.rdpkg").annotations == 2
        with pytest.raises(PackageError, match="没有编号为 999 的报告"):
            export_package(session, [report_id, 999], tmp_path / "bad.rdpkg")
    assert not (tmp_path / "bad.rdpkg").exists()


# ---- hostile packages ----------------------------------------------------------------------------


def members(package: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(package) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def rezip(entries: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def tampered(entries: dict[str, bytes], name: str, change: Callable[[Any], object]) -> bytes:
    data = json.loads(entries[name])
    change(data)
    return rezip({**entries, name: json.dumps(data).encode()})


def _hostile(kind: str, entries: dict[str, bytes]) -> bytes:
    first = "annotations.json"
    if kind == "not a zip":
        return b"PK\x03\x04 this is not really a zip archive" * 10
    if kind == "traversal":
        return rezip({**entries, "../../evil.json": b"{}"})
    if kind == "absolute path":
        return rezip({**entries, "/etc/evil.json": b"{}"})
    if kind == "huge entry":
        return rezip({**entries, "originals/padding.bin": bytes(65 * 1024 * 1024)})
    if kind == "bomb ratio":
        return rezip({**entries, first: b" " * (8 * 1024 * 1024) + entries[first]})
    if kind == "bad json":
        return rezip({**entries, first: b'{"items": [,]}'})
    if kind == "nested json":
        return rezip({**entries, first: b"[" * 200_000 + b"]" * 200_000})
    if kind == "missing annotations":
        return rezip({k: v for k, v in entries.items() if k != first})
    if kind == "newer version":
        return tampered(entries, "manifest.json", lambda m: m.update(version=2))
    if kind == "other format":
        return tampered(entries, "manifest.json", lambda m: m.update(format="something-else"))
    if kind == "bad id":
        return tampered(entries, first, lambda c: c["items"][0].update(id="urn:uuid:1; DROP TABLE"))
    if kind == "duplicate id":
        return tampered(entries, first, lambda c: c["items"].append(c["items"][0]))
    if kind == "bad position":
        return tampered(
            entries, first, lambda c: c["items"][0]["target"]["selector"][1].update(start=-5, end="x")
        )
    if kind == "original traversal":
        return tampered(entries, "reports.json", lambda r: r[0].update(original="../../report.docx"))
    if kind == "original not matching":
        original = next(n for n in entries if n.startswith("originals/"))
        return rezip({**entries, original: b"something else entirely"})
    raise AssertionError(kind)


HOSTILE = [
    ("not a zip", "不是 ReviewDesk 审阅包"),
    ("traversal", "路径不安全"),
    ("absolute path", "路径不安全"),
    ("huge entry", "压缩炸弹"),
    ("bomb ratio", "压缩比"),
    ("bad json", "不是有效的 JSON"),
    ("nested json", "不是有效的 JSON"),
    ("missing annotations", "缺少 annotations.json"),
    ("newer version", "请升级"),
    ("other format", "不是 ReviewDesk 审阅包"),
    ("bad id", "不是 UUID"),
    ("duplicate id", "出现了两次"),
    ("bad position", "非负整数"),
    ("original traversal", "原始文件名"),
    ("original not matching", "与其摘要不符"),
]


@pytest.mark.parametrize(("kind", "message"), HOSTILE, ids=[k for k, _ in HOSTILE])
def test_hostile_packages_are_refused_and_change_nothing(
    pair: tuple[Library, Library], tmp_path: Path, kind: str, message: str
) -> None:
    a, b = pair
    entries = members(export(a, tmp_path / "a.rdpkg", include_originals=True))
    path = tmp_path / "hostile.rdpkg"
    path.write_bytes(_hostile(kind, entries))
    before = library_fingerprint(b), len(annotations(b))
    with pytest.raises(PackageError) as refused:
        import_package(b, path)
    assert message in str(refused.value) and re.search(r"[\u4e00-\u9fff]", str(refused.value))
    assert "Word" not in str(refused.value)
    assert (library_fingerprint(b), len(annotations(b))) == before


def test_an_original_the_pipeline_refuses_leaves_its_annotations_pending(
    pair: tuple[Library, Library], empty: Library, tmp_path: Path
) -> None:
    a, _ = pair
    entries = members(export(a, tmp_path / "a.rdpkg", include_originals=True))
    garbage = b"\x00\x01 not a report at all " * 40
    digest = hashlib.sha256(garbage).hexdigest()
    [report] = json.loads(entries["reports.json"])
    del entries[report["original"]]
    report.update(sha256=digest, original=f"originals/{digest}.docx")
    entries[report["original"]] = garbage
    path = tmp_path / "garbage.rdpkg"
    path.write_bytes(rezip({**entries, "reports.json": json.dumps([report]).encode()}))
    stats = import_package(empty, path)
    assert (stats.reports_imported, stats.added, stats.pending) == (0, 2, 2)
    [message] = stats.failed_originals
    assert re.search(r"[\u4e00-\u9fff]", message)
    assert library_fingerprint(empty)[0] == 0


def test_missing_package_file(empty: Library, tmp_path: Path) -> None:
    with pytest.raises(PackageError, match="找不到审阅包"):
        import_package(empty, tmp_path / "nowhere.rdpkg")


# ---- command line (desktop/cli.py wires desktop/cli_exchange.py) -----------------------------------


def test_command_line_round_trip(
    pair: tuple[Library, Library], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    a, b = pair
    lib_a, lib_b = location_of(a.url), location_of(b.url)
    out = str(tmp_path / "a.rdpkg")
    assert run(["export-annotations", "--out", out, "--by", "甲", "--library", lib_a, "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["annotations"] == 2
    assert run(["import-annotations", out, "--library", lib_b, "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["added"] == 2
    target = by_quote(a, QUOTE)
    edit(a, target, comment="甲版")
    edit(b, target, comment="乙版")
    assert run(["export-annotations", "1", "--out", str(tmp_path / "b.rdpkg"), "--library", lib_b]) == 0
    assert "已导出 2 条批注" in capsys.readouterr().out
    assert run(["import-annotations", str(tmp_path / "b.rdpkg"), "--library", lib_a]) == 0
    text = capsys.readouterr().out
    assert "冲突 1 条" in text and "图形界面" in text
    assert run(["conflicts", "--library", lib_a, "--json"]) == 0
    [conflict] = json.loads(capsys.readouterr().out)
    assert (conflict["local"]["comment"], conflict["incoming"]["comment"]) == ("甲版", "乙版")
    assert run(["conflicts", "--library", lib_a]) == 0
    assert "本地：" in capsys.readouterr().out
    cid = str(conflict["id"])
    assert run(["resolve-conflict", cid, "--keep", "incoming", "--library", lib_a, "--json"]) == 0
    resolved = json.loads(capsys.readouterr().out)
    assert resolved["annotation"]["comment"] == "乙版" and resolved["annotation"]["orphan"] is False
    assert run(["resolve-conflict", cid, "--keep", "local", "--library", lib_a]) == 2
    assert "没有编号为" in capsys.readouterr().err
    assert run(["conflicts", "--library", lib_a]) == 0
    assert "没有待处理的批注冲突" in capsys.readouterr().out
    bad = tmp_path / "bad.rdpkg"
    bad.write_bytes(b"not a package")
    assert run(["import-annotations", str(bad), "--library", lib_a]) == 2
    assert "审阅包" in capsys.readouterr().err
    with a.sessions() as session:
        assert session.scalar(select(func.count(models.AnnotationConflict.id))) == 0

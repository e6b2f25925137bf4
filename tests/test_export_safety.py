"""What crosses between reviewers: review packages bring in only taxonomy values (others mapped or
refused, with a message), and memos and packages carry no local paths or user names but the
reviewer's own."""

from __future__ import annotations

import io
import json
import re
import zipfile
from pathlib import Path

import pytest
from sqlalchemy import select, update

from db import models
from db.session import Library, open_library
from desktop.core.annotations import create_annotation, find_quote, get_review_state, set_review_state
from desktop.core.annotations.taxonomy import load_taxonomy, parse_taxonomy
from desktop.core.exchange import PackageError, export_package, import_package
from desktop.core.exchange.package import read_package
from desktop.core.importing import import_file
from tests.helpers import sample

QUOTE = "全年全市共检查生产经营单位2860家次"


@pytest.fixture
def two(tmp_path: Path):  # type: ignore[no-untyped-def]
    a, b = open_library(tmp_path / "a.sqlite"), open_library(tmp_path / "b.sqlite")
    for library in (a, b):
        assert import_file(library.sessions, sample("shili_2024.docx")).ok
    with a.sessions.begin() as session:
        report = session.scalars(select(models.Report)).one()
        start, end, _ = find_quote(report.clean_text, QUOTE)
        for comment in ("一", "二", "三", "四", "五"):
            create_annotation(session, report, start, end, category="other", comment=comment, author="甲")
        set_review_state(session, report.id, status="in_review", reviewer="甲", conclusion="基本完整")
    yield a, b
    a.close()
    b.close()


def _rewrite(package: Path, change) -> Path:  # type: ignore[no-untyped-def]
    with zipfile.ZipFile(package) as archive:
        entries = {name: archive.read(name) for name in archive.namelist()}
    for name in ("annotations.json", "reports.json"):
        entries[name] = json.dumps(change(name, json.loads(entries[name])), ensure_ascii=False).encode()
    out = package.with_name("changed.rdpkg")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
    out.write_bytes(buffer.getvalue())
    return out


def _hostile(name: str, data):  # type: ignore[no-untyped-def]
    if name == "annotations.json":
        values = [
            ("<script>alert(1)</script>", "致命", "closed?"),
            ("恶意类别", "normal", "open"),
            ("数据不实或矛盾", "Serious", "已处理"),  # labels: mapped to their keys
            ("copied", "critical", "resolved"),  # keys: kept
            ("other", "严重", "未处理"),
        ]
        for item, (category, severity, status) in zip(data["items"], values, strict=True):
            item["body"].update(category=category, severity=severity, status=status)
    else:
        data[0]["review"]["status"] = "closed?"
    return data


def test_values_outside_the_taxonomy_are_mapped_and_reported(
    two: tuple[Library, Library], tmp_path: Path
) -> None:
    a, b = two
    with a.sessions.begin() as session:
        export_package(session, None, tmp_path / "round.rdpkg")
    stats = import_package(b, _rewrite(tmp_path / "round.rdpkg", _hostile))
    assert stats.added == 5
    with b.sessions() as session:
        stored = {
            (row.comment, row.category, row.severity, row.status)
            for row in session.scalars(select(models.Annotation))
        }
        assert get_review_state(session, 1).status == "unreviewed"  # the unknown review status was skipped
    assert stored == {
        ("一", "other", "normal", "open"),
        ("二", "other", "normal", "open"),
        ("三", "data_inconsistent", "serious", "resolved"),
        ("四", "copied", "critical", "resolved"),
        ("五", "other", "critical", "open"),
    }
    notes = "\n".join(stats.notes)
    assert "问题类别" in notes and "<script>" in notes and "恶意类别" in notes and "“其他”" in notes
    assert "严重程度" in notes and "致命" in notes and "处理状态" in notes and "closed?" in notes
    assert "审阅状态" in notes
    assert stats.as_json()["notes"] == stats.notes


def test_a_category_with_nowhere_to_go_refuses_the_package(
    two: tuple[Library, Library], tmp_path: Path
) -> None:
    a, _b = two
    with a.sessions.begin() as session:
        export_package(session, None, tmp_path / "round.rdpkg")
    hostile = _rewrite(tmp_path / "round.rdpkg", _hostile)
    builtin = load_taxonomy(None)
    strict = parse_taxonomy(
        {
            "categories": [{"key": t.key, "label": t.label} for t in builtin.categories if t.key != "other"],
            "severities": [{"key": t.key, "label": t.label} for t in builtin.severities],
            "statuses": [{"key": t.key, "label": t.label} for t in builtin.statuses],
        }
    )
    with pytest.raises(PackageError) as refused:
        read_package(hostile, strict)
    assert "不在本机的问题分类表中" in str(refused.value)


def test_packages_carry_file_names_not_folders(two: tuple[Library, Library], tmp_path: Path) -> None:
    a, _b = two
    with a.sessions.begin() as session:  # an older library that kept where the file came from
        session.execute(
            update(models.Report).values(source_name="C:\\Users\\zhangsan\\Desktop\\示例报告.docx")
        )
    with a.sessions.begin() as session:
        export_package(session, None, tmp_path / "round.rdpkg", exported_by="王审阅")
    with zipfile.ZipFile(tmp_path / "round.rdpkg") as archive:
        text = "".join(archive.read(n).decode("utf-8") for n in archive.namelist() if n.endswith(".json"))
    assert "zhangsan" not in text and "Users" not in text and "示例报告.docx" in text


def test_imported_files_keep_only_their_name(tmp_path: Path) -> None:
    from desktop.core.importing import import_bytes

    library = open_library(tmp_path / "lib.sqlite")
    try:
        outcome = import_bytes(
            library.sessions, sample("shili_2023.docx").read_bytes(), "/home/lisi/下载/报告.docx"
        )
        assert outcome.ok
        with library.sessions() as session:
            assert session.scalar(select(models.Report.source_name)) == "报告.docx"
    finally:
        library.close()


def _personal_template(path: Path) -> Path:
    """The built-in template as someone's Word would leave it: their name, company, Normal.dotm."""
    from desktop.core.export.memo_docx import find_template

    source = Path(str(find_template()))
    with zipfile.ZipFile(source) as archive:
        entries = {name: archive.read(name) for name in archive.namelist()}
    entries["docProps/app.xml"] = (
        b'<?xml version="1.0" encoding="UTF-8"?><Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
        b"<Template>Normal.dotm</Template><Company>\xe5\xbc\xa0\xe4\xb8\x89\xe7\x9a\x84\xe5\x85\xac\xe5\x8f\xb8</Company>"
        b"<Manager>zhangsan</Manager></Properties>"
    )
    core = entries["docProps/core.xml"].decode()
    core = re.sub(r"<dc:creator>.*?</dc:creator>", "<dc:creator>zhangsan</dc:creator>", core)
    core = core.replace(
        "</cp:coreProperties>", "<cp:keywords>C:\\Users\\zhangsan\\模板</cp:keywords></cp:coreProperties>"
    )
    entries["docProps/core.xml"] = core.encode()
    settings = entries["word/settings.xml"].decode()
    settings = re.sub(r"(<w:settings[^>]*>)", r'\1<w:attachedTemplate r:id="rIdT"/>', settings, count=1)
    if "xmlns:r=" not in settings:
        settings = settings.replace(
            "<w:settings ",
            '<w:settings xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" ',
            1,
        )
    entries["word/settings.xml"] = settings.encode()
    entries["word/_rels/settings.xml.rels"] = (
        b'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        b'<Relationship Id="rIdT" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/attachedTemplate" '
        b'Target="file:///C:/Users/zhangsan/AppData/Roaming/Microsoft/Templates/Normal.dotm" TargetMode="External"/></Relationships>'
    )
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
    return path


def test_memo_carries_only_the_signers_name(two: tuple[Library, Library], tmp_path: Path) -> None:
    from desktop.core.export.memo_docx import export_memo

    a, _b = two
    with a.sessions.begin() as session:
        session.execute(update(models.Report).values(source_name="/home/zhangsan/桌面/示例报告.docx"))
    template = _personal_template(tmp_path / "mine.docx")
    out = tmp_path / "memo.docx"
    with a.sessions() as session:
        export_memo(session, 1, out, reviewer="王审阅", template=template)
    with zipfile.ZipFile(out) as archive:
        everything = "".join(archive.read(n).decode("utf-8", "replace") for n in archive.namelist())
    assert "zhangsan" not in everything and "Users" not in everything and "张三" not in everything
    assert "王审阅" in everything and "示例报告.docx" in everything

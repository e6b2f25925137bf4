"""The review memo (审查意见): content from a real library, and the GB/T 9704-2012 layout of the .docx."""

from __future__ import annotations

import importlib.util
import json
import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import docx
import pytest
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml.ns import qn
from docx.shared import Pt

from db import models
from db.session import Library, open_library
from desktop.core.annotations import (
    create_annotation,
    edit_annotation,
    find_quote,
    reanchor_report,
    set_review_state,
)
from desktop.core.export.memo_content import MemoData, MemoError, gather_memo
from desktop.core.export.memo_docx import MARKER, TEMPLATE_NAME, export_memo, find_template
from desktop.core.importing import import_file, update_derived
from desktop.core.resources import resource
from tests.conftest import ROOT
from tests.helpers import sample

TODAY = date(2026, 11, 22)
DATA_QUOTE = "全年全市共检查生产经营单位2860家次"
DATA_COMMENT = "上年报告按“家”统计检查企业数，本年按“家次”统计，口径不一致，请说明或统一。"
SHALLOW_QUOTE = "执法检查的精准性有待提高"
RESOLVED_QUOTE = "召开两次专题会议"
ORPHAN_QUOTE = "首次组织开展危险化学品企业事故“双盲”应急演练"
CONCLUSION = "报告结构完整，但不足和下一年度安排与上年报告高度雷同。\n请修改完善后重新报送。"
HEADINGS = ["一、基本情况", "二、报告结构完整性", "三、主要数据及同比变化", "四、存在的问题"]
HEADINGS += ["五、沿用往年内容情况", "六、总体意见和建议"]


def imported(library: Library, *names: str) -> list[int]:
    ids = []
    for name in names:
        outcome = import_file(library.sessions, sample(name))
        assert outcome.ok and outcome.report_id is not None, outcome.error
        ids.append(outcome.report_id)
    update_derived(library.sessions, ids)
    return ids


def annotate(
    session: Any, report: models.Report, quote: str, category: str, comment: str, severity: str | None = None
) -> str:
    start, end, _ = find_quote(report.clean_text, quote)
    made = create_annotation(
        session, report, start, end, category=category, severity=severity, comment=comment
    )
    return made.id


@pytest.fixture(scope="module")
def reviewed(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Library, int, Path]]:
    """Both sample years imported; the 2024 report annotated, reviewed and exported once."""
    folder = tmp_path_factory.mktemp("memo")
    library = open_library(folder / "library.sqlite")
    _, report_id = imported(library, "shili_2023.docx", "shili_2024.docx")
    with library.sessions.begin() as session:
        report = session.get(models.Report, report_id)
        assert report is not None
        annotate(session, report, DATA_QUOTE, "data_inconsistent", DATA_COMMENT, severity="较重")
        annotate(session, report, SHALLOW_QUOTE, "shallow_analysis", "问题表述笼统")
        annotate(
            session, report, "持续推进安全生产治本攻坚三年行动", "copied", "与上年安排相同", severity="严重"
        )
        annotate(session, report, "听取执法工作情况汇报三次", "wording", "数字写法不统一")
        resolved = annotate(session, report, RESOLVED_QUOTE, "wording", "次数请用阿拉伯数字")
        edit_annotation(session, resolved, status="resolved")
        annotate(session, report, ORPHAN_QUOTE, "other", "请补充演练评估情况")
        # The passage disappears, as when an edited file is re-processed (same length: sections stay valid).
        report.clean_text = report.clean_text.replace(ORPHAN_QUOTE, "某" * len(ORPHAN_QUOTE))
        reanchor_report(session, report)
        set_review_state(session, report_id, status="done", reviewer="张审阅", conclusion=CONCLUSION)
    out = folder / "审查意见.docx"
    with library.sessions() as session:
        assert export_memo(session, report_id, out, today=TODAY) == out
    yield library, report_id, out
    library.close()


def texts(document: Any) -> list[str]:
    return [p.text for p in document.paragraphs]


def styled(document: Any, style: str) -> list[Any]:
    return [p for p in document.paragraphs if p.style is not None and p.style.name == style]


def east_asia(run: Any) -> str | None:
    fonts = run._r.rPr.find(qn("w:rFonts")) if run._r.rPr is not None else None
    return fonts.get(qn("w:eastAsia")) if fonts is not None else None


def all_runs(document: Any) -> Iterator[Any]:
    for paragraph in document.paragraphs:
        yield from paragraph.runs
    for table in document.tables:
        for row in table.rows:
            for cell in row.cells:
                for paragraph in cell.paragraphs:
                    yield from paragraph.runs


def test_memo_content_is_gathered(reviewed: tuple[Library, int, Path]) -> None:
    library, report_id, _ = reviewed
    with library.sessions() as session:
        data = gather_memo(session, report_id)
    assert isinstance(data, MemoData)
    assert (data.agency, data.year, data.report_date, data.source_name) == (
        "示例市应急管理局",
        2024,
        date(2025, 1, 20),
        "shili_2024.docx",
    )
    assert all(p.present for p in data.parts) and data.missing_labels == []
    assert data.prior_year == 2023 and data.carried_over is not None and 0.6 < data.carried_over < 0.95
    assert len(data.carried_flags) == 2 and "存在的不足和原因" in data.carried_flags[0]
    accidents = next(f for f in data.figures if f.label == "事故起数")
    assert (accidents.prior, accidents.current, accidents.change) == ("26起", "23起", "−3起（−11.5%）")
    rate = next(f for f in data.figures if f.label == "隐患整改率")
    assert rate.change == "+1.17个百分点"
    # Open findings by part of the report, then by category; resolved ones only counted; orphan apart.
    places = [g.place for g in data.findings]
    assert places[0] == "第一部分“2024年法治政府建设主要举措和成效”" and len(places) == 4
    assert [c.label for c in data.findings[0].categories] == ["数据不实或矛盾"]
    assert data.finding_count == 4 and data.resolved_count == 1
    assert [(o.quote, o.category_label) for o in data.orphans] == [(ORPHAN_QUOTE, "其他")]
    assert (data.review_status, data.reviewer, data.conclusion) == ("done", "张审阅", CONCLUSION)


def test_memo_structure(reviewed: tuple[Library, int, Path]) -> None:
    document = docx.Document(str(reviewed[2]))
    lines = texts(document)
    assert lines[0] == "关于《示例市应急管理局关于2024年法治政府建设情况的报告》的审查意见"
    assert "示例市应急管理局：" in lines[:3]
    assert any(line.startswith("你单位报送的《") and "（2025年1月20日）收悉" in line for line in lines)
    assert [p.text for p in styled(document, "MemoHeading1")] == HEADINGS
    level2 = [p.text for p in styled(document, "MemoHeading2")]
    assert "（一）关于第一部分“2024年法治政府建设主要举措和成效”" in level2
    assert level2[-1] == "（五）无法定位的批注"  # after the four parts with findings
    finding = next(line for line in lines if DATA_QUOTE in line)
    assert finding == f"（1）原文“{DATA_QUOTE}”（较重）。{DATA_COMMENT}"
    orphan = next(line for line in lines if "双盲" in line)
    assert "‘双盲’" in orphan and "请补充演练评估情况" in orphan  # inner quotes become single quotes
    assert lines.index(orphan) < lines.index(HEADINGS[4])
    assert not any(RESOLVED_QUOTE in line for line in lines)
    assert "另有1条批注已标记为已处理，未列入以上问题。" in lines
    assert any("部分有100%的句子与上年报告相同" in line for line in lines)
    assert "报告结构完整，但不足和下一年度安排与上年报告高度雷同。" in lines
    assert MARKER not in "".join(lines)
    # Closing: reviewer and date, right-aligned, date in Chinese form.
    assert lines[-2:] == ["张审阅", "2026年11月22日"]
    assert all(
        p.alignment is None and p.style is not None and p.style.name == "MemoSignature"
        for p in document.paragraphs[-2:]
    )
    assert document.styles["MemoSignature"].paragraph_format.alignment == WD_ALIGN_PARAGRAPH.RIGHT
    [table] = document.tables
    assert [c.text for c in table.rows[0].cells] == ["指标", "上年", "本年", "同比变化"]
    rows = {r.cells[0].text: [c.text for c in r.cells[1:]] for r in table.rows[1:]}
    assert rows["事故起数"] == ["26起", "23起", "−3起（−11.5%）"]  # the change with its unit
    assert rows["罚款金额"][2].startswith("+58.1万元")
    # Figure columns are as wide as their longest figure: none wraps inside its cell.
    from desktop.core.export.memo_docx import CELL_PADDING_MM, text_width_mm

    for column in (1, 2, 3):
        longest = max(text_width_mm(r.cells[column].text, 14) for r in table.rows)
        assert table.columns[column].width.mm >= longest + CELL_PADDING_MM - 0.1
        assert all(r.cells[column]._tc.tcPr.find(qn("w:noWrap")) is not None for r in table.rows)
    assert sum(c.width.mm for c in table.columns) == pytest.approx(156, abs=0.5)  # the text width
    assert all(r._tr.trPr.find(qn("w:cantSplit")) is not None for r in table.rows)


def test_memo_fonts_and_sizes(reviewed: tuple[Library, int, Path]) -> None:
    document = docx.Document(str(reviewed[2]))
    runs = list(all_runs(document))
    footers = [document.sections[0].footer, document.sections[0].even_page_footer]
    footer_runs = [r for f in footers for p in f.paragraphs for r in p.runs]
    assert runs and footer_runs
    assert all(east_asia(r) for r in runs + footer_runs), "every run names its East Asian font"
    title = styled(document, "MemoTitle")[0].runs
    assert {(east_asia(r), r.font.size) for r in title} == {("方正小标宋简体", Pt(22))}
    body = [r for p in styled(document, "MemoBody") for r in p.runs]
    assert {(east_asia(r), r.font.size) for r in body} == {("仿宋_GB2312", Pt(16))}
    heading1 = [r for p in styled(document, "MemoHeading1") for r in p.runs]
    assert {(east_asia(r), r.font.size) for r in heading1} == {("黑体", Pt(16))}
    heading2 = [r for p in styled(document, "MemoHeading2") for r in p.runs]
    assert {(east_asia(r), r.font.size) for r in heading2} == {("楷体_GB2312", Pt(16))}
    assert {(east_asia(r), r.font.size) for r in footer_runs} == {("宋体", Pt(14))}


def test_memo_page_layout(reviewed: tuple[Library, int, Path]) -> None:
    document = docx.Document(str(reviewed[2]))
    section = document.sections[0]
    mm = {
        name: getattr(section, name).mm
        for name in (
            "page_width",
            "page_height",
            "top_margin",
            "bottom_margin",
            "left_margin",
            "right_margin",
        )
    }
    expected = dict(
        page_width=210, page_height=297, top_margin=37, bottom_margin=35, left_margin=28, right_margin=26
    )
    assert all(abs(mm[k] - v) < 0.1 for k, v in expected.items()), mm
    grid = section._sectPr.find(qn("w:docGrid"))
    assert grid.get(qn("w:linePitch")) == "579"  # 225 mm / 22 lines
    for name in ("MemoBody", "MemoHeading1", "MemoHeading2", "MemoAddressee"):
        fmt = document.styles[name].paragraph_format
        assert fmt.line_spacing_rule == WD_LINE_SPACING.EXACTLY and abs(fmt.line_spacing.pt - 28.95) < 0.01
        spacing = document.styles[name].element.rPr.find(qn("w:spacing"))
        assert spacing.get(qn("w:val")) == "-5"  # 28 × (16 pt − 0.25 pt) ≤ 156 mm < 29 × …
    indent = document.styles["MemoBody"].element.pPr.find(qn("w:ind"))
    assert (indent.get(qn("w:firstLineChars")), indent.get(qn("w:firstLine"))) == ("200", "640")
    assert document.styles["MemoTitle"].paragraph_format.alignment == WD_ALIGN_PARAGRAPH.CENTER
    assert document.settings.odd_and_even_pages_header_footer
    assert document.settings.element.find(qn("w:evenAndOddHeaders")) is not None
    for footer, align in (
        (section.footer, WD_ALIGN_PARAGRAPH.RIGHT),
        (section.even_page_footer, WD_ALIGN_PARAGRAPH.LEFT),
    ):
        [paragraph] = footer.paragraphs
        assert paragraph.alignment == align
        codes = [t.text for t in paragraph._p.iter(qn("w:instrText"))]
        assert [c.strip() for c in codes] == ["PAGE"]
        assert paragraph.text.startswith("— ") and paragraph.text.endswith(" —")
        assert [f.get(qn("w:fldCharType")) for f in paragraph._p.iter(qn("w:fldChar"))] == [
            "begin",
            "separate",
            "end",
        ]


def test_memo_without_prior_year_or_annotations(library: Library, tmp_path: Path) -> None:
    [report_id] = imported(library, "shili_2024.docx")
    out = tmp_path / "memo.docx"
    with library.sessions() as session:
        export_memo(session, report_id, out, today=TODAY, addressee="市司法局")
    document = docx.Document(str(out))
    lines = texts(document)
    assert [p.text for p in styled(document, "MemoHeading1")] == HEADINGS
    assert "市司法局：" in lines
    assert "资料库中没有该单位上一年度的报告，无法进行同比比较。本年度报告的主要数据如下：" in lines
    assert "资料库中没有该单位上一年度的报告，无法比对沿用往年内容的情况。" in lines
    assert "审阅中未标注具体问题。" in lines
    assert "（审阅人尚未填写总体意见）" in lines
    assert lines[-2:] == ["（审阅人）", "2026年11月22日"]
    assert [c.text for c in document.tables[0].rows[0].cells] == ["指标", "本年"]
    assert not any("无法定位" in line for line in lines)


def test_missing_report_and_bad_targets_give_chinese_errors(library: Library, tmp_path: Path) -> None:
    [report_id] = imported(library, "shili_2024.docx")
    with library.sessions() as session:
        with pytest.raises(MemoError, match="没有编号为 999 的报告"):
            export_memo(session, 999, tmp_path / "memo.docx")
        with pytest.raises(MemoError, match=r"文件夹.*不存在"):
            export_memo(session, report_id, tmp_path / "missing" / "memo.docx")
        with pytest.raises(MemoError, match=r"\.docx"):
            export_memo(session, report_id, tmp_path / "memo.pdf")
        with pytest.raises(MemoError, match="找不到审查意见模板"):
            export_memo(session, report_id, tmp_path / "memo.docx", template=tmp_path / "none.docx")
        (tmp_path / "broken.docx").write_bytes(b"not a zip")
        with pytest.raises(MemoError, match="无法打开审查意见模板"):
            export_memo(session, report_id, tmp_path / "memo.docx", template=tmp_path / "broken.docx")
    assert not list(tmp_path.glob("*memo*"))  # nothing half-written


def test_office_template_keeps_its_letterhead(library: Library, tmp_path: Path) -> None:
    with resource("templates", TEMPLATE_NAME).open("rb") as handle:
        template = docx.Document(handle)
    marker = next(p for p in template.paragraphs if p.text == MARKER)
    marker.insert_paragraph_before("示例市司法局")
    template.add_paragraph("抄送：示例市人民政府办公室。")
    office = tmp_path / "office"
    office.mkdir()
    template.save(str(office / TEMPLATE_NAME))
    assert find_template(user_folder=office) == office / TEMPLATE_NAME  # the data folder overrides
    assert find_template(user_folder=tmp_path) == resource("templates", TEMPLATE_NAME)
    [report_id] = imported(library, "shili_2024.docx")
    with library.sessions() as session:
        export_memo(session, report_id, tmp_path / "memo.docx", template=office / TEMPLATE_NAME, today=TODAY)
        # A bare template (no memo styles, only the marker) still works: the styles are added.
        bare = docx.Document()
        bare.add_paragraph(MARKER)
        bare.save(str(tmp_path / "bare.docx"))
        export_memo(session, report_id, tmp_path / "bare_memo.docx", template=tmp_path / "bare.docx")
    lines = texts(docx.Document(str(tmp_path / "memo.docx")))
    assert (
        lines[0] == "示例市司法局"
        and lines[1].startswith("关于《")
        and lines[-1] == "抄送：示例市人民政府办公室。"
    )
    bare_memo = docx.Document(str(tmp_path / "bare_memo.docx"))
    assert [p.text for p in styled(bare_memo, "MemoHeading1")] == HEADINGS


def test_built_in_template_is_current(tmp_path: Path) -> None:
    """The committed template is what build_memo_template.py makes (deterministic build)."""
    script = ROOT / "resources" / "templates" / "build_memo_template.py"
    spec = importlib.util.spec_from_file_location("build_memo_template", script)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while it is being executed
    try:
        spec.loader.exec_module(module)
    finally:
        del sys.modules[spec.name]
    built = module.build()
    assert built == module.build()
    assert built == (ROOT / "resources" / "templates" / TEMPLATE_NAME).read_bytes()
    assert len(built) < 20_000


def test_export_memo_command(
    reviewed: tuple[Library, int, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Needs ``desktop.cli`` to wire in ``desktop.cli_memo``."""
    from desktop.cli import run

    _, report_id, memo = reviewed
    path = str(memo.parent / "library.sqlite")
    out = tmp_path / "cli.docx"
    code = run(
        [
            "export-memo",
            str(report_id),
            "--out",
            str(out),
            "--library",
            path,
            "--json",
            "--reviewer",
            "李审阅",
        ]
    )
    result = json.loads(capsys.readouterr().out)
    assert code == 0 and out.is_file()
    assert (result["findings"], result["orphans"], result["resolved"], result["prior_id"]) == (
        4,
        1,
        1,
        report_id - 1,
    )
    assert texts(docx.Document(str(out)))[-2] == "李审阅"
    assert run(["export-memo", "999", "--out", str(out), "--library", path]) == 2
    assert "没有编号为 999 的报告" in capsys.readouterr().err

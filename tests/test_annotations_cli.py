"""``reviewdesk annotate`` and ``reviewdesk annotations`` on a real sample report.

The handlers are called through the real argparse sub-parsers; once ``desktop/cli.py`` wires them,
the last test also runs ``python -m desktop`` end to end.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

import pytest

from db import models
from db.session import Library
from desktop.cli_annotations import HANDLERS, add_parsers
from desktop.core.annotations import reanchor_report
from desktop.core.importing import import_file
from tests.conftest import ROOT
from tests.helpers import sample

QUOTE = "全年全市共检查生产经营单位2860家次"
REPEATED = "法治建设第一责任人职责"


def run(library: Library, capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    parser = argparse.ArgumentParser(prog="reviewdesk")
    parent = argparse.ArgumentParser(add_help=False)  # as desktop/cli.py builds it
    parent.add_argument("--library", metavar="PATH")
    parent.add_argument("--json", action="store_true")
    add_parsers(parser.add_subparsers(dest="command"), parent)
    args = parser.parse_args(list(argv))
    code = HANDLERS[args.command](library, args)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.fixture
def report_id(library: Library) -> int:
    outcome = import_file(library.sessions, sample("shili_2024.docx"))
    assert outcome.ok and outcome.report_id is not None
    return outcome.report_id


def test_annotate_and_list_as_json(
    library: Library, report_id: int, capsys: pytest.CaptureFixture[str]
) -> None:
    rid = str(report_id)
    code, out, err = run(
        library, capsys, "annotate", rid, "--quote", QUOTE, "--category", "数据不实或矛盾",
        "--severity", "serious", "--comment", "与附表数字不一致", "--author", "张审阅", "--json",
    )  # fmt: skip
    assert code == 0, err
    created = json.loads(out)
    assert "\\u" not in out  # UTF-8, not ASCII-escaped
    assert (created["category"], created["severity"], created["status"], created["occurrences"]) == (
        "data_inconsistent",
        "serious",
        "open",
        1,
    )
    code, out, err = run(
        library, capsys, "annotate", rid, "--quote", REPEATED, "--occurrence", "2",
        "--category", "shallow_analysis", "--comment", "只写了做法，没有成效", "--json",
    )  # fmt: skip
    assert code == 0, err
    second = json.loads(out)
    assert (second["occurrences"], second["severity"], second["author"]) == (3, "normal", None)

    code, out, err = run(library, capsys, "annotations", rid, "--json")
    assert code == 0, err
    items = json.loads(out)
    assert [i["id"] for i in items] == [created["id"], second["id"]]
    first = items[0]
    assert set(first) >= {
        "id", "report_id", "category", "category_label", "severity", "severity_label", "status",
        "status_label", "comment", "author", "created_at", "modified_at", "quote", "position",
        "text_hash", "start", "end", "text", "orphan",
    }  # fmt: skip
    assert (first["category_label"], first["severity_label"], first["author"]) == (
        "数据不实或矛盾",
        "较重",
        "张审阅",
    )
    assert first["quote"]["exact"] == QUOTE and first["orphan"] is False
    assert (first["start"], first["end"]) == (first["position"]["start"], first["position"]["end"])
    with library.sessions() as session:
        report = session.get(models.Report, report_id)
        assert report is not None
        text = report.clean_text
    assert text[first["start"] : first["end"]] == QUOTE
    # --occurrence 2 marked the second of the three places.
    assert items[1]["start"] == [i for i in range(len(text)) if text.startswith(REPEATED, i)][1]


def test_orphans_are_listed(library: Library, report_id: int, capsys: pytest.CaptureFixture[str]) -> None:
    rid = str(report_id)
    assert (
        run(library, capsys, "annotate", rid, "--quote", QUOTE, "--category", "other", "--comment", "x")[0]
        == 0
    )
    with library.sessions.begin() as session:
        report = session.get(models.Report, report_id)
        assert report is not None
        report.clean_text = report.clean_text.replace(QUOTE, "")
        reanchor_report(session, report)
    code, out, _ = run(library, capsys, "annotations", rid, "--json")
    [item] = json.loads(out)
    assert (code, item["orphan"], item["start"], item["end"], item["quote"]["exact"]) == (
        0,
        True,
        None,
        None,
        QUOTE,
    )
    code, out, _ = run(library, capsys, "annotations", rid)
    assert code == 0 and "无法定位" in out and QUOTE in out


def test_plain_text_output(library: Library, report_id: int, capsys: pytest.CaptureFixture[str]) -> None:
    rid = str(report_id)
    code, out, _ = run(library, capsys, "annotations", rid)
    assert code == 0 and "尚无批注" in out
    code, out, _ = run(
        library, capsys, "annotate", rid, "--quote", REPEATED, "--category", "wording", "--comment", "套话"
    )
    assert code == 0 and "已添加批注" in out and "出现 3 处" in out
    code, out, _ = run(library, capsys, "annotations", rid)
    assert code == 0 and "表述不规范" in out and "套话" in out and "未处理" in out


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--quote", "报告里没有这句话", "--category", "other"], "找不到"),
        (["--quote", REPEATED, "--occurrence", "4", "--category", "other"], "出现 3 处"),
        (["--quote", REPEATED, "--occurrence", "0", "--category", "other"], "出现 3 处"),
        (["--quote", QUOTE, "--category", "排版问题"], "未知的问题类别"),
        (["--quote", QUOTE, "--category", "other", "--severity", "致命"], "未知的严重程度"),
    ],
)
def test_errors_exit_2_with_a_chinese_message(
    library: Library, report_id: int, capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    code, out, err = run(library, capsys, "annotate", str(report_id), *argv, "--comment", "x", "--json")
    assert (code, out) == (2, "")
    assert err.startswith("错误：") and message in err
    assert json.loads(run(library, capsys, "annotations", str(report_id), "--json")[1]) == []


def test_unknown_report(library: Library, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(library, capsys, "annotations", "42")
    assert code == 2 and "没有编号为 42 的报告" in err
    code, _, err = run(
        library, capsys, "annotate", "42", "--quote", "x", "--category", "other", "--comment", "x"
    )
    assert code == 2 and "没有编号为 42 的报告" in err


def test_through_python_m_desktop(tmp_path: Path) -> None:
    from desktop.cli import COMMANDS

    if "annotate" not in COMMANDS:
        pytest.skip("desktop/cli.py does not wire the annotation commands yet")
    library = str(tmp_path / "lib.sqlite")

    def reviewdesk(*args: str) -> subprocess.CompletedProcess[bytes]:
        return subprocess.run(
            [sys.executable, "-m", "desktop", *args, "--library", library],
            cwd=ROOT,
            capture_output=True,
            timeout=120,
        )

    [outcome] = json.loads(reviewdesk("import", str(sample("shili_2024.docx")), "--json").stdout)
    rid = str(outcome["report_id"])
    done = reviewdesk(
        "annotate", rid, "--quote", QUOTE, "--category", "照搬往年", "--comment", "同去年", "--json"
    )
    assert done.returncode == 0, done.stderr.decode()
    [item] = json.loads(reviewdesk("annotations", rid, "--json").stdout)
    assert (item["category"], item["quote"]["exact"], item["orphan"]) == ("copied", QUOTE, False)
    failed = reviewdesk("annotate", rid, "--quote", "没有这句", "--category", "other", "--comment", "x")
    assert failed.returncode == 2 and "找不到" in failed.stderr.decode("utf-8")

"""Each consistency check on hand-made text, and silence on reports whose figures agree."""

from __future__ import annotations

import pytest

from desktop.core.metrics.catalog import load_catalog, parse_catalog
from desktop.core.metrics.checks import run_checks
from desktop.core.metrics.extract import extract_metrics
from tests.helpers import sample

CATALOG = load_catalog()
EMERGENCY = CATALOG.with_packs(["emergency"])


def checks(text: str) -> list[tuple[str, str]]:
    mentions = extract_metrics(text, [], EMERGENCY)
    return [(c.kind, c.message) for c in run_checks(text, mentions, CATALOG)]


def test_rate_against_its_counts() -> None:
    assert checks("发现隐患4782项，已整改4388项，隐患整改率91.76%。") == []
    ((kind, message),) = checks("发现隐患4782项，已整改4388项，隐患整改率95%。")
    assert kind == "rate_mismatch" and "91.76%" in message and "95%" in message


def test_a_scoped_rate_after_a_semicolon_is_not_compared_with_the_general_counts() -> None:
    text = "发现隐患5230项，已整改4986项，整改率95.33%；其中重大事故隐患12项，已全部整改销号，整改率100%。"
    assert checks(text) == []


def test_rectified_more_than_found_is_impossible() -> None:
    ((kind, message),) = checks("发现隐患100项，已整改120项，整改率100%。")
    assert kind == "impossible_value" and "120" in message


def test_rate_over_100_percent_is_impossible() -> None:
    ((kind, message),) = checks("群众满意率达102%。")
    assert kind == "impossible_value" and "102%" in message


def test_one_metric_with_two_values_shows_both_places() -> None:
    text = "全年立案86宗。\n二、存在的不足和原因\n全年立案90宗。"
    mentions = extract_metrics(text, [], CATALOG)
    (check,) = run_checks(text, mentions, CATALOG)
    assert check.kind == "conflicting_values" and check.severity == "info"
    assert sorted(m.value for m in check.mentions) == [86, 90]
    assert {text[m.start : m.end] for m in check.mentions} == {"86宗", "90宗"}


def test_stated_total_against_listed_parts() -> None:
    good = "2025年共受理85项审批服务事项（危化品经营56项、安全条件审查2项、烟花爆竹经营22项、备案5个）。"
    assert checks(good) == []
    ((kind, message),) = checks(good.replace("备案5个", "备案3个"))
    assert kind == "total_mismatch" and "83" in message


def test_samples_have_no_failed_checks() -> None:
    from desktop.core.analysis import analyse

    for name in ("shili_2023.docx", "shili_2024.docx"):
        result = analyse(sample(name).read_bytes(), name, CATALOG)
        assert run_checks(result.cleaned.text, result.metrics, CATALOG) == []


def test_user_catalog_adds_a_metric_without_code(tmp_path) -> None:  # type: ignore[no-untyped-def]
    import json

    (tmp_path / "metrics_catalog.json").write_text(
        json.dumps(
            {
                "metrics": [
                    {
                        "key": "normative_documents",
                        "label": "规范性文件",
                        "triggers": ["规范性文件"],
                        "units": ["件"],
                    }
                ]
            },
            ensure_ascii=False,
        ),
        encoding="utf-8",
    )
    extended = load_catalog(tmp_path)
    assert extended.digest != CATALOG.digest
    found = extract_metrics("全年审查规范性文件12件", [], extended)
    assert [(m.key, m.value) for m in found] == [("normative_documents", 12)]


def test_broken_catalog_entry_is_a_clear_error() -> None:
    from desktop.core.metrics.catalog import CatalogError

    with pytest.raises(CatalogError, match="不完整"):
        parse_catalog({"metrics": [{"key": "x"}]})

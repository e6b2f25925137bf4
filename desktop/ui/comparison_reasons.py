"""Why the comparison view has nothing to compare, in the reviewer's language.

The core gives a :class:`~desktop.core.compare.result.NoPrior` code; the command line words it
with its commands, the window here with what the reviewer can do in the window.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

if TYPE_CHECKING:
    from desktop.core.compare.result import NoPrior


def no_prior_text(reason: NoPrior | None, import_hint: str = "") -> str:
    """The reason in a sentence or two; ``import_hint`` (importing last year's report) is added only
    when importing is what helps."""
    from desktop.core.compare.result import NoPrior

    if reason == NoPrior.UNCONFIRMED:
        return QCoreApplication.translate(
            "ComparisonView",
            "资料库中有可能是该单位上一年度的报告，但配对尚未确认。请在报告信息中确认上年报告。",
        )
    if reason == NoPrior.AGENCY_UNCONFIRMED:
        return QCoreApplication.translate(
            "ComparisonView", "报告单位尚未确认，因此不自动配对上一年度的报告。请先确认或更正报告单位。"
        )
    if reason == NoPrior.YEAR_UNKNOWN:
        return QCoreApplication.translate(
            "ComparisonView", "报告年度未能识别，无法查找上一年度的报告。请先更正报告年度。"
        )
    if reason == NoPrior.BINNED:
        return QCoreApplication.translate(
            "ComparisonView", "要比较的上一年度报告在回收站中。从回收站恢复后即可比较。"
        )
    if reason == NoPrior.REJECTED:
        return QCoreApplication.translate(
            "ComparisonView", "已否定该单位上一年度报告的配对，因此不作比较。可在报告信息中更改上年报告。"
        )
    if reason == NoPrior.NONE_CHOSEN:
        return QCoreApplication.translate(
            "ComparisonView", "已指定该报告不与任何报告比较。可在报告信息中更改上年报告。"
        )
    if reason == NoPrior.MISSING:
        return QCoreApplication.translate("ComparisonView", "资料库中已没有要比较的报告。")
    text = QCoreApplication.translate("ComparisonView", "资料库中没有该单位上一年度的报告，无法比较。")
    return f"{text}\n{import_hint}" if import_hint else text

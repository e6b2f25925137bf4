"""File sizes in messages: precise enough that a file just over a limit never reads as equal to it."""

from __future__ import annotations

from desktop.core.limits import MAX_FILE_BYTES

MB = 1024 * 1024


def megabytes(size: int, limit: int | None = None) -> str:
    """``12.3 MB``; with ``limit``, as many decimals (up to two) as it takes to differ from the limit's
    own figure, then the exact number of bytes (``52,428,801 字节``) when even that is not enough."""
    if limit is None or size == limit:
        return f"{size / MB:.1f} MB"
    for decimals in (1, 2):
        shown = f"{size / MB:.{decimals}f}"
        if float(shown) != limit / MB:
            return f"{shown} MB"
    return f"{size:,} 字节"


def limit_text(limit: int) -> str:
    """``50 MB`` (``52,428,800 字节`` when the limit is not a whole number of megabytes)."""
    return f"{limit // MB} MB" if limit % MB == 0 else f"{limit:,} 字节"


def too_large_message(size: int, limit: int = MAX_FILE_BYTES) -> str:
    """Why a file is refused for its size: its size and the limit, never ``50.0 MB，超过 50 MB``."""
    shown = megabytes(size, limit)
    cap = limit_text(limit)
    if shown.endswith("字节"):
        cap = f"{limit:,} 字节（{cap}）"
    space = "" if cap.endswith("）") else " "
    return f"文件过大（{shown}），超过 {cap}{space}的上限。年度报告通常不足 5 MB，请确认是否选错了文件。"

"""The review workflow's fixed statuses (no ORM here: the window builds its widgets from them)."""

from __future__ import annotations

REVIEW_STATUSES: dict[str, str] = {"unreviewed": "未审", "in_review": "审阅中", "done": "已完成"}
"""A fixed workflow (not configurable like the taxonomy): keys are stored, labels are shown."""
REVIEW_STATUSES_EN: dict[str, str] = {"unreviewed": "Not reviewed", "in_review": "In review", "done": "Done"}

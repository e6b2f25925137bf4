"""Entry point: ``reviewdesk`` with a sub-command runs the command line, without one the GUI."""

from __future__ import annotations

import sys
from pathlib import Path

from desktop.cli import COMMANDS

WORKER_FLAGS = ("--pdf-worker", "--import-worker")
"""A frozen app runs the import worker when started with one of these (see packaging/launcher.py)."""


def main(argv: list[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if args[:1] and args[0] in WORKER_FLAGS:
        from desktop.core.importers.worker_process import main as worker_main

        worker_main()
        return 0
    if any(arg in COMMANDS for arg in args[:1]) or any(a in ("-h", "--help", "--version") for a in args[:1]):
        from desktop.cli import run

        return run(args)
    if args[:1] and _looks_like_command(args[0]):
        return unknown_command(args[0])
    return gui_main(args)


def _looks_like_command(word: str) -> bool:
    """A first word that is neither an option nor an existing file is a mistyped sub-command
    (``reviewdesk backpu``), not a request to open the window."""
    return not word.startswith("-") and not Path(word).exists()


def unknown_command(word: str) -> int:
    import difflib

    close = difflib.get_close_matches(word, COMMANDS, n=3, cutoff=0.5)
    hint = f"您是不是要输入：{'、'.join(close)}？" if close else ""
    message = (
        f"错误：未知的子命令“{word}”。{hint}\n"
        f"可用的子命令：{'、'.join(COMMANDS)}。\n"
        "运行 reviewdesk -h 查看说明；不带子命令运行 reviewdesk 则打开图形界面。\n"
    )
    sys.stderr.buffer.write(message.encode("utf-8"))
    sys.stderr.flush()
    return 2


def gui_main(argv: list[str] | None = None) -> int:
    from desktop.ui.app import run_gui

    return run_gui(list(sys.argv[1:] if argv is None else argv))


if __name__ == "__main__":
    sys.exit(main())

"""Entry point: ``reviewdesk`` with a sub-command runs the command line, without one the GUI."""

from __future__ import annotations

import sys

from desktop.cli import COMMANDS


def main(argv: list[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if args[:1] == ["--pdf-worker"]:
        from desktop.core.importers.pdf_worker import main as worker_main

        worker_main()
        return 0
    if any(arg in COMMANDS for arg in args[:1]) or any(a in ("-h", "--help", "--version") for a in args[:1]):
        from desktop.cli import run

        return run(args)
    return gui_main(args)


def gui_main(argv: list[str] | None = None) -> int:
    from desktop.ui.app import run_gui

    return run_gui(list(sys.argv[1:] if argv is None else argv))


if __name__ == "__main__":
    sys.exit(main())

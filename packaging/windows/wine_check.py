#!/usr/bin/env python3
"""Run the compiled Windows installer under Wine: install, upgrade, uninstall, both modes.

    python3 packaging/windows/wine_check.py          # after check_installer.sh; needs wine64

The installer's payload is the placeholder bundle of check_installer.sh, so this proves the
installer's own behaviour, silently, as a deployment tool would run it:

1. per user, ``/S /CurrentUser /D=C:\\Review Desk\\App`` (a folder with a space): files, the
   uninstaller, Start-menu and desktop shortcuts, the "Apps" entry, "Open with" registrations;
2. an upgrade to a newer version (``/S``, no switches): same folder and mode, the file the new
   version dropped is gone, the user's library and settings are untouched;
3. ``uninstall.exe /S``: program, shortcuts and registrations gone, library and settings kept;
4. per machine, ``/S /AllUsers /NoDesktopShortcut /NoFileAssociations``: Program Files, HKLM,
   no desktop shortcut, no "Open with"; then ``uninstall.exe /S /RemoveLibrary`` deletes the
   library and settings too.

A fresh Wine prefix under build/wine is used and removed afterwards (Wine reports Windows 10).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
WORK = REPO / "build" / "wine"
UNINST = r"Software\Microsoft\Windows\CurrentVersion\Uninstall\ReviewDesk"
SHORTCUT = "ReviewDesk 法治报告审阅台.lnk"
ENV = {
    **os.environ,
    "WINEPREFIX": str(WORK / "prefix"),
    "WINEDEBUG": "-all",
    "WINEDLLOVERRIDES": "mscoree,mshtml=",  # no Mono/Gecko installer prompts
    "DISPLAY": "",
    # Wine converts file names with the Unix locale's charset: without UTF-8 it cannot
    # create the Chinese-named files of the bundle.
    "LC_ALL": "C.UTF-8",
}
failures: list[str] = []


def wine(*args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(["wine", *args], env=ENV, capture_output=True, text=True, timeout=300)
    subprocess.run(["wineserver", "-w"], env=ENV, timeout=300)
    if check and result.returncode != 0:
        raise SystemExit(f"wine {' '.join(args)} exited {result.returncode}: {result.stderr[-800:]}")
    return result


def drive_c(windows_path: str) -> Path:
    assert windows_path[:3].upper() == "C:\\", windows_path
    return WORK / "prefix" / "drive_c" / windows_path[3:].replace("\\", "/")


def windows_name(path: Path) -> str:
    """The Windows path Wine gives a Linux file (its Z: drive), without spaces to quote."""
    if " " in str(path):
        raise SystemExit(f"the checkout path must not contain spaces for this check: {path}")
    return "Z:" + str(path).replace("/", "\\")


def reg_value(root: str, key: str, name: str | None) -> str | None:
    args = ["reg", "query", f"{root}\\{key}"] + (["/v", name] if name else ["/ve"])
    result = subprocess.run(["wine", *args], env=ENV, capture_output=True, text=True, timeout=120)
    if result.returncode != 0:
        return None
    for line in result.stdout.splitlines():
        parts = line.strip().split(None, 2)
        if len(parts) >= 2 and parts[1].startswith("REG_"):
            return parts[2] if len(parts) == 3 else ""
    return None


def reg_key_exists(root: str, key: str) -> bool:
    result = subprocess.run(
        ["wine", "reg", "query", f"{root}\\{key}"], env=ENV, capture_output=True, timeout=120
    )
    return result.returncode == 0


def expect(condition: bool, what: str) -> None:
    print(f"  {'ok' if condition else 'FAIL'}: {what}")
    if not condition:
        failures.append(what)


def compile_setup(version: str, payload: Path) -> Path:
    files = WORK / f"files-{version}.nsh"
    subprocess.run(
        [sys.executable, str(REPO / "packaging/windows/nsis_files.py"), str(payload), str(files)], check=True
    )
    setup = WORK / f"ReviewDesk-{version}-setup.exe"
    subprocess.run(
        [
            "makensis",
            "-V1",
            "-WX",
            "-INPUTCHARSET",
            "UTF8",
            f"-DVERSION={version}",
            f"-DNUMERIC_VERSION={version}.0",
            f"-DFILES_NSH={files}",
            f"-DOUTFILE={setup}",
            str(REPO / "packaging/windows/reviewdesk.nsi"),
        ],
        check=True,
    )
    return setup


def main() -> int:
    for tool in ("wine", "wineserver", "makensis"):
        if shutil.which(tool) is None:
            print(f"wine check skipped: {tool} not found (apt-get install wine wine64 nsis)")
            return 0
    payload = REPO / "build" / "nsis" / "payload" / "ReviewDesk"
    if not (payload / "ReviewDesk.exe").is_file():
        raise SystemExit(
            "run packaging/windows/check_installer.sh first (it lays out the placeholder bundle)"
        )
    shutil.rmtree(WORK, ignore_errors=True)
    WORK.mkdir(parents=True)
    old = compile_setup("0.1.0", payload)
    # The next version drops one file and adds another.
    newer = WORK / "payload-0.1.1" / "ReviewDesk"
    shutil.copytree(payload, newer)
    dropped = next(p for p in sorted(newer.rglob("*.qm")))
    dropped_rel = dropped.relative_to(newer).as_posix()
    dropped.unlink()
    (newer / "_internal" / "added-in-0.1.1.txt").write_text("new\n", encoding="utf-8")
    new = compile_setup("0.1.1", newer)

    print("wine: creating a Windows 10 prefix")
    subprocess.run(["wineboot", "-i"], env=ENV, capture_output=True, timeout=300)
    subprocess.run(["wineserver", "-w"], env=ENV, timeout=300)
    wine("winecfg", "/v", "win10")
    profile = r"C:\users" + "\\" + os.environ.get("USER", "root")
    user = drive_c(profile)
    if not user.is_dir():
        users = WORK / "prefix" / "drive_c" / "users"
        user = next(p for p in sorted(users.iterdir()) if p.is_dir() and p.name != "Public")
        profile = "C:\\users\\" + user.name
    start_menu = user / "AppData/Roaming/Microsoft/Windows/Start Menu/Programs" / SHORTCUT
    desktop = user / "Desktop" / SHORTCUT
    library = user / "AppData/Local/ReviewDesk"

    print(r"1. per-user silent install into C:\Review Desk\App")
    target = r"C:\Review Desk\App"
    # Through cmd: /D= must reach the installer unquoted, as a deployment tool's command line
    # does, and Wine would quote an argument that contains a space.
    wine("cmd", "/c", f"{windows_name(old)} /S /CurrentUser /D={target}")
    app = drive_c(target)
    expect(
        (app / "ReviewDesk.exe").is_file() and (app / "uninstall.exe").is_file(),
        "program and uninstaller in /D folder",
    )
    expect((app / dropped_rel).is_file(), "every file of the bundle, to the deepest folder")
    expect(
        (app / "_internal/resources/samples/示例 报告$2024.txt").is_file(),
        "file names with space, $ and Chinese",
    )
    expect(start_menu.is_file(), "Start-menu shortcut (per user)")
    expect(desktop.is_file(), "desktop shortcut (per user)")
    expect(
        reg_value("HKCU", UNINST, "InstallLocation") == target, "Apps entry in HKCU with the install folder"
    )
    expect(reg_value("HKCU", UNINST, "DisplayVersion") == "0.1.0", "Apps entry shows version 0.1.0")
    expect(reg_value("HKCU", UNINST, "InstallMode") == "CurrentUser", "install mode recorded")
    command = (
        reg_value("HKCU", r"Software\Classes\Applications\ReviewDesk.exe\shell\open\command", None) or ""
    )
    expect(command == f'"{target}\\ReviewDesk.exe" "%1"', "Open with command passes the file")
    for ext in (".docx", ".pdf", ".txt", ".html"):
        expect(
            reg_value("HKCU", rf"Software\Classes\{ext}\OpenWithProgids", "ReviewDesk.Report") is not None,
            f"Open with entry for {ext}",
        )
    expect(not reg_key_exists("HKLM", UNINST), "nothing written for all users")

    # The reviewer's work: a library and settings, written by the app (not the installer).
    library.mkdir(parents=True, exist_ok=True)
    (library / "library.sqlite").write_bytes(b"SQLite format 3\0 a year of work")
    wine("reg", "add", r"HKCU\Software\ReviewDesk\ReviewDesk", "/v", "ui/language", "/d", "zh_CN", "/f")

    print("2. silent upgrade to 0.1.1 (no switches)")
    wine(str(new), "/S")
    expect(
        (app / "_internal/added-in-0.1.1.txt").is_file(),
        "the new version's file installed in the same folder",
    )
    expect(not (app / dropped_rel).exists(), "the file the new version dropped is gone")
    expect(reg_value("HKCU", UNINST, "DisplayVersion") == "0.1.1", "Apps entry shows version 0.1.1")
    expect(not reg_key_exists("HKLM", UNINST), "the upgrade stayed per user")
    expect((library / "library.sqlite").is_file(), "library kept by the upgrade")
    expect(reg_value("HKCU", r"Software\ReviewDesk\ReviewDesk", "ui/language") == "zh_CN", "settings kept")

    print("3. silent uninstall")
    wine(target + r"\uninstall.exe", "/S")
    expect(not app.exists(), "install folder removed")
    expect(not start_menu.exists() and not desktop.exists(), "shortcuts removed")
    expect(not reg_key_exists("HKCU", UNINST), "Apps entry removed")
    expect(not reg_key_exists("HKCU", r"Software\Classes\Applications\ReviewDesk.exe"), "Open with removed")
    expect(
        reg_value("HKCU", r"Software\Classes\.docx\OpenWithProgids", "ReviewDesk.Report") is None,
        ".docx Open with entry removed",
    )
    expect((library / "library.sqlite").is_file(), "library kept by the uninstaller")
    expect(reg_value("HKCU", r"Software\ReviewDesk\ReviewDesk", "ui/language") == "zh_CN", "settings kept")

    print(
        "4. per-machine silent install without desktop shortcut and Open with, then removal with the library"
    )
    wine(str(new), "/S", "/AllUsers", "/NoDesktopShortcut", "/NoFileAssociations")
    machine = drive_c(r"C:\Program Files\ReviewDesk")
    expect((machine / "ReviewDesk.exe").is_file(), r"installed into C:\Program Files\ReviewDesk")
    expect(reg_value("HKLM", UNINST, "InstallMode") == "AllUsers", "Apps entry in HKLM")
    common = WORK / "prefix/drive_c/ProgramData/Microsoft/Windows/Start Menu/Programs" / SHORTCUT
    expect(common.is_file(), "Start-menu shortcut for all users")
    public_desktop = WORK / "prefix/drive_c/users/Public/Desktop" / SHORTCUT
    expect(not public_desktop.exists() and not desktop.exists(), "no desktop shortcut (/NoDesktopShortcut)")
    expect(
        not reg_key_exists("HKLM", r"Software\Classes\Applications\ReviewDesk.exe"),
        "no Open with (/NoFileAssociations)",
    )
    uninstall = reg_value("HKLM", UNINST, "QuietUninstallString") or ""
    expect(uninstall.endswith("/S /AllUsers"), "quiet uninstall string for deployment tools")
    wine(r"C:\Program Files\ReviewDesk\uninstall.exe", "/S", "/AllUsers", "/RemoveLibrary")
    expect(not machine.exists() and not common.exists(), "program and shortcut removed")
    expect(not reg_key_exists("HKLM", UNINST), "Apps entry removed")
    expect(not library.exists(), "library removed when asked (/RemoveLibrary)")
    expect(not reg_key_exists("HKCU", r"Software\ReviewDesk\ReviewDesk"), "settings removed when asked")

    subprocess.run(["wineserver", "-k"], env=ENV, capture_output=True)
    shutil.rmtree(WORK, ignore_errors=True)
    if failures:
        print(f"wine check: {len(failures)} failed")
        return 1
    print("wine check: installer, upgrade and uninstaller behave as documented")
    return 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env bash
# Packaging check: build the .deb, lint it, install it, run the installed app, remove it;
# compile the Windows installer and run it under Wine; check the glibc floor and the wheels.
# Prints the figures (launch-to-window time, installed size, .deb size, step times).
#
#   bash .ci/packaging.sh          # from .ci/run after the tests, or by hand as root
#
# Installs what it needs with apt (nsis, lintian, desktop-file-utils, binutils, strace, wine,
# poppler-utils and fontconfig for reading the overview the installed app draws)
# and PyInstaller into .venv. Network is used at set-up only (apt, pip); the wheel checks skip
# themselves without it. The installed app runs under strace: any IPv4/IPv6 socket fails the check.
set -euo pipefail
cd "$(dirname "$0")/.."
REPO="$(pwd)"
BUILD_NAME="${REVIEWDESK_BUILD:-debian12-amd64}" # the line of packaging/linux/floors.json this build states
START=$SECONDS
step_start=$SECONDS
declare -a FIGURES=()
step() {
    local now=$SECONDS
    [[ -n "${STEP_NAME:-}" ]] && FIGURES+=("step  ${STEP_NAME}: $((now - step_start)) s")
    STEP_NAME="$1"
    step_start=$now
    echo
    echo "=== packaging: $1"
}
figure() {
    FIGURES+=("$1")
    echo "$1"
}

sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
export DEBIAN_FRONTEND=noninteractive

step "tools"
tools=(nsis lintian desktop-file-utils binutils strace wine wine64 poppler-utils fontconfig)
$sudo apt-get install -y -qq --no-install-recommends "${tools[@]}" >/dev/null ||
    { $sudo apt-get update -qq && $sudo apt-get install -y -qq --no-install-recommends "${tools[@]}" >/dev/null; }
[[ -x .venv/bin/python ]] || make .venv/.installed
.venv/bin/python -m pip install --quiet --disable-pip-version-check "pyinstaller>=6.10,<7"

step "wheels for every platform (pip download checks; skipped offline)"
.venv/bin/python packaging/check_wheels.py --scan-glibc

step "build the .deb (PyInstaller + dpkg-deb)"
PYTHON=.venv/bin/python packaging/linux/build_deb.sh
DEB="$(ls -t dist/reviewdesk_*.deb | head -n 1)"

step "glibc and Qt floor of build ${BUILD_NAME}"
python3 packaging/linux/glibc_floor.py dist/ReviewDesk --build "$BUILD_NAME"

step "desktop entry and lintian"
desktop-file-validate packaging/linux/reviewdesk.desktop
dpkg-deb --fsys-tarfile "$DEB" | tar -xO ./usr/share/applications/reviewdesk.desktop >build/reviewdesk.desktop
desktop-file-validate build/reviewdesk.desktop
lintian_status=0
lintian --fail-on error --tag-display-limit 0 "$DEB" >build/lintian.txt 2>&1 || lintian_status=$?
grep -v 'running with root privileges' build/lintian.txt || true
[[ "$lintian_status" -eq 0 ]] || { echo "lintian reports errors (exit $lintian_status)" >&2; exit 1; }
echo "ok: desktop entry valid, lintian without errors (warnings above are informational)"

# The installed app runs as a user would start it: its own HOME, no network, offscreen.
check_installed() {
    local label="$1" home
    home="$(mktemp -d)"
    local run=(env -u LD_LIBRARY_PATH HOME="$home" XDG_CONFIG_HOME="$home/.config" XDG_DATA_HOME="$home/.local/share"
        QT_QPA_PLATFORM=offscreen)
    "${run[@]}" reviewdesk --version
    local samples=/opt/reviewdesk/_internal/resources/samples
    strace -f -qq -e trace=socket -o "$home/sockets.log" \
        "${run[@]}" reviewdesk import "$samples/shili_2023.docx" "$samples/shili_2024.pdf" "$samples/shili_2024.txt" \
        --library "$home/library.sqlite" --json >"$home/import.json"
    python3 - "$home/import.json" <<'EOF'
import json, sys
outcomes = json.load(open(sys.argv[1], encoding="utf-8"))
assert len(outcomes) == 3 and all(o["ok"] for o in outcomes), outcomes
assert {o["agency"] for o in outcomes} == {"示例市应急管理局"}, outcomes
print(f"ok: imported {len(outcomes)} samples (docx, pdf, txt) through the installed command")
EOF
    "${run[@]}" reviewdesk list --library "$home/library.sqlite"
    local id
    id="$("${run[@]}" reviewdesk list --current --library "$home/library.sqlite" --json |
        python3 -c 'import json,sys; print(max(r["id"] for r in json.load(sys.stdin) if r["year"] == 2024))')"
    "${run[@]}" reviewdesk export-memo "$id" --out "$home/memo.docx" --library "$home/library.sqlite"
    python3 - "$home/memo.docx" <<'EOF'
import re, sys, zipfile
text = re.sub(r"<[^>]+>", "", zipfile.ZipFile(sys.argv[1]).read("word/document.xml").decode("utf-8"))
assert "审查意见" in text and "示例市应急管理局" in text, "the memo lacks its title or the agency"
print(f"ok: exported the review memo ({len(text)} characters of text)")
EOF
    if [[ "$label" == "apt-get install" ]]; then
        check_features "$home" "${run[@]}"
    fi
    # Launch to first paint of the main window, five times after one cold start.
    python3 - "$home" "$label" >>"$home/figures.txt" <<'EOF'
import os, statistics, subprocess, sys, time
home, label = sys.argv[1], sys.argv[2]
env = {k: v for k, v in os.environ.items() if k != "LD_LIBRARY_PATH"}
env.update(HOME=home, XDG_CONFIG_HOME=home + "/.config", XDG_DATA_HOME=home + "/.local/share",
           QT_QPA_PLATFORM="offscreen", REVIEWDESK_STARTUP_PROBE="1")
times = []
for _ in range(6):
    start = time.perf_counter()
    proc = subprocess.Popen(["reviewdesk", "--library", home + "/library.sqlite"], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    for line in proc.stdout:
        if line.strip() == "reviewdesk-first-paint":
            times.append(time.perf_counter() - start)
            break
    proc.wait(timeout=60)
    assert proc.returncode == 0, f"the installed app exited {proc.returncode}"
assert len(times) == 6, "the main window never painted"
print(f"launch to main window ({label}): cold {times[0]:.2f} s, warm median {statistics.median(times[1:]):.2f} s")
EOF
    strace -f -qq -e trace=socket -o "$home/sockets-gui.log" \
        env -u LD_LIBRARY_PATH HOME="$home" QT_QPA_PLATFORM=offscreen REVIEWDESK_STARTUP_PROBE=1 \
        reviewdesk --library "$home/library.sqlite" >/dev/null
    if grep -hE 'AF_INET6?|PF_INET6?' "$home/sockets.log" "$home/sockets-gui.log"; then
        echo "the installed app opened a network socket" >&2
        exit 1
    fi
    echo "ok: no network socket opened by the installed app (import, memo, GUI start)"
    cat "$home/figures.txt"
    FIGURES+=("$(cat "$home/figures.txt")")
    rm -rf "$home"
}

# What the bundle rules leave out must not be missed by a feature: the season overview drawn by the
# installed command as .xlsx (first: it builds matplotlib's font list), .png (traced: which fonts
# the drawing opened) and .pdf, and a team library on the PostgreSQL server CI runs
# (.ci/postgres.sh exports REVIEWDESK_TEST_PG) through the system's libpq. check_features.py reads
# the files with poppler and fontconfig and says what is wrong.
check_features() {
    local home="$1"
    shift
    local run=("$@") lib=(--library "$home/library.sqlite")
    "${run[@]}" reviewdesk overview --year 2024 --out "$home/overview.xlsx" "${lib[@]}" >/dev/null
    strace -f -qq -e trace=openat -o "$home/overview-png.trace" \
        "${run[@]}" reviewdesk overview --year 2024 --out "$home/overview.png" "${lib[@]}" >/dev/null 2>"$home/overview-png.err" ||
        { cat "$home/overview-png.err" >&2; exit 1; }
    "${run[@]}" reviewdesk overview --year 2024 --out "$home/overview.pdf" "${lib[@]}" >/dev/null
    python3 packaging/linux/check_features.py overview "$home"
    if [[ -z "${REVIEWDESK_TEST_PG:-}" ]]; then
        echo "note: REVIEWDESK_TEST_PG not set (source .ci/postgres.sh): team library not checked"
        return 0
    fi
    local psql db team
    psql="$(command -v psql || ls -d /usr/lib/postgresql/*/bin/psql | sort -V | tail -n 1)"
    db="reviewdesk_package_$$"
    team="$(python3 -c 'import sys, urllib.parse as u; p = u.urlsplit(sys.argv[1]); print(u.urlunsplit(p._replace(path="/" + sys.argv[2])))' \
        "$REVIEWDESK_TEST_PG" "$db")"
    "$psql" -q "$REVIEWDESK_TEST_PG" -v ON_ERROR_STOP=1 -c "CREATE DATABASE $db" >/dev/null
    "${run[@]}" reviewdesk copy-library "$home/library.sqlite" "$team" >/dev/null
    "${run[@]}" reviewdesk list --current --json --library "$team" >"$home/team-list.json"
    strace -f -qq -e trace=openat -o "$home/team.trace" \
        "${run[@]}" reviewdesk overview --year 2024 --out "$home/team.pdf" --library "$team" >/dev/null
    "$psql" -q "$REVIEWDESK_TEST_PG" -c "DROP DATABASE $db" >/dev/null
    python3 packaging/linux/check_features.py team "$home"
}

# Every package the .deb depends on (each alternative) must be known to apt's sources, so that
# apt-get install ./….deb resolves them on a fresh machine of this distribution, not only here
# where most are installed already.
check_depends_resolvable() {
    local deb="$1" missing=0 alternative name candidate
    while read -r alternative; do
        name="${alternative%% *}"
        candidate="$(apt-cache policy "$name" 2>/dev/null | awk '/Candidate:/ {print $2}')"
        if [[ -z "$candidate" || "$candidate" == "(none)" ]] &&
            ! apt-cache showpkg "$name" 2>/dev/null | sed -n '/^Reverse Provides:/,$p' | tail -n +2 | grep -q .; then
            echo "Depends: $name is in no apt source of this machine" >&2
            missing=1
        fi
    done < <(dpkg-deb -f "$deb" Depends | tr ',|' '\n\n' | sed 's/^ *//;/^$/d')
    [[ "$missing" -eq 0 ]] || return 1
    echo "ok: every package in Depends ($(dpkg-deb -f "$deb" Depends | tr ',' '\n' | wc -l)) has an apt candidate"
}

files_left() {
    # Files of the package still on disk (directories shared with other packages do not count).
    local list="$1" path left=0
    while read -r path; do
        [[ -e "$path" && ! -d "$path" ]] && { echo "left behind: $path" >&2; left=1; }
    done <"$list"
    [[ -e /opt/reviewdesk ]] && { echo "left behind: /opt/reviewdesk" >&2; left=1; }
    return $left
}

step "install with apt-get (declared dependencies resolve), run, remove"
$sudo dpkg -P reviewdesk >/dev/null 2>&1 || true
check_depends_resolvable "$DEB"
$sudo apt-get install -y -qq "./$DEB" >/dev/null
dpkg-query -W -f='installed ${Package} ${Version} (${Installed-Size} KiB)\n' reviewdesk
check_installed "apt-get install"
dpkg -L reviewdesk >build/reviewdesk.files
$sudo dpkg -r reviewdesk >/dev/null
files_left build/reviewdesk.files
echo "ok: dpkg -r removed every file of the package"

step "install with dpkg -i, run, purge"
$sudo dpkg -i "$DEB" >/dev/null
check_installed "dpkg -i"
INSTALLED_KB="$(du -sk /opt/reviewdesk | cut -f1)"
USR_KB="$(dpkg -L reviewdesk | grep '^/usr/' | while read -r f; do [[ -f "$f" ]] && echo "$f"; done | xargs du -ck | tail -n 1 | cut -f1)"
$sudo dpkg -P reviewdesk >/dev/null
files_left build/reviewdesk.files
if dpkg-query -W reviewdesk >/dev/null 2>&1 && [[ "$(dpkg-query -W -f='${Status}' reviewdesk)" != *not-installed* ]]; then
    echo "dpkg still knows reviewdesk after purge" >&2
    exit 1
fi
echo "ok: dpkg -P left nothing under /opt or /usr"

step "Windows installer: compile (makensis) and run under Wine"
bash packaging/windows/check_installer.sh --from dist/ReviewDesk
python3 packaging/windows/wine_check.py

step "done"
figure "installed size on disk: $(((INSTALLED_KB + USR_KB) / 1024)) MB (/opt/reviewdesk ${INSTALLED_KB} KiB + /usr ${USR_KB} KiB)"
figure ".deb size: $(du -k "$DEB" | cut -f1) KiB ($(du -h "$DEB" | cut -f1)), $DEB"
figure "Windows setup (placeholder payload) compiled: $(ls dist/ReviewDesk-*-win-x64-setup.exe)"
figure "packaging check total: $((SECONDS - START)) s"
echo
echo "=== packaging figures"
printf '%s\n' "${FIGURES[@]}"
# Every step above stops the script on failure, so reaching here means all of them passed.
echo "packaging: $(printf '%s\n' "${FIGURES[@]}" | grep -c '^step ') passed, 0 failed"

#!/usr/bin/env bash
# Which files of the frozen bundle the app actually opens, and which it never does.
#
#   packaging/linux/trace_loaded.sh [dist/ReviewDesk]      # needs strace; xvfb-run for the xcb run
#
# Runs the PyInstaller folder through what a reviewer does (import .docx/.pdf/.txt, compare,
# figures, search, memo and summary exports, review package, the season overview as .png, .pdf
# and .xlsx, a team library when REVIEWDESK_TEST_PG names a PostgreSQL server (.ci/postgres.sh),
# the GUI on the offscreen and, when xvfb-run exists, the xcb platform) under
# `strace -f -e openat`, then lists the bundle's files that no run opened, largest first, by part,
# and for the chart and driver packages (matplotlib, numpy, fontTools, kiwisolver, PIL, psycopg)
# what each opened and what it did not. That list is where bundle_rules.py looks
# for what to leave out; a file on it is not automatically unused (a GB18030 codec, the
# Wayland plugin or the jieba dictionary cached from an earlier run are opened only in some
# situations), so each exclusion still needs a reason and the tests.
set -euo pipefail
REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
BUNDLE="$(cd "${1:-$REPO/dist/ReviewDesk}" && pwd)"
APP="$BUNDLE/ReviewDesk"
[[ -x "$APP" ]] || { echo "no $APP: build the bundle first" >&2; exit 1; }
command -v strace >/dev/null || { echo "strace not found (apt-get install strace)" >&2; exit 1; }
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
S="$BUNDLE/_internal/resources/samples"
export HOME="$WORK" QT_QPA_PLATFORM=offscreen
rm -f "${TMPDIR:-/tmp}/jieba.cache" # jieba would read its cache instead of the dictionary

run() {
    local name="$1"
    shift
    strace -f -qq -e trace=openat,open -o "$WORK/trace.$name" "$@" >/dev/null 2>&1 || true
}
lib=(--library "$WORK/library.sqlite")
run import "$APP" import "$S/shili_2023.docx" "$S/shili_2024.pdf" "$S/shili_2024.txt" "$S/shili_2024.docx" "${lib[@]}"
run compare "$APP" compare 4 "${lib[@]}"
run metrics "$APP" metrics 4 "${lib[@]}"
run search "$APP" search 安全生产 "${lib[@]}"
run memo "$APP" export-memo 4 --out "$WORK/memo.docx" "${lib[@]}"
run xlsx "$APP" export-summary --out "$WORK/summary.xlsx" "${lib[@]}"
run csv "$APP" export-summary --out "$WORK/summary.csv" "${lib[@]}"
run package "$APP" export-annotations --out "$WORK/p.rdpkg" --with-originals "${lib[@]}"
# The first overview builds matplotlib's font list (it opens every font to read its name); later
# ones open only the fonts they draw with. Trace those.
"$APP" overview --year 2024 --out "$WORK/warm.png" "${lib[@]}" >/dev/null 2>&1 || true
for format in png pdf xlsx; do
    run "overview-$format" "$APP" overview --year 2024 --out "$WORK/overview.$format" "${lib[@]}"
done
if [[ -n "${REVIEWDESK_TEST_PG:-}" ]] && command -v psql >/dev/null; then
    db="reviewdesk_trace_$$"
    psql -q "$REVIEWDESK_TEST_PG" -c "CREATE DATABASE $db" >/dev/null
    team="$(python3 -c 'import sys, urllib.parse as u; p = u.urlsplit(sys.argv[1]); print(u.urlunsplit(p._replace(path="/" + sys.argv[2])))' "$REVIEWDESK_TEST_PG" "$db")"
    run team-copy "$APP" copy-library "$WORK/library.sqlite" "$team"
    run team-overview "$APP" overview --year 2024 --out "$WORK/team.pdf" --library "$team"
    psql -q "$REVIEWDESK_TEST_PG" -c "DROP DATABASE $db" >/dev/null
fi
run gui env REVIEWDESK_STARTUP_PROBE=1 "$APP" "${lib[@]}"
if command -v xvfb-run >/dev/null; then
    run xcb env QT_QPA_PLATFORM=xcb REVIEWDESK_STARTUP_PROBE=1 xvfb-run -a "$APP" "${lib[@]}"
fi

python3 - "$BUNDLE" "$WORK" <<'EOF'
import collections, os, re, sys
from pathlib import Path
bundle, work = Path(sys.argv[1]), Path(sys.argv[2])
opened = set()
pattern = re.compile(r'"([^"]+)"')
for trace in work.glob("trace.*"):
    for line in trace.read_text(errors="replace").splitlines():
        if "ENOENT" in line:
            continue
        match = pattern.search(line)
        if match:
            opened.add(os.path.realpath(match.group(1)))
files = [p for p in bundle.rglob("*") if p.is_file() and not p.is_symlink()]
unused = [(p.stat().st_size, p) for p in files if os.path.realpath(p) not in opened]
total = sum(p.stat().st_size for p in files)
print(f"{len(files)} files, {total / 1e6:.1f} MB; never opened: {len(unused)} files, "
      f"{sum(s for s, _ in unused) / 1e6:.1f} MB")
parts = collections.Counter()
for size, path in unused:
    rel = path.relative_to(bundle / "_internal") if "_internal" in path.parts else path.relative_to(bundle)
    parts["/".join(rel.parts[:3]) if rel.parts[0] == "PySide6" else rel.parts[0]] += size
for part, size in parts.most_common(15):
    print(f"  {size / 1e6:7.2f} MB  {part}")
print("largest files never opened:")
for size, path in sorted(unused, reverse=True)[:25]:
    print(f"  {size / 1e6:7.2f} MB  {path.relative_to(bundle)}")
internal = bundle / "_internal"
for package in ("matplotlib", "numpy", "numpy.libs", "fontTools", "kiwisolver", "contourpy", "PIL",
                "pillow.libs", "psycopg_binary", "psycopg_binary.libs"):
    mine = [p for p in files if p.is_relative_to(internal / package)]
    if not mine:
        print(f"{package}: not in the bundle")
        continue
    used = [p for p in mine if os.path.realpath(p) in opened]
    print(f"{package}: {len(mine)} files, {sum(p.stat().st_size for p in mine) / 1e6:.2f} MB; opened "
          f"{len(used)} ({sum(p.stat().st_size for p in used) / 1e6:.2f} MB); never opened: "
          + (", ".join(str(p.relative_to(internal / package)) for p in mine if p not in used) or "-"))
libpq = sorted({name for name in opened if "/libpq.so" in name or "/libssl.so" in name})
if libpq:
    print("team library through:", ", ".join(libpq))
EOF

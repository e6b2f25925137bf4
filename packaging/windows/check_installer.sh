#!/usr/bin/env bash
# Compile the Windows installer script on Linux around a placeholder of the bundle.
#
#   packaging/windows/check_installer.sh                      # minimal placeholder layout
#   packaging/windows/check_installer.sh --from dist/ReviewDesk
#                                       # mirror a Linux PyInstaller folder (same spec, Windows names)
#
# Needs makensis (Debian: apt-get install nsis) and python3. Output:
# dist/ReviewDesk-<version>-win-x64-setup.exe, an installer whose payload is placeholders: it
# proves the script compiles (every page, language, section, macro and the generated file list),
# not that the app runs on Windows; build.ps1 does the real build on a Windows machine.
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$REPO"

FROM=()
while [[ $# -gt 0 ]]; do
    case "$1" in
        --from) FROM=(--from "$2"); shift 2 ;;
        -h | --help) sed -n '2,12p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "unknown argument: $1 (try --help)" >&2; exit 2 ;;
    esac
done

command -v makensis >/dev/null || { echo "makensis not found: apt-get install nsis" >&2; exit 1; }
PY_VERSION="$(sed -n "s/^__version__[[:space:]]*=[[:space:]]*[\"']\([^\"']*\)[\"'].*/\1/p" desktop/__init__.py)"
# VIProductVersion wants four numbers: 0.2.0rc1 -> 0.2.0.0
NUMERIC="$(printf '%s' "$PY_VERSION" | grep -oE '^[0-9]+(\.[0-9]+){0,3}')"
while [[ "$(tr -cd . <<<"$NUMERIC" | wc -c)" -lt 3 ]]; do NUMERIC="$NUMERIC.0"; done

WORK=build/nsis
PAYLOAD="$WORK/payload/ReviewDesk"
SETUP="dist/ReviewDesk-${PY_VERSION}-win-x64-setup.exe"
mkdir -p "$WORK" dist
python3 packaging/windows/placeholder_bundle.py "$PAYLOAD" "${FROM[@]}"
python3 packaging/windows/nsis_files.py "$PAYLOAD" "$WORK/files.nsh"

# -WX: a warning (unused string, missing language entry ...) fails the check.
makensis -V2 -WX -INPUTCHARSET UTF8 \
    -DVERSION="$PY_VERSION" -DNUMERIC_VERSION="$NUMERIC" \
    -DFILES_NSH="$REPO/$WORK/files.nsh" -DOUTFILE="$REPO/$SETUP" \
    packaging/windows/reviewdesk.nsi

# The result must be a Windows executable (MZ header, PE signature) with the uninstaller inside.
python3 - "$SETUP" <<'EOF'
import struct, sys
data = open(sys.argv[1], "rb").read()
assert data[:2] == b"MZ", "not an MZ executable"
pe = struct.unpack_from("<I", data, 0x3C)[0]
assert data[pe:pe + 4] == b"PE\0\0", "no PE header"
assert b"Nullsoft" in data or b"NSIS" in data, "not an NSIS installer"
print(f"ok: {sys.argv[1]} is a Windows PE installer, {len(data) / 1e6:.1f} MB")
EOF

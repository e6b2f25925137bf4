#!/usr/bin/env bash
# Build dist/reviewdesk_<version>_<arch>.deb for Debian, Ubuntu, UOS (统信) and Kylin (麒麟).
#
#   packaging/linux/build_deb.sh                     # PyInstaller build + .deb
#   packaging/linux/build_deb.sh --skip-pyinstaller  # reuse an existing dist/ReviewDesk/
#
# Environment:
#   PYTHON          interpreter that has the app's dependencies and PyInstaller installed
#                   (default: .venv/bin/python if present, else python3)
#   DEB_MAINTAINER  Maintainer: field (default: "ReviewDesk packaging <packaging@reviewdesk.invalid>";
#                   an organisation that ships the package puts its own contact here)
#
# The package contains the PyInstaller one-folder app under /opt/reviewdesk, a
# /usr/bin/reviewdesk wrapper, the .desktop entry and hicolor icons. It builds for the
# architecture of the machine it runs on (dpkg --print-architecture): an arm64 package
# (Kylin on Phytium/Kunpeng) must be built on an arm64 machine. See packaging/linux/README.md.
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$REPO"

SKIP_PYINSTALLER=0
for arg in "$@"; do
    case "$arg" in
        --skip-pyinstaller) SKIP_PYINSTALLER=1 ;;
        -h | --help)
            sed -n '2,15p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
            exit 0
            ;;
        *)
            echo "unknown argument: $arg (try --help)" >&2
            exit 2
            ;;
    esac
done

for tool in dpkg-deb dpkg md5sum sed find; do
    command -v "$tool" >/dev/null || { echo "missing tool: $tool" >&2; exit 1; }
done

if [[ -z "${PYTHON:-}" ]]; then
    if [[ -x .venv/bin/python ]]; then PYTHON=.venv/bin/python; else PYTHON=python3; fi
fi
MAINTAINER="${DEB_MAINTAINER:-ReviewDesk packaging <packaging@reviewdesk.invalid>}"

# --- version: desktop/__init__.py __version__ (PEP 440) -> Debian version ------------------
PY_VERSION="$(sed -n "s/^__version__[[:space:]]*=[[:space:]]*[\"']\([^\"']*\)[\"'].*/\1/p" desktop/__init__.py)"
if [[ -z "$PY_VERSION" ]]; then
    echo "cannot read __version__ from desktop/__init__.py" >&2
    exit 1
fi
# 1.2.0rc1 -> 1.2.0~rc1 and 1.2.0.dev3 -> 1.2.0~dev3 sort before 1.2.0, as in PEP 440
# (post releases and +local versions are valid Debian versions as they are).
DEB_VERSION="$(printf '%s' "$PY_VERSION" | sed -E 's/[.-]?(a|b|rc|dev)([0-9]*)$/~\1\2/')"
ARCH="$(dpkg --print-architecture)"
PKG=reviewdesk
DEB="dist/${PKG}_${DEB_VERSION}_${ARCH}.deb"

# --- 1. PyInstaller one-folder build ----------------------------------------------------------
APPDIR=dist/ReviewDesk
if [[ "$SKIP_PYINSTALLER" -eq 0 ]]; then
    "$PYTHON" -c 'import PyInstaller' 2>/dev/null || {
        echo "PyInstaller is not installed for $PYTHON: run '$PYTHON -m pip install . pyinstaller'" >&2
        exit 1
    }
    "$PYTHON" -m PyInstaller --noconfirm --clean \
        --distpath dist --workpath build/pyinstaller packaging/reviewdesk.spec
fi
if [[ ! -x "$APPDIR/ReviewDesk" ]]; then
    echo "$APPDIR/ReviewDesk not found: run without --skip-pyinstaller" >&2
    exit 1
fi
# The frozen app must at least start and print its CLI help before we package it.
"$APPDIR/ReviewDesk" --help >/dev/null

# --- 2. staging tree --------------------------------------------------------------------------
STAGE="build/deb/${PKG}_${DEB_VERSION}_${ARCH}"
rm -rf "$STAGE"
install -d "$STAGE/DEBIAN" "$STAGE/opt/reviewdesk" "$STAGE/usr/bin" \
    "$STAGE/usr/share/applications" "$STAGE/usr/share/doc/$PKG"
cp -a "$APPDIR/." "$STAGE/opt/reviewdesk/"

# A wrapper rather than a symlink: PyInstaller finds _internal/ next to the real
# executable either way, but a script also survives tools that copy symlink targets.
cat >"$STAGE/usr/bin/reviewdesk" <<'EOF'
#!/bin/sh
# ReviewDesk (法治报告审阅台): no arguments starts the GUI, a sub-command runs the CLI.
# The bundled Qt 6 has input-method plugins for IBus and compose only. Under fcitx5
# (QT_IM_MODULE=fcitx) Chinese input still works through fcitx5's IBus front end.
PLUGINS=/opt/reviewdesk/_internal/PySide6/Qt/plugins/platforminputcontexts
case "${QT_IM_MODULE:-}" in
    fcitx | fcitx5)
        if [ ! -e "$PLUGINS/libfcitx5platforminputcontextplugin.so" ] && command -v fcitx5 >/dev/null 2>&1; then
            QT_IM_MODULE=ibus
            export QT_IM_MODULE
        fi
        ;;
esac
exec /opt/reviewdesk/ReviewDesk "$@"
EOF

install -m 0644 packaging/linux/reviewdesk.desktop "$STAGE/usr/share/applications/reviewdesk.desktop"
for size in 16 32 48 64 128 256; do
    install -D -m 0644 "resources/icons/reviewdesk-${size}.png" \
        "$STAGE/usr/share/icons/hicolor/${size}x${size}/apps/reviewdesk.png"
done
install -D -m 0644 resources/icons/reviewdesk.svg "$STAGE/usr/share/icons/hicolor/scalable/apps/reviewdesk.svg"

# ReviewDesk's own licence as declared in pyproject.toml ([project] license), if any.
APP_LICENSE="$(sed -n -E 's/^license[[:space:]]*=[[:space:]]*(\{[[:space:]]*text[[:space:]]*=[[:space:]]*)?"([^"]+)".*/\2/p' pyproject.toml | head -n 1)"
if [[ -n "$APP_LICENSE" ]]; then
    LICENSE_FIELD="$APP_LICENSE"
    LICENSE_NOTE="ReviewDesk itself is licensed under ${APP_LICENSE}."
else
    LICENSE_FIELD=other
    LICENSE_NOTE="ReviewDesk itself: licence terms as stated by its publisher."
fi
cat >"$STAGE/usr/share/doc/$PKG/copyright" <<EOF
Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/
Upstream-Name: ReviewDesk (法治报告审阅台)

Files: *
License: ${LICENSE_FIELD}
Comment: ${LICENSE_NOTE}

Files: opt/reviewdesk/_internal/*
Comment: Bundled third-party runtime, each under its own licence: CPython (PSF),
 Qt 6 and PySide6 (LGPL-3.0; shipped as separate shared libraries under
 _internal/PySide6 so they can be replaced), PDFium via pypdfium2 (BSD-3-Clause /
 Apache-2.0), pdfplumber and pdfminer.six (MIT), jieba (MIT), OpenCC (Apache-2.0),
 SQLAlchemy and Alembic (MIT), python-docx (MIT), lxml (BSD-3-Clause), Pillow (MIT-CMU),
 platformdirs (MIT), charset-normalizer (MIT), openpyxl (MIT), rapidfuzz (MIT),
 matplotlib (matplotlib licence, PSF-based) with its DejaVu Sans (Bitstream Vera
 licence) and Last Resort (OFL-1.1) fonts, numpy (BSD-3-Clause; its OpenBLAS
 BSD-3-Clause, libgfortran GPL-3.0 with the GCC runtime exception), fontTools (MIT),
 kiwisolver (BSD-3-Clause), psycopg (LGPL-3.0; the PostgreSQL client library libpq
 comes from the system's libpq5 package). Their licence files are under
 _internal/*.dist-info/ where the wheels ship them.
EOF

# A Debian changelog (native package: changelog.gz), dated by the last commit so that two
# builds of one commit are identical.
CHANGELOG_DATE="$(git log -1 --format=%cD 2>/dev/null || date -R)"
printf '%s (%s) unstable; urgency=medium\n\n  * ReviewDesk %s.\n\n -- %s  %s\n' \
    "$PKG" "$DEB_VERSION" "$PY_VERSION" "$MAINTAINER" "$CHANGELOG_DATE" | gzip -9n >"$STAGE/usr/share/doc/$PKG/changelog.gz"

# What lintian reports about any self-contained application, each with the reason it stays.
install -D -m 0644 packaging/linux/lintian-overrides "$STAGE/usr/share/lintian/overrides/$PKG"

# Normalise permissions: directories 755, files 644, keep executables executable; shared
# libraries are not programs (lintian: shared-library-is-executable).
chmod -R u+rwX,go+rX,go-w "$STAGE"
find "$STAGE/opt" -type f \( -name '*.so' -o -name '*.so.*' \) -exec chmod 0644 {} +
chmod 0755 "$STAGE/usr/bin/reviewdesk" "$STAGE/opt/reviewdesk/ReviewDesk"

# --- 3. control metadata ----------------------------------------------------------------------
# glibc floor = the newest GLIBC_x.y symbol version any bundled ELF file needs (the build
# machine's glibc and the PySide6 wheel's manylinux tag set it), read from the files' version
# needs by glibc_floor.py; dpkg then refuses to install on an older system instead of the app
# failing at start-up. docs/packaging.md states the floor of each build.
GLIBC_MIN="$(python3 packaging/linux/glibc_floor.py --json "$STAGE/opt/reviewdesk" |
    python3 -c 'import json, sys; print(json.load(sys.stdin)["glibc"])')"
INSTALLED_SIZE="$(du -sk --exclude=DEBIAN "$STAGE" | cut -f1)"

# Libraries the bundled Qt (xcb platform plugin, OpenGL/EGL, fontconfig, D-Bus, and Kerberos and brotli for
# QtNetwork, whose local sockets keep one window per library) and the team-library driver load
# from the system; everything else ships inside /opt/reviewdesk. Names exist in Debian 10+,
# Ubuntu 20.04+, UOS 20 and Kylin V10 (t64-renamed packages still provide the old names).
#
# Team libraries: psycopg's Python implementation loads the distribution's libpq (libpq5: 11 on
# UOS 20, 12 on Kylin V10, 15 on Debian 12; psycopg supports libpq 10 and later) with
# ctypes, so no ELF file names it: it is listed here. OpenSSL comes from the system too (the
# spec leaves the build machine's copy out): the package that provides the soname the bundled
# Python's _ssl/_hashlib link, read from their symbol version needs.
OPENSSL_SONAMES="$(python3 - "$STAGE/opt/reviewdesk" <<'PY'
import sys
from pathlib import Path
sys.path.insert(0, "packaging/linux")
import glibc_floor
names = set()
for _name, data in glibc_floor.iter_elf(Path(sys.argv[1])):
    names.update(glibc_floor.verneed(data))
print(" ".join(sorted(n for n in names if n.startswith(("libssl.so.", "libcrypto.so.")))))
PY
)"
case " $OPENSSL_SONAMES " in
    *" libcrypto.so.3 "* | *" libssl.so.3 "*) OPENSSL_PACKAGE=", libssl3" ;;
    *" libcrypto.so.1.1 "* | *" libssl.so.1.1 "*) OPENSSL_PACKAGE=", libssl1.1" ;;
    "  ") OPENSSL_PACKAGE="" ;; # a Python with OpenSSL linked in statically
    *)
        echo "no Debian package known for OpenSSL sonames: $OPENSSL_SONAMES" >&2
        exit 1
        ;;
esac
DEPENDS="libc6 (>= ${GLIBC_MIN}), libgl1, libegl1, libfontconfig1, libfreetype6, libglib2.0-0, \
libdbus-1-3, libxkbcommon0, libxkbcommon-x11-0, libx11-6, libx11-xcb1, libxcb1, libxcb-cursor0, \
libxcb-glx0, libxcb-icccm4, libxcb-image0, libxcb-keysyms1, libxcb-randr0, libxcb-render0, \
libxcb-render-util0, libxcb-shape0, libxcb-shm0, libxcb-sync1, libxcb-xfixes0, libxcb-xkb1, \
libgssapi-krb5-2, libbrotli1, libpq5${OPENSSL_PACKAGE}"

# Libraries only some sessions load (Wayland platform plugin, Vulkan): present where they
# are used, so not hard dependencies.
OPTIONAL_SONAMES_RE='^lib(wayland-(client|cursor|egl)|vulkan)\.so'

# Cross-check Depends against what the bundle really links: every shared library some
# bundled ELF file needs (objdump NEEDED) that is not itself bundled must come from a
# package named above. Needs binutils and a Debian-based build machine; warns only.
check_system_deps() {
    local appdir="$1" needed bundled soname owner missing=0
    if ! command -v objdump >/dev/null; then
        echo "note: objdump (binutils) not found, skipping the Depends cross-check" >&2
        return 0
    fi
    needed="$(find "$appdir" -type f \( -name '*.so' -o -name '*.so.*' -o -name ReviewDesk \) \
        -exec objdump -p {} + 2>/dev/null | awk '$1 == "NEEDED" {print $2}' | sort -u)"
    bundled="$(find "$appdir" -name '*.so*' -printf '%f\n' | sort -u)"
    while read -r soname; do
        [[ -z "$soname" || "$soname" =~ $OPTIONAL_SONAMES_RE ]] && continue
        owner="$({ dpkg -S "*/$soname" 2>/dev/null || true; } | awk -F': ' -v so="$soname" \
            '!found {n = split($2, p, "/"); if (p[n] == so) {sub(/:.*/, "", $1); print $1; found = 1}}')"
        if [[ -z "$owner" ]]; then
            echo "warning: $soname is needed but not installed here, cannot map it to a package" >&2
            missing=1
        elif ! grep -Eq "(^|, )${owner}( |,|\$)" <<<"$DEPENDS"; then
            echo "warning: $soname (package $owner) is needed but $owner is not in Depends" >&2
            missing=1
        fi
    done < <(comm -23 <(printf '%s\n' "$needed") <(printf '%s\n' "$bundled"))
    [[ "$missing" -eq 0 ]] && echo "Depends cross-check: every system library the bundle links is covered"
    return 0
}
check_system_deps "$STAGE/opt/reviewdesk"

cat >"$STAGE/DEBIAN/control" <<EOF
Package: ${PKG}
Version: ${DEB_VERSION}
Section: text
Priority: optional
Architecture: ${ARCH}
Maintainer: ${MAINTAINER}
Installed-Size: ${INSTALLED_SIZE}
Depends: ${DEPENDS}
Recommends: fonts-noto-cjk | fonts-wqy-microhei | fonts-wqy-zenhei, xdg-utils
Description: offline review desk for annual rule-of-law government reports
 ReviewDesk (法治报告审阅台) imports annual rule-of-law government reports
 (.docx, .pdf, .txt, .html, .doc), extracts their structure and metadata and
 lets reviewers read, correct and compare them.
 .
 It works entirely offline: nothing is downloaded at install or run time and
 there is no automatic update. The user's library lives in the per-user data
 directory (~/.local/share/ReviewDesk) and is kept on upgrade and removal.
EOF

(cd "$STAGE" && find opt usr -type f -print0 | LC_ALL=C sort -z | xargs -0 md5sum) >"$STAGE/DEBIAN/md5sums"
chmod 0644 "$STAGE/DEBIAN/control" "$STAGE/DEBIAN/md5sums"

# --- 4. build ---------------------------------------------------------------------------------
# xz, not zstd: the dpkg of Debian 10-based UOS/Kylin cannot unpack zstd members. Level 9: a
# package copied to many offline workstations is worth the extra build time (about 1.3 MB smaller).
mkdir -p dist
dpkg-deb --root-owner-group -Zxz -z9 --build "$STAGE" "$DEB"
echo "built $DEB ($(du -h "$DEB" | cut -f1), glibc >= ${GLIBC_MIN})"

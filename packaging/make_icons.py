"""Render the ReviewDesk app icon (SVG) to PNGs and a multi-size Windows ICO.

Usage (from the repository root, inside the project's virtualenv)::

    python packaging/make_icons.py            # writes resources/icons/*.png and reviewdesk.ico
    python packaging/make_icons.py --check    # exit 1 if the committed rasters are stale

Only PySide6 (a runtime dependency of the app, QtSvg is part of PySide6-Essentials) is
needed. The ICO is written by hand: sizes below 256 px are stored as classic 32-bit BMP
(DIB) entries, the 256 px one as PNG, which is what Windows Explorer, the PyInstaller
bootloader resource and the NSIS installer's ``MUI_ICON`` all accept.
"""

from __future__ import annotations

import argparse
import os
import struct
import sys
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
ICON_DIR = REPO_ROOT / "resources" / "icons"
SVG_PATH = ICON_DIR / "reviewdesk.svg"
PNG_SIZES: tuple[int, ...] = (16, 32, 48, 64, 128, 256)
ICO_SIZES: tuple[int, ...] = (16, 24, 32, 48, 64, 128, 256)


def _ensure_gui_app() -> object:
    """Qt wants a QGuiApplication before painting; use the offscreen platform (no display)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance()
    return app if app is not None else QGuiApplication([sys.argv[0]])


def render_rgba(svg_path: Path, size: int) -> bytes:
    """Render ``svg_path`` to a ``size``x``size`` image; return straight (non-premultiplied) RGBA bytes."""
    from PySide6.QtCore import QRectF, Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(svg_path))
    if not renderer.isValid():
        raise SystemExit(f"invalid SVG: {svg_path}")
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, True)
    renderer.render(painter, QRectF(0, 0, size, size))
    painter.end()
    rgba = image.convertToFormat(QImage.Format.Format_RGBA8888)
    row = size * 4
    stride = rgba.bytesPerLine()
    raw = bytes(rgba.constBits())
    return b"".join(raw[y * stride : y * stride + row] for y in range(size))


def encode_png(rgba: bytes, size: int) -> bytes:
    """PNG-encode straight RGBA bytes with Qt (deterministic: no timestamps are written)."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice
    from PySide6.QtGui import QImage, QImageWriter

    image = QImage(rgba, size, size, size * 4, QImage.Format.Format_RGBA8888)
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QImageWriter(buffer, QByteArray(b"png"))
    writer.setQuality(0)  # for PNG, Qt maps quality 0 to maximum zlib compression (still lossless)
    if not writer.write(image):
        raise SystemExit(f"PNG encoding failed: {writer.errorString()}")
    buffer.close()
    return bytes(data.data())


def encode_dib(rgba: bytes, size: int) -> bytes:
    """A 32-bit BGRA DIB (BITMAPINFOHEADER + XOR bitmap bottom-up + 1-bit AND mask) for an ICO entry."""
    header = struct.pack("<IiiHHIIiiII", 40, size, size * 2, 1, 32, 0, 0, 0, 0, 0, 0)
    xor_rows: list[bytes] = []
    mask_rows: list[bytes] = []
    mask_stride = ((size + 31) // 32) * 4
    for y in range(size - 1, -1, -1):
        line = rgba[y * size * 4 : (y + 1) * size * 4]
        bgra = bytearray(len(line))
        bgra[0::4] = line[2::4]
        bgra[1::4] = line[1::4]
        bgra[2::4] = line[0::4]
        bgra[3::4] = line[3::4]
        xor_rows.append(bytes(bgra))
        mask = bytearray(mask_stride)
        for x in range(size):
            if line[x * 4 + 3] == 0:  # fully transparent -> masked out
                mask[x // 8] |= 0x80 >> (x % 8)
        mask_rows.append(bytes(mask))
    return header + b"".join(xor_rows) + b"".join(mask_rows)


def build_ico(images: dict[int, bytes]) -> bytes:
    """Assemble an ICO file from ``{size: rgba}``."""
    entries: list[tuple[int, bytes]] = []
    for size in sorted(images):
        rgba = images[size]
        payload = encode_png(rgba, size) if size >= 256 else encode_dib(rgba, size)
        entries.append((size, payload))
    out = bytearray(struct.pack("<HHH", 0, 1, len(entries)))
    offset = 6 + 16 * len(entries)
    for size, payload in entries:
        dim = 0 if size >= 256 else size  # 0 means 256 in the directory entry
        out += struct.pack("<BBBBHHII", dim, dim, 0, 0, 1, 32, len(payload), offset)
        offset += len(payload)
    for _, payload in entries:
        out += payload
    return bytes(out)


def expected_outputs(svg_path: Path = SVG_PATH) -> dict[Path, bytes]:
    """Every raster file derived from the SVG, keyed by destination path."""
    _ensure_gui_app()
    sizes = sorted(set(PNG_SIZES) | set(ICO_SIZES))
    rendered = {size: render_rgba(svg_path, size) for size in sizes}
    outputs: dict[Path, bytes] = {
        ICON_DIR / f"reviewdesk-{size}.png": encode_png(rendered[size], size) for size in PNG_SIZES
    }
    outputs[ICON_DIR / "reviewdesk.ico"] = build_ico({size: rendered[size] for size in ICO_SIZES})
    return outputs


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only verify the committed files are current")
    args = parser.parse_args(argv)

    outputs = expected_outputs()
    if args.check:
        stale = [p for p, data in outputs.items() if not p.is_file() or p.read_bytes() != data]
        for path in stale:
            print(f"stale: {path.relative_to(REPO_ROOT)}", file=sys.stderr)
        return 1 if stale else 0
    ICON_DIR.mkdir(parents=True, exist_ok=True)
    for path, data in outputs.items():
        path.write_bytes(data)
        print(f"wrote {path.relative_to(REPO_ROOT)} ({len(data)} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())

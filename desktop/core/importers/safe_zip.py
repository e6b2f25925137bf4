"""The safety gate of a .docx: zip bombs, damaged archives, unsafe entry names and hostile XML.

The central directory is checked first (entry count, declared sizes, compression ratio, names), but
declared sizes can lie, so every entry the reader uses is also inflated here by streaming, and the
stream is abandoned the moment a limit is crossed: a bomb is never inflated into memory. XML parts
then go through :func:`parse_xml`, which refuses any DTD before lxml sees the bytes.
"""

from __future__ import annotations

import re
import struct
import zipfile
import zlib
from io import BytesIO
from types import TracebackType

from lxml import etree
from lxml.etree import _Element as Element

from desktop.core.errors import ImportRefused
from desktop.core.limits import MAX_ZIP_ENTRIES, MAX_ZIP_ENTRY_BYTES, MAX_ZIP_RATIO, MAX_ZIP_TOTAL_BYTES

DAMAGED_MESSAGE = "Word 文件已损坏或不完整（可能下载未完成），无法读取。请重新获取原文件。"

_CHUNK = 64 * 1024
_RATIO_FLOOR = 1024 * 1024
"""The ratio is checked only above this size: small XML parts legitimately compress very well."""

_ENCRYPTED_FLAG = 0x1

# What zipfile and zlib raise on damaged or mutated archives (checked with random byte mutations).
ZIP_ERRORS: tuple[type[BaseException], ...] = (
    zipfile.BadZipFile,
    zipfile.LargeZipFile,
    zlib.error,
    EOFError,
    OSError,
    ValueError,
    NotImplementedError,
    RuntimeError,
    struct.error,
    OverflowError,
    KeyError,
)

_DRIVE = re.compile(r"^[A-Za-z]:")


class UnreadableZip(ImportRefused):
    """The archive's central directory cannot be read at all (a download cut short, or not a zip)."""

    def __init__(self) -> None:
        super().__init__("damaged", DAMAGED_MESSAGE)


def _bomb(detail: str) -> ImportRefused:
    return ImportRefused(
        "zip_bomb",
        f"Word 文件的压缩结构异常（{detail}），可能是恶意构造的“压缩炸弹”，为保护本机已拒绝导入。",
    )


def _mb(size: int) -> str:
    return f"{size / 1024 / 1024:,.0f} MB"


def _damaged(detail: str) -> ImportRefused:
    return ImportRefused("damaged", f"Word 文件已损坏（{detail}），无法读取。请重新获取原文件。")


def _encrypted() -> ImportRefused:
    return ImportRefused("encrypted", "Word 文件的内容经过加密，无法读取。请向报送单位索取未加密的文件。")


def is_unsafe_name(name: str) -> bool:
    """True for entry names that are absolute or climb out of the archive (``..``)."""
    if name.startswith(("/", "\\")) or _DRIVE.match(name):
        return True
    return ".." in re.split(r"[/\\]", name)


class _Budget:
    """Limits on the inflated bytes of one archive: declared in its directory, or inflated so far."""

    def __init__(self) -> None:
        self.total = 0

    def check(self, name: str, size: int, compressed: int) -> None:
        """Refuse one entry of ``size`` inflated bytes (declared, or inflated so far)."""
        if size > MAX_ZIP_ENTRY_BYTES:
            raise _bomb(f"“{name[:60]}”解压后超过 {_mb(MAX_ZIP_ENTRY_BYTES)} 的上限")
        if self.total + size > MAX_ZIP_TOTAL_BYTES:
            raise _bomb(f"解压后的总量超过 {_mb(MAX_ZIP_TOTAL_BYTES)} 的上限")
        if size > _RATIO_FLOOR and size > MAX_ZIP_RATIO * max(compressed, 1):
            raise _bomb(f"“{name[:60]}”的压缩比超过 {MAX_ZIP_RATIO}:1")


def check_directory(infos: list[zipfile.ZipInfo]) -> None:
    """Refuse an archive whose central directory already shows a bomb or hostile names."""
    if len(infos) > MAX_ZIP_ENTRIES:
        raise _bomb(f"包含 {len(infos):,} 个条目，超过 {MAX_ZIP_ENTRIES:,} 个的上限")
    declared = _Budget()
    seen: set[str] = set()
    for info in infos:
        if is_unsafe_name(info.filename):
            raise _damaged(f"内部条目“{info.filename[:60]}”的路径不安全，可能是恶意构造的文件")
        if info.filename in seen:
            # Two entries with one name let different readers see different documents.
            raise _damaged(f"内部条目“{info.filename[:60]}”重复出现")
        seen.add(info.filename)
        declared.check(info.filename, info.file_size, info.compress_size)
        declared.total += info.file_size


class SafeZip:
    """A zip whose directory passed :func:`check_directory`; entries come out through :meth:`read`."""

    def __init__(self, data: bytes) -> None:
        try:
            self._zip = zipfile.ZipFile(BytesIO(data))
            infos = self._zip.infolist()
        except ZIP_ERRORS as error:
            raise UnreadableZip() from error
        try:
            check_directory(infos)
        except ImportRefused:
            self._zip.close()
            raise
        self._infos = {info.filename: info for info in infos}
        self._budget = _Budget()

    def __enter__(self) -> SafeZip:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        self._zip.close()

    def read(self, name: str) -> bytes | None:
        """The inflated entry, or ``None`` when the archive has no such entry."""
        info = self._infos.get(name)
        if info is None:
            return None
        if info.flag_bits & _ENCRYPTED_FLAG:
            raise _encrypted()
        pieces: list[bytes] = []
        size = 0
        try:
            with self._zip.open(info) as stream:
                # zipfile inflates at most about one chunk per read, so this loop bounds memory.
                while chunk := stream.read(_CHUNK):
                    size += len(chunk)
                    self._budget.check(name, size, info.compress_size)
                    pieces.append(chunk)
        except ZIP_ERRORS as error:
            raise _damaged(f"内部条目“{name[:60]}”无法解压") from error
        self._budget.total += size
        return b"".join(pieces)


XML_ERRORS = (etree.LxmlError, ValueError)
"""What :func:`parse_xml` raises for XML that is not well-formed (besides ``unsafe_xml``)."""

_DTD = re.compile(rb"<!\s*(?:DOCTYPE|ENTITY)", re.IGNORECASE)
_UNSAFE_XML = "文档包含不安全的 XML 结构（外部实体或实体扩展），可能是恶意构造的文件，已拒绝导入"


def parse_xml(data: bytes, recover: bool = False) -> Element | None:
    """Parse one XML part with entities, DTDs and network access off; ``None`` if recover found nothing.

    A WordprocessingML part never has a DTD, so one is refused before parsing: that stops external
    entities (XXE) and entity expansion (billion laughs) before libxml2 reads a byte of them.
    """
    # NULs are dropped for the scan so that a UTF-16 part is checked as well.
    sample = data.replace(b"\x00", b"") if b"\x00" in data[:4] else data
    if _DTD.search(sample):
        raise ImportRefused("unsafe_xml", _UNSAFE_XML)
    parser = etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False, recover=recover
    )
    root = etree.fromstring(data, parser)
    if root is not None:
        info = root.getroottree().docinfo
        if info.doctype or info.internalDTD is not None:  # a second line of defence
            raise ImportRefused("unsafe_xml", _UNSAFE_XML)
    return root

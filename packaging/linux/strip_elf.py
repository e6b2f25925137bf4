"""Strip debug information and symbol tables from the bundle's ELF files, where that is safe.

Many wheels ship their compiled modules with full debug information (kiwisolver's 5.6 MB
``_cext`` is 0.2 MB without it; fontTools, SQLAlchemy's Cython modules and PDFium likewise):
about 22 MB of the Linux bundle that the app never reads. ``strip --strip-unneeded`` removes it
and keeps the dynamic symbols, so nothing that links or imports the file changes.

What is *not* safe: files that auditwheel rewrote with patchelf (it sets an RPATH on modules that
link a vendored library and renames the vendored libraries in ``<package>.libs/``). strip
rewrites such files with load segments whose file offset and address no longer agree modulo the
page size, and the dynamic loader refuses them ("ELF load command address/offset not
page-aligned"; numpy's OpenBLAS does exactly that). So a file is stripped only if it

1. is not in a ``*.libs/`` directory and has no ``DT_RPATH``/``DT_RUNPATH`` entry, and
2. the stripped copy's ``PT_LOAD`` segments still satisfy the loader's alignment rule;

otherwise the original is kept. A file that fails rule 1 is stripped all the same when the
stripped copy maps to exactly the same memory image (``same_image``: every loadable segment at
the same address with the same bytes; only the section headers and the sections no segment
covers, such as ``.symtab`` and ``.debug_*``, are gone): then the loader cannot tell the two
apart. Qt's ICU libraries pass that test with this binutils; PIL's and numpy's patched modules
do not (strip moves their segments), so ``cut_unloaded_sections`` removes the same sections from
them directly, by whole pages, leaving every segment's bytes and address as they were, and the
copy is kept on the same test. The packaging check then runs the installed app through
everything that loads these files. Pure Python and the standard library (plus binutils' strip).
"""

from __future__ import annotations

import re
import shutil
import struct
import subprocess
from dataclasses import dataclass
from pathlib import Path

PT_LOAD, PT_DYNAMIC = 1, 2
DT_NULL, DT_RPATH, DT_RUNPATH = 0, 15, 29
PAGE = 4096  # the smallest page size of the targets (x86-64; arm64 kernels use 4 or 64 KiB)


@dataclass(frozen=True)
class Segment:
    kind: int
    offset: int
    vaddr: int
    filesz: int
    align: int


def segments(data: bytes) -> list[Segment] | None:
    """The program headers of an ELF image, or None if it is not one we can read."""
    if data[:4] != b"\x7fELF" or len(data) < 64:
        return None
    is64 = data[4] == 2
    end = "<" if data[5] == 1 else ">"
    if is64:
        (phoff,) = struct.unpack_from(end + "Q", data, 0x20)
        phentsize, phnum = struct.unpack_from(end + "HH", data, 0x36)
    else:
        (phoff,) = struct.unpack_from(end + "I", data, 0x1C)
        phentsize, phnum = struct.unpack_from(end + "HH", data, 0x2A)
    found = []
    for index in range(phnum):
        start = phoff + index * phentsize
        if start + (56 if is64 else 32) > len(data):
            return None
        if is64:
            kind, _flags, offset, vaddr, _paddr, filesz, _memsz, align = struct.unpack_from(
                end + "IIQQQQQQ", data, start
            )
        else:
            kind, offset, vaddr, _paddr, filesz, _memsz, _flags, align = struct.unpack_from(
                end + "IIIIIIII", data, start
            )
        found.append(Segment(kind, offset, vaddr, filesz, align))
    return found


def has_search_path(data: bytes) -> bool:
    """Whether the dynamic section carries DT_RPATH or DT_RUNPATH (auditwheel's patchelf sets one)."""
    found = segments(data)
    if not found:
        return False
    is64 = data[4] == 2
    end = "<" if data[5] == 1 else ">"
    entry, size = ("qQ", 16) if is64 else ("iI", 8)
    for segment in found:
        if segment.kind != PT_DYNAMIC:
            continue
        for start in range(segment.offset, min(segment.offset + segment.filesz, len(data)) - size + 1, size):
            tag, _value = struct.unpack_from(end + entry, data, start)
            if tag == DT_NULL:
                break
            if tag in (DT_RPATH, DT_RUNPATH):
                return True
    return False


def loads_aligned(data: bytes) -> bool:
    """Whether every PT_LOAD segment's offset and address agree modulo its alignment and the page
    size, as the dynamic loader requires before it maps the file."""
    found = segments(data)
    if found is None:
        return False
    for segment in found:
        if segment.kind != PT_LOAD:
            continue
        delta = segment.vaddr - segment.offset
        if delta % PAGE or (segment.align > 1 and delta % segment.align):
            return False
    return True


def image(data: bytes) -> list[tuple[int, int, int, int, int, bytes]] | None:
    """What the dynamic loader maps from an ELF file: per program header its type, flags, address,
    sizes and, for loadable segments, the bytes. The ELF header's section-table fields (offset,
    entry count, string-table index) are left out: the loader never reads them."""
    found = segments(data)
    if found is None:
        return None
    is64 = data[4] == 2
    header = 64 if is64 else 52
    # e_shoff, e_shnum and e_shstrndx are what strip rewrites; e_flags .. e_shentsize stay.
    masked = data[:0x28] + data[0x30:0x3C] if is64 else data[:0x20] + data[0x24:0x30]
    # The section header table, which patchelf may leave inside a loadable segment: neither the
    # loader nor a running program reads it, and cutting sections rewrites it.
    end = "<" if data[5] == 1 else ">"
    copy = bytearray(data)
    shoff = struct.unpack_from(end + ("Q" if is64 else "I"), data, 0x28 if is64 else 0x20)[0]
    shentsize, shnum = struct.unpack_from(end + "HH", data, 0x3A if is64 else 0x2E)
    if shoff:
        copy[shoff : shoff + shentsize * shnum] = bytes(shentsize * shnum)
    # The program headers' file offsets: the loader maps each segment from wherever it lies in the
    # file (compared below as address, size and page offset); in memory nothing reads them.
    phoff = struct.unpack_from(end + ("Q" if is64 else "I"), data, 0x20 if is64 else 0x1C)[0]
    phentsize = struct.unpack_from(end + "H", data, 0x36 if is64 else 0x2A)[0]
    field, width = (8, 8) if is64 else (4, 4)
    for index in range(len(found)):
        at = phoff + index * phentsize + field
        copy[at : at + width] = bytes(width)
    data = bytes(copy)
    result = []
    for segment in found:
        content = b""
        if segment.kind == PT_LOAD:
            start = max(segment.offset, header)
            content = (masked if segment.offset == 0 else b"") + data[start : segment.offset + segment.filesz]
        result.append(
            (segment.kind, segment.vaddr, segment.filesz, segment.offset % PAGE, segment.align, content)
        )
    return result


def same_image(original: bytes, stripped: bytes) -> bool:
    """Whether the stripped copy maps to exactly the memory image of the original."""
    before = image(original)
    return before is not None and before == image(stripped)


def why_not_strip(dest: str, data: bytes) -> str | None:
    """Why the file at bundle path ``dest`` must stay as it is, or None if it may be stripped."""
    if segments(data) is None:
        return "not an ELF file"
    if any(part.endswith(".libs") for part in dest.replace("\\", "/").split("/")[:-1]):
        return "a library auditwheel vendored (renamed with patchelf)"
    if has_search_path(data):
        return "has an RPATH/RUNPATH (set by patchelf or the build)"
    return None


def strip_copy(
    source: Path, target: Path, strip: str | None = None, *, identical_image: bool = False
) -> bool:
    """Write a stripped copy of ``source`` to ``target``; False (and no target) when the copy
    would not load or strip is unavailable or fails. With ``identical_image`` the copy must also
    map to the original's memory image (``same_image``), for files ``why_not_strip`` refuses."""
    strip = strip or shutil.which("strip")
    if strip is None:
        return False
    target.parent.mkdir(parents=True, exist_ok=True)
    result = subprocess.run([strip, "--strip-unneeded", "-o", str(target), str(source)], capture_output=True)
    loads = result.returncode == 0 and target.is_file() and loads_aligned(target.read_bytes())
    if loads and (not identical_image or same_image(source.read_bytes(), target.read_bytes())):
        return True
    if identical_image:
        # strip moved a segment of this patched file: cut the unloaded sections out instead.
        original = source.read_bytes()
        cut = cut_unloaded_sections(original)
        if cut is not None and same_image(original, cut):
            target.write_bytes(cut)
            return True
    target.unlink(missing_ok=True)
    return False


SHF_ALLOC, SHT_NULL, SHT_NOBITS = 0x2, 0, 8
_UNLOADED = re.compile(rb"\.(symtab|strtab|comment|gnu\.build\.attributes|debug_\w+)$")


def cut_unloaded_sections(data: bytes) -> bytes | None:
    """``data`` without its symbol table, debug information and build notes, where they lie
    between loadable segments (as patchelf leaves them, which strip then relays out). Their
    headers become SHT_NULL (inactive); each run of their bytes that nothing else occupies is cut
    out by a multiple of the alignment of the segments after it, and every later offset moves
    back by as much. None when nothing can be cut. 64-bit little-endian files only (x86-64 and
    arm64, the targets)."""
    found = segments(data)
    if found is None or data[4] != 2 or data[5] != 1:
        return None
    (phoff,) = struct.unpack_from("<Q", data, 0x20)
    (shoff,) = struct.unpack_from("<Q", data, 0x28)
    phentsize = struct.unpack_from("<H", data, 0x36)[0]
    shentsize, shnum, shstrndx = struct.unpack_from("<HHH", data, 0x3A)
    if shoff == 0 or shentsize != 64 or shstrndx >= shnum or shoff + shnum * 64 > len(data):
        return None
    headers = [list(struct.unpack_from("<IIQQQQIIQQ", data, shoff + i * 64)) for i in range(shnum)]
    names_at = headers[shstrndx][4]

    def name(header: list[int]) -> bytes:
        start = names_at + header[0]
        return data[start : data.index(b"\0", start)]

    cut = {
        i
        for i, h in enumerate(headers)
        if i != shstrndx
        and h[1] not in (SHT_NULL, SHT_NOBITS)
        and not h[2] & SHF_ALLOC
        and _UNLOADED.match(name(h))
    }
    if not cut or any(h[6] in cut for i, h in enumerate(headers) if i not in cut):  # linked from a kept one
        return None
    offsets = [s.offset for s in found]
    kept = [(s.offset, s.offset + s.filesz) for s in found if s.filesz]
    kept += [
        (h[4], h[4] + h[5]) for i, h in enumerate(headers) if i not in cut and h[1] != SHT_NOBITS and h[5]
    ]
    kept += [(0, 64), (phoff, phoff + len(found) * phentsize), (shoff, shoff + shnum * 64)]
    # Runs of cut sections with nothing kept in between, last first (cutting one moves only what
    # lies after it).
    ranges = sorted((headers[i][4], headers[i][4] + headers[i][5]) for i in cut)
    runs: list[list[int]] = []
    for start, end in ranges:
        if runs and not any(a < start and b > runs[-1][1] for a, b in kept):
            runs[-1][1] = max(runs[-1][1], end)
        else:
            runs.append([start, end])
    out = bytearray(data)
    for start, end in reversed(runs):
        if any(a < end and b > start for a, b in kept):
            continue
        step = max([PAGE] + [s.align for s in found if s.kind == PT_LOAD and s.offset >= end])
        shift = (end - start) // step * step
        if shift == 0:
            continue
        del out[start : start + shift]
        offsets = [o - shift if o >= start + shift else o for o in offsets]
        for h in headers:
            if h[4] >= start + shift:
                h[4] -= shift
        shoff = shoff - shift if shoff >= start + shift else shoff
        phoff = phoff - shift if phoff >= start + shift else phoff
    struct.pack_into("<Q", out, 0x20, phoff)
    if len(out) == len(data):
        return None
    for index, offset in enumerate(offsets):
        struct.pack_into("<Q", out, phoff + index * phentsize + 8, offset)
    struct.pack_into("<Q", out, 0x28, shoff)
    for i, h in enumerate(headers):
        struct.pack_into("<IIQQQQIIQQ", out, shoff + i * 64, *([0] * 10 if i in cut else h))
    return bytes(out)

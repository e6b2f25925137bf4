"""Style facts of a .docx: bold, size, centring and outline level, resolved along ``basedOn`` chains.

Also home to the WordprocessingML namespace helper and the property element names, which
:mod:`desktop.core.importers.docx_reader` shares.
"""

from __future__ import annotations

from dataclasses import dataclass

from lxml.etree import _Element as Element

WORD_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def w(tag: str) -> str:
    """The qualified name of a WordprocessingML element or attribute."""
    return f"{{{WORD_NS}}}{tag}"


PPR, RPR, VAL = w("pPr"), w("rPr"), w("val")
_OFF = frozenset({"false", "0", "off", "none"})
_UI_NAMES = {"caption": "Caption", "footer": "Footer", "header": "Header", "title": "Title"} | {
    f"heading {n}": f"Heading {n}" for n in range(1, 10)
}  # python-docx's BabelFish names, without importing python-docx


@dataclass(frozen=True)
class Look:
    """Layout facts of a style or a paragraph; ``None`` where they leave a fact to their base."""

    name: str | None = None
    bold: bool | None = None
    size: float | None = None
    centered: bool | None = None
    outline: int | None = None

    def under(self, base: Look) -> Look:
        """These facts, each missing one taken from ``base`` (the name stays this style's own)."""
        return Look(
            self.name,
            base.bold if self.bold is None else self.bold,
            self.size or base.size,
            base.centered if self.centered is None else self.centered,
            base.outline if self.outline is None else self.outline,
        )


def val(parent: Element | None, tag: str) -> str | None:
    """``w:val`` of the child ``tag``: ``None`` without the child, ``""`` when it has no value."""
    element = None if parent is None else parent.find(tag)
    return None if element is None else (element.get(VAL) or "")


def flag(parent: Element | None, tag: str) -> bool | None:
    """An on/off property (``w:b``, ``w:vanish``…): ``None`` when the child is absent."""
    value = val(parent, tag)
    return None if value is None else value.lower() not in _OFF


def font_size(props: Element | None) -> float | None:
    """The ``w:sz`` of run properties, in points."""
    value = val(props, w("sz")) or ""
    try:  # half-points, or a "16pt" measure in Strict documents
        size = float(value[:-2]) if value.endswith("pt") else int(value) / 2
    except ValueError:
        return None
    return size if 0 < size <= 1638 else None


def look_of(para_props: Element | None, run_props: Element | None, name: str | None = None) -> Look:
    """The facts that paragraph and run properties set directly."""
    align, outline = val(para_props, w("jc")), val(para_props, w("outlineLvl"))
    return Look(
        name,
        flag(run_props, w("b")),
        font_size(run_props),
        None if align is None else align == "center",
        int(outline) if outline is not None and outline.isdigit() else None,
    )


class Styles:
    """Style facts along ``basedOn`` chains, worked out only for the styles a document uses (a
    styles part often defines hundreds). Bold is taken as an override, not as the toggle the
    specification makes it: official reports never rely on the difference."""

    def __init__(self, root: Element | None) -> None:
        self._elements: dict[str, Element] = {}
        self._chains: dict[str | None, Look] = {}
        self._paragraphs: dict[str | None, Look] = {}
        self._default_paragraph: str | None = None
        self._defaults = Look()
        if root is None:
            return
        defaults = root.find(w("docDefaults"))
        if defaults is not None:
            para, run = defaults.find(f"{w('pPrDefault')}/{PPR}"), defaults.find(f"{w('rPrDefault')}/{RPR}")
            self._defaults = look_of(para, run)
        for style in root.iterchildren(w("style")):
            style_id = style.get(w("styleId"))
            if style_id is not None:
                self._elements.setdefault(style_id, style)
                is_default = (style.get(w("default")) or "").lower() in ("1", "true", "on")
                if is_default and style.get(w("type")) == "paragraph":
                    self._default_paragraph = style_id

    def chain(self, style_id: str | None) -> Look:
        """The style's own facts, each missing one taken from the nearest ancestor that has it."""
        look = self._chains.get(style_id)
        if look is None:
            name = val(self._elements[style_id], w("name")) if style_id in self._elements else None
            look = Look(_UI_NAMES.get(name.lower(), name) if name else None)
            seen: set[str] = set()
            current = style_id
            while current is not None and current not in seen and current in self._elements:
                seen.add(current)
                style = self._elements[current]
                look = look.under(look_of(style.find(PPR), style.find(RPR)))
                current = val(style, w("basedOn"))
            self._chains[style_id] = look
        return look

    def paragraph(self, style_id: str | None) -> Look:
        """A paragraph style's facts (the default style's when unknown) over the document defaults."""
        look = self._paragraphs.get(style_id)
        if look is None:
            known = style_id if style_id in self._elements else self._default_paragraph
            look = self._paragraphs[style_id] = self.chain(known).under(self._defaults)
        return look

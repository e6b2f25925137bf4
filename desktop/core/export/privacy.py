"""Exports carry only what the reviewer chose: no local file paths, no user names but the signer's.

A memo template made in Word on someone's computer brings that computer's traces into every memo
written from it: the author and company in the document properties, the path of ``Normal.dotm``
(``C:\\Users\\<name>\\AppData\\…``) as the attached template, custom properties, and the names
on any tracked changes. They are removed or replaced by the signer's name before saving.
"""

from __future__ import annotations

from pathlib import PurePosixPath
from typing import Any

_APP_XML = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
    "<Application>ReviewDesk</Application></Properties>"
)
_CUSTOM_PROPERTIES = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties"
_THUMBNAIL = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/thumbnail"
_ATTACHED_TEMPLATE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/attachedTemplate"
_KEPT_CORE = {"title", "subject", "creator", "lastModifiedBy", "created", "modified", "revision", "language"}
"""Core properties a memo keeps (the exporter sets them); every other one is dropped."""
_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def base_name(name: str | None) -> str:
    """A file name without any folder, whichever system's separators it was written with."""
    if not name:
        return ""
    return PurePosixPath(name.replace("\\", "/")).name


def scrub_document(doc: Any, signer: str) -> None:
    """Remove personal traces from a python-docx document; ``signer`` is the only name left."""
    props = doc.core_properties
    props.author = props.last_modified_by = signer
    core = props._element
    for child in list(core):  # keywords, comments, category, last printed …: whatever the template had
        if str(child.tag).rpartition("}")[2] not in _KEPT_CORE:
            core.remove(child)
    package = doc.part.package
    for part in package.iter_parts():
        if str(part.partname) == "/docProps/app.xml":
            part._blob = _APP_XML.encode("utf-8")
    _drop_relationships(package, _CUSTOM_PROPERTIES)
    _drop_relationships(package, _THUMBNAIL)  # a picture of the template's author's first page
    settings = doc.settings.element
    for element in settings.findall(f"{{{_W}}}attachedTemplate"):
        settings.remove(element)
    _drop_relationships(doc.part._settings_part, _ATTACHED_TEMPLATE)
    for part in (doc.part, *[rel.target_part for rel in doc.part.rels.values() if not rel.is_external]):
        element = getattr(part, "element", None)
        if element is None:
            continue
        for node in element.iter():
            if f"{{{_W}}}author" in node.attrib:
                node.set(f"{{{_W}}}author", signer)
            if f"{{{_W}}}initials" in node.attrib:
                node.set(f"{{{_W}}}initials", "")


def _drop_relationships(owner: Any, reltype: str) -> None:
    rels = owner.rels
    for key in [k for k, rel in rels.items() if rel.reltype == reltype]:
        del rels[key]

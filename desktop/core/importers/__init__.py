"""Readers for every supported file type; ``read_document`` picks one by content.

Each reader takes the file's bytes (already size-checked) and returns an
:class:`~desktop.core.importers.model.ExtractedDocument`, or raises
:class:`~desktop.core.errors.ImportRefused` with a Chinese message.
Readers import their heavy libraries lazily, so importing this package is cheap.
"""

from __future__ import annotations

from pathlib import PurePath

from desktop.core.errors import ImportRefused
from desktop.core.importers.model import ExtractedDocument
from desktop.core.importers.sniff import EXTENSION_FORMATS, FORMAT_NAMES_ZH, sniff_format
from desktop.core.limits import MAX_FILE_BYTES, MAX_TEXT_CHARS

SUPPORTED_EXTENSIONS = tuple(EXTENSION_FORMATS)


def read_document(data: bytes, filename: str) -> ExtractedDocument:
    """Read one file's bytes into an extracted document, refusing what cannot be a report."""
    if len(data) > MAX_FILE_BYTES:
        from desktop.core.sizes import too_large_message

        raise ImportRefused("too_large", too_large_message(len(data)))
    actual = sniff_format(data)
    claimed = EXTENSION_FORMATS.get(PurePath(filename).suffix.lower())
    _check_type(actual, claimed, filename)
    document = _dispatch(actual, data, filename)
    if len(document.text) > MAX_TEXT_CHARS:
        raise ImportRefused(
            "text_too_long",
            f"提取出的文字过长（{len(document.text):,} 字），超过 {MAX_TEXT_CHARS:,} 字的上限。"
            "一份年度报告通常为 5,000–60,000 字，请确认文件内容。",
        )
    if not document.text.strip():
        raise ImportRefused("no_text", "文件中没有可读取的文字。")
    return document


def _check_type(actual: str, claimed: str | None, filename: str) -> None:
    if actual == "empty":
        raise ImportRefused("empty", "文件是空的（0 字节或只有空白），没有可导入的内容。")
    if actual == "binary":
        raise ImportRefused(
            "binary",
            "文件内容不是文字，也不是可识别的文档格式（可能已损坏或并非报告）。"
            "请导入 .docx、.pdf、.txt 或 .html 格式的报告。",
        )
    if actual == "zip":
        raise ImportRefused(
            "unsupported", "这是一个压缩包或其他 Office 文件，不是 Word 文档。请解压后分别导入其中的报告。"
        )
    if claimed is not None and claimed != actual and not (claimed == "txt" and actual == "html"):
        raise ImportRefused(
            "type_mismatch",
            f"文件“{PurePath(filename).name}”的扩展名表明它是{FORMAT_NAMES_ZH[claimed]}，"
            f"但其内容实际是{FORMAT_NAMES_ZH.get(actual, actual)}。文件可能被改名或已损坏，"
            "请向报送单位索取原始文件，或按实际类型修改扩展名后再导入。",
        )


def _dispatch(kind: str, data: bytes, filename: str) -> ExtractedDocument:
    if kind == "docx":
        from desktop.core.importers.docx_reader import read_docx

        return read_docx(data)
    if kind == "pdf":
        from desktop.core.importers.pdf_reader import read_pdf

        return read_pdf(data)
    if kind == "doc":
        from desktop.core.importers.doc_reader import read_doc

        return read_doc(data, filename)
    if kind == "html":
        from desktop.core.importers.html_reader import read_html

        return read_html(data)
    from desktop.core.importers.txt_reader import read_txt

    return read_txt(data)


def shutdown_workers() -> None:
    """Stop helper processes (the PDF worker) if any were started."""
    import sys

    module = sys.modules.get("desktop.core.importers.pdf_reader")
    if module is not None and hasattr(module, "shutdown_worker"):
        module.shutdown_worker()

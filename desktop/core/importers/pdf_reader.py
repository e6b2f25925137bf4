"""PDF importer: text lines from pdfium in a child process, paragraphs rebuilt from the layout.

pdfium runs in the import worker process (:mod:`desktop.core.importers.worker`) with a time
limit and a memory cap, never in the app's own process: when the whole import already runs in
the worker, directly; otherwise (a caller of :func:`read_pdf` in the app) through the worker.
pdfium's part is :mod:`desktop.core.importers.pdf_worker`; :mod:`desktop.core.importers.pdf_layout` turns the
lines it returns into the text, the edits (page furniture, wrapped lines) and the blocks.
"""

from __future__ import annotations

from typing import Any

from desktop.core.errors import ImportRefused
from desktop.core.importers.model import ExtractedDocument
from desktop.core.importers.pdf_layout import _is_furniture_text as _is_furniture_text  # tests import it here
from desktop.core.importers.pdf_layout import build_document
from desktop.core.limits import PDF_TIMEOUT_SECONDS

_ASK_ORIGINAL = "请向报送单位索取 .docx 原件，或用其他软件打开后重新导出 PDF 再导入。"
_MESSAGES = {
    "encrypted": "该 PDF 已加密（需要密码才能打开），无法读取其中的文字。"
    "请向报送单位索取未加密的 PDF 或 Word 原件后再导入。",
    "scanned": "该 PDF 没有可提取的文字层，可能是扫描件或由图片生成。"
    "请索取 .docx 原件，或先用 OCR 软件识别后再导入。",
    "garbled": "该 PDF 的文字层是乱码（字体未嵌入 Unicode 映射），提取出的文字无法使用。"
    "请索取 .docx 原件，或先用 OCR 软件识别后再导入。",
    "damaged": "该 PDF 文件已损坏或结构异常（可能下载不完整），无法读取。"
    "请重新下载，或向报送单位索取完好的 PDF 或 .docx 原件。",
    "memory": "解析该 PDF 所需的内存超出上限，文件可能已损坏或结构异常。" + _ASK_ORIGINAL,
    "crashed": "解析该 PDF 时解析进程意外退出，文件可能已损坏或结构异常。" + _ASK_ORIGINAL,
}


def read_pdf(data: bytes) -> ExtractedDocument:
    """Extract a PDF's text layer with layout-based edits; refuse what cannot be read."""
    result = _extract(data)
    if not result.get("ok"):
        code = str(result.get("code", "damaged"))
        message = _MESSAGES.get(code, _MESSAGES["damaged"])
        raise ImportRefused(code if code in ("encrypted", "scanned", "garbled") else "damaged", message)
    document = build_document(result["pages"])
    document.metadata.update({str(k): str(v) for k, v in result.get("meta", {}).items()})
    failed = "、".join(str(n) for n in result.get("failed", []))
    if failed:
        document.warnings.append(f"PDF 部分页面无法读取（第 {failed} 页），内容可能不完整。")
    scanned = "、".join(str(page["n"]) for page in result["pages"] if page.get("image_only"))
    if scanned:
        document.warnings.append(
            f"PDF 第 {scanned} 页只有图片、没有文字层（可能是扫描页），这些页的内容未能导入。"
            "请核对原件，必要时先用 OCR 软件识别后再导入。"
        )
    return document


# --- the worker process ----------------------------------------------------------------------


def _extract(data: bytes) -> dict[str, Any]:
    """pdfium's reading of the file: here when this already is the import worker, else in it."""
    from desktop.core.importers import worker

    if worker.INSIDE_WORKER:
        from desktop.core.importers.pdf_worker import extract

        try:
            return extract(data)
        except MemoryError:
            raise
        except Exception as error:  # any pdfium failure on this file is a damaged file
            return {"ok": False, "code": "damaged", "detail": repr(error)[:500]}
    return _run_in_worker(data, PDF_TIMEOUT_SECONDS)


def _run_in_worker(data: bytes, timeout: float) -> dict[str, Any]:
    """The text layer read in the shared import worker (killed on timeout, restarted when it died)."""
    from desktop.core.importers.worker import call

    try:
        result: dict[str, Any] = call("pdf", (data,), "PDF 文件", timeout)
    except ImportRefused as refused:
        if refused.code == "timeout":
            message = f"解析 PDF 超时（超过 {timeout:g} 秒），已停止解析。文件可能已损坏或结构异常。"
            raise ImportRefused("timeout", message + _ASK_ORIGINAL) from None
        if refused.code in ("memory", "crashed"):
            return {"ok": False, "code": refused.code}
        raise
    return result


def shutdown_worker() -> None:
    """Stop the worker process (it is started again on the next import)."""
    from desktop.core.importers.worker import shutdown_worker as stop

    stop()

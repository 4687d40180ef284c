"""Choose a reader by the file's content (not its name) and run it.

Public API:

* ``read_document(path, *, max_bytes=DEFAULT_MAX_BYTES, ocr=True, timeout=…) -> Document``
* ``read_bytes(data, name, *, max_bytes=DEFAULT_MAX_BYTES, ocr=True, timeout=…) -> Document``
* ``read_text(text, name="<text>") -> Document``

Every failure is a ``DocumentError`` with a stable ``code``: document.missing,
document.empty, document.too-large, document.corrupt, document.zip-bomb,
document.unsupported, document.encrypted, document.no-text-layer,
document.unreadable.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path

from .archive import MB, open_zip
from .doc_reader import DEFAULT_TIMEOUT, read_legacy
from .docx_reader import read_docx
from .errors import DocumentError
from .html_reader import looks_like_html, read_html
from .language import tag_languages
from .model import Document
from .odt_reader import read_odt
from .pdf_reader import ocr_module_if_installed, read_pdf, renamed
from .sniff import ole2_kind, sniff, zip_kind
from .txt_reader import decode, read_plain_text

# Largest file read (bytes); QOGAM_MAX_DOCUMENT_MB in the environment changes the default.
DEFAULT_MAX_BYTES = int(float(os.environ.get("QOGAM_MAX_DOCUMENT_MB", "50")) * MB)

_SUFFIX = {"pdf": ".pdf", "image": ".img", "doc": ".doc", "rtf": ".rtf"}


def read_text(text: str, name: str = "<text>") -> Document:
    """A document from a string: lines rebuilt into paragraphs, numbers and languages found."""
    document = read_plain_text(text, name)
    document.size = len(text.encode("utf-8"))
    tag_languages(document.paragraphs)
    return document


def read_document(
    path: str | Path, *, max_bytes: int = DEFAULT_MAX_BYTES, ocr: bool = True, timeout: float = DEFAULT_TIMEOUT
) -> Document:
    """Read a charter file of any supported format into positioned paragraphs."""
    path = Path(path)
    name = path.name or str(path)
    try:
        stat = path.stat()
    except OSError as exc:
        raise DocumentError(
            name, f"the file cannot be opened ({exc.strerror or exc})", "Check the path and the file name.", "document.missing"
        ) from exc
    if not path.is_file():
        raise DocumentError(name, "this is a folder, not a file", "Give the path of a charter file.", "document.missing")
    if stat.st_size > max_bytes:
        raise _too_large(name, stat.st_size, max_bytes)
    try:
        with path.open("rb") as handle:
            data = handle.read(max_bytes + 1)
    except OSError as exc:
        raise DocumentError(
            name, f"the file cannot be read ({exc.strerror or exc})", "Check that the file is readable.", "document.unreadable"
        ) from exc
    return _read(data, name, path, max_bytes=max_bytes, ocr=ocr, timeout=timeout)


def read_bytes(
    data: bytes, name: str, *, max_bytes: int = DEFAULT_MAX_BYTES, ocr: bool = True, timeout: float = DEFAULT_TIMEOUT
) -> Document:
    """Read an uploaded file's bytes (the web app's entry point)."""
    return _read(bytes(data), name, None, max_bytes=max_bytes, ocr=ocr, timeout=timeout)


def _read(data: bytes, name: str, path: Path | None, *, max_bytes: int, ocr: bool, timeout: float) -> Document:
    if len(data) > max_bytes:
        raise _too_large(name, len(data), max_bytes)
    if not data.strip():
        raise _empty(name, "the file is empty" if not data else "the file holds only spaces and blank lines")
    try:
        document = _dispatch(data, name, path, ocr=ocr, timeout=timeout)
    except DocumentError:
        raise
    except MemoryError as exc:
        raise _too_large(name, len(data), max_bytes, "it needs more memory to unpack than this machine has") from exc
    except Exception as exc:  # a reader tripped over malformed input it did not foresee
        raise DocumentError(
            name,
            f"the file could not be read: its structure is not as its format requires ({type(exc).__name__}: {exc})",
            "Open it in Word or LibreOffice and save it again as DOCX or PDF; if it opens fine there, "
            "please report the file to the qogam developers.",
            "document.unreadable",
        ) from exc
    document.size = len(data)
    if not any(p.text.strip() for p in document.paragraphs):
        # A scan's pages say why nothing was read (too small, no text recognised).
        why = f" ({'; '.join(document.warnings[:2])})" if document.warnings else ""
        raise _empty(name, f"the document contains no text{why}")
    tag_languages(document.paragraphs)
    return document


def _dispatch(data: bytes, name: str, path: Path | None, *, ocr: bool, timeout: float) -> Document:
    kind = sniff(data, name)
    if kind == "zip":
        archive = open_zip(data, name)
        document = (read_docx if zip_kind(archive, name) == "docx" else read_odt)(archive, name)
    elif kind == "ole2":
        ole2_kind(data, name)
        document = _with_path(data, path, "doc", lambda p: read_legacy(p, name, "doc", timeout=timeout))
    elif kind == "rtf":
        document = _with_path(data, path, "rtf", lambda p: read_legacy(p, name, "rtf", timeout=timeout))
    elif kind == "pdf":
        document = _with_path(data, path, "pdf", lambda p: read_pdf(p, name, ocr=ocr))
    elif kind == "image":
        document = _with_path(data, path, "image", lambda p: _read_image(p, name, ocr))
    elif looks_like_html(data):
        document = read_html(data, name)
    else:
        text, encoding = decode(data, name)
        document = read_plain_text(text, name)
        if encoding not in ("utf-8", "utf-8-sig"):
            document.warnings.append(f"text encoding: {encoding}")
    return document


def _with_path(data: bytes, path: Path | None, kind: str, reader: Callable[[Path], Document]) -> Document:
    """Readers that need a file on disk get the original path, or a private temporary copy."""
    if path is not None:
        return reader(path)
    work = tempfile.mkdtemp(prefix="qogam-upload-")
    try:
        copy = Path(work) / f"upload{_SUFFIX[kind]}"
        copy.write_bytes(data)
        return reader(copy)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def _read_image(path: Path, name: str, ocr: bool) -> Document:
    ocr_module = ocr_module_if_installed() if ocr else None
    function = getattr(ocr_module, "ocr_image", None)
    detail = ""
    if function is not None:
        try:
            document = function(path)
        except DocumentError as exc:
            if exc.code != "document.ocr-unavailable":
                raise renamed(exc, name) from exc
            detail = f", but {exc.problem}"
        else:
            document.name = name
            document.format = "image"
            return document
    raise DocumentError(
        name,
        f"the file is an image (a scan); OCR is needed to read it{detail}",
        "Install tesseract-ocr-rus and tesseract-ocr-kaz, or provide a DOCX.",
        "document.no-text-layer",
    )


def _too_large(name: str, size: int, limit: int, detail: str | None = None) -> DocumentError:
    return DocumentError(
        name,
        detail or f"the file is {size / MB:.1f} MB, over the {limit / MB:.0f} MB limit",
        "Send the charter without embedded pictures or scans at a lower resolution, or raise the limit (max_bytes, QOGAM_MAX_DOCUMENT_MB).",
        "document.too-large",
    )


def _empty(name: str, problem: str) -> DocumentError:
    return DocumentError(name, problem, "Check that this is the right file and that it was saved completely.", "document.empty")

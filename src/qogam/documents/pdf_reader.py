"""PDF → Document from the text layer (pypdfium2); pages without one go to OCR.

Each page's text segments (pdfium "rects") are grouped into lines; a page whose
segments leave a clear vertical gutter is read as two columns (left, then right,
between full-width lines). Lines become paragraphs by textflow, helped by the
geometry: a larger gap than the usual line pitch, a first-line indent, a line
ending short of the right margin. Running headers/footers (the same line at the
top or bottom of most pages) and page numbers are dropped.

OCR hook: pages with fewer than MIN_PAGE_CHARS characters but with images are
scans. They go, 1-based, to ``qogam.documents.ocr.ocr_pdf(path, page_numbers)``
(whose ``OcrResult.apply_to`` records page confidences, stamps and warnings) or,
failing that name, ``ocr_pdf_pages(path, page_numbers)``; the module is imported
lazily. Without OCR (ocr=False, no module, no Tesseract) a PDF that is all scan
raises ``document.no-text-layer``; scanned pages among text pages become a warning.
"""

from __future__ import annotations

import re
import shutil
import statistics
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from .errors import DocumentError
from .model import Document, Paragraph
from .structure import paragraphs_from_blocks
from .textflow import Line, clean, rebuild, starts_paragraph

_PAGE_NUMBER = re.compile(
    r"^(?:стр\.?|страница|page|бет)?\s*[-–—]?\s*\d{1,4}\s*[-–—]?\s*(?:(?:из|of|/)\s*\d{1,4})?\s*(?:бет|стр\.?)?$",
    re.IGNORECASE,
)
_DIGITS = re.compile(r"\d+")
MIN_PAGE_CHARS = 10  # fewer non-space characters than this: the page has no text layer


@dataclass
class _Segment:
    left: float
    bottom: float
    right: float
    top: float
    text: str
    column: int | None = None


def read_pdf(path: Path, name: str, *, ocr: bool = True) -> Document:
    try:
        pdf = pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError as exc:
        if getattr(exc, "err_code", None) == pdfium_c.FPDF_ERR_PASSWORD:
            raise DocumentError(
                name,
                "the PDF is password-protected",
                "Remove the password and try again (open it and print or save it as a PDF without protection).",
                "document.encrypted",
            ) from exc
        raise DocumentError(
            name,
            f"the PDF is damaged and cannot be opened ({exc})",
            "Save or export the PDF again, or send the DOCX it was made from.",
            "document.corrupt",
        ) from exc
    try:
        page_lines: dict[int, list[Line]] = {}
        scanned: list[int] = []
        broken: list[int] = []
        for number in range(1, len(pdf) + 1):
            try:
                page = pdf[number - 1]
            except pdfium.PdfiumError:
                broken.append(number)
                continue
            try:
                lines, chars = _page_lines(page, number)
                if chars < MIN_PAGE_CHARS and _has_images(page):
                    scanned.append(number)
                else:
                    page_lines[number] = lines
            finally:
                page.close()
        pages = len(pdf)
    finally:
        pdf.close()
    if broken and len(broken) == pages:
        raise DocumentError(
            name,
            "the PDF is damaged: none of its pages can be opened",
            "Save or export the PDF again, or send the DOCX it was made from.",
            "document.corrupt",
        )
    _drop_running_lines(page_lines)
    # Gaps, indents and short lines are judged without the running header and
    # footer: the gap under a header is no paragraph break, and a page's last
    # line is not short just because a page number follows it.
    for lines in page_lines.values():
        _mark_geometry(lines)
    document = Document(name=name, format="pdf", paragraphs=[], pages=pages)
    if broken:
        document.warnings.append(f"pages {', '.join(map(str, broken))} are damaged and were skipped")
    ocr_paragraphs = _ocr(path, name, scanned, ocr, have_text=bool(page_lines), document=document)
    document.paragraphs = _assemble(page_lines, ocr_paragraphs, pages)
    return document


def _page_lines(page: pdfium.PdfPage, number: int) -> tuple[list[Line], int]:
    textpage = page.get_textpage()
    try:
        chars = sum(1 for ch in textpage.get_text_range() if not ch.isspace())
        segments = []
        for i in range(textpage.count_rects()):
            left, bottom, right, top = textpage.get_rect(i)
            text = textpage.get_text_bounded(left, bottom, right, top).replace("\r", " ").replace("\n", " ")
            if text.strip():
                segments.append(_Segment(left, bottom, right, top, text))
    finally:
        textpage.close()
    _assign_columns(segments)
    return _to_lines(segments, number), chars


def _has_images(page: pdfium.PdfPage) -> bool:
    return any(True for _ in page.get_objects(filter=(pdfium_c.FPDF_PAGEOBJ_IMAGE,), max_depth=3))


def _assign_columns(segments: list[_Segment]) -> None:
    """Mark segments left (0) / right (1) of a vertical gutter, if the page has one."""
    if len(segments) < 6:
        return
    x0 = min(s.left for s in segments)
    width = max(s.right for s in segments) - x0
    if width <= 0:
        return
    step = 2.0
    cover = [0] * (int(width / step) + 2)
    for s in segments:
        for b in range(int((s.left - x0) / step), int((s.right - x0) / step) + 1):
            cover[b] += 1
    allowed = max(1, len(segments) // 20)  # a few full-width lines (titles) may cross
    lo, hi = int(len(cover) * 0.3), int(len(cover) * 0.7)
    best_start = best_len = run_start = 0
    run_len = 0
    for b in range(lo, hi):
        if cover[b] <= allowed:
            if run_len == 0:
                run_start = b
            run_len += 1
            if run_len > best_len:
                best_start, best_len = run_start, run_len
        else:
            run_len = 0
    if best_len * step < 6:
        return
    gutter = x0 + (best_start + best_len / 2) * step
    left = [s for s in segments if s.right <= gutter]
    right = [s for s in segments if s.left >= gutter]
    if len({round(s.top) for s in left}) < 3 or len({round(s.top) for s in right}) < 3:
        return
    for s in left:
        s.column = 0
    for s in right:
        s.column = 1


def _to_lines(segments: list[_Segment], page: int) -> list[Line]:
    """Reading order: between full-width lines, the left column's lines, then the right's."""
    rows: list[list[_Segment]] = []
    for s in sorted(segments, key=lambda s: (-s.top, s.left)):
        # Segments come top-down, so a segment's row is among the last few opened.
        for row in rows[-12:]:
            ref = row[0]
            if ref.column == s.column and _overlap(ref, s):
                row.append(s)
                break
        else:
            rows.append([s])
    lines = [_line(sorted(row, key=lambda s: s.left), page) for row in rows]
    ordered: list[Line] = []
    band: list[Line] = []
    for line in lines + [None]:  # type: ignore[list-item]
        if line is None or line.column is None:
            ordered.extend(sorted(band, key=lambda x: (x.column, -(x.top or 0))))
            band = []
            if line is not None:
                ordered.append(line)
        else:
            band.append(line)
    return ordered


def _overlap(a: _Segment, b: _Segment) -> bool:
    shared = min(a.top, b.top) - max(a.bottom, b.bottom)
    return shared >= 0.5 * min(a.top - a.bottom, b.top - b.bottom)


def _line(row: list[_Segment], page: int) -> Line:
    text = ""
    previous: _Segment | None = None
    for s in row:
        if previous is not None and not text.endswith(" ") and s.left - previous.right > 1.0:
            text += " "
        text += s.text
        previous = s
    return Line(
        text=text,
        page=page,
        left=row[0].left,
        right=max(s.right for s in row),
        top=max(s.top for s in row),
        bottom=min(s.bottom for s in row),
        column=row[0].column,
    )


def _mark_geometry(lines: list[Line]) -> None:
    """Blank-line gaps, first-line indents and short lines, per column."""
    for column in {line.column for line in lines}:
        own = [line for line in lines if line.column == column]
        if not own:
            continue
        left = min(line.left for line in own)
        rights = sorted(line.right for line in own)
        right = rights[int(len(rights) * 0.9)] if len(rights) > 2 else rights[-1]
        width = max(right - left, 1.0)
        pitches = [a.top - b.top for a, b in zip(own, own[1:], strict=False) if 0 < a.top - b.top < 100]
        pitch = statistics.median(pitches) if pitches else 0.0
        for previous, line in zip(own, own[1:], strict=False):
            gap = previous.top - line.top
            if pitch and (gap > 1.45 * pitch or gap < 0):
                line.blank_before = True
            # A first-line indent: the line starts right of the line before it. Not
            # after a numbered line, whose wrapped text hangs at the number's width.
            if (
                line.left > previous.left + max(12.0, 0.03 * width)
                and previous.text.rstrip().endswith((".", ":", ";"))
                and not starts_paragraph(clean(previous.text))
            ):
                line.blank_before = True
        # A line is short (ends its paragraph) when the next line's first word would
        # have fitted after it: ragged-right text is not mistaken for paragraph ends.
        for line, following in zip(own, own[1:] + [None], strict=True):
            room = right - line.right
            text = clean(line.text)
            if following is None or not text:
                line.short = room > 0.2 * width
                continue
            # Letters are wider than the spaces between them: an average over the
            # whole line would make the next word look narrower than it is.
            char_width = (line.right - line.left) / max(len(text) - 0.5 * text.count(" "), 1)
            first_word = clean(following.text).split(" ", 1)[0]
            line.short = room > (len(first_word) + 1.5) * char_width


def _drop_running_lines(page_lines: dict[int, list[Line]]) -> None:
    """Remove page numbers and headers/footers repeated at the top or bottom of most pages."""
    def edges(lines: list[Line]) -> list[Line]:
        by_height = sorted(lines, key=lambda x: -(x.top or 0))
        return by_height[:2] + by_height[-2:] if len(by_height) > 4 else by_height

    def key(line: Line) -> str:
        # Running headers and footers stand at the same height on every page.
        return f"{round((line.top or 0) / 4)}|{_DIGITS.sub('#', clean(line.text).lower())}"

    seen = Counter()
    for lines in page_lines.values():
        seen.update({key(line) for line in edges(lines)})
    threshold = max(2, (len(page_lines) + 1) // 2)
    for number, lines in page_lines.items():
        drop = set()
        for line in edges(lines):
            text = clean(line.text)
            if _PAGE_NUMBER.match(text) or (len(page_lines) >= 2 and seen[key(line)] >= threshold):
                drop.add(id(line))
        page_lines[number] = [line for line in lines if id(line) not in drop]


def _ocr(path: Path, name: str, pages: list[int], ocr: bool, have_text: bool, document: Document) -> list[Paragraph]:
    if not pages:
        return []
    listed = ", ".join(map(str, pages[:10])) + (" …" if len(pages) > 10 else "")
    ocr_module = ocr_module_if_installed() if ocr else None
    if ocr_module is not None:
        try:
            if hasattr(ocr_module, "ocr_pdf"):  # also gives page confidences, stamps, warnings
                result = ocr_module.ocr_pdf(path, pages)
                result.apply_to(document)
                return result.paragraphs
            paragraphs = list(ocr_module.ocr_pdf_pages(path, pages))
        except DocumentError as exc:
            if exc.code != "document.ocr-unavailable" or have_text:
                raise renamed(exc, name) from exc
            raise no_text_layer(name, exc.problem) from exc
        document.ocr_pages = sorted(set(pages))
        for p in paragraphs:
            if p.page is not None and p.confidence is not None:
                document.ocr_confidence.setdefault(p.page, p.confidence)
        return paragraphs
    if not have_text:
        raise no_text_layer(name)
    document.warnings.append(
        f"pages {listed} have no text layer (scanned) and were not recognised: OCR is not available"
    )
    return []


def ocr_module_if_installed():
    """qogam.documents.ocr when it and Tesseract are installed, else None."""
    if shutil.which("tesseract") is None:
        return None
    try:
        from . import ocr as ocr_module
    except ImportError:
        return None
    return ocr_module if hasattr(ocr_module, "ocr_pdf_pages") else None


def renamed(exc: DocumentError, name: str) -> DocumentError:
    """The same error about the file as the user named it (OCR sees a temporary copy)."""
    if exc.name == name:
        return exc
    return DocumentError(name, exc.problem, exc.remedy, exc.code)


def no_text_layer(name: str, detail: str | None = None) -> DocumentError:
    return DocumentError(
        name,
        "the PDF has no text layer (a scan); OCR is needed" + (f", but {detail}" if detail else ""),
        "Install tesseract-ocr-rus and tesseract-ocr-kaz, or provide a DOCX.",
        "document.no-text-layer",
    )


def _assemble(page_lines: dict[int, list[Line]], ocr_paragraphs: list[Paragraph], pages: int) -> list[Paragraph]:
    """Text-layer paragraphs and OCR paragraphs in page order, indexed afresh."""
    ocr_by_page: dict[int, list[Paragraph]] = {}
    for p in ocr_paragraphs:
        ocr_by_page.setdefault(p.page or 0, []).append(p)
    out: list[Paragraph] = []
    run: list[Line] = []

    def flush() -> None:
        out.extend(paragraphs_from_blocks(rebuild(run), start=len(out)))
        run.clear()

    for number in range(1, pages + 1):
        if number in ocr_by_page:
            flush()
            out.extend(ocr_by_page.pop(number))
        run.extend(page_lines.get(number, []))
    flush()
    for leftover in ocr_by_page.values():
        out.extend(leftover)
    for index, p in enumerate(out):
        p.index = index
    return out

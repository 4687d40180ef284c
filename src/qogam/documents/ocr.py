"""OCR of scanned charters: image-only PDF pages and JPEG/PNG/TIFF files.

Tesseract 5 with ``rus+kaz`` (``rus`` alone reads қолдау as колдау) through
pytesseract; PDF pages rendered by pdftoppm. Each page is straightened before
recognition: a page lying sideways is found from its ink profile and turned the
right way by Tesseract's orientation detection (OSD); an upside-down page shows
as a low recognition confidence and is turned by OSD too; a small skew is
measured from the text lines and removed. Violet and blue stamp ink is taken out
of the text image, and seals and registration marks are looked for on the
colour page (:mod:`qogam.documents.stamps`). Every page is read with both
languages; each paragraph's language (and a page's: ``PageResult.language``) is
decided from the recognised text, Kazakh by its own letters.

Stable API (the PDF reader and ``read_document`` call these)::

    OcrSettings(...)                                   # defaults below; OcrSettings.from_env()
    ocr_image(path, settings=None) -> Document         # JPEG/PNG/TIFF/BMP/WebP, every TIFF page
    ocr_pdf_pages(path, page_numbers, settings=None) -> list[Paragraph]
    ocr_pdf(path, page_numbers=None, settings=None) -> OcrResult
    OcrResult.apply_to(document)                       # ocr_pages, ocr_confidence, ocr_bitonal_pages, stamps, warnings
    ocr_page(page, number, settings=None, *, deadline=None) -> PageResult   # one page (NumPy array)
    is_low_confidence(document, paragraph_index, threshold=None) -> bool

Environment (read by ``OcrSettings.from_env()``, used when no settings are given):
``QOGAM_OCR_DPI``, ``QOGAM_OCR_LANGUAGES``, ``QOGAM_OCR_MAX_PAGES``, ``QOGAM_OCR_TIME_LIMIT``,
``QOGAM_OCR_LOW_CONFIDENCE``, ``QOGAM_OCR_MAX_PIXELS``, ``QOGAM_OCR_PAGE_WORKERS``,
``QOGAM_OCR_STAMPS``, ``QOGAM_OCR_MAX_SKEW``, ``QOGAM_OCR_REORIENT_BELOW``.

Conventions: page numbers are 1-based. OCR paragraphs are indexed 0, 1, … in
page order; a reader that merges them with text-layer pages renumbers ``index``.
Each paragraph's ``confidence`` is its page's mean word confidence (0–100), the
same number as ``Document.ocr_confidence[page]``. Stamp boxes are pixels of the
upright page at the rendering resolution.

Limits: a document needing OCR of more than ``max_pages`` pages is refused with
``DocumentError("document.too-many-pages")`` rather than checked in part: a
check of the first pages would report every later section as missing. A
document not recognised within ``time_limit`` seconds is refused the same way
(``document.ocr-timeout``). Tesseract runs single-threaded (``OMP_THREAD_LIMIT=1``:
its own threads made a page take 15–21 s on two cores instead of ~2 s); pages
run in parallel instead, ``page_workers`` at a time.
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field, fields, replace
from pathlib import Path

import cv2
import numpy as np

from .clauses import dense_levels
from .errors import DocumentError
from .imaging import (
    analyse_layout,
    chroma,
    drop_coloured_ink,
    is_bitonal,
    open_image_pages,
    pdf_page_sizes,
    render_pdf_page,
    rotate_quarters,
    rotate_small,
)
from .model import Document, Paragraph, Stamp
from .ocr_paragraphs import page_language, paragraphs_from_words, rank
from .tesseract import Deadline, check_installed, detect_orientation, read_words


@dataclass(frozen=True)
class OcrSettings:
    """How scans are recognised; every field can be set by ``QOGAM_OCR_<NAME>`` (see :meth:`from_env`)."""

    dpi: int = 300  # PDF pages are rendered at this resolution
    languages: str = "rus+kaz"
    max_pages: int = 200  # pages needing OCR per document
    time_limit: float = 600.0  # seconds per document
    low_confidence: float = 70.0  # a page below this mean word confidence is badly recognised
    max_pixels: int = 80_000_000  # per page image; an A3 page at 600 dpi is 70 Mpx
    page_workers: int = 0  # pages recognised at once; 0 = one per CPU core
    stamps: bool = True  # look for seals and registration marks
    max_skew: float = 10.0  # degrees of skew looked for
    reorient_below: float = 60.0  # confidence below which the page's orientation is re-checked

    @classmethod
    def from_env(cls, environ: dict[str, str] | None = None) -> OcrSettings:
        """Defaults overridden by ``QOGAM_OCR_DPI``, ``QOGAM_OCR_MAX_PAGES``, ``QOGAM_OCR_TIME_LIMIT`` …"""
        environ = os.environ if environ is None else environ
        values = {}
        for f in fields(cls):
            raw = environ.get(f"QOGAM_OCR_{f.name.upper()}")
            if raw is None or raw.strip() == "":
                continue
            kind = type(f.default)
            try:
                if kind is bool:
                    values[f.name] = raw.strip().lower() in ("1", "true", "yes", "on")
                else:
                    values[f.name] = kind(raw.strip())
            except ValueError as exc:
                raise ValueError(f"QOGAM_OCR_{f.name.upper()}={raw!r}: expected a {kind.__name__}") from exc
        return cls(**values)

    def workers(self) -> int:
        if self.page_workers > 0:
            return self.page_workers
        try:
            return max(1, len(os.sched_getaffinity(0)))
        except AttributeError:  # not Linux
            return max(1, os.cpu_count() or 1)


@dataclass
class PageResult:
    """One recognised page."""

    number: int
    paragraphs: list[Paragraph]
    confidence: float | None  # mean word confidence, None when nothing was recognised
    language: str  # "ru", "kk" or "other": the language of most of the page's text
    rotation: int = 0  # degrees clockwise the page was turned to stand upright
    skew: float = 0.0  # degrees counter-clockwise it was straightened by
    stamps: list[Stamp] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    seconds: float = 0.0
    blank: bool = False
    bitonal: bool = False  # a pure black-and-white (1-bit) scan


@dataclass
class OcrResult:
    """The recognised pages of one document, in page order."""

    pages: list[PageResult]

    @property
    def paragraphs(self) -> list[Paragraph]:
        out = [p for page in self.pages for p in page.paragraphs]
        levels = dense_levels([rank(p) for p in out])
        for i, (p, level) in enumerate(zip(out, levels, strict=True)):
            p.index = i
            p.level = level
        return out

    @property
    def confidence(self) -> dict[int, float]:
        return {p.number: p.confidence for p in self.pages if p.confidence is not None}

    @property
    def stamps(self) -> list[Stamp]:
        return [s for page in self.pages for s in page.stamps]

    @property
    def warnings(self) -> list[str]:
        return [w for page in self.pages for w in page.warnings]

    def apply_to(self, document: Document) -> None:
        """Record on ``document`` which pages were recognised, how well, and the stamps found."""
        document.ocr_pages = sorted({*document.ocr_pages, *(p.number for p in self.pages)})
        document.ocr_confidence.update(self.confidence)
        document.ocr_bitonal_pages = sorted({*document.ocr_bitonal_pages, *(p.number for p in self.pages if p.bitonal)})
        document.stamps.extend(self.stamps)
        document.warnings.extend(self.warnings)


# --- public entry points -----------------------------------------------------


def ocr_image(path: str | Path, settings: OcrSettings | None = None) -> Document:
    """Recognise an image file (every page of a multi-page TIFF) into a Document."""
    settings = settings or OcrSettings.from_env()
    path = Path(path)
    info, frames = open_image_pages(path, max_pixels=settings.max_pixels, max_pages=settings.max_pages)
    if info.dpi:
        settings = replace(settings, dpi=info.dpi)
    deadline = Deadline.start(path.name, settings.time_limit)
    numbered = ((i + 1, frame) for i, frame in enumerate(frames))
    result = OcrResult(_run_pages(numbered, settings, deadline))
    document = Document(
        name=path.name,
        format="image",
        paragraphs=result.paragraphs,
        pages=info.frames,
        size=path.stat().st_size,
    )
    result.apply_to(document)
    return document


def ocr_pdf_pages(
    path: str | Path, page_numbers: Iterable[int], settings: OcrSettings | None = None
) -> list[Paragraph]:
    """Paragraphs of the given (1-based) PDF pages, recognised from their images.

    For the page confidences, stamps and warnings as well, call :func:`ocr_pdf`
    and :meth:`OcrResult.apply_to`.
    """
    return ocr_pdf(path, page_numbers, settings).paragraphs


def ocr_pdf(
    path: str | Path, page_numbers: Iterable[int] | None = None, settings: OcrSettings | None = None
) -> OcrResult:
    """Recognise PDF pages (all when ``page_numbers`` is None) rendered by pdftoppm."""
    settings = settings or OcrSettings.from_env()
    path = Path(path)
    sizes = pdf_page_sizes(path)
    wanted = sorted(set(page_numbers)) if page_numbers is not None else list(range(1, len(sizes) + 1))
    bad = [n for n in wanted if not 1 <= n <= len(sizes)]
    if bad:
        raise ValueError(f"{path.name}: no page {bad[0]} (the PDF has {len(sizes)} pages)")
    _check_page_count(path.name, len(wanted), settings)
    deadline = Deadline.start(path.name, settings.time_limit)

    def render(number: int) -> np.ndarray:
        return render_pdf_page(path, number, sizes[number - 1], settings.dpi, settings.max_pixels, deadline)

    return OcrResult(_run_pages(((n, render) for n in wanted), settings, deadline))


def is_low_confidence(document: Document, paragraph_index: int, threshold: float | None = None) -> bool:
    """Whether the paragraph stands on a badly recognised scanned page."""
    paragraph = next((p for p in document.paragraphs if p.index == paragraph_index), None)
    if paragraph is None:
        return False
    confidence = paragraph.confidence
    if confidence is None and paragraph.page is not None:
        confidence = document.ocr_confidence.get(paragraph.page)
    if confidence is None:
        return False
    limit = OcrSettings.from_env().low_confidence if threshold is None else threshold
    return confidence < limit


# --- pages -------------------------------------------------------------------


def _run_pages(pages: Iterator, settings: OcrSettings, deadline: Deadline) -> list[PageResult]:
    """Recognise pages, ``settings.workers()`` at a time; ``pages`` yields (number, image or renderer)."""
    check_installed(deadline.name, settings.languages)
    workers = settings.workers()

    def one(item) -> PageResult:
        number, source = item
        image = source(number) if callable(source) else source
        return ocr_page(image, number, settings, deadline=deadline)

    if workers == 1:
        return [one(item) for item in pages]
    results: list[PageResult] = []
    # Threads suffice: the work happens in tesseract processes and in NumPy/OpenCV,
    # which release the GIL. At most two pages per worker wait in memory (~26 MB each).
    with ThreadPoolExecutor(max_workers=workers, thread_name_prefix="qogam-ocr") as pool:
        pending = []
        for item in pages:
            if len(pending) >= 2 * workers:
                results.append(pending.pop(0).result())
            pending.append(pool.submit(one, item))
        results.extend(f.result() for f in pending)
    return results


def ocr_page(
    page: np.ndarray, number: int = 1, settings: OcrSettings | None = None, *, deadline: Deadline | None = None
) -> PageResult:
    """Straighten, recognise and look for stamps on one page image (grey or BGR)."""
    settings = settings or OcrSettings.from_env()
    deadline = deadline or Deadline.start("<page>", settings.time_limit)
    started = time.monotonic()
    if min(page.shape[:2]) < MIN_PAGE_SIDE:
        height, width = page.shape[:2]
        return PageResult(number, [], None, "other", blank=True, seconds=time.monotonic() - started, warnings=[
            f"page {number}: the image is only {width}×{height} pixels, too small to hold readable text"])
    if page.ndim == 3:
        page_gray, colour = cv2.cvtColor(page, cv2.COLOR_BGR2GRAY), chroma(page)
    else:
        page_gray, colour = page, None
    gray, _ = drop_coloured_ink(page_gray, colour)
    layout = analyse_layout(gray, settings.max_skew)
    if layout.ink_share < 0.002:
        return PageResult(number, [], None, "other", blank=True, seconds=time.monotonic() - started)
    turns = 0
    if layout.sideways:
        osd = detect_orientation(rotate_quarters(gray, 3), settings.dpi, deadline)
        turns = 3 if osd is None else (3 + osd // 90) % 4
    bitonal = is_bitonal(gray)
    recognised = _recognise(page_gray, colour, gray, bitonal, turns, layout.skew, number, settings, deadline)
    if recognised.confidence < settings.reorient_below:
        # An upside-down page reads as nonsense with low confidence; OSD says which way is up.
        osd = detect_orientation(rotate_small(rotate_quarters(gray, turns), layout.skew), settings.dpi, deadline)
        if osd:
            turned = (turns + osd // 90) % 4
            second = _recognise(page_gray, colour, gray, bitonal, turned, layout.skew, number, settings, deadline)
            if second.confidence > recognised.confidence:
                turns, recognised = turned, second
    result = PageResult(
        number=number,
        bitonal=bitonal,
        paragraphs=recognised.paragraphs,
        confidence=round(recognised.confidence, 1) if recognised.words else None,
        language=page_language(recognised.paragraphs),
        rotation=turns * 90,
        skew=layout.skew,
        stamps=recognised.stamps,
    )
    if not recognised.words:
        result.warnings.append(f"page {number}: no text could be recognised on the scanned page")
    elif recognised.confidence < settings.low_confidence:
        result.warnings.append(
            f"page {number}: badly recognised (confidence {recognised.confidence:.0f} of 100); "
            "findings on this page may be wrong"
        )
    result.seconds = round(time.monotonic() - started, 3)
    return result


@dataclass
class _Recognised:
    paragraphs: list[Paragraph]
    confidence: float  # 0 when nothing was read
    words: int
    stamps: list[Stamp]


def _recognise(page_gray: np.ndarray, colour: np.ndarray | None, text: np.ndarray, bitonal: bool, turns: int,
               skew: float, number: int, settings: OcrSettings, deadline: Deadline) -> _Recognised:
    """Read the page turned by ``turns`` quarters and ``skew`` degrees, its stamps with it.

    ``bitonal``: ``text`` is a pure black-and-white (1-bit) scan. The stamps' crops (seal
    centres, marks) are put under the page's text image so that one Tesseract run reads both:
    each run costs ~0.25 s of CPU just to start.
    """

    def straight(layer: np.ndarray, fill: int = 255) -> np.ndarray:
        return rotate_small(rotate_quarters(layer, turns), skew, fill)

    upright = straight(text)
    # A grey scan's text image is the page itself: rotate it once for both uses.
    upright_gray = upright if text is page_gray else None
    if abs(skew) >= 0.05 and bitonal:
        # Rotating a 1-bit scan greys the letters' edges, and Tesseract then spends ~20 % more
        # time binarising them again: keep it black and white.
        upright = cv2.threshold(upright, 127, 255, cv2.THRESH_BINARY)[1]
    regions = None
    lines = None  # the page's frame lines, when a 1-bit page's frames were looked for
    canvas = upright
    if settings.stamps:
        from .stamps import find_stamp_regions, stack_crops

        upright_gray = upright_gray if upright_gray is not None else straight(page_gray)
        regions = find_stamp_regions(upright_gray, None if colour is None else straight(colour, 0), settings.dpi)
        if bitonal:
            from .framed_marks import frame_boxes, frame_lines

            # A black mark stamped over the text of a 1-bit scan reads as a jumble with it,
            # so no word may name it: every frame of a mark's size is read on its own too.
            lines = frame_lines(upright_gray, settings.dpi)
            regions.add_marks(frame_boxes(lines, settings.dpi), upright_gray)
        if regions.crops:
            below, spans = stack_crops(regions.crops, upright.shape[1])
            top = np.pad(upright, ((0, _STAMP_GAP), (0, below.shape[1] - upright.shape[1])), constant_values=255)
            canvas = np.vstack([top, below])
    words = [w for w in read_words(canvas, settings.languages, settings.dpi, deadline) if w.text.strip() and w.conf >= 0]
    height = upright.shape[0]
    page_words = [w for w in words if w.top + w.height / 2 < height]
    stamps: list[Stamp] = []
    if regions is not None and regions.crops:
        from .stamps import words_in_spans

        stamps = regions.stamps(number, words_in_spans(words, spans, offset=height + _STAMP_GAP))
    if settings.stamps:
        from .framed_marks import marks_from_words

        # Black marks on 1-bit and grey scans are read with the page's text; broken frames hide them above.
        stamps += marks_from_words(upright_gray, page_words, settings.dpi, number, stamps, lines, pieced=bitonal)
    total = sum(len(w.text) for w in page_words)
    confidence = sum(w.conf * len(w.text) for w in page_words) / total if total else 0.0
    return _Recognised(paragraphs_from_words(page_words, number, confidence), confidence, len(page_words), stamps)


# A page image narrower or lower than this (pixels) cannot hold a readable line: a letter at
# 300 dpi is 30–40 pixels tall.
MIN_PAGE_SIDE = 32

# White rows between the page and the stamp crops read with it.
_STAMP_GAP = 150


def _check_page_count(name: str, count: int, settings: OcrSettings) -> None:
    if count > settings.max_pages:
        raise DocumentError(
            name,
            f"{count} pages would need OCR, more than the limit of {settings.max_pages} for one charter",
            "Split the file into separate documents, or raise the limit (QOGAM_OCR_MAX_PAGES).",
            "document.too-many-pages",
        )

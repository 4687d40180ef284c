"""Seals, registration marks and appendices: what shows a charter was registered and is complete.

Two kinds of :class:`~qogam.documents.model.Stamp` are found on a page image:

* ``seal`` — a round seal: a ring of ink (:mod:`qogam.documents.seals`) on the
  coloured ink (violet, blue) of a colour page, or on all ink of a grey or 1-bit
  scan; the 12-digit BIN in its centre is read where legible.
* ``registration_mark`` — the rectangular mark of the justice body
  («ЗАРЕГИСТРИРОВАН Департаментом юстиции …», «ТІРКЕЛДІ …»): a block of ink whose
  recognised text matches the registration patterns; the body, the date and the BIN
  are read from it.

Typed marks in a text document are found by :func:`find_registration_marks`.
The patterns are data: ``stamps.yaml`` beside this module; reading text is in
:mod:`qogam.documents.marks` (re-exported here).

Functions for the rules (``document.stamp-missing``, ``document.appendix-missing``,
``territory.authority-conflict``)::

    detect_stamps(image, page=1, settings=None) -> list[Stamp]
    find_registration_marks(paragraphs) -> list[Stamp]
    registration_marks(document) -> list[Stamp]
    referenced_appendices(document) -> list[tuple[int, str]]   # (paragraph index, label)
    present_appendices(document) -> list[tuple[int, str]]
    missing_appendices(document) -> list[tuple[int, str]]
    parse_mark_text(text) -> MarkText
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import cv2
import numpy as np

from .grey_ink import GREY_TEXT_LEVEL, grey_stamp_ink, has_grey_stamp_ink
from .imaging import chroma, is_bitonal
from .marks import (
    MarkText,
    bin_control_ok,
    clean_stamp_text,
    find_bin,
    find_date,
    find_registration_marks,
    missing_appendices,
    parse_mark_text,
    patterns,
    present_appendices,
    referenced_appendices,
    registration_marks,
)
from .model import Stamp
from .seals import find_seals, same_circle
from .tesseract import Deadline, read_words, words_to_lines

if TYPE_CHECKING:
    from .ocr import OcrSettings

__all__ = [
    "MarkText",
    "bin_control_ok",
    "clean_stamp_text",
    "detect_stamps",
    "find_bin",
    "find_date",
    "find_registration_marks",
    "missing_appendices",
    "parse_mark_text",
    "patterns",
    "present_appendices",
    "referenced_appendices",
    "registration_marks",
]

# Registration marks: about 40–120 mm wide, 15–80 mm high.
MARK_WIDTH_MM = (30.0, 140.0)
MARK_HEIGHT_MM = (12.0, 90.0)
# Chroma above which a pixel counts as coloured ink when looking for stamps (lower
# than for cleaning the text, so that faint seals are still seen).
STAMP_CHROMA = 22
# Candidate marks read per page and ink layer at most: each costs a Tesseract call, and a
# table on a grey scan has many cells the size of a mark.
MAX_MARK_CANDIDATES = 3
# Analysis runs at a quarter of 300 dpi.
WORK_DPI = 75


# --- stamps on page images ---------------------------------------------------


def _chroma(page: np.ndarray) -> np.ndarray:
    return chroma(page)


def detect_stamps(
    image: np.ndarray,
    page: int = 1,
    *,
    settings: OcrSettings | None = None,
    dpi: int | None = None,
    deadline: Deadline | None = None,
) -> list[Stamp]:
    """Seals and registration marks on one upright page image (grey or BGR).

    ``dpi`` defaults to ``settings.dpi`` (300). Marks are read with Tesseract; a
    block of ink whose text is not a registration note (a signature, «Копия верна»)
    is not reported.
    """
    if image.ndim == 3:
        return detect_stamps_in(cv2.cvtColor(image, cv2.COLOR_BGR2GRAY), chroma(image), page,
                                settings=settings, dpi=dpi, deadline=deadline)
    return detect_stamps_in(image, None, page, settings=settings, dpi=dpi, deadline=deadline)


def detect_stamps_in(
    gray: np.ndarray,
    colour: np.ndarray | None,
    page: int = 1,
    *,
    settings: OcrSettings | None = None,
    dpi: int | None = None,
    deadline: Deadline | None = None,
) -> list[Stamp]:
    """:func:`detect_stamps` on a page already split into grey and chroma (None for a grey scan)."""
    from .ocr import OcrSettings

    settings = settings or OcrSettings.from_env()
    deadline = deadline or Deadline.start("<page>", settings.time_limit)
    regions = find_stamp_regions(gray, colour, dpi or settings.dpi)
    canvas, spans = stack_crops(regions.crops)
    words = read_words(canvas, settings.languages, settings.dpi, deadline, psm=6) if spans else []
    return regions.stamps(page, words_in_spans(words, spans))


@dataclass
class StampRegions:
    """Where a page's seals and candidate marks are, and the crops to read from them."""

    seal_boxes: list[tuple[int, int, int, int]]
    mark_boxes: list[tuple[int, int, int, int]]
    crops: list[np.ndarray]  # seal centres, then marks: black on white, ready for Tesseract

    def add_marks(self, boxes: list[tuple[int, int, int, int]], gray: np.ndarray) -> None:
        """More blocks to read as possible marks (found otherwise), unless a stamp is there already."""
        for box in boxes:
            if not any(_overlap(box, other) > 0.5 for other in self.mark_boxes + self.seal_boxes):
                self.mark_boxes.append(box)
                self.crops.append(_without_frame(_cut(gray, box)))

    def stamps(self, page: int, readings: list[tuple[str, float | None]]) -> list[Stamp]:
        """The stamps, given the text read from each crop (in the order of ``crops``)."""
        stamps = [Stamp(kind="seal", page=page, box=box, bin=find_bin(text))
                  for box, (text, _) in zip(self.seal_boxes, readings, strict=False)]
        for box, (text, conf) in zip(self.mark_boxes, readings[len(self.seal_boxes) :], strict=True):
            text = clean_stamp_text(text)
            parsed = parse_mark_text(text)
            # A framed block of stamp ink naming a justice body is its mark even when the title
            # word is garbled.
            if not parsed.has_framed_cue:
                continue
            stamps.append(Stamp(kind="registration_mark", page=page, box=box, text=text, authority=parsed.authority,
                                date=parsed.date, bin=parsed.bin, confidence=conf))
        return stamps


def find_stamp_regions(gray: np.ndarray, colour: np.ndarray | None, dpi: int) -> StampRegions:
    """Seals (rings of ink) and blocks of ink shaped like registration marks on an upright page.

    Layers searched: the coloured ink of a colour page; all ink (black); and on a grey
    scan the mid-grey ink that stamps leave, away from the black text — a faint mark is
    too light for the text's threshold and, stamped over text, has no frame left to find.
    """
    scale = WORK_DPI / dpi
    layers = []
    ink_map = colour  # the map a mark's crop keeps the stamp's ink from
    coloured_full = None
    if colour is not None:
        coloured_full = ((colour > STAMP_CHROMA) & (gray < 245)).astype(np.uint8) * 255
        coloured = _shrink(coloured_full, scale)
        if coloured.mean() > 0.2:  # enough coloured ink for a stamp: stamps are on that layer
            layers.append(("colour", coloured))
    black_full = (gray < ink_threshold(gray)).astype(np.uint8) * 255
    if coloured_full is not None:
        black_full[coloured_full > 0] = 0
    layers.append(("black", _shrink(black_full, scale)))
    if colour is None and not is_bitonal(gray) and has_grey_stamp_ink(gray, dpi):
        ink_map = grey_stamp_ink(gray)
        grey = _shrink(cv2.threshold(ink_map, 0, 255, cv2.THRESH_BINARY)[1], scale)
        if grey.mean() > 0.2:
            layers.append(("grey", grey))

    seals: list[tuple[int, int, int]] = []  # x, y, r at work scale
    marks: list[tuple[tuple[int, int, int, int], str]] = []  # box, the layer it was found on
    for kind, mask in layers:
        found = [] if kind == "grey" else find_seals(mask, _mm(1.0), strict=kind == "black")
        seals += [s for s in found if not any(same_circle(s, t) for t in seals)]
        for box in _mark_candidates(mask, seals, framed_only=kind == "black"):
            if not any(_overlap(box, other) > 0.5 for other, _ in marks):
                marks.append((box, kind))
    inv = 1 / scale
    seal_boxes = [_clip_box((x - r) * inv, (y - r) * inv, 2 * r * inv, 2 * r * inv, gray.shape) for x, y, r in seals]
    mark_boxes = [_clip_box((bx - 4) * inv, (by - 4) * inv, (bw + 8) * inv, (bh + 8) * inv, gray.shape)
                  for (bx, by, bw, bh), _ in marks]
    crops = [_seal_centre(gray, colour, box) for box in seal_boxes]
    for box, (_, kind) in zip(mark_boxes, marks, strict=True):
        crop, ink = _cut(gray, box), _cut(ink_map, box)
        if kind == "black" and colour is None and ink is not None and _mostly_text(crop, ink):
            ink = None  # a black mark on a grey scan: its own ink is the text
        crops.append(_without_frame(_ink_only(crop, ink)))
    return StampRegions(seal_boxes, mark_boxes, crops)


def _mostly_text(crop: np.ndarray, ink: np.ndarray) -> bool:
    """Whether a grey scan's crop holds more black (printed) ink than mid-grey stamp ink."""
    return int(np.count_nonzero(crop < GREY_TEXT_LEVEL)) >= int(np.count_nonzero(ink))


def _overlap(a: tuple[int, int, int, int], b: tuple[int, int, int, int]) -> float:
    """Share of the smaller box covered by the other."""
    w = min(a[0] + a[2], b[0] + b[2]) - max(a[0], b[0])
    h = min(a[1] + a[3], b[1] + b[3]) - max(a[1], b[1])
    if w <= 0 or h <= 0:
        return 0.0
    return w * h / max(1, min(a[2] * a[3], b[2] * b[3]))


def ink_threshold(gray: np.ndarray) -> int:
    """Grey level below which a pixel is ink on this page: well under the paper's own level.

    A fixed 140 lost stamps on grey scans, where violet or blue ink turns mid-grey (150–210).
    """
    paper = float(np.percentile(gray[::9, ::9], 75))
    return int(max(100.0, min(paper - 45.0, 210.0)))


def _mm(mm: float) -> float:
    return mm / 25.4 * WORK_DPI


def _shrink(mask: np.ndarray, scale: float) -> np.ndarray:
    """A full-resolution 0/255 mask at work scale: a cell is ink if ink covers a sixth of it.

    Averaging first keeps thin seal rings that plain resizing would lose.
    """
    size = (max(1, round(mask.shape[1] * scale)), max(1, round(mask.shape[0] * scale)))
    small = cv2.resize(mask, size, interpolation=cv2.INTER_AREA)
    return (small > 40).astype(np.uint8) * 255


def _mark_candidates(mask: np.ndarray, seals: list[tuple[int, int, int]], *, framed_only: bool
                     ) -> list[tuple[int, int, int, int]]:
    """Blocks of ink the size of a registration mark (x, y, w, h at work scale), seals left out.

    On the black layer (grey scans) only framed rectangles count: there all text is
    ink, and a mark is told from a paragraph by its frame.
    """
    work = mask.copy()
    for x, y, r in seals:
        cv2.circle(work, (x, y), int(r + 3), 0, -1)
    wmin, wmax = _mm(MARK_WIDTH_MM[0]), _mm(MARK_WIDTH_MM[1])
    hmin, hmax = _mm(MARK_HEIGHT_MM[0]), _mm(MARK_HEIGHT_MM[1])
    boxes = []
    if framed_only:
        # Long straight strokes, mended across the gaps of uneven ink, outline the frames.
        wide = cv2.morphologyEx(work, cv2.MORPH_CLOSE, cv2.getStructuringElement(cv2.MORPH_RECT, (7, 1)))
        tall = cv2.morphologyEx(work, cv2.MORPH_CLOSE, cv2.getStructuringElement(cv2.MORPH_RECT, (1, 7)))
        across = cv2.morphologyEx(wide, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (int(wmin * 0.6), 1)))
        down = cv2.morphologyEx(tall, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (1, int(hmin * 0.6))))
        frames = cv2.dilate(across | down, np.ones((3, 3), np.uint8))
        contours, _ = cv2.findContours(frames, cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_SIMPLE)
        for c in contours:
            x, y, w, h = cv2.boundingRect(c)
            if not (wmin <= w <= wmax and hmin <= h <= hmax):
                continue
            # All four sides present: strokes along the top, bottom, left and right edges.
            sides = (across[y : y + 4, x : x + w].any(axis=0).mean(), across[y + h - 4 : y + h, x : x + w].any(axis=0).mean(),
                     down[y : y + h, x : x + 4].any(axis=1).mean(), down[y : y + h, x + w - 4 : x + w].any(axis=1).mean())
            if min(sides) >= 0.4 and sum(sides) >= 2.4:
                boxes.append((x, y, w, h))
    else:
        joined = cv2.morphologyEx(work, cv2.MORPH_CLOSE, cv2.getStructuringElement(cv2.MORPH_RECT, (9, 9)))
        contours, _ = cv2.findContours(joined, cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_SIMPLE)
        for c in contours:
            x, y, w, h = cv2.boundingRect(c)
            if wmin <= w <= wmax and hmin <= h <= hmax:
                boxes.append((x, y, w, h))
    # Nested frames (the double border of a mark) are one mark.
    boxes.sort(key=lambda b: -b[2] * b[3])
    kept: list[tuple[int, int, int, int]] = []
    for b in boxes:
        if not any(_inside(b, k) for k in kept):
            kept.append(b)
    return kept[:MAX_MARK_CANDIDATES]


def _inside(a: tuple[int, int, int, int], b: tuple[int, int, int, int]) -> bool:
    ax, ay, aw, ah = a
    bx, by, bw, bh = b
    return ax >= bx - 3 and ay >= by - 3 and ax + aw <= bx + bw + 3 and ay + ah <= by + bh + 3


def _clip_box(x: float, y: float, w: float, h: float, shape: tuple[int, ...]) -> tuple[int, int, int, int]:
    height, width = shape[:2]
    x0, y0 = max(0, int(x)), max(0, int(y))
    x1, y1 = min(width, int(x + w)), min(height, int(y + h))
    return (x0, y0, max(0, x1 - x0), max(0, y1 - y0))


def _cut(layer: np.ndarray | None, box: tuple[int, int, int, int]) -> np.ndarray | None:
    if layer is None:
        return None
    x, y, w, h = box
    return layer[y : y + h, x : x + w]


def _ink_only(gray: np.ndarray, colour: np.ndarray | None) -> np.ndarray:
    """A crop's coloured ink as black on white (contrast stretched for faint stamps); grey crops as they are."""
    if colour is None:
        return gray
    values = colour.astype(np.float32)
    ink = values[values > STAMP_CHROMA]
    if ink.size < 50:
        return gray
    top = float(np.percentile(ink, 90))
    strength = np.clip((values - STAMP_CHROMA / 2) / max(top - STAMP_CHROMA / 2, 1.0), 0, 1)
    return (255 - strength * 255).astype(np.uint8)


def _without_frame(gray: np.ndarray) -> np.ndarray:
    """The crop with long straight lines (a mark's frame) painted out: Tesseract reads them as «|» and «_»."""
    _, ink = cv2.threshold(gray, 0, 255, cv2.THRESH_BINARY_INV | cv2.THRESH_OTSU)
    h, w = ink.shape
    lines = np.zeros_like(ink)
    for kernel in ((max(w // 3, 15), 1), (1, max(h // 3, 15))):
        found = cv2.morphologyEx(ink, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, kernel))
        lines |= found
    lines = cv2.dilate(lines, np.ones((5, 5), np.uint8))
    out = gray.copy()
    out[lines > 0] = 255
    return out


def _seal_centre(gray: np.ndarray, colour: np.ndarray | None, box: tuple[int, int, int, int]) -> np.ndarray:
    """The band across a seal's centre, where the BIN is printed."""
    x, y, w, h = box
    cx, cy = x + w // 2, y + h // 2
    inner = (max(0, cx - int(w * 0.33)), max(0, cy - int(h * 0.22)), int(w * 0.66), int(h * 0.44))
    return _ink_only(_cut(gray, inner), _cut(colour, inner))


_GAP = 60  # white pixels between stacked crops: Tesseract keeps them apart


def stack_crops(crops: list[np.ndarray], width: int = 0) -> tuple[np.ndarray, list[tuple[int, int]]]:
    """The crops one under another on white (at least ``width`` wide), and the rows each occupies.

    Read in one Tesseract call: starting Tesseract and loading its models costs
    ~0.25 s of CPU, more than reading a stamp.
    """
    if not crops:
        return np.full((1, max(width, 1)), 255, np.uint8), []
    canvas_width = max(width, max(c.shape[1] for c in crops) + 2 * _GAP)
    canvas = np.full((sum(c.shape[0] + _GAP for c in crops) + _GAP, canvas_width), 255, np.uint8)
    spans = []
    y = _GAP
    for crop in crops:
        canvas[y : y + crop.shape[0], _GAP : _GAP + crop.shape[1]] = crop
        spans.append((y, y + crop.shape[0]))
        y += crop.shape[0] + _GAP
    return canvas, spans


def words_in_spans(words: list, spans: list[tuple[int, int]], offset: int = 0) -> list[tuple[str, float | None]]:
    """Text and mean word confidence of the words whose middle lies in each span of rows."""
    out = []
    for top, bottom in spans:
        mine = [w for w in words if w.text.strip() and top + offset <= w.top + w.height / 2 < bottom + offset]
        conf = round(sum(w.conf for w in mine) / len(mine), 1) if mine else None
        out.append((words_to_lines(mine), conf))
    return out

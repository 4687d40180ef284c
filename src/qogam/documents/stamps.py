"""Seals, registration marks and appendices: what shows a charter was registered and is complete.

Two kinds of :class:`~qogam.documents.model.Stamp` are found on a page image:

* ``seal`` — a round seal: a ring of ink found by OpenCV's ``HOUGH_GRADIENT_ALT``
  on the coloured ink (violet, blue) of a colour page, or on all ink of a grey or
  1-bit scan; the 12-digit BIN in its centre is read where legible.
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

from typing import TYPE_CHECKING

import cv2
import numpy as np

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

# Seal sizes: Kazakh organisations' seals are 35–50 mm across; allow some margin.
SEAL_DIAMETER_MM = (25.0, 60.0)
# Registration marks: about 40–120 mm wide, 15–80 mm high.
MARK_WIDTH_MM = (30.0, 140.0)
MARK_HEIGHT_MM = (12.0, 90.0)
# Chroma above which a pixel counts as coloured ink when looking for stamps (lower
# than for cleaning the text, so that faint seals are still seen).
STAMP_CHROMA = 22
# Analysis runs at a quarter of 300 dpi.
WORK_DPI = 75


# --- stamps on page images ---------------------------------------------------


def _chroma(page: np.ndarray) -> np.ndarray:
    return (page.max(axis=2).astype(np.int16) - page.min(axis=2)).astype(np.uint8)


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
    from .ocr import OcrSettings

    settings = settings or OcrSettings.from_env()
    deadline = deadline or Deadline.start("<page>", settings.time_limit)
    dpi = dpi or settings.dpi
    scale = WORK_DPI / dpi
    colour = image.ndim == 3 and image.shape[2] == 3
    gray = cv2.cvtColor(image, cv2.COLOR_BGR2GRAY) if colour else image
    layers = []
    coloured_full = None
    if colour:
        coloured_full = ((_chroma(image) > STAMP_CHROMA) & (gray < 245)).astype(np.uint8) * 255
        coloured = _shrink(coloured_full, scale)
        if coloured.mean() > 0.2:  # enough coloured ink for a stamp: stamps are on that layer
            layers.append(("colour", coloured))
    black_full = (gray < 140).astype(np.uint8) * 255
    if coloured_full is not None:
        black_full[coloured_full > 0] = 0
    layers.append(("black", _shrink(black_full, scale)))

    seals: list[tuple[int, int, int]] = []  # x, y, r at work scale
    mark_boxes: list[tuple[int, int, int, int]] = []
    for kind, mask in layers:
        found = _find_seals(mask, strict=kind == "black")
        seals += [s for s in found if not any(_same_circle(s, t) for t in seals)]
        mark_boxes += _mark_candidates(mask, found, framed_only=kind == "black")

    stamps: list[Stamp] = []
    inv = 1 / scale
    for x, y, r in seals:
        box = _clip_box((x - r) * inv, (y - r) * inv, 2 * r * inv, 2 * r * inv, image.shape)
        stamp = Stamp(kind="seal", page=page, box=box)
        stamp.bin = _seal_bin(image, box, settings, deadline)
        stamps.append(stamp)
    for bx, by, bw, bh in mark_boxes:
        margin = 4
        box = _clip_box((bx - margin) * inv, (by - margin) * inv, (bw + 2 * margin) * inv,
                        (bh + 2 * margin) * inv, image.shape)
        text, conf = _read_region(image, box, settings, deadline)
        parsed = parse_mark_text(text)
        if not parsed.is_registration:
            continue
        stamps.append(
            Stamp(
                kind="registration_mark",
                page=page,
                box=box,
                text=text,
                authority=parsed.authority,
                date=parsed.date,
                bin=parsed.bin,
                confidence=conf,
            )
        )
    return stamps


def _mm(mm: float) -> float:
    return mm / 25.4 * WORK_DPI


def _same_circle(a: tuple[int, int, int], b: tuple[int, int, int]) -> bool:
    return np.hypot(a[0] - b[0], a[1] - b[1]) < 0.5 * max(a[2], b[2])


def _shrink(mask: np.ndarray, scale: float) -> np.ndarray:
    """A full-resolution 0/255 mask at work scale: a cell is ink if ink covers a sixth of it.

    Averaging first keeps thin seal rings that plain resizing would lose.
    """
    small = cv2.resize(mask, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA)
    return (small > 40).astype(np.uint8) * 255


def _find_seals(mask: np.ndarray, *, strict: bool) -> list[tuple[int, int, int]]:
    """Rings of ink on a binary work-scale mask: (x, y, outer radius).

    Hough circles propose; the ring profile decides. On coloured ink a closed
    ring is enough. On black ink (grey and 1-bit scans) text is ink too, so a seal
    must show both of its concentric rings clearly above the ink around them.
    """
    if mask.max() == 0:
        return []
    rmin, rmax = int(_mm(SEAL_DIAMETER_MM[0]) / 2), int(_mm(SEAL_DIAMETER_MM[1]) / 2)
    soft = cv2.GaussianBlur(mask, (0, 0), 1.2)
    circles = cv2.HoughCircles(
        soft, cv2.HOUGH_GRADIENT_ALT, dp=1.5, minDist=rmin * 0.5, param1=150,
        param2=0.3 if strict else 0.6, minRadius=int(rmin * 0.6), maxRadius=rmax,
    )
    if circles is None:
        return []
    found: list[tuple[int, int, int]] = []
    for x, y, r in circles[0]:
        seal = _confirm_seal(mask, float(x), float(y), float(r), rmin, rmax, strict=strict)
        if seal and not any(_same_circle(seal, f) for f in found):
            found.append(seal)
    return found


def _ring_profile(mask: np.ndarray, x: float, y: float, radius: int) -> np.ndarray:
    """Share of ink at each whole radius 0…radius−1 around (x, y)."""
    polar = cv2.warpPolar(mask, (radius, 360), (x, y), float(radius), cv2.WARP_POLAR_LINEAR | cv2.INTER_NEAREST)
    return (polar > 0).mean(axis=0)


def _confirm_seal(mask: np.ndarray, x: float, y: float, r: float, rmin: int, rmax: int, *, strict: bool
                  ) -> tuple[int, int, int] | None:
    """The seal around a proposed circle (which may be its inner ring), or None."""
    best = None
    reach = int(min(rmax / 0.6, r * 1.8)) + 4
    jitter = (-3, -2, -1, 0, 1, 2, 3) if strict else (-1, 0, 1)
    for dx in jitter:
        for dy in jitter:
            profile = _ring_profile(mask, x + dx, y + dy, reach)
            smooth = np.maximum(profile, np.maximum(np.roll(profile, 1), np.roll(profile, -1)))
            for outer in range(rmin, min(rmax, reach - 6) + 1):
                support = smooth[outer]
                if support < (0.65 if strict else 0.5):
                    continue
                outside = float(profile[outer + 3 : outer + 7].mean())
                if strict:
                    lo, hi = int(outer * 0.6), int(outer * 0.85)
                    inner = float(smooth[lo : hi + 1].max()) if hi > lo else 0.0
                    inner_at = lo + int(np.argmax(smooth[lo : hi + 1])) if hi > lo else lo
                    inner_around = float(np.r_[profile[max(0, inner_at - 6) : inner_at - 2],
                                               profile[inner_at + 3 : inner_at + 7]].mean())
                    if inner < 0.5 or support - outside < 0.35 or inner - inner_around < 0.2:
                        continue
                elif support - outside < 0.3:
                    continue
                score = support - outside
                if best is None or score > best[0]:
                    best = (score, int(round(x + dx)), int(round(y + dy)), outer)
    if best is None:
        return None
    _, cx, cy, outer = best
    return (cx, cy, outer)


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
        contours, _ = cv2.findContours(work, cv2.RETR_LIST, cv2.CHAIN_APPROX_SIMPLE)
        for c in contours:
            x, y, w, h = cv2.boundingRect(c)
            if not (wmin <= w <= wmax and hmin <= h <= hmax):
                continue
            approx = cv2.approxPolyDP(c, 0.03 * cv2.arcLength(c, True), True)
            if len(approx) == 4 and cv2.contourArea(c) > 0.8 * w * h:
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
    return kept


def _inside(a: tuple[int, int, int, int], b: tuple[int, int, int, int]) -> bool:
    ax, ay, aw, ah = a
    bx, by, bw, bh = b
    return ax >= bx - 3 and ay >= by - 3 and ax + aw <= bx + bw + 3 and ay + ah <= by + bh + 3


def _clip_box(x: float, y: float, w: float, h: float, shape: tuple[int, ...]) -> tuple[int, int, int, int]:
    height, width = shape[:2]
    x0, y0 = max(0, int(x)), max(0, int(y))
    x1, y1 = min(width, int(x + w)), min(height, int(y + h))
    return (x0, y0, max(0, x1 - x0), max(0, y1 - y0))


def _ink_only(crop: np.ndarray) -> np.ndarray:
    """The crop's coloured ink as black on white (contrast stretched for faint stamps); grey crops as they are."""
    if crop.ndim == 2:
        return crop
    chroma = _chroma(crop).astype(np.float32)
    ink = chroma[chroma > STAMP_CHROMA]
    if ink.size < 50:
        return cv2.cvtColor(crop, cv2.COLOR_BGR2GRAY)
    top = float(np.percentile(ink, 90))
    strength = np.clip((chroma - STAMP_CHROMA / 2) / max(top - STAMP_CHROMA / 2, 1.0), 0, 1)
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


def _read_region(image: np.ndarray, box: tuple[int, int, int, int], settings: OcrSettings,
                 deadline: Deadline) -> tuple[str, float | None]:
    x, y, w, h = box
    if w < 10 or h < 10:
        return "", None
    crop = _without_frame(_ink_only(image[y : y + h, x : x + w]))
    crop = cv2.copyMakeBorder(crop, 20, 20, 20, 20, cv2.BORDER_CONSTANT, value=255)
    words = [wd for wd in read_words(crop, settings.languages, settings.dpi, deadline, psm=6) if wd.text.strip()]
    text = clean_stamp_text(words_to_lines(words))
    conf = round(sum(wd.conf for wd in words) / len(words), 1) if words else None
    return text, conf


def _seal_bin(image: np.ndarray, box: tuple[int, int, int, int], settings: OcrSettings,
              deadline: Deadline) -> str | None:
    """The BIN printed across a seal's centre, if legible."""
    x, y, w, h = box
    cx, cy = x + w // 2, y + h // 2
    half_w, half_h = int(w * 0.33), int(h * 0.22)
    crop = image[max(0, cy - half_h) : cy + half_h, max(0, cx - half_w) : cx + half_w]
    if crop.size == 0:
        return None
    crop = cv2.copyMakeBorder(_ink_only(crop), 20, 20, 20, 20, cv2.BORDER_CONSTANT, value=255)
    words = read_words(crop, settings.languages, settings.dpi, deadline, psm=6)
    return find_bin(" ".join(w.text for w in words))

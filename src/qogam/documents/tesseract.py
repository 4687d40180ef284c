"""Tesseract through pytesseract: words with confidences and boxes, page orientation, checks.

Images go to Tesseract as uncompressed TIFF files in a per-thread scratch folder
(writing a 9-megapixel page as PNG, pytesseract's default, costs ~0.3 s).
Every call honours a :class:`Deadline`: the time left for the whole document.
"""

from __future__ import annotations

import os
import re
import shutil
import struct
import tempfile
import threading
import time
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import cv2
import numpy as np

from .errors import DocumentError


@dataclass(frozen=True)
class Deadline:
    """When recognition of a document must be over; ``end`` None means no limit."""

    name: str  # the file, for messages
    limit: float  # seconds allowed, for messages
    end: float | None

    @classmethod
    def start(cls, name: str, limit: float | None) -> Deadline:
        return cls(name, limit or 0.0, time.monotonic() + limit if limit else None)

    def remaining(self) -> float:
        """Seconds left (at least 1, so a call can finish); a DocumentError when none are."""
        if self.end is None:
            return 0  # pytesseract: no timeout
        left = self.end - time.monotonic()
        if left <= 0:
            raise self.expired()
        return max(left, 1.0)

    def expired(self) -> DocumentError:
        return DocumentError(
            self.name,
            f"recognising the scanned pages took longer than the limit of {self.limit:.0f} s",
            "Check the file on its own, or raise the limit (QOGAM_OCR_TIME_LIMIT) for very long scans.",
            "document.ocr-timeout",
        )


@dataclass(frozen=True)
class Word:
    """One word as Tesseract read it; ``conf`` is 0–100 (−1 for layout-only rows)."""

    text: str
    conf: float
    block: int
    par: int
    line: int
    left: int
    top: int
    width: int
    height: int


_thread_state = threading.local()


def _scratch_dir() -> Path:
    folder = getattr(_thread_state, "folder", None)
    if folder is None or not Path(folder.name).exists():
        folder = tempfile.TemporaryDirectory(prefix="qogam-ocr-")
        _thread_state.folder = folder
    return Path(folder.name)


def _write_scratch(image: np.ndarray, dpi: int) -> str:
    """The image as an uncompressed TIFF with its resolution, in the thread's scratch folder.

    Tesseract reads uncompressed TIFF as fast as PNG, and it is written in a few
    milliseconds (PNG costs ~0.3 s to compress, PGM ~0.1 s more CPU for Tesseract to read).
    """
    target = _scratch_dir() / "page.tif"
    if image.ndim == 2 and image.dtype == np.uint8:
        with open(target, "wb") as handle:
            handle.write(_grey_tiff_header(image.shape[1], image.shape[0], dpi))
            handle.write(np.ascontiguousarray(image).data)
    else:
        cv2.imwrite(str(target), image, [cv2.IMWRITE_TIFF_COMPRESSION, 1, cv2.IMWRITE_TIFF_RESUNIT, 2,
                                         cv2.IMWRITE_TIFF_XDPI, dpi, cv2.IMWRITE_TIFF_YDPI, dpi])
    return str(target)


def _grey_tiff_header(width: int, height: int, dpi: int) -> bytes:
    """Header and directory of a little-endian baseline TIFF: one uncompressed 8-bit grey strip.

    OpenCV's TIFF writer spends ~8 ms a page on what is a 174-byte header and a copy.
    """
    entries = 12
    resolution_at = 8 + 2 + entries * 12 + 4
    data_at = resolution_at + 16
    short, long_, rational = 3, 4, 5
    tags = [
        (256, long_, width), (257, long_, height), (258, short, 8), (259, short, 1),  # size, 8 bits, raw
        (262, short, 1), (273, long_, data_at), (277, short, 1), (278, long_, height),  # black is zero
        (279, long_, width * height), (282, rational, resolution_at), (283, rational, resolution_at + 8),
        (296, short, 2),  # resolution in dots per inch
    ]
    head = struct.pack("<2sHI", b"II", 42, 8) + struct.pack("<H", entries)
    for tag, kind, value in tags:
        packed = struct.pack("<HI", value, 0)[:4] if kind == short else struct.pack("<I", value)
        head += struct.pack("<HHI", tag, kind, 1) + packed
    return head + struct.pack("<I", 0) + struct.pack("<IIII", dpi, 1, dpi, 1)


def _single_thread() -> None:
    # pytesseract starts tesseract with our environment. Tesseract's OpenMP threads
    # made a page take 15–21 s on two cores instead of ~2 s: pages run in parallel instead.
    os.environ.setdefault("OMP_THREAD_LIMIT", "1")


def read_words(image: np.ndarray, languages: str, dpi: int, deadline: Deadline, *, psm: int = 3) -> list[Word]:
    """Words Tesseract reads on ``image`` (grey or BGR), with confidences and boxes."""
    import pytesseract

    _single_thread()
    try:
        data = pytesseract.image_to_data(
            _write_scratch(image, dpi),
            lang=languages,
            config=f"--psm {psm}",
            output_type=pytesseract.Output.DICT,
            timeout=deadline.remaining(),
        )
    except RuntimeError as exc:
        if "timeout" in str(exc).lower():
            raise deadline.expired() from exc
        raise
    except pytesseract.TesseractError as exc:
        raise DocumentError(
            deadline.name,
            f"Tesseract could not read a page ({str(exc.message).strip()[:200]})",
            "Scan the page again as PNG, JPEG or PDF at 300 dpi.",
            "document.ocr-failed",
        ) from exc
    words = []
    for i, text in enumerate(data["text"]):
        if data["level"][i] != 5:
            continue
        words.append(
            Word(
                text=text,
                conf=float(data["conf"][i]),
                block=int(data["block_num"][i]),
                par=int(data["par_num"][i]),
                line=int(data["line_num"][i]),
                left=int(data["left"][i]),
                top=int(data["top"][i]),
                width=int(data["width"][i]),
                height=int(data["height"][i]),
            )
        )
    return words


def words_to_lines(words: list[Word]) -> str:
    """The words' text, one line per Tesseract line."""
    lines: dict[tuple[int, int, int], list[str]] = {}
    for w in words:
        if w.text.strip():
            lines.setdefault((w.block, w.par, w.line), []).append(w.text)
    return "\n".join(" ".join(ws) for _, ws in sorted(lines.items()))


_ROTATE = re.compile(r"Rotate:\s*(\d+)")
_ORIENT_CONF = re.compile(r"Orientation confidence:\s*([\d.]+)")


def detect_orientation(gray: np.ndarray, dpi: int, deadline: Deadline) -> int | None:
    """Degrees clockwise (0, 90, 180, 270) that make the page upright, by Tesseract OSD; None if unsure.

    OSD costs ~0.5–0.9 s a page, so callers use it only when a page looks turned.
    """
    import pytesseract

    _single_thread()
    small = cv2.resize(gray, None, fx=0.5, fy=0.5, interpolation=cv2.INTER_AREA)
    try:
        osd = pytesseract.image_to_osd(
            _write_scratch(small, max(70, dpi // 2)), config="--psm 0", timeout=deadline.remaining()
        )
    except RuntimeError as exc:
        if "timeout" in str(exc).lower():
            raise deadline.expired() from exc
        return None
    except pytesseract.TesseractError:
        return None  # too few characters to decide
    rotate, confidence = _ROTATE.search(osd), _ORIENT_CONF.search(osd)
    if not rotate or not confidence or float(confidence.group(1)) < 1.0:
        return None
    return int(rotate.group(1)) % 360


@lru_cache(maxsize=8)
def _installed_languages(binary: str) -> frozenset[str]:
    import pytesseract

    return frozenset(pytesseract.get_languages(config=""))


def check_installed(name: str, languages: str) -> None:
    """A clear DocumentError when Tesseract or one of its language packs is missing."""
    import pytesseract

    binary = shutil.which(pytesseract.pytesseract.tesseract_cmd)
    if not binary:
        raise DocumentError(
            name,
            "the file is a scan and Tesseract OCR is not installed",
            "Install tesseract-ocr with tesseract-ocr-rus and tesseract-ocr-kaz (scripts/setup.sh does).",
            "document.ocr-unavailable",
        )
    missing = [lang for lang in languages.split("+") if lang not in _installed_languages(binary)]
    if missing:
        raise DocumentError(
            name,
            f"Tesseract has no language data for {', '.join(missing)}",
            "Install tesseract-ocr-" + " tesseract-ocr-".join(missing) + " (scripts/setup.sh does).",
            "document.ocr-unavailable",
        )

"""Stamp ink on a grey scan: violet and blue ink turns mid-grey, printed text stays near black.

A colour scan tells stamp ink by its colour (:func:`qogam.documents.imaging.chroma`); a grey
scan only by its level. :func:`grey_stamp_ink` gives a map like chroma's (0 off the ink, more
for stronger ink) that :mod:`qogam.documents.stamps` searches for marks and cuts their crops
from; :func:`has_grey_stamp_ink` tells from a sample whether a page is worth the full map.
"""

from __future__ import annotations

import cv2
import numpy as np

# On a grey scan: darker than this is printed text; stamp ink is at least this much darker
# than the paper.
GREY_TEXT_LEVEL = 80
GREY_STAMP_MIN_DEPTH = 30
# Sampled pixels (every fourth row and column) of mid-grey ink, at 300 dpi, below which a grey
# page has no stamp. Measured: a faint mark alone 3,700–4,200, a seal alone 1,650–2,200; text
# pages of a 1-bit scan rendered in grey 280–1,100 (the letters' wider rims).
GREY_STAMP_MIN_SAMPLE = 1500


def grey_stamp_ink(gray: np.ndarray, reach: int = 2) -> np.ndarray:
    """Stamp ink on a grey scan as a chroma-like map: 0 off the ink, more for stronger ink.

    Violet and blue stamp ink scanned in grey is mid-grey (about 95 at full strength, 180–220
    when faint), printed text is near black. Pixels a little lighter than the paper's level
    count, except those within ``reach`` pixels of black text: every printed letter has a
    grey rim.
    """
    paper = int(np.percentile(gray[::9, ::9], 75))
    _, text = cv2.threshold(gray, GREY_TEXT_LEVEL, 255, cv2.THRESH_BINARY_INV)
    away_from_text = cv2.bitwise_not(cv2.dilate(text, np.ones((2 * reach + 1, 2 * reach + 1), np.uint8)))
    strength = cv2.bitwise_and(cv2.subtract(paper, gray), away_from_text)
    return cv2.threshold(strength, GREY_STAMP_MIN_DEPTH - 1, 255, cv2.THRESH_TOZERO)[1]


def has_grey_stamp_ink(gray: np.ndarray, dpi: int = 300) -> bool:
    """Whether a grey scan shows enough mid-grey ink for a stamp, judged on every fourth pixel.

    Most pages have none, and the full map costs ~10 ms a page; the sample, about 2 ms.
    """
    sample = np.ascontiguousarray(gray[::4, ::4])
    return int(np.count_nonzero(grey_stamp_ink(sample, reach=1))) >= GREY_STAMP_MIN_SAMPLE * (dpi / 300) ** 2

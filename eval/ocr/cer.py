"""Character accuracy: 1 − CER, the Levenshtein distance over the length of the expected text."""

from __future__ import annotations

import re

import numpy as np


def levenshtein(a: str, b: str) -> int:
    """Edit distance (insertions, deletions, substitutions), one NumPy pass per character of ``a``.

    Within a row, ``cur[j] = min(cur[j-1] + 1, …)`` is a running minimum of
    ``cur[k] + (j - k)``, so the row is ``cummin(candidates - j) + j``.
    """
    if not a:
        return len(b)
    if not b:
        return len(a)
    codes_b = np.frombuffer(b.encode("utf-32-le"), dtype=np.uint32)
    index = np.arange(len(b) + 1, dtype=np.int64)
    prev = index.copy()
    for i, ch in enumerate(a, start=1):
        cost = (codes_b != ord(ch)).astype(np.int64)
        cand = np.empty_like(prev)
        cand[0] = i
        cand[1:] = np.minimum(prev[1:] + 1, prev[:-1] + cost)
        prev = np.minimum.accumulate(cand - index) + index
    return int(prev[-1])


def normalise(text: str) -> str:
    """Whitespace collapsed: line breaks and spacing are layout, not characters read."""
    return re.sub(r"\s+", " ", text).strip()


def accuracy(expected: str, recognised: str) -> tuple[float, int, int]:
    """(1 − CER, edits, expected length) after :func:`normalise`."""
    e, r = normalise(expected), normalise(recognised)
    edits = levenshtein(e, r)
    return (1 - edits / len(e) if e else float(not r)), edits, len(e)

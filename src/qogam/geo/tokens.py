"""A text as folded tokens with their offsets, and the gaps between them."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from .normalize import TOKEN_RE, fold

PLAIN_GAP = re.compile(r"[\s.\-\u2010-\u2015]*")  # inside one name: spaces, dots, hyphens
LIST_GAP = re.compile(r"[\s,]*")  # between list members
_QUOTES = re.compile(r"«[^«»]{0,300}»|\"[^\"\n]{0,300}\"|“[^“”]{0,300}”|„[^„“”]{0,300}[“”]")
_QUOTE_CHARS = frozenset("«\"“„")
_SENTENCE_END = re.compile(r"[.!?\n:;]\s*[«\"“(]?\s*$")


@dataclass
class Tokens:
    """A text with its folded tokens, their offsets and its quoted spans."""

    text: str
    words: list[str]
    starts: list[int]
    ends: list[int]
    quotes: list[tuple[int, int]]

    @classmethod
    def of(cls, text: str) -> Tokens:
        folded = fold(text)
        spans = [m.span() for m in TOKEN_RE.finditer(folded)]
        words = [folded[a:b] for a, b in spans]
        starts = [a for a, _ in spans]
        ends = [b for _, b in spans]
        quotes = []
        if not _QUOTE_CHARS.isdisjoint(text):
            quotes = [(m.start(), m.end()) for m in _QUOTES.finditer(text)]
        return cls(text, words, starts, ends, quotes)

    def gap(self, k: int) -> str:
        """The text between token k-1 and token k."""
        return self.text[self.ends[k - 1] : self.starts[k]] if k > 0 else self.text[: self.starts[0]]

    def plain_gap(self, k: int) -> bool:
        return PLAIN_GAP.fullmatch(self.gap(k)) is not None

    def list_gap(self, k: int) -> bool:
        return LIST_GAP.fullmatch(self.gap(k)) is not None

    def original(self, k: int) -> str:
        return self.text[self.starts[k] : self.ends[k]]

    def in_quotes(self, position: int) -> bool:
        # quoted spans come from one left-to-right scan: sorted and not overlapping
        k = bisect.bisect_left(self.quotes, (position,)) - 1
        return k >= 0 and self.quotes[k][0] < position < self.quotes[k][1]

    def sentence_start(self, k: int) -> bool:
        return k == 0 or bool(_SENTENCE_END.search(self.gap(k)))

"""Small text helpers shared by the charter parser."""

from __future__ import annotations

import re

from qogam.documents import Paragraph

from .vocabulary import normalise

_LEADING_NUMBER = re.compile(
    r"^\s*(?:(?:статья|глава|раздел|часть)\s+[0-9ivxlc]+\.?|\d+\s*-\s*(?:бап|тарау|бөлім)\.?|"
    r"(?:\d{1,3}\.)+\d{0,3}\.?|\d{1,3}\)|[ivxlc]{1,5}\.|[а-яa-z]\)|[-–—•·*])\s*",
    re.IGNORECASE,
)


def bare(p: Paragraph) -> str:
    """The paragraph's text without its clause number or list marker."""
    text = p.text.strip()
    if p.number and text.startswith(p.number):
        text = text[len(p.number):].strip()
    return _LEADING_NUMBER.sub("", text, count=1).strip()


def norm(p: Paragraph) -> str:
    return normalise(p.text)


def quote(text: str, limit: int = 160) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


_SENTENCE_END = re.compile(r"(?<=[.;!?])\s+(?=[А-ЯЁӘҒҚҢӨҰҮҺІA-Z0-9«\"])")


def sentences(text: str) -> list[str]:
    return [s for s in _SENTENCE_END.split(text) if s.strip()]

"""Clause numbers written in the text («1.1.», «Статья 3», «2-бап») and heading guesses.

Readers without styles (TXT, PDF, legacy DOC) learn structure from the text alone:
where a clause starts (its number) and which short lines are headings.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Roman numerals as charters write them; Cyrillic І and Х stand in for Latin I and X.
_ROMAN = r"(?:X{0,3}(?:IX|IV|V?I{0,3}))"
_ROMAN_CHARS = str.maketrans({"І": "I", "Х": "X"})

# Order matters: the word-led forms first, then Kazakh "N-бап", then bare numbers.
_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("section", re.compile(r"(?:Раздел|РАЗДЕЛ)\s+(?:\d{1,3}|[IVXІХ]{1,6})(?=[\s.:]|$)")),
    ("chapter", re.compile(r"(?:Глава|ГЛАВА)\s+(?:\d{1,3}|[IVXІХ]{1,6})(?=[\s.:]|$)")),
    ("article", re.compile(r"(?:Статья|СТАТЬЯ)\s+\d{1,3}(?:-\d{1,2})?(?=[\s.:]|$)")),
    ("paragraph", re.compile(r"(?:Параграф|ПАРАГРАФ)\s+\d{1,3}(?=[\s.:]|$)")),
    ("section", re.compile(r"(?:\d{1,3}|[IVXІХ]{1,6})\s*-\s*(?:бөлім|БӨЛІМ)(?=[\s.:]|$)")),
    ("chapter", re.compile(r"(?:\d{1,3}|[IVXІХ]{1,6})\s*-\s*(?:тарау|ТАРАУ)(?=[\s.:]|$)")),
    ("article", re.compile(r"\d{1,3}\s*-\s*(?:бап|БАП)(?=[\s.:]|$)")),
    ("paragraph", re.compile(r"\d{1,3}\s*-\s*(?:параграф|ПАРАГРАФ)(?=[\s.:]|$)")),
    ("decimal", re.compile(r"\d{1,3}(?:\.\d{1,3})+\.?(?=\s|$)")),
    ("decimal", re.compile(r"\d{1,3}\.(?=\s|$)")),
    ("roman", re.compile(r"[IVXІХ]{1,6}\.(?=\s|$)")),
    ("item", re.compile(r"\d{1,3}\)(?=\s|$)")),
    ("letter", re.compile(r"[а-яёa-z]\)(?=\s|$)")),
]

# Heading kinds from the outermost in; a document's levels are these ranks made dense.
_RANK = {"section": 1, "chapter": 2, "roman": 2, "article": 3, "paragraph": 4}


@dataclass(frozen=True)
class ClauseNumber:
    """A clause number found at the start of a paragraph."""

    text: str  # as written, without a trailing colon or dot after a word form: "1.1.", "Статья 3"
    kind: str  # section, chapter, article, paragraph, decimal, roman, item, letter
    depth: int  # parts of a decimal number ("4.2.1" → 3); 1 otherwise
    end: int  # where the number ends in the paragraph text


def find_number(text: str) -> ClauseNumber | None:
    """The clause number a paragraph starts with, if any."""
    stripped = text.lstrip()
    offset = len(text) - len(stripped)
    for kind, pattern in _PATTERNS:
        match = pattern.match(stripped)
        if not match:
            continue
        token = match.group(0)
        if kind == "roman" and not _valid_roman(token.rstrip(".")):
            continue
        depth = token.rstrip(".").count(".") + 1 if kind == "decimal" else 1
        shown = token if kind in ("decimal", "roman", "item", "letter") else token.rstrip(".")
        return ClauseNumber(shown, kind, depth, offset + match.end())
    return None


def _valid_roman(token: str) -> bool:
    latin = token.translate(_ROMAN_CHARS)
    return bool(latin) and re.fullmatch(_ROMAN, latin) is not None


_LETTERS = re.compile(r"[^\W\d_]")


def is_all_caps(text: str) -> bool:
    """Mostly upper-case letters (at least four): how charters set section titles."""
    letters = _LETTERS.findall(text)
    if len(letters) < 4:
        return False
    upper = sum(1 for ch in letters if ch.isupper())
    return upper / len(letters) >= 0.8


def heading_rank(text: str, number: ClauseNumber | None, *, emphasised: bool = False) -> float | None:
    """How outer a heading the paragraph looks (smaller = outer), or None for body text.

    ``emphasised`` is set by readers that see formatting (a wholly bold short paragraph).
    """
    body = text[number.end:].strip() if number else text.strip()
    if not body and number is None:
        return None
    if len(text) > 160 or body.endswith((",", ";", ":")):
        return None
    words = len(body.split())
    caps = is_all_caps(body)
    if number is not None and number.kind in _RANK:
        return _RANK[number.kind] if words <= 14 else None
    if number is not None and number.kind == "decimal":
        titled = words <= 10 and not body.endswith(".") and body[:1].isupper()
        if caps or (titled and (number.depth == 1 or emphasised)):
            return 4 + number.depth
        return None
    if number is not None:  # "1)", "а)": list items, never headings
        return None
    if caps or (emphasised and words <= 14 and not body.endswith(".")):
        return 0
    return None


def dense_levels(ranks: list[float | None]) -> list[int | None]:
    """Turn heading ranks into levels 1, 2, … in the order of the ranks present."""
    present = sorted({r for r in ranks if r is not None})
    level_of = {rank: i + 1 for i, rank in enumerate(present)}
    return [level_of[r] if r is not None else None for r in ranks]

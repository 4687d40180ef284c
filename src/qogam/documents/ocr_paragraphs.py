"""Paragraphs from the words Tesseract read: its paragraphs, mended for charters.

Tesseract groups lines into paragraphs by indentation and line length, which
charters defeat: a numbered clause can start inside one of its paragraphs, and a
clause whose first line is short is cut in two. Both are mended here.
"""

from __future__ import annotations

import re

from .clauses import find_number, heading_rank, is_all_caps
from .language import detect_language
from .model import Paragraph
from .tesseract import Word

_SENTENCE_END = (".", ";", ":", "!", "?", "»")


def paragraphs_from_words(words: list[Word], page: int, confidence: float) -> list[Paragraph]:
    """Tesseract's paragraphs, mended: split where a line starts a numbered clause after a
    finished sentence; joined where a paragraph breaks off mid-sentence and the next
    line follows at the usual line spacing.
    """
    lines: dict[tuple[int, int, int], list[Word]] = {}
    for w in words:
        lines.setdefault((w.block, w.par, w.line), []).append(w)
    groups: list[list[str]] = []
    last_par = None
    last_bottom = 0
    for (block, par, _), line_words in lines.items():
        text = " ".join(w.text for w in line_words).strip()
        if not text:
            continue
        top = min(w.top for w in line_words)
        height = max(w.top + w.height for w in line_words) - top
        number = find_number(text)
        if not groups:
            groups.append([text])
        elif (block, par) != last_par:
            previous = _join_lines(groups[-1])
            unfinished = not previous.endswith(_SENTENCE_END) and heading_rank(previous, find_number(previous)) is None
            close = 0 <= top - last_bottom <= 0.8 * height
            if unfinished and close and number is None:
                groups[-1].append(text)
            else:
                groups.append([text])
        elif number is not None and groups[-1][-1].endswith(_SENTENCE_END):
            groups.append([text])
        elif _caps_line(text) or _caps_line(groups[-1][-1]):
            groups.append([text])  # УСТАВ / ЖАРҒЫСЫ / section titles stand alone
        else:
            groups[-1].append(text)
        last_par = (block, par)
        last_bottom = top + height
    out = []
    for group in groups:
        text = _join_lines(group)
        number = find_number(text)
        out.append(
            Paragraph(
                index=len(out),
                text=text,
                number=number.text if number else None,
                page=page,
                language=detect_language(text),
                style="ocr",
                confidence=round(confidence, 1),
            )
        )
    return out


def _caps_line(text: str) -> bool:
    return len(text) <= 60 and is_all_caps(text)


_HYPHENATED = re.compile(r"[^\W\d_][-¬­]$")


def _join_lines(lines: list[str]) -> str:
    """One paragraph from its lines, words broken at a line end joined again."""
    text = lines[0]
    for line in lines[1:]:
        if _HYPHENATED.search(text):
            # об-|щество → общество, but Бухар-|Жырау keeps its hyphen.
            text = text[:-1] + ("" if line[:1].islower() else "-") + line
        else:
            text = f"{text} {line}"
    return text


def rank(p: Paragraph) -> float | None:
    """How outer a heading the paragraph looks (see clauses.heading_rank)."""
    number = find_number(p.text)
    return heading_rank(p.text, number)


def page_language(paragraphs: list[Paragraph]) -> str:
    """The language of most of the page's text."""
    totals: dict[str, int] = {}
    for p in paragraphs:
        totals[p.language] = totals.get(p.language, 0) + len(p.text)
    return max(totals, key=totals.get) if totals else "other"

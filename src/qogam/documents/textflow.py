"""Lines → paragraphs for text without paragraph marks (TXT, PDF text layers, antiword).

A line starts a new paragraph after a blank line, at a clause number («1.2.»,
«Статья 3»), at a bullet, around an all-caps heading, and after a line that ends
a sentence and is short (the last line of a paragraph). A line that starts in
lower case continues the previous one; a word hyphenated across lines is glued.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .clauses import ClauseNumber, find_number, is_all_caps
from .hyphens import hyphen_is_spelling

_BULLET = re.compile(r"^[-–—•·▪●○◦*]\s+")
_TERMINAL = (".", ";", ":", "!", "?", "…")
_HYPHENS = ("-", "\u00ad", "\x02")
_SPACES = re.compile(r"[ \t\u00a0\u2007\u202f]+")
# Zero-width characters and stray byte-order marks: invisible, but they defeat strip().
_INVISIBLE = dict.fromkeys(map(ord, "\ufeff\u200b\u200c\u200d\u2060\x00"))


@dataclass
class Line:
    """A line of text; the geometry is known for PDF lines (points, y grows upwards)."""

    text: str
    page: int | None = None
    left: float | None = None
    right: float | None = None
    top: float | None = None
    bottom: float | None = None
    column: int | None = None
    blank_before: bool = False  # a blank line (or a clear vertical gap) precedes it
    short: bool = False  # ends well before the right margin


@dataclass
class Block:
    """A rebuilt paragraph: its text and where it starts."""

    text: str
    page: int | None
    column: int | None


def clean(text: str) -> str:
    """One line of text with spaces collapsed and invisible characters removed."""
    return _SPACES.sub(" ", text.translate(_INVISIBLE)).strip()


def starts_paragraph(line: str) -> bool:
    """A line that always begins a paragraph: a clause number or a bullet."""
    return find_number(line) is not None or _BULLET.match(line) is not None


def _starts_lower(text: str) -> bool:
    first = next((ch for ch in text if ch.isalpha() or ch.isdigit()), "")
    return first.isalpha() and first.islower()


def glue(previous: str, line: str) -> str:
    """Join a wrapped line to its paragraph, undoing a hyphenation at the break.

    A hyphen that is part of the spelling stays, without a space after it:
    «финансово-хозяйственной», «Нур-Султан».
    """
    if previous.endswith(("-", "\x02")) and len(previous) > 1 and previous[-2].isdigit() and line[:1].isalnum():
        return previous[:-1] + "-" + line  # 112-үй, 8-кеңсе, 1-бап, 20-летие
    if previous.endswith(_HYPHENS) and len(previous) > 1 and previous[-2].isalpha():
        # pdfium reports any hyphen ending a line as \x02, spelling or not.
        if previous[-1] in "-\x02" and line[:1].isalpha() and (
            line[:1].isupper() or hyphen_is_spelling(previous[:-1], line)
        ):
            return previous[:-1] + "-" + line
        if _starts_lower(line):
            return previous[:-1] + line
    previous = previous.rstrip("\x02\u00ad")
    return f"{previous} {line}"


def rebuild(lines: list[Line], *, wrapped: bool = True) -> list[Block]:
    """Paragraphs from lines. ``wrapped`` False: each line is a paragraph already."""
    blocks: list[Block] = []
    previous: Line | None = None
    last_decimal: ClauseNumber | None = None  # the last «4.3.»-like clause number so far
    for line in lines:
        text = clean(line.text)
        if not text:
            continue
        if previous is None or _breaks(previous, line, text, wrapped, last_decimal) or line.column != previous.column:
            blocks.append(Block(text, line.page, line.column))
            number = find_number(text)
            if number is not None and number.kind == "decimal":
                last_decimal = number
        else:
            blocks[-1].text = glue(blocks[-1].text, text)
        previous = Line(**{**line.__dict__, "text": text})
    for block in blocks:
        block.text = block.text.replace("\x02", "").replace("\u00ad", "")
    return [b for b in blocks if b.text]


def _breaks(previous: Line, line: Line, text: str, wrapped: bool, last_decimal: ClauseNumber | None = None) -> bool:
    if not wrapped or line.blank_before:
        return True
    prev_text = previous.text
    if starts_paragraph(text):
        if previous.short or prev_text.endswith(_TERMINAL) or not prev_text[-1:].islower():
            return True
        # A line filled to the margin in mid-word-run is wrapped, and the next line may
        # start like an item («…решения\n– органа») or a number («…офис\n304.»):
        # it continues unless the number could be the next clause.
        number = find_number(text)
        return number is not None and plausible_next(last_decimal, number)
    if _starts_lower(text) and not prev_text.endswith((".", "!", "?")):
        # A short line ending in «:» or «;» closes a list item or its lead-in.
        return previous.short and prev_text.endswith((":", ";"))
    if _capitals(text) != _capitals(prev_text):
        return True
    if previous.page != line.page and prev_text.endswith((".", "!", "?")):
        # Across a page break there is no indent or gap to go by: a finished
        # sentence followed by a capital starts a new paragraph.
        return True
    return bool(previous.short and (prev_text.endswith(_TERMINAL) or not _starts_lower(text)))


def plausible_next(last: ClauseNumber | None, candidate: ClauseNumber) -> bool:
    """Could ``candidate`` be the clause after the decimal clause ``last``?

    It may go one or two up at some depth and start again at 1 below it (4.3 → 4.4,
    5., 5.1), or open a first sub-clause (4.3 → 4.3.1). Without an earlier decimal
    clause only a first number (1.–3.) is plausible. Word-led numbers always are.
    """
    if candidate.kind != "decimal":
        return True
    after = _parts(candidate)
    if all(part == 1 for part in after):
        return True  # a first clause: numbering starts again under a new article or chapter
    if last is None:
        return after[0] <= 3
    before = _parts(last)
    if after[: len(before)] == before and all(part == 1 for part in after[len(before):]) and len(after) > len(before):
        return True
    for depth in range(1, min(len(before), len(after)) + 1):
        step = after[depth - 1] - before[depth - 1]
        if after[: depth - 1] == before[: depth - 1] and 0 < step <= 2:
            return all(part == 1 for part in after[depth:])
    return False


def _parts(number: ClauseNumber) -> list[int]:
    return [int(part) for part in number.text.rstrip(".").split(".")]


def _capitals(text: str) -> bool:
    """Set in capitals, also a short word («ЛИЦ» closing a wrapped heading)."""
    return is_all_caps(text) or (text.isupper() and not find_number(text))


def looks_wrapped(lines: list[str]) -> bool:
    """Is plain text hard-wrapped (paragraphs broken into lines) rather than one line each?"""
    transitions = continued = 0
    for prev, line in zip(lines, lines[1:], strict=False):
        prev, line = prev.strip(), line.strip()
        if not prev or not line:
            continue
        transitions += 1
        if _starts_lower(line) and not starts_paragraph(line):
            continued += 1
    return transitions > 0 and continued / transitions >= 0.15


def mark_short_lines(lines: list[Line]) -> None:
    """Flag lines after which the next line's first word would still have fitted.

    Hard-wrapped text breaks a line only when the next word does not fit, so such a
    line ends its paragraph. The wrap width is the longest usual line length.
    """
    lengths = sorted(len(clean(line.text)) for line in lines if line.text.strip())
    if not lengths:
        return
    width = lengths[int(len(lengths) * 0.95)] if len(lengths) > 1 else lengths[0]
    for line, following in zip(lines, lines[1:] + [None], strict=True):
        length = len(clean(line.text))
        if following is None:
            line.short = length < 0.8 * width
            continue
        first_word = clean(following.text).split(" ", 1)[0]
        line.short = length + 1 + len(first_word) <= width


def blocks_from_lines(raw_lines: list[str]) -> list[Block]:
    """Blocks of plain-text lines: blank lines recorded, wrapped lines joined when the text is wrapped."""
    lines: list[Line] = []
    blank = False
    for raw in raw_lines:
        if not raw.strip():
            blank = True
            continue
        lines.append(Line(raw, blank_before=blank))
        blank = False
    wrapped = looks_wrapped(raw_lines)
    if wrapped:
        mark_short_lines(lines)
    return rebuild(lines, wrapped=wrapped)

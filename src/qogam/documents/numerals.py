"""Render list counters the way word processors show them (1, iv, Г, bb …).

Word's ``w:numFmt`` values and ODF's ``style:num-format`` both map here, so the
DOCX and ODT readers rebuild the same visible numbers.
"""

from __future__ import annotations

LATIN = "abcdefghijklmnopqrstuvwxyz"
# Word's russianLower/russianUpper skip ё, й, ъ, ы, ь (letters that never start a
# list item); after я it doubles the letter: аа, бб …
RUSSIAN = "абвгдежзиклмнопрстуфхцчшщэюя"

_ROMAN = [
    (1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
    (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"),
]


def roman(n: int) -> str:
    """Lower-case Roman numeral; numbers Roman numerals cannot write stay decimal."""
    if n <= 0 or n >= 4000:
        return str(n)
    out = []
    for value, letters in _ROMAN:
        count, n = divmod(n, value)
        out.append(letters * count)
    return "".join(out)


def repeated_letter(n: int, alphabet: str) -> str:
    """Word's letter numbering: a … z, aa, bb … (the letter repeats, it does not carry)."""
    if n <= 0:
        return str(n)
    times, pos = divmod(n - 1, len(alphabet))
    return alphabet[pos] * (times + 1)


def carried_letter(n: int, alphabet: str) -> str:
    """Spreadsheet-style letters: a … z, aa, ab … (ODF without letter sync)."""
    if n <= 0:
        return str(n)
    out = ""
    while n > 0:
        n, rem = divmod(n - 1, len(alphabet))
        out = alphabet[rem] + out
    return out


def word_number(n: int, fmt: str) -> str | None:
    """Format ``n`` per a Word ``w:numFmt``; None for bullets (not a number)."""
    if fmt == "bullet":
        return None
    if fmt == "none":
        return ""
    if fmt == "decimalZero":
        return f"{n:02d}" if 0 <= n < 10 else str(n)
    if fmt == "upperRoman":
        return roman(n).upper()
    if fmt == "lowerRoman":
        return roman(n)
    if fmt == "upperLetter":
        return repeated_letter(n, LATIN).upper()
    if fmt == "lowerLetter":
        return repeated_letter(n, LATIN)
    if fmt == "russianLower":
        return repeated_letter(n, RUSSIAN)
    if fmt == "russianUpper":
        return repeated_letter(n, RUSSIAN).upper()
    # decimal and the many decorative variants (enclosed, full-width …) read as digits
    return str(n)


def odf_number(n: int, fmt: str, letter_sync: bool = False) -> str:
    """Format ``n`` per an ODF ``style:num-format`` ("1", "a", "I", "а, б, .., аа, аб, ..." …)."""
    if not fmt:
        return ""
    first = fmt[0]
    if first in "iI":
        text = roman(n)
        return text.upper() if first == "I" else text
    if first.lower() == "a" and first in "aA":
        text = (repeated_letter if letter_sync else carried_letter)(n, LATIN)
        return text.upper() if first == "A" else text
    if first.lower() == "а":  # Cyrillic а/А (LibreOffice's Russian letter formats)
        # LibreOffice names the variants by example: "а, б, .., аа, аб, ..." carries,
        # "а, б, .., аа, аа, ..." repeats.
        carries = "аб" in fmt.lower() or (len(fmt) == 1 and not letter_sync)
        text = (carried_letter if carries else repeated_letter)(n, RUSSIAN)
        return text.upper() if first == "А" else text
    return str(n)

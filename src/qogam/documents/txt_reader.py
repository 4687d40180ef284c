"""Plain text → Document, with the encoding guessed from the bytes.

Order of guesses: a BOM (UTF-8, UTF-16, UTF-32); valid UTF-8; then the two
Russian 8-bit code pages. Windows-1251 and KOI8-R put upper and lower case
Cyrillic in swapped halves, so the one whose decoding is mostly lower case wins.
"""

from __future__ import annotations

import codecs
import re

from .errors import DocumentError
from .model import Document
from .structure import paragraphs_from_blocks
from .textflow import blocks_from_lines

_BOMS = [
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
]
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


def decode(data: bytes, name: str) -> tuple[str, str]:
    """(text, encoding name); DocumentError when the bytes are not text."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding
            except UnicodeDecodeError as exc:
                raise _not_text(name, f"it starts like {encoding} text but is not ({exc.reason})") from exc
    if b"\x00" in data[:65536]:
        raise _not_text(name, "it contains binary data, not text")
    try:
        text, encoding = data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        text, encoding = _russian_8bit(data)
    sample = text[:65536]
    if sample and len(_CONTROL.findall(sample)) / len(sample) > 0.01:
        raise _not_text(name, "it contains binary data, not text")
    return text, encoding


def _russian_8bit(data: bytes) -> tuple[str, str]:
    best = ("", "cp1251", -1.0)
    for encoding in ("cp1251", "koi8_r"):
        text = data.decode(encoding, errors="replace")
        cyrillic = [ch for ch in text[:65536] if "\u0400" <= ch <= "\u04ff"]
        lower = sum(1 for ch in cyrillic if ch.islower()) / max(len(cyrillic), 1)
        if lower > best[2]:
            best = (text, encoding, lower)
    return best[0], best[1]


def _not_text(name: str, problem: str) -> DocumentError:
    return DocumentError(
        name,
        f"the file is not a document qogam can read: {problem}",
        "Send the charter as DOCX, PDF, ODT, DOC or plain text.",
        "document.unsupported",
    )


def read_plain_text(text: str, name: str, fmt: str = "txt") -> Document:
    """Paragraphs from text lines: wrapped lines joined, numbered clauses split."""
    raw_lines = text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n").split("\n")
    return Document(name=name, format=fmt, paragraphs=paragraphs_from_blocks(blocks_from_lines(raw_lines)))

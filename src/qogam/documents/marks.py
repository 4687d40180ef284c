"""Registration marks and appendices read from text: patterns, parsing, finders.

A registration mark says a justice body registered the charter («ЗАРЕГИСТРИРОВАН
Департаментом юстиции города Алматы … 14.03.2019», «ТІРКЕЛДІ …»). On scans it is a
stamp (:mod:`qogam.documents.stamps` finds it and reads it with the functions here);
in text documents it is typed, and :func:`find_registration_marks` finds it.
Appendices: a charter that refers to «Приложение № 1» / «№ 1 қосымша» should contain it.

The patterns are data: ``stamps.yaml`` beside this module, validated against
:data:`PATTERNS_SCHEMA`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path

import yaml

from .model import Document, Paragraph, Stamp

PATTERNS_FILE = Path(__file__).with_name("stamps.yaml")


# --- patterns ----------------------------------------------------------------


@dataclass(frozen=True)
class Patterns:
    registration: list[re.Pattern[str]]
    authority: list[re.Pattern[str]]
    framed_cues: list[re.Pattern[str]]
    framed_fragments: list[re.Pattern[str]]
    framed_numbers: list[re.Pattern[str]]
    date_numeric: re.Pattern[str]
    date_words_ru: re.Pattern[str]
    date_words_kk: re.Pattern[str]
    months_ru: list[str]
    months_kk: list[str]
    bin_labelled: re.Pattern[str]
    bin_bare: re.Pattern[str]
    appendix_reference: list[re.Pattern[str]]
    appendix_unnumbered_needs: re.Pattern[str]
    appendix_other_document: re.Pattern[str]
    appendix_heading: list[re.Pattern[str]]
    appendix_heading_max_length: int


PATTERNS_SCHEMA = {
    "type": "object",
    "required": [
        "registration", "authority", "framed_cues", "framed_fragments", "framed_numbers", "date_numeric", "date_words_ru", "date_words_kk", "months_ru",
        "months_kk", "bin_labelled", "bin_bare", "appendix",
    ],
    "additionalProperties": False,
    "properties": {
        "registration": {"type": "array", "items": {"type": "string"}, "minItems": 1},
        "authority": {"type": "array", "items": {"type": "string"}, "minItems": 1},
        "framed_cues": {"type": "array", "items": {"type": "string"}, "minItems": 1},
        "framed_fragments": {"type": "array", "items": {"type": "string"}, "minItems": 1},
        "framed_numbers": {"type": "array", "items": {"type": "string"}, "minItems": 1},
        "date_numeric": {"type": "string"},
        "date_words_ru": {"type": "string"},
        "date_words_kk": {"type": "string"},
        "months_ru": {"type": "array", "items": {"type": "string"}, "minItems": 12, "maxItems": 12},
        "months_kk": {"type": "array", "items": {"type": "string"}, "minItems": 12, "maxItems": 12},
        "bin_labelled": {"type": "string"},
        "bin_bare": {"type": "string"},
        "appendix": {
            "type": "object",
            "required": ["reference", "unnumbered_needs", "other_document", "heading", "heading_max_length"],
            "additionalProperties": False,
            "properties": {
                "reference": {"type": "array", "items": {"type": "string"}, "minItems": 1},
                "unnumbered_needs": {"type": "string"},
                "other_document": {"type": "string"},
                "heading": {"type": "array", "items": {"type": "string"}, "minItems": 1},
                "heading_max_length": {"type": "integer", "minimum": 20},
            },
        },
    },
}


@lru_cache(maxsize=1)
def patterns() -> Patterns:
    """The compiled patterns of ``stamps.yaml`` (validated against :data:`PATTERNS_SCHEMA`)."""
    import jsonschema

    raw = yaml.safe_load(PATTERNS_FILE.read_text(encoding="utf-8"))
    jsonschema.validate(raw, PATTERNS_SCHEMA)
    flags = re.IGNORECASE

    def many(items: list[str]) -> list[re.Pattern[str]]:
        return [re.compile(p, flags) for p in items]

    months_ru, months_kk = raw["months_ru"], raw["months_kk"]
    appendix = raw["appendix"]
    return Patterns(
        registration=many(raw["registration"]),
        authority=many(raw["authority"]),
        framed_cues=many(raw["framed_cues"]),
        framed_fragments=many(raw["framed_fragments"]),
        framed_numbers=many(raw["framed_numbers"]),
        date_numeric=re.compile(raw["date_numeric"], flags),
        date_words_ru=re.compile(raw["date_words_ru"].replace("{months}", "|".join(months_ru)), flags),
        date_words_kk=re.compile(raw["date_words_kk"].replace("{months}", "|".join(months_kk)), flags),
        months_ru=months_ru,
        months_kk=months_kk,
        bin_labelled=re.compile(raw["bin_labelled"], flags),
        bin_bare=re.compile(raw["bin_bare"], flags),
        appendix_reference=many(appendix["reference"]),
        appendix_unnumbered_needs=re.compile(appendix["unnumbered_needs"], flags),
        appendix_other_document=re.compile(appendix["other_document"], flags),
        appendix_heading=many(appendix["heading"]),
        appendix_heading_max_length=appendix["heading_max_length"],
    )


# --- reading a mark's text ---------------------------------------------------


@dataclass(frozen=True)
class MarkText:
    """What the text of a stamp says."""

    is_registration: bool
    authority: str | None
    date: str | None  # ISO yyyy-mm-dd
    bin: str | None
    # A word only a justice body's mark carries («юстиции», «әділет», «Рег. №»), enough for a
    # framed stamp whose title OCR garbled; never enough for typed text.
    has_framed_cue: bool = False


def _flat(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


_FRAME_JUNK = re.compile(r"(?:(?<=\s)|^)[|\[\]_=~—–-]+(?=\s|$)")


def clean_stamp_text(text: str) -> str:
    """Recognised stamp text without the bits of frame Tesseract reads as «|», «_» or «]»."""
    lines = (_FRAME_JUNK.sub(" ", line) for line in text.splitlines())
    return "\n".join(re.sub(r"\s+", " ", line).strip() for line in lines if line.strip(" |[]_=~—–-"))


def parse_mark_text(text: str) -> MarkText:
    """Whether ``text`` is a registration note, and the body, date and BIN it names."""
    p = patterns()
    flat = _flat(clean_stamp_text(text))
    is_registration = any(r.search(flat) for r in p.registration)
    authority = None
    for pattern in p.authority:
        found = pattern.search(flat)
        if found:
            authority = found.group(0).strip(" ,.;")
            break
    cue = is_registration or authority is not None or any(c.search(flat) for c in p.framed_cues)
    return MarkText(is_registration, authority, find_date(flat), find_bin(flat), cue or _pieces_of_a_mark(flat, p))


def _pieces_of_a_mark(flat: str, p: Patterns) -> bool:
    """Whether a stamp's text, too broken for any whole cue, still shows a mark's words in pieces.

    A piece of the body's or title's words and one more piece or number shape are needed: one
    alone turns up in a page's own text.
    """
    fragments = sum(1 for f in p.framed_fragments if f.search(flat))
    numbers = sum(1 for n in p.framed_numbers if n.search(flat))
    return fragments >= 1 and fragments + numbers >= 2


def find_date(text: str) -> str | None:
    """The first valid date in ``text`` as ISO yyyy-mm-dd."""
    p = patterns()
    candidates: list[tuple[int, int, int, int]] = []  # (position, year, month, day)
    for m in p.date_numeric.finditer(text):
        candidates.append((m.start(), int(m.group(3)), int(m.group(2)), int(m.group(1))))
    for m in p.date_words_ru.finditer(text):
        month = [x.lower() for x in p.months_ru].index(m.group(2).lower()) + 1
        candidates.append((m.start(), int(m.group(3)), month, int(m.group(1))))
    for m in p.date_words_kk.finditer(text):
        month = [x.lower() for x in p.months_kk].index(m.group(3).lower()) + 1
        candidates.append((m.start(), int(m.group(1)), month, int(m.group(2))))
    for _, year, month, day in sorted(candidates):
        if not 1991 <= year <= 2100:  # Kazakh registrations start with independence
            continue
        try:
            return date(year, month, day).isoformat()
        except ValueError:
            continue  # 31.02 or a misread digit
    return None


def find_bin(text: str) -> str | None:
    """A 12-digit BIN whose control digit checks out: the labelled one (БИН/БСН) first.

    A misread digit almost always breaks the control digit, so a number that fails
    it is not reported: «where legible» means read right.
    """
    p = patterns()
    for pattern in (p.bin_labelled, p.bin_bare):
        for found in pattern.finditer(text):
            digits = re.sub(r"\s", "", found.group(1))
            if bin_control_ok(digits):
                return digits
    return None


def bin_control_ok(digits: str) -> bool:
    """The BIN/IIN control digit: weights 1…11 modulo 11; on 10, weights 3…11, 1, 2; 10 again is never issued."""
    if len(digits) != 12 or not digits.isdigit():
        return False
    values = [int(c) for c in digits[:11]]
    for weights in (range(1, 12), (3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2)):
        remainder = sum(v * w for v, w in zip(values, weights, strict=True)) % 11
        if remainder != 10:
            return remainder == int(digits[11])
    return False


# --- registration marks in text ----------------------------------------------

_WINDOW = 4  # paragraphs a typed mark may span (ЗАРЕГИСТРИРОВАН / body / date / number)
_MAX_MARK_CHARS = 400


def find_registration_marks(paragraphs: list[Paragraph]) -> list[Stamp]:
    """Registration marks typed or recognised as text.

    A mark starts with a registration word («Зарегистрирован…», «ТІРКЕЛДІ») and names
    the justice body within a few short paragraphs; a short paragraph that names the
    body, a date and ends in «тіркелді» counts too (Kazakh puts the verb last).
    Sentences of the charter about registration in general name no particular body
    and are skipped.
    """
    p = patterns()
    marks: list[Stamp] = []
    i = 0
    while i < len(paragraphs):
        para = paragraphs[i]
        flat = _flat(para.text)
        head = flat[:40]
        starts = any(r.match(head) for r in p.registration)
        short_kazakh = len(flat) <= 200 and any(r.search(flat) for r in p.registration) and find_date(flat)
        if not (starts or short_kazakh):
            i += 1
            continue
        window = [para]
        length = len(flat)
        for nxt in paragraphs[i + 1 : i + _WINDOW]:
            if length + len(nxt.text) > _MAX_MARK_CHARS or nxt.page != para.page:
                break
            window.append(nxt)
            length += len(nxt.text)
        # Keep only as many paragraphs as it takes to name the body, the date and the BIN.
        text = " ".join(_flat(w.text) for w in window)
        parsed = parse_mark_text(text)
        if parsed.authority is None or len(flat) > _MAX_MARK_CHARS:
            i += 1
            continue
        used = _paragraphs_needed(window, parsed)
        text = "\n".join(w.text for w in window[:used])
        marks.append(
            Stamp(
                kind="registration_mark",
                page=para.page or 0,
                box=(0, 0, 0, 0),
                text=text,
                authority=parsed.authority,
                date=parsed.date,
                bin=parsed.bin,
                confidence=para.confidence,
            )
        )
        i += used
    return marks


def _paragraphs_needed(window: list[Paragraph], parsed: MarkText) -> int:
    wanted = [v for v in (parsed.authority, parsed.date, parsed.bin) if v]
    for n in range(1, len(window) + 1):
        sub = parse_mark_text(" ".join(w.text for w in window[:n]))
        if len([v for v in (sub.authority, sub.date, sub.bin) if v]) >= len(wanted):
            return n
    return len(window)


def registration_marks(document: Document) -> list[Stamp]:
    """Every registration mark of the document: stamped on a scan or typed in the text.

    A mark read both from the image and from the page's recognised text is listed once.
    """
    found = [s for s in document.stamps if s.kind == "registration_mark"]
    for typed in find_registration_marks(document.paragraphs):
        duplicate = any(
            s.page == typed.page
            and ((s.date and s.date == typed.date) or (s.bin and s.bin == typed.bin) or s.authority == typed.authority)
            for s in found
        )
        if not duplicate:
            found.append(typed)
    return found


# --- appendices --------------------------------------------------------------


def _roman_to_arabic(label: str) -> str:
    values = {"I": 1, "V": 5, "X": 10}
    if not label or not all(c in values for c in label.upper()):
        return label
    total = 0
    prev = 0
    for ch in reversed(label.upper()):
        v = values[ch]
        total = total - v if v < prev else total + v
        prev = max(prev, v)
    return str(total)


def present_appendices(document: Document) -> list[tuple[int, str]]:
    """Appendices the file contains: (index of the heading paragraph, label; "" when unnumbered)."""
    p = patterns()
    found = []
    for para in document.paragraphs:
        flat = _flat(para.text)
        if len(flat) > p.appendix_heading_max_length:
            continue
        for pattern in p.appendix_heading:
            m = pattern.match(flat)
            if m:
                found.append((para.index, _roman_to_arabic(m.groupdict().get("label") or "")))
                break
    return found


def referenced_appendices(document: Document) -> list[tuple[int, str]]:
    """Appendices of this charter the text refers to: (paragraph index, label; "" when unnumbered)."""
    p = patterns()
    headings = {index for index, _ in present_appendices(document)}
    found = []
    for para in document.paragraphs:
        if para.index in headings:
            continue
        flat = _flat(para.text)
        for pattern in p.appendix_reference:
            for m in pattern.finditer(flat):
                label = _roman_to_arabic(m.groupdict().get("label") or "")
                tail = m.groupdict().get("tail") or ""
                if p.appendix_other_document.match(tail):
                    continue
                if not label and not (p.appendix_unnumbered_needs.match(tail) or "жарғы" in m.group(0).lower()):
                    continue
                if (para.index, label) not in found:
                    found.append((para.index, label))
    return found


def missing_appendices(document: Document) -> list[tuple[int, str]]:
    """References to appendices that are not in the file (first reference of each label)."""
    present = {label for _, label in present_appendices(document)}
    if "" in present:  # one unnumbered appendix answers «приложение № 1» as well
        present |= {"1"}
    if "1" in present:
        present |= {""}
    missing, seen = [], set()
    for index, label in referenced_appendices(document):
        if label not in present and label not in seen:
            missing.append((index, label))
            seen.add(label)
    return missing

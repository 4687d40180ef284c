"""Kazakhstan's business identification numbers (БИН) and org-id identifiers.

Pure functions with no Django import, so importers, the API and tests share them.

A BIN has 12 digits; the last is a control digit. The first pass weights the
first eleven digits 1..11; if the remainder modulo 11 is 10, a second pass uses
the weights 3..11, 1, 2; a second remainder of 10 means no valid control digit
exists, so such a number is never issued.
"""

from __future__ import annotations

import re

_FIRST_WEIGHTS = tuple(range(1, 12))
_SECOND_WEIGHTS = (3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2)
_ORG_ID_PREFIX = "KZ-BIN-"
_NON_DIGITS = re.compile(r"[\s\u00a0\-]")


class InvalidBIN(ValueError):
    """A BIN that is malformed or fails its control digit, with a reason a person can act on."""

    def __init__(self, value: str, problem: str):
        self.value = value
        self.problem = problem
        super().__init__(f"БИН «{value}»: {problem}")


def control_digit(first_eleven: str) -> int | None:
    """The control digit for eleven digits, or None when no valid one exists."""
    if len(first_eleven) != 11 or not first_eleven.isdigit():
        raise ValueError("control_digit needs exactly eleven digits")
    digits = [int(c) for c in first_eleven]
    for weights in (_FIRST_WEIGHTS, _SECOND_WEIGHTS):
        remainder = sum(d * w for d, w in zip(digits, weights, strict=True)) % 11
        if remainder != 10:
            return remainder
    return None


def clean_bin(value: object) -> str:
    """The BIN as 12 digits, or raise InvalidBIN saying what is wrong.

    Accepts spaces and dashes between digits and numbers that a spreadsheet stored
    as integers (losing leading zeros) or floats (``123456789012.0``).
    """
    text = "" if value is None else str(value).strip()
    if text.endswith(".0") and text[:-2].isdigit():
        text = text[:-2]
    text = _NON_DIGITS.sub("", text)
    if not text:
        raise InvalidBIN(str(value or ""), "пустое значение — укажите 12 цифр БИН")
    if not text.isdigit():
        raise InvalidBIN(str(value), "в БИН должны быть только цифры")
    if len(text) < 12 and len(text) >= 10:
        text = text.zfill(12)  # leading zeros lost in a spreadsheet
    if len(text) != 12:
        raise InvalidBIN(str(value), f"в БИН {len(text)} цифр вместо 12")
    expected = control_digit(text[:11])
    if expected is None:
        raise InvalidBIN(str(value), "такой номер не может быть выдан (контрольный разряд не вычисляется)")
    if expected != int(text[11]):
        raise InvalidBIN(
            str(value),
            f"контрольная цифра не сходится (ожидается {expected}, указано {text[11]}) — проверьте номер",
        )
    return text


def is_valid_bin(value: object) -> bool:
    try:
        clean_bin(value)
    except InvalidBIN:
        return False
    return True


def complete_bin(first_eleven: str) -> str | None:
    """Eleven digits plus their control digit, or None when they cannot form a BIN."""
    digit = control_digit(first_eleven)
    return None if digit is None else f"{first_eleven}{digit}"


def org_id(bin_value: str) -> str:
    """The org-id.guide identifier of an organisation: ``KZ-BIN-<bin>``."""
    return f"{_ORG_ID_PREFIX}{clean_bin(bin_value)}"


def bin_from_org_id(identifier: str) -> str:
    """The BIN inside an org-id (``KZ-BIN-…``) or a bare BIN."""
    text = identifier.strip()
    if text.upper().startswith(_ORG_ID_PREFIX):
        text = text[len(_ORG_ID_PREFIX):]
    return clean_bin(text)

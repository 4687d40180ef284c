"""Goal clauses a charter check flags: vague catch-alls and commercial goals (catch_all.yaml)."""

from __future__ import annotations

from functools import lru_cache

from .classifier import MAX_TEXT_CHARS, Evidence, TextTooLargeError
from .data import load
from .lemmas import analyse
from .patterns import PatternSet


@lru_cache(maxsize=1)
def _pattern_set() -> PatternSet:
    data = load("catch_all")
    return PatternSet({"vague": data["vague"], "commercial": data["commercial"]}, "catch_all.yaml")


def _find(text: str, category: str) -> list[Evidence]:
    if len(text) > MAX_TEXT_CHARS:
        raise TextTooLargeError(
            f"the text has {len(text):,} characters, more than {MAX_TEXT_CHARS:,}"
        )
    hits = _pattern_set().match(analyse(text), {category})
    found = [
        Evidence(h.category, h.pattern.source, text[h.start : h.end], h.start, h.end) for h in hits
    ]
    return sorted(found, key=lambda e: (e.start, e.end))


def find_catch_all(text: str) -> list[Evidence]:
    """Vague catch-all goal wording («иная деятельность, не запрещенная законодательством»)."""
    return _find(text, "vague")


def find_commercial_goal(text: str) -> list[Evidence]:
    """Profit or business stated as a goal; the permitted «постольку, поскольку …» is not flagged.

    Meant for one goal clause at a time: the permitted wording in one clause does not excuse
    a profit goal in another, so pass goals separately.
    """
    return _find(text, "commercial")

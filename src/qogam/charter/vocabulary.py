"""Load ``vocabulary.yaml`` once and give compiled patterns to the parser."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import yaml

VOCABULARY_FILE = Path(__file__).with_name("vocabulary.yaml")


def normalise(text: str) -> str:
    """Lower-case with «ё» folded to «е»: the form every vocabulary pattern is written for."""
    return text.lower().replace("ё", "е")


def _any(patterns: list[str]) -> re.Pattern[str] | None:
    if not patterns:
        return None
    return re.compile("|".join(f"(?:{p})" for p in patterns))


@cache
def raw() -> dict:
    with VOCABULARY_FILE.open(encoding="utf-8") as fh:
        return yaml.safe_load(fh)


@cache
def legal_forms() -> list[tuple[str, bool, re.Pattern[str]]]:
    """(slug, in_scope, pattern) in the file's order."""
    out = []
    for form in raw()["legal_forms"]:
        out.append((form["slug"], form["in_scope"], _any(form["ru"] + form["kk"])))
    return out


@cache
def pattern(*path: str) -> re.Pattern[str] | None:
    """The alternation of all patterns at a path, e.g. ``pattern("topics", "goals", "title")``."""
    node = raw()
    for key in path:
        node = node.get(key) if isinstance(node, dict) else None
        if node is None:
            return None
    if isinstance(node, dict):  # e.g. charter_title: {ru: [...], kk: [...]}
        node = [p for patterns in node.values() for p in patterns]
    return _any(node)


@cache
def foreign_markers() -> dict[str, re.Pattern[str]]:
    return {country: _any(p) for country, p in raw()["foreign_markers"].items()}


@cache
def statuses() -> list[tuple[str, re.Pattern[str]]]:
    return [(status, _any(p)) for status, p in raw()["statuses"].items()]


@cache
def body_kinds() -> list[tuple[str, re.Pattern[str]]]:
    return [(kind, _any(p)) for kind, p in raw()["bodies"].items()]


def topic_names() -> list[str]:
    return list(raw()["topics"])

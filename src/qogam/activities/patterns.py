"""Include/exclude patterns over lemma streams, compiled once, matched with evidence.

Pattern syntax (used by patterns.yaml and catch_all.yaml):

* a regular expression over the lemma string of ``lemmas.py`` («защита право ребенок»);
  it always matches whole lemmas: «сирота» does not match inside «сиротство», write
  «сирот\\w*» for that;
* ``~`` between two words allows up to 3 other lemmas in between («защита ~ право»),
  ``~N`` up to N; gaps never cross a sentence break;
* lower case, «е» for «ё», groups written ``(?:...)`` (capturing groups are refused);
* an entry is a string (weight 1) or ``{pattern: ..., weight: 0.5}``.

Each category and language has up to three lists: ``include`` (activity patterns: what is
done, or for group 4 whom the social service is for), ``context`` (places, qualifiers,
beneficiaries and topic nouns such as «за рубежом», «в сельской местности», «международный»,
«законодательство»: they add to a category's score but never create a label alone, see
classifier.py) and ``exclude``.

Semantics: an include or context match counts for its category unless an exclude pattern of
the same category and language overlaps it. Activity and context patterns are matched
separately, so a context phrase never hides an activity word inside it. Within a category and
role matches do not overlap; at one position the heavier, then the longer pattern wins. A
pattern counts once per occurrence, at most ``MAX_COUNTED`` times per text.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from .lemmas import Analysis

MAX_COUNTED = 3
DEFAULT_GAP = 3
ACTIVITY = "activity"
CONTEXT = "context"
_GAP = re.compile(r"\s*~(\d*)\s*")


class PatternError(ValueError):
    """A pattern file holds a pattern that cannot be used; the message says which and why."""


@dataclass(frozen=True)
class Pattern:
    category: str
    lang: str
    source: str  # as written in the YAML file: what the evidence shows
    weight: float
    role: str = ACTIVITY  # or CONTEXT: counts for the score, never creates a label alone


@dataclass(frozen=True)
class Hit:
    category: str
    pattern: Pattern
    start: int  # in the original text
    end: int
    lemma_start: int  # in the language's lemma string
    lemma_end: int


def _body(source: str) -> str:
    text = " ".join(source.split())

    def gap(match: re.Match) -> str:
        limit = int(match.group(1) or DEFAULT_GAP)
        return rf"(?: [^ |]+){{0,{limit}}} "

    return _GAP.sub(gap, text)


def to_regex(source: str) -> str:
    """The regular expression for one pattern as written (see the module docstring).

    It runs on the lemma string padded with a space at each end: a match starts at the space
    before its first lemma and is followed by a space. The leading literal space lets the
    regex engine skip straight to word starts, which is most of the matching speed.
    """
    return rf" (?:{_body(source)})(?= )"


def _entries(raw: Iterable, where: str) -> list[tuple[str, float]]:
    entries = []
    for item in raw or ():
        if isinstance(item, str):
            entries.append((item, 1.0))
        elif isinstance(item, Mapping) and isinstance(item.get("pattern"), str):
            entries.append((item["pattern"], float(item.get("weight", 1.0))))
        else:
            raise PatternError(
                f"{where}: an entry must be a string or {{pattern, weight}}, got {item!r}"
            )
    return entries


def _check(source: str, where: str) -> re.Pattern:
    letters = re.sub(r"\\.", "", source)  # escapes such as \w, \S are not lemma text
    if letters != letters.lower():
        raise PatternError(
            f"{where}: pattern {source!r} has capital letters; lemmas are lower case"
        )
    if "ё" in source:
        raise PatternError(f"{where}: pattern {source!r} has «ё»; lemmas are written with «е»")
    try:
        compiled = re.compile(to_regex(source))
    except re.error as exc:
        raise PatternError(
            f"{where}: pattern {source!r} is not a valid regular expression ({exc})"
        ) from exc
    if compiled.groups:
        raise PatternError(
            f"{where}: pattern {source!r} has a capturing group; write (?:...) instead"
        )
    return compiled


class _Rule:
    """All patterns of one category in one language, compiled into two regexes."""

    def __init__(
        self,
        category: str,
        lang: str,
        include: list[tuple[str, float, str]],
        exclude: list[str],
    ):
        where = f"{category}/{lang}"
        for source, _, _ in include:
            _check(source, where)
        for source in exclude:
            _check(source, where)
        # Heavier, then longer first: at one position the first alternative that matches wins.
        ordered = sorted(include, key=lambda entry: (-entry[1], -len(entry[0])))
        self.patterns = [
            Pattern(category, lang, source, weight, role) for source, weight, role in ordered
        ]
        alternatives = "|".join(f"(?P<p{i}>{_body(p.source)})" for i, p in enumerate(self.patterns))
        self.include = re.compile(f" (?:{alternatives})(?= )")
        self.exclude = (
            re.compile(" (?:" + "|".join(f"(?:{_body(s)})" for s in exclude) + ")(?= )")
            if exclude
            else None
        )

    def matches(self, padded: str) -> list[tuple[Pattern, int, int]]:
        """(pattern, start, end) in the unpadded lemma string, for ``padded`` = " " + text + " "."""
        return [
            (self.patterns[int(m.lastgroup[1:])], m.start(), m.end() - 1)
            for m in self.include.finditer(padded)
        ]

    def exclusions(self, padded: str) -> list[tuple[int, int]]:
        """(start, end) of every exclude match in the unpadded lemma string, overlapping ones too."""
        return _overlapping(self.exclude, padded) if self.exclude is not None else []


def _overlapping(regex: re.Pattern, padded: str) -> list[tuple[int, int]]:
    """Spans of every match of ``regex`` starting at each lemma, even where matches overlap."""
    spans = []
    position = 0
    while True:
        match = regex.search(padded, position)
        if match is None:
            return spans
        spans.append((match.start(), match.end() - 1))
        position = match.start() + 1


def _merged(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def _overlaps(blocked: list[tuple[int, int]], starts: list[int], start: int, end: int) -> bool:
    """Whether [start, end) meets one of the sorted, disjoint ``blocked`` spans."""
    index = bisect_right(starts, end - 1) - 1  # the last span starting before ``end``
    return index >= 0 and blocked[index][1] > start


class PatternSet:
    """Patterns of many categories: ``{category: {lang: {include, context, exclude}}}``."""

    def __init__(self, spec: Mapping[str, Mapping[str, Mapping]], source_name: str):
        self.rules: dict[str, list[_Rule]] = {}
        for category, by_lang in spec.items():
            for lang, lists in (by_lang or {}).items():
                if not isinstance(lists, Mapping):
                    raise PatternError(
                        f"{source_name}: {category}/{lang} must have include/context/exclude lists"
                    )
                where = f"{source_name}: {category}/{lang}"
                exclude = [s for s, _ in _entries(lists.get("exclude"), where)]
                for role, name in ((ACTIVITY, "include"), (CONTEXT, "context")):
                    entries = [(s, w, role) for s, w in _entries(lists.get(name), where)]
                    if entries:
                        rule = _Rule(category, lang, entries, exclude)
                        self.rules.setdefault(lang, []).append(rule)

    @property
    def categories(self) -> set[str]:
        return {rule.patterns[0].category for rules in self.rules.values() for rule in rules}

    def patterns(self) -> list[Pattern]:
        return [p for rules in self.rules.values() for rule in rules for p in rule.patterns]

    def match(self, analysis: Analysis, categories: set[str] | None = None) -> list[Hit]:
        """Every counted hit in the text, at most ``MAX_COUNTED`` per pattern."""
        hits: list[Hit] = []
        for lang, stream in analysis.streams.items():
            padded = f" {stream.text} "
            for rule in self.rules.get(lang, ()):
                if categories is not None and rule.patterns[0].category not in categories:
                    continue
                found = rule.matches(padded)
                if not found:
                    continue
                # Exclusion is judged in the original text: the parts of «non-profit» and the
                # joined word are different lemmas but the same words.
                blocked = _merged([stream.original_span(s, e) for s, e in rule.exclusions(padded)])
                starts = [start for start, _ in blocked]
                counted: dict[str, int] = {}
                for pattern, start, end in found:
                    original_start, original_end = stream.original_span(start, end)
                    if blocked and _overlaps(blocked, starts, original_start, original_end):
                        continue
                    if counted.get(pattern.source, 0) >= MAX_COUNTED:
                        continue
                    counted[pattern.source] = counted.get(pattern.source, 0) + 1
                    hits.append(
                        Hit(pattern.category, pattern, original_start, original_end, start, end)
                    )
        return hits

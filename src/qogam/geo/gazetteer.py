"""The derived gazetteer file, loaded once: units, lexicon index and context words.

``gazetteer.json.gz`` is built by ``scripts/build_gazetteer.py`` from KATO and the
hand-written ``aliases.yaml`` / ``context.yaml``; nothing else is read at run time.
The file already holds the matcher's index (first token → forms), so loading is
parsing plus a little tuple building.
"""

from __future__ import annotations

import functools
import gzip
import json
from pathlib import Path
from typing import NamedTuple

from .model import COUNTRY_CODE, Unit

GAZETTEER_FILE = Path(__file__).with_name("gazetteer.json.gz")
SUPPORTED_FORMAT = 1


class GazetteerError(Exception):
    """The gazetteer file is missing or unreadable; says how to rebuild it."""


class Entry(NamedTuple):
    """What a lexicon form points to."""

    kato: str
    kind: str
    historic: bool
    also_regions: tuple[str, ...]
    cases: frozenset[str]
    upper: bool


class Pattern(NamedTuple):
    """A lexicon form beginning with some token: the rest of its tokens, its role, entries."""

    rest: tuple[str, ...]
    role: str
    entries: tuple[Entry, ...]


class WordSet:
    """Folded words, exact or by prefix (``област*``)."""

    __slots__ = ("exact", "prefixes")

    def __init__(self, spec: dict[str, list[str]]):
        self.exact = frozenset(spec["exact"])
        self.prefixes = tuple(spec["prefix"])

    def __contains__(self, token: str) -> bool:
        return token in self.exact or (bool(self.prefixes) and token.startswith(self.prefixes))


class Cues:
    """Word sequences («на территории», «бүкіл аумағында»); a word ending in * is a prefix."""

    def __init__(self, sequences: list[list[str]]):
        self.exact = {tuple(seq) for seq in sequences if not any(w.endswith("*") for w in seq)}
        self.lengths = sorted({len(seq) for seq in self.exact}, reverse=True)
        self.patterns = [tuple(seq) for seq in sequences if any(w.endswith("*") for w in seq)]

    def match_end(self, words: list[str]) -> int:
        """Length of a cue that ``words`` end with (0 if none)."""
        for n in self.lengths:
            if len(words) >= n and tuple(words[-n:]) in self.exact:
                return n
        for seq in self.patterns:
            if len(words) >= len(seq) and _same(words[-len(seq):], seq):
                return len(seq)
        return 0

    def match_start(self, words: list[str]) -> bool:
        """``words`` begin with a cue."""
        return any(tuple(words[:n]) in self.exact for n in self.lengths) or any(
            len(words) >= len(seq) and _same(words[: len(seq)], seq) for seq in self.patterns
        )


def _same(words: list[str], sequence: tuple[str, ...]) -> bool:
    return all(w.startswith(c[:-1]) if c.endswith("*") else w == c for w, c in zip(words, sequence, strict=True))


class Gazetteer:
    def __init__(self, data: dict):
        if data.get("format") != SUPPORTED_FORMAT:
            raise GazetteerError(
                f"{GAZETTEER_FILE.name}: format {data.get('format')!r}, expected {SUPPORTED_FORMAT}. "
                "Rebuild it: python scripts/build_gazetteer.py"
            )
        self.provenance: dict = data["provenance"]
        self._units_text: str = data["units"]
        self._units: dict[str, tuple[str, ...]] | None = None
        self.index = _Index(data["index"], data["entries"])
        stops: dict[str, list[tuple[str, ...]]] = {}
        for phrase in data["context"]["stop_phrases"]:
            first, *rest = phrase.split(" ")
            stops.setdefault(first, []).append(tuple(rest))
        self.stop_phrases = stops
        ctx = data["context"]
        self.markers = {name: WordSet(spec) for name, spec in ctx["markers"].items()}
        self.nouns = {name: WordSet(spec) for name, spec in ctx["nouns"].items()}
        self.conjunctions = WordSet(ctx["conjunctions"])
        self.negative_before = WordSet(ctx["negative"]["before"])
        self.negative_after = WordSet(ctx["negative"]["after"])
        self.org_forms = WordSet(ctx["negative"]["org_forms"])
        self.person_endings = tuple(ctx["negative"]["person_after_endings"])
        scope = ctx["country_scope"]
        self.scope = scope
        self.scope_before = Cues(scope["before"])
        self.scope_after = Cues(scope["after"])

    # --- units -------------------------------------------------------------------

    @property
    def units(self) -> dict[str, tuple[str, ...]]:
        """code -> (level, kind, name_ru, name_kk, name_en), parsed on first use."""
        if self._units is None:
            rows = (line.split("|") for line in self._units_text.split("\n"))
            self._units = {row[0]: tuple(row[1:]) for row in rows}
        return self._units

    def unit(self, code: str) -> tuple[str, ...] | None:
        """(level, kind, name_ru, name_kk, name_en) of a KATO code, None if unknown."""
        return self.units.get(code)

    def first_level_units(self) -> list[Unit]:
        return [
            Unit(code, _display(row[2]), row[3], row[4], row[1])
            for code, row in sorted(self.units.items())
            if row[0] == "oblast"
        ]

    def unit_name(self, code: str, lang: str = "ru") -> str:
        if lang not in ("ru", "kk", "en"):
            raise ValueError(f"unit_name: language {lang!r} is not supported; use 'ru', 'kk' or 'en'.")
        if code == COUNTRY_CODE:
            return {"ru": "Республика Казахстан", "kk": "Қазақстан Республикасы", "en": "Republic of Kazakhstan"}[lang]
        row = self.unit(code)
        if row is None:
            raise ValueError(f"{code!r} is not a KATO code known to the gazetteer ({self.provenance['kato_version']}).")
        if lang == "kk":
            return row[3]
        if lang == "en" and row[4]:
            return row[4]
        return _display(row[2])  # English names exist only for first-level units

    def region_of(self, code: str) -> str | None:
        if not (isinstance(code, str) and len(code) == 9 and code.isdigit()):
            raise ValueError(f"{code!r} is not a KATO code (9 digits).")
        if code == COUNTRY_CODE:
            return None
        region = code[:2] + "0000000"
        if region not in self.units:
            raise ValueError(f"{code!r}: no first-level unit {region} in KATO {self.provenance['kato_version']}.")
        return region


class _Index:
    """first token -> patterns; a token's patterns (and their entries) are built the first
    time the token is seen, so loading does not build 25,000 objects up front."""

    def __init__(self, raw: dict[str, list[list]], raw_entries: list[list]):
        self._raw = raw
        self._raw_entries = raw_entries
        self._entries: dict[int, Entry] = {}
        self._by_role: dict[str, dict[str, list[Pattern]]] = {}

    def __contains__(self, first: str) -> bool:
        return first in self._raw

    def by_role(self, first: str) -> dict[str, list[Pattern]]:
        """role -> patterns (longest first) of the forms beginning with ``first``."""
        roles = self._by_role.get(first)
        if roles is None:
            roles = {}
            for rest, role, ids in self._raw.get(first, ()):
                pattern = Pattern(tuple(rest.split()), role, tuple([self._entry(i) for i in ids]))
                roles.setdefault(role, []).append(pattern)
            self._by_role[first] = roles
        return roles

    def _entry(self, i: int) -> Entry:
        entry = self._entries.get(i)
        if entry is None:
            kato, kind, historic, also, cases, upper = self._raw_entries[i]
            entry = Entry(kato, kind, bool(historic), tuple(also), frozenset(cases), bool(upper))
            self._entries[i] = entry
        return entry


def _display(name: str) -> str:
    """«г.Астана» → «г. Астана»: KATO writes no space after the abbreviation."""
    for prefix in ("г.", "с.", "п."):
        if name.startswith(prefix) and not name.startswith(prefix + " "):
            return prefix + " " + name[len(prefix):]
    return name


@functools.lru_cache(maxsize=1)
def load(path: Path = GAZETTEER_FILE) -> Gazetteer:
    """The gazetteer (loaded once per process)."""
    try:
        data = json.loads(gzip.decompress(path.read_bytes()))
    except (OSError, ValueError, EOFError) as exc:
        raise GazetteerError(
            f"{path}: cannot read the gazetteer ({exc}). Rebuild it: python scripts/build_gazetteer.py"
        ) from exc
    return Gazetteer(data)

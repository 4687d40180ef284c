"""geo: the KATO gazetteer and a place finder for Russian and Kazakh text.

    >>> from qogam.geo import analyse
    >>> analyse("Филиал в г. Тараз").to_dict()["regions"]
    ['310000000']

Public API (see README.md in this folder for the choices behind it):

* ``find_places(text) -> list[Place]`` — every place mention, in text order, with its
  KATO code, first-level region, span, kind; ambiguous ones with candidates.
* ``analyse(text) -> GeoResult`` — places, regions, whole_country, ambiguous;
  ``.to_dict()`` is the JSON of ``qogam geo --format json``.
* ``states_whole_country(text) -> bool`` — does a (territory) sentence say the
  organisation acts across the whole Republic?
* ``first_level_units() -> list[Unit]``, ``unit_name(code, lang)``, ``region_of(code)``.
* ``provenance() -> dict`` — KATO version, checksums and build date of the gazetteer.
"""

from __future__ import annotations

import re

from .gazetteer import GazetteerError, load
from .matcher import Matcher
from .model import COUNTRY_CODE, GeoResult, Place, Unit

__all__ = [
    "COUNTRY_CODE",
    "GazetteerError",
    "GeoResult",
    "Place",
    "Unit",
    "analyse",
    "find_places",
    "first_level_units",
    "provenance",
    "region_of",
    "states_whole_country",
    "unit_name",
]

_matcher: Matcher | None = None


def _get_matcher() -> Matcher:
    global _matcher
    if _matcher is None:
        _matcher = Matcher(load())
    return _matcher


def find_places(text: str) -> list[Place]:
    """Places named in ``text`` (Russian or Kazakh), in order of appearance."""
    if not isinstance(text, str):
        raise TypeError(f"find_places expects a str, got {type(text).__name__}")
    if not text:
        return []
    return _get_matcher().find(text)


def analyse(text: str) -> GeoResult:
    """Places, first-level regions, whole-country scope and ambiguous mentions of ``text``."""
    found = find_places(text)
    regions = sorted({p.region for p in found if p.region})
    return GeoResult(
        places=[p for p in found if not p.ambiguous],
        regions=regions,
        whole_country=any(p.whole_country for p in found),
        ambiguous=[p for p in found if p.ambiguous],
    )


def states_whole_country(text: str) -> bool:
    """True if the territory clause ``text`` states whole-country scope: «на всей
    территории Республики Казахстан», «Қазақстан Республикасының бүкіл аумағында»,
    «Территория деятельности — Республика Казахстан», or the Republic named alone as
    the clause's content («3.1. Республика Казахстан.», under a heading «Территория
    деятельности»). False for the country named as a state («в соответствии с
    законодательством РК», «гражданин РК»), for an address («Республика Казахстан,
    г. Алматы, …») and for texts that name only regions."""
    places = find_places(text)
    if any(p.whole_country for p in places):
        return True
    return any(p.kind == "country" and _named_alone(text, p) for p in places)


_CLAUSE_BREAK = re.compile(r"[.;:!?\n—–]")


def _named_alone(text: str, place: Place) -> bool:
    """The mention is all the clause says: only numbering and punctuation around it."""
    before = _CLAUSE_BREAK.split(text[: place.start])[-1] if place.start else ""
    after = _CLAUSE_BREAK.split(text[place.end :])[0]
    return not any(ch.isalpha() for ch in before + after)


def first_level_units() -> list[Unit]:
    """The 20 first-level units (17 oblasts, 3 cities of republican significance), by code."""
    return load().first_level_units()


def unit_name(code: str, lang: str = "ru") -> str:
    """The name of a KATO unit in ``lang`` ("ru", "kk", "en"; English only for
    first-level units, other units fall back to Russian). ValueError if unknown."""
    return load().unit_name(code, lang)


def region_of(code: str) -> str | None:
    """The first-level unit of a KATO code (None for the country code 000000000)."""
    return load().region_of(code)


def provenance() -> dict:
    """Where the gazetteer comes from: KATO version, sha256 of the inputs, build date."""
    return dict(load().provenance)

"""What the place finder returns: places, the text's regions, and first-level units."""

from __future__ import annotations

from dataclasses import dataclass, field

COUNTRY_CODE = "000000000"  # not a KATO code: stands for the Republic of Kazakhstan


@dataclass
class Place:
    """A place named in a text.

    ``kind`` is "region" (a first-level oblast), "city" (including Астана, Алматы and
    Шымкент, which are first-level units themselves), "district", "settlement" or
    "country" (the Republic; ``kato`` is "000000000", ``region`` None).

    An ambiguous mention («Абайский район», «с. Аксу») has ``kato`` None and its
    ``candidates``; ``region`` is set only when all candidates lie in one region (``kind``
    is "place" in the rare case the candidates are of different kinds). A mention resolved
    by its context keeps its ``candidates`` and gets a ``kato``.

    ``historic``: the name is no longer official (Нур-Султан, Семипалатинская область).
    ``also_regions``: first-level units the name also covered before a boundary change
    (the 2022 split, Шымкент in 2018); ``region`` is always today's unit of that name.
    ``whole_country`` (country mentions): the mention states where something happens
    across the Republic («на территории Республики Казахстан»), rather than naming the
    state, its law or its citizens («законодательство Республики Казахстан»).
    """

    kato: str | None
    region: str | None
    text: str
    start: int
    end: int
    kind: str
    candidates: list[str] = field(default_factory=list)
    historic: bool = False
    also_regions: list[str] = field(default_factory=list)
    whole_country: bool = False

    @property
    def ambiguous(self) -> bool:
        return self.kato is None

    def to_dict(self) -> dict:
        data: dict = {
            "kato": self.kato,
            "region": self.region,
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "kind": self.kind,
        }
        if self.candidates:
            data["candidates"] = self.candidates
        if self.historic:
            data["historic"] = True
        if self.also_regions:
            data["also_regions"] = self.also_regions
        if self.kind == "country":
            data["whole_country"] = self.whole_country
        return data


@dataclass
class GeoResult:
    """Places found in one text and what they add up to.

    ``regions``: sorted KATO codes of the first-level units the text names (through a
    region, a city, a district or a settlement; an ambiguous mention counts only when
    all its candidates lie in one region). ``whole_country``: some mention of the
    Republic states whole-country scope. ``ambiguous``: mentions that could be several
    places, with their candidates, not guessed.
    """

    places: list[Place]
    regions: list[str]
    whole_country: bool
    ambiguous: list[Place]

    def to_dict(self) -> dict:
        return {
            "places": [p.to_dict() for p in self.places],
            "regions": self.regions,
            "whole_country": self.whole_country,
            "ambiguous": [p.to_dict() for p in self.ambiguous],
        }


@dataclass(frozen=True)
class Unit:
    """A first-level unit of Kazakhstan: 17 oblasts and 3 cities of republican significance."""

    code: str
    name_ru: str
    name_kk: str
    name_en: str
    kind: str  # "oblast" or "city"

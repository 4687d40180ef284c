"""The words around a name that make it a place or not (data in ``context.yaml``).

Markers («г.», «с.», «қаласы», «ауылы») say what kind of place follows or precedes;
streets, lakes, «имени», company forms, initials and surnames say it is not a place.
"""

from __future__ import annotations

import re

from .gazetteer import Gazetteer
from .tokens import Tokens

_OPEN_QUOTES = re.compile(r"[\s«\"“„]*")
_NOUNS_AFTER_A_NAME = ("region_ru", "region_kk", "district_ru", "district_kk")


class Context:
    def __init__(self, gazetteer: Gazetteer):
        self.g = gazetteer

    def marker_before(self, t: Tokens, i: int) -> tuple[str | None, int]:
        """("city" | "settlement" | None, start offset of the marker) before token i."""
        if i == 0 or not t.plain_gap(i):
            return None, 0
        word = t.words[i - 1]
        if word in self.g.markers["needs_dot"] and "." not in t.gap(i):
            return None, 0  # «с Аксу» is the preposition, «с. Аксу» the village
        if word in self.g.markers["settlement_before"]:
            return "settlement", t.starts[i - 1]
        if word in self.g.markers["city_before"]:
            return "city", t.starts[i - 1]
        return None, 0

    def marker_after(self, t: Tokens, end: int) -> tuple[str | None, int]:
        """("city" | "settlement" | None, end offset of the marker) at token ``end``."""
        if end >= len(t.words) or not t.list_gap(end) or "," in t.gap(end):
            return None, 0
        word = t.words[end]
        markers = self.g.markers
        if word in markers["needs_dot"]:
            if not t.text.startswith(".", t.ends[end]):
                return None, 0
            is_city, is_settlement = word in markers["city_after"], word in markers["settlement_after"]
            if is_city and is_settlement:
                # folded «к.»: Kazakh «қ.» is қала (city), Cyrillic «к.» is кент (settlement)
                is_city = t.original(end).lower() == "қ"
                is_settlement = not is_city
            kind = "city" if is_city else "settlement" if is_settlement else None
            return kind, t.ends[end] + 1
        if word in markers["city_after"]:
            return "city", t.ends[end]
        if word in markers["settlement_after"]:
            return "settlement", t.ends[end]
        return None, 0

    def noun_follows(self, t: Tokens, end: int) -> bool:
        """A region or district noun after a name («Алматы облысы»): not a city."""
        return end < len(t.words) and any(t.words[end] in self.g.nouns[n] for n in _NOUNS_AFTER_A_NAME)

    def negative_before(self, t: Tokens, i: int) -> bool:
        """«ул. Жамбыла», «озеро Балхаш», «имени Абая»."""
        return i > 0 and t.words[i - 1] in self.g.negative_before and t.plain_gap(i)

    def negative_after(self, t: Tokens, end: int) -> bool:
        """«Абай көшесі», «Балқаш көлі», «Сәтбаев атындағы»."""
        return end < len(t.words) and t.words[end] in self.g.negative_after and t.plain_gap(end)

    def bare_city_ok(self, t: Tokens, i: int, end: int) -> bool:
        """A city name without a marker: capitalised, and not a company, person or street."""
        if not t.original(i)[:1].isupper():
            return False
        if t.in_quotes(t.starts[i]) or self.negative_after(t, end):
            return False
        if i > 0:
            gap, before = t.gap(i), t.original(i - 1)
            if t.words[i - 1] in self.g.org_forms and (len(before) > 4 or before.isupper()) \
                    and _OPEN_QUOTES.fullmatch(gap):
                return False  # «ТОО Астана Групп»
            if len(before) == 1 and before.isupper() and gap.startswith("."):
                return False  # an initial: «Д. Қонаев»
        if end < len(t.words) and t.plain_gap(end) and "." not in t.gap(end):
            after = t.original(end)
            if after[:1].isupper() and len(after) > 4 and t.words[end].endswith(self.g.person_endings):
                return False  # a surname or patronymic: «Астана Нұрланқызы»
        return True

"""Find places in Russian and Kazakh text: a token lexicon plus a little grammar.

The text is folded (``normalize``) and split into tokens. Each token is looked up in
the lexicon's first-token index; a hit is accepted only in its grammatical frame:

* region and district adjectives need their noun, possibly after a list
  («Жамбылской и Туркестанской областей», «Алматы және Жамбыл облыстарында»);
* «область Абай», «района Турара Рыскулова»: the noun comes first;
* a city name stands alone only if it is safe to (``aliases.yaml`` → matching) and
  written with a capital; others need «г.», «город», «қаласы»;
* a settlement needs «с.», «пос.», «ауылы» …;
* streets, persons, quoted company names and lakes are not places (``context.yaml``).

A form that points to several places (Жамбылский район exists in three regions) is
reported as ambiguous with its candidates, unless exactly one candidate lies in a
region the same text names without ambiguity.
"""

from __future__ import annotations

from collections.abc import Iterator

from .context import Context
from .country import judge_scope, phrase_stands
from .gazetteer import Entry, Gazetteer
from .model import COUNTRY_CODE, Place
from .tokens import Tokens

_MAX_LIST = 25
Match = tuple[int, tuple[Entry, ...]]  # (end token, entries)
Found = tuple[list[Place], int]  # (places, next token)

# roles that need a noun after them, with the noun set's name
_CHAIN_ROLES = (
    ("region_adj", "region_ru"),
    ("region_kk", "region_kk"),
    ("district_adj", "district_ru"),
    ("district_kk", "district_kk"),
    ("city_adj", "city_ru"),
)
# roles of names that stand by themselves, and the marker kind each needs
_NAMED_ROLES = (("settlement", "settlement"), ("city", "city"), ("city_marked", "city"))


# what a token can start (a bit mask, cached per distinct token)
_STOP, _REGION_NOUN, _DISTRICT_NOUN, _INDEXED = 1, 2, 4, 8
_CACHE_LIMIT = 200_000


class Matcher:
    def __init__(self, gazetteer: Gazetteer):
        self.g = gazetteer
        self.ctx = Context(gazetteer)
        self._kinds: dict[str, int] = {}

    def _kind(self, word: str) -> int:
        g = self.g
        kind = (
            (_STOP if word in g.stop_phrases else 0)
            | (_REGION_NOUN if word in g.nouns["region_ru"] else 0)
            | (_DISTRICT_NOUN if word in g.nouns["district_ru_singular"] else 0)
            | (_INDEXED if word in g.index else 0)
        )
        if len(self._kinds) > _CACHE_LIMIT:
            self._kinds.clear()
        self._kinds[word] = kind
        return kind

    # --- the scan ------------------------------------------------------------

    def find(self, text: str) -> list[Place]:
        t = Tokens.of(text)
        kinds = self._kinds
        places: list[Place] = []
        i, n = 0, len(t.words)
        while i < n:
            word = t.words[i]
            kind = kinds.get(word)
            if kind is None:
                kind = self._kind(word)
            if not kind:
                i += 1
                continue
            found = None
            if kind & _STOP:
                end = self._stop_phrase(t, i)
                if end:
                    i = end
                    continue
            if kind & _REGION_NOUN:
                found = self._noun_first(t, i, "region_after_noun")
            elif kind & _DISTRICT_NOUN:
                found = self._noun_first(t, i, "district_after_noun")
            if found is None and kind & _INDEXED:
                found = self._at(t, i)
            if found:
                new, i = found
                places.extend(new)
            else:
                i += 1
        if places:
            _resolve_by_context(places)
        return places

    def _stop_phrase(self, t: Tokens, i: int) -> int | None:
        for rest in sorted(self.g.stop_phrases[t.words[i]], key=len, reverse=True):
            end = i + 1 + len(rest)
            if end <= len(t.words) and tuple(t.words[i + 1 : end]) == rest:
                return end
        return None

    def _match(self, t: Tokens, i: int, role: str) -> Match | None:
        """The longest form of ``role`` starting at token i."""
        return next(self._matches(t, i, role), None)

    def _matches(self, t: Tokens, i: int, role: str) -> Iterator[Match]:
        """Forms of ``role`` starting at token i, longest first."""
        if i >= len(t.words):
            return
        for pattern in self.g.index.by_role(t.words[i]).get(role, ()):
            end = i + 1 + len(pattern.rest)
            if end > len(t.words):
                continue
            if any(t.words[i + 1 + k] != w or not t.plain_gap(i + 1 + k) for k, w in enumerate(pattern.rest)):
                continue
            entries = pattern.entries
            if any(e.upper for e in entries):
                written = t.text[t.starts[i] : t.ends[end - 1]]
                entries = tuple(e for e in entries if not e.upper or written.isupper())
                if not entries:
                    continue
            yield end, entries

    def _at(self, t: Tokens, i: int) -> Found | None:
        roles = self.g.index.by_role(t.words[i])
        if self.ctx.negative_before(t, i):
            return None
        for role, noun in _CHAIN_ROLES:
            if role in roles:
                found = self._chain(t, i, role, noun)
                if found:
                    return found
        if "region_standalone" in roles:
            m = self._match(t, i, "region_standalone")
            if m and not self.ctx.negative_after(t, m[0]):
                return [self._place(t, m[1], t.starts[i], t.ends[m[0] - 1])], m[0]
        if "city" in roles or "city_marked" in roles or "settlement" in roles:
            found = self._named(t, i)
            if found:
                return found
        for role in ("country", "country_generic"):
            if role in roles:
                m = self._match(t, i, role)
                if m:
                    return self._country(t, i, m, generic=role == "country_generic")
        if "country_phrase" in roles:
            m = self._match(t, i, "country_phrase")
            if m and (not t.words[m[0] - 1].startswith(("област", "регион")) or phrase_stands(t, m[0], self.g)):
                start, stop = t.starts[i], t.ends[m[0] - 1]
                return [Place(COUNTRY_CODE, None, t.text[start:stop], start, stop, "country", whole_country=True)], m[0]
        return None

    # --- grammar -------------------------------------------------------------

    def _next_in_list(self, t: Tokens, k: int) -> int | None:
        """If token k continues a list («, X», «и X», «а также X»), the index of X."""
        n = len(t.words)
        if k >= n or not t.list_gap(k):
            return None
        if t.words[k] in self.g.conjunctions:
            if t.words[k] == "а" and k + 1 < n and t.words[k + 1] == "также":
                return k + 2
            return k + 1
        return k if "," in t.gap(k) else None

    def _chain(self, t: Tokens, i: int, role: str, noun: str) -> Found | None:
        """Names of ``role`` joined by commas/conjunctions and closed by their noun:
        «Жамбылской и Туркестанской областей», «Алматы және Жамбыл облыстарында»."""
        nouns = self.g.nouns[noun]
        members: list[tuple[int, int, tuple[Entry, ...]]] = []
        j = i
        for _ in range(_MAX_LIST):
            m = self._match(t, j, role)
            if m is None:
                return None
            end, entries = m
            members.append((j, end, entries))
            if end < len(t.words) and t.words[end] in nouns and t.plain_gap(end):
                places = [self._place(t, e, t.starts[s], t.ends[x - 1]) for s, x, e in members[:-1]]
                s, _, e = members[-1]
                places.append(self._place(t, e, t.starts[s], t.ends[end]))
                return places, end + 1
            nxt = self._next_in_list(t, end)
            if nxt is None:
                return None
            j = nxt
        return None

    def _noun_first(self, t: Tokens, i: int, role: str) -> Found | None:
        """«область Абай и Жетісу», «района Турара Рыскулова»."""
        if i + 1 >= len(t.words) or not t.plain_gap(i + 1):
            return None
        m = self._match(t, i + 1, role)
        if m is None:
            return None
        end, entries = m
        places = [self._place(t, entries, t.starts[i], t.ends[end - 1])]
        while True:
            nxt = self._next_in_list(t, end)
            more = self._match(t, nxt, role) if nxt is not None else None
            if more is None:
                return places, end
            start, (end, entries) = nxt, more
            places.append(self._place(t, entries, t.starts[start], t.ends[end - 1]))

    def _named(self, t: Tokens, i: int) -> Found | None:
        """A city or settlement with its marker before or after it, or a safe bare city."""
        marker, marker_start = self.ctx.marker_before(t, i)
        for role, wanted in _NAMED_ROLES:
            for end, entries in self._matches(t, i, role):
                after, after_end = self.ctx.marker_after(t, end)
                if marker == wanted or after == wanted:
                    start = marker_start if marker == wanted else t.starts[i]
                    return self._marked(t, end, entries, wanted, start, after_end if after == wanted else None)
                if role == "city" and marker is None and self.ctx.bare_city_ok(t, i, end):
                    return [self._place(t, entries, t.starts[i], t.ends[end - 1])], end
        return None

    def _marked(self, t: Tokens, end: int, entries: tuple[Entry, ...], wanted: str, start: int,
                after_end: int | None) -> Found | None:
        following = end + 1 if after_end else end  # the token after the name (and its marker)
        if self.ctx.negative_after(t, following):
            return None
        places = [self._place(t, entries, start, after_end or t.ends[end - 1])]
        if wanted != "city":
            return places, following
        # «гг. Тараз, Аягоз и Зайсан»: the marker covers the whole list
        while True:
            nxt = self._next_in_list(t, following)
            m = (self._match(t, nxt, "city") or self._match(t, nxt, "city_marked")) if nxt is not None else None
            if m is None or self.ctx.negative_after(t, m[0]) or self.ctx.noun_follows(t, m[0]):
                return places, following
            places.append(self._place(t, m[1], t.starts[nxt], t.ends[m[0] - 1]))
            following = m[0]

    def _country(self, t: Tokens, i: int, m: Match, generic: bool) -> Found | None:
        end, entries = m
        first = t.original(i)
        if t.in_quotes(t.starts[i]):
            return None
        if generic:
            # «Республики Беларусь»: a generic word followed by a name is another country;
            # a capital letter is allowed only at the start of a sentence («Ел бойынша …»)
            if end < len(t.words) and t.original(end)[:1].isupper() and t.plain_gap(end):
                return None
            if first[:1].isupper() and not t.sentence_start(i):
                return None
        elif not first[:1].isupper():
            return None
        cases = frozenset().union(*(e.cases for e in entries))
        scope = judge_scope(t, i, end, cases, self.g)
        if generic and not scope:
            return None
        start, stop = t.starts[i], t.ends[end - 1]
        return [Place(COUNTRY_CODE, None, t.text[start:stop], start, stop, "country", whole_country=scope)], end

    # --- building places -----------------------------------------------------

    def _place(self, t: Tokens, entries: tuple[Entry, ...], start: int, end: int) -> Place:
        text = t.text[start:end]
        by_code: dict[str, Entry] = {}
        for entry in entries:
            known = by_code.get(entry.kato)
            if known is None or (known.historic and not entry.historic):
                by_code[entry.kato] = entry
        if len(by_code) == 1:
            entry = next(iter(by_code.values()))
            return Place(entry.kato, _region(entry.kato), text, start, end, entry.kind,
                         historic=entry.historic, also_regions=list(entry.also_regions))
        codes = sorted(by_code)
        regions = {_region(code) for code in codes}
        kinds = {e.kind for e in by_code.values()}
        return Place(None, regions.pop() if len(regions) == 1 else None, text, start, end,
                     kinds.pop() if len(kinds) == 1 else "place", candidates=codes,
                     historic=all(e.historic for e in by_code.values()))


def _region(code: str) -> str | None:
    return None if code == COUNTRY_CODE else code[:2] + "0000000"


def _resolve_by_context(places: list[Place]) -> None:
    """Resolve an ambiguous mention by the region next to it («Жамбылский район
    Алматинской области», «Алматы облысының Жамбыл ауданы»), else by the regions named
    elsewhere in the text when exactly one candidate lies in them."""
    for index, place in enumerate(places):
        if place.kato is None and place.candidates:
            neighbours = places[index + 1 : index + 2] + places[max(index - 1, 0) : index]
            for neighbour in neighbours:
                if not neighbour.region or not _adjacent(place, neighbour):
                    continue
                inside = [c for c in place.candidates if _region(c) == neighbour.region]
                if len(inside) == 1:
                    place.kato, place.region = inside[0], neighbour.region
                    break
    certain = {p.region for p in places if p.region}
    for place in places:
        if place.kato is None and place.candidates:
            inside = [c for c in place.candidates if _region(c) in certain]
            if len(inside) == 1:
                place.kato, place.region = inside[0], _region(inside[0])


def _adjacent(a: Place, b: Place) -> bool:
    first, second = (a, b) if a.start < b.start else (b, a)
    return 0 <= second.start - first.end <= 3

"""Does a mention of the Republic say where something happens, across the whole country?

«на территории Республики Казахстан», «в Казахстане», «по всей республике»,
«Қазақстан Республикасының бүкіл аумағында», «Территория деятельности — Республика
Казахстан» state whole-country scope. «законодательство Республики Казахстан»,
«гражданин РК», «Конституция РК», «за пределами Казахстана», an address
«Республика Казахстан, г. Алматы, …» do not: they name the state, not a territory.

The rule is positive and local: the mention counts only with a scope cue right next to
it (``context.yaml`` → country_scope): a territory word or «всей/всему» before it, «в»
before a locative, «по» before a dative, a Kazakh locative suffix, or «аумағында /
бойынша» after it. Anything else (a noun governing it: «законодательства», «граждан»,
«областей») is not scope.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .gazetteer import Gazetteer
    from .tokens import Tokens

_CLAUSE_BREAK = re.compile(r"[.;!?\n]")
_KAZAKH_LOCATIVE = ("да", "де", "та", "те")


def _words_before(t: Tokens, i: int, limit: int = 3) -> list[str]:
    """Up to ``limit`` words before token i in the same clause, nearest last; numbers
    are skipped («во всех 20 регионах страны»)."""
    words: list[str] = []
    k = i
    while k > 0 and len(words) < limit:
        if _CLAUSE_BREAK.search(t.gap(k)) or "," in t.gap(k):
            break
        if not t.words[k - 1].isdigit():
            words.insert(0, t.words[k - 1])
        k -= 1
    return words


def _words_after(t: Tokens, end: int, limit: int = 2) -> list[str]:
    words: list[str] = []
    k = end
    while k < len(t.words) and len(words) < limit:
        if _CLAUSE_BREAK.search(t.gap(k)) or "," in t.gap(k):
            break
        words.append(t.words[k])
        k += 1
    return words


def phrase_stands(t: Tokens, end: int, g: Gazetteer) -> bool:
    """«во всех регионах» means the country unless a word narrows it: «во всех регионах
    мира», «во всех областях деятельности» (область is also a field). Kazakh «өңір»,
    «облыс» have no such sense: the caller does not ask for them."""
    if end >= len(t.words) or _CLAUSE_BREAK.search(t.gap(end)) or "," in t.gap(end):
        return True
    follower = t.words[end]
    return follower in g.scope["phrase_followers"]["exact"] or t.original(end)[:1].isupper()


def judge_scope(t: Tokens, i: int, end: int, cases: frozenset[str], g: Gazetteer) -> bool:
    """True if the country mention at tokens [i, end) states whole-country scope."""
    scope = g.scope
    before = _words_before(t, i)
    after = _words_after(t, end)
    if before and before[-1] in scope["before_not"]["exact"]:
        return False
    any_case = "any" in cases
    if before:
        prev = before[-1]
        if (any_case or "loc" in cases) and prev in scope["locative_prepositions"]["exact"]:
            return True
        if any_case or "dat" in cases:
            if prev in scope["dative_prepositions"]["exact"]:
                return True
            if len(before) >= 2 and prev in ("всей", "всему") and before[-2] in scope["dative_prepositions"]["exact"]:
                return True
    cue = g.scope_before.match_end(before)
    if cue:
        # «вне территории Казахстана» is not scope
        return not (len(before) > cue and before[-cue - 1] in scope["before_not"]["exact"])
    if g.scope_after.match_start(after):
        return True
    if "loc" in cases and t.words[end - 1].endswith(_KAZAKH_LOCATIVE):
        return True  # Қазақстанда, Қазақстан Республикасында, елімізде
    if any_case or "nom" in cases:
        return _territory_statement(t, i, g)
    return False


def _territory_statement(t: Tokens, i: int, g: Gazetteer) -> bool:
    """«Территория деятельности — Республика Казахстан», «… является Республика Казахстан»."""
    scope = g.scope
    gap = t.gap(i).strip()
    prev = t.words[i - 1] if i > 0 else ""
    stated = (gap and gap[-1] in scope["statement_words"]) or (
        not gap and prev in scope["statement_words"]
    )
    if not stated:
        return False
    topics = scope["statement_topics"]
    k = i - 1
    while k >= 0:
        word = t.words[k]
        if word in topics["exact"] or word.startswith(tuple(topics["prefix"])):
            return True
        if _CLAUSE_BREAK.search(t.gap(k)):
            break
        k -= 1
    return False

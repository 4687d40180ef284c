"""Text normalisation shared by the search index and search queries (no Django).

Both sides go through the same steps so that a query matches what was indexed:
lower case, ``ё`` → ``е``, Kazakh letters folded to their Russian look-alikes
(people type «Мейирим» for «Мейірім»), then each Cyrillic word is indexed both as
written and as its pymorphy3 lemma («фонда» → «фонд»).
"""

from __future__ import annotations

import re
from functools import lru_cache

_FOLD = str.maketrans(
    {
        "ә": "а", "қ": "к", "ң": "н", "ғ": "г", "ү": "у", "ұ": "у", "і": "и", "ө": "о", "һ": "х",
        "ё": "е", "«": " ", "»": " ", "“": " ", "”": " ", '"': " ",
        # Latin look-alikes that slip into Cyrillic names from keyboards and OCR.
        "i": "и",
    }
)
_WORD = re.compile(r"[0-9a-zа-я]+")
_CYRILLIC = re.compile(r"[а-я]")
# Words too common in names to help ranking are still indexed: a query of only
# «фонд» must find funds. Only single letters are dropped.
_MIN_WORD = 2


def fold(text: str) -> str:
    """Lower case with Kazakh letters folded to Russian look-alikes."""
    return text.lower().translate(_FOLD)


def words(text: str) -> list[str]:
    """The folded words of a text, in order."""
    return [w for w in _WORD.findall(fold(text)) if len(w) >= _MIN_WORD or w.isdigit()]


@lru_cache(maxsize=1)
def _analyzer():
    import pymorphy3

    return pymorphy3.MorphAnalyzer(lang="ru")


@lru_cache(maxsize=200_000)
def lemma(word: str) -> str:
    """The Russian dictionary form of a folded word (the word itself when not Cyrillic)."""
    if not _CYRILLIC.search(word) or len(word) < 3:
        return word
    return fold(_analyzer().parse(word)[0].normal_form)


def index_text(*parts: str | None) -> str:
    """The text stored for full-text search: every word and, where it differs, its lemma."""
    seen: dict[str, None] = {}
    # One pass over all parts joined by spaces: the same words, in the same order, as part by part.
    for word in words(" ".join(part for part in parts if part)):
        seen.setdefault(word, None)
        seen.setdefault(lemma(word), None)
    return " ".join(seen)


def query_terms(query: str) -> list[tuple[str, str]]:
    """(word, lemma) pairs of a query; a word matches as a prefix, a lemma exactly."""
    return [(w, lemma(w)) for w in words(query)]


def _match_expression(query: str, any_word: bool, word: str, either: str, and_: str, or_: str) -> str | None:
    """Every query word must match (AND), or any (OR); a word also matches by its lemma."""
    terms = query_terms(query)
    if not terms:
        return None
    clauses = [either.format(w=w, lemma=lem) if lem != w else word.format(w=w) for w, lem in terms]
    return (or_ if any_word else and_).join(clauses)


def fts5_query(query: str, any_word: bool = False) -> str | None:
    """An SQLite FTS5 MATCH expression."""
    return _match_expression(query, any_word, '"{w}" *', '("{w}" * OR "{lemma}")', " AND ", " OR ")


def tsquery(query: str, any_word: bool = False) -> str | None:
    """A PostgreSQL ``to_tsquery('simple', …)`` expression equivalent to fts5_query."""
    return _match_expression(query, any_word, "{w}:*", "({w}:* | {lemma})", " & ", " | ")

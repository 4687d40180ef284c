"""Is a hyphen at the end of a line part of the word's spelling, or only a word break?

Hard-wrapped text and PDFs break long words at a hyphen («об-\\nщество» is
«общество»), but charters are full of hyphenated compounds that a line may end
inside: «финансово-\\nхозяйственной», «научно-\\nисследовательской», «бизнес-\\nидентификационных».
For Russian words pymorphy3's dictionary decides: when the two halves joined make a
known word, the hyphen was a break; when they do not and the second half is a word
of its own, the hyphen is spelling. Kazakh and other words keep the old rule (the
hyphen was a break): no Kazakh dictionary is installed. The dictionary loads (about
0.2 s) only when a text first has such a line end.
"""

from __future__ import annotations

import re
from functools import lru_cache

# First parts written with a hyphen though they end in a consonant: бизнес-план, вице-министр.
_HYPHENED_FIRST_PARTS = frozenset({
    "бизнес", "вице", "экс", "пресс", "интернет", "онлайн", "офлайн", "медиа", "арт", "веб",
    "генерал", "штаб", "премьер", "обер", "унтер", "лейб", "мастер", "блиц", "шоу", "топ",
})
_TRAILING_WORD = re.compile(r"[а-яё]+$", re.IGNORECASE)
_LEADING_WORD = re.compile(r"^[а-яё]+", re.IGNORECASE)


def hyphen_is_spelling(before: str, after: str) -> bool:
    """``before`` ends just before a line-end hyphen, ``after`` is the next line."""
    head = _TRAILING_WORD.search(before)
    tail = _LEADING_WORD.match(after)
    if head is None or tail is None or len(head.group()) < 2 or len(tail.group()) < 2:
        return False  # not both halves Russian letters (Kazakh ones are not in [а-яё])
    if tail.end() < len(after) and after[tail.end()].isalpha():
        return False  # the next line's word goes on in letters outside [а-яё]: a Kazakh word
    if head.start() > 0 and before[head.start() - 1].isalpha():
        return False
    if head.group()[:1].isupper() or len(tail.group()) < 5:
        # A name broken across lines (Шым-кенте, Курма-нова) is unknown to the dictionary
        # joined or not, and a short tail (-нова, -рина) is too easily some word.
        return False
    first = head.group().lower()
    if not first.endswith(("о", "е")) and first not in _HYPHENED_FIRST_PARTS:
        # Compounds join on a linking vowel (социально-, военно-, северо-) or start with
        # one of a few words always hyphened; a break elsewhere is only a word break,
        # even in a word the dictionary lacks (меж-странового, увековечи-вания).
        return False
    morph = _russian_morph()
    if morph is None:
        return False
    if _known(morph, first + tail.group().lower()):
        return False
    return _known(morph, tail.group().lower())


@lru_cache(maxsize=4096)
def _known(morph, word: str) -> bool:
    return morph.word_is_known(word)


@lru_cache(maxsize=1)
def _russian_morph():
    try:
        import pymorphy3
    except ImportError:  # the dictionary is a dependency; without it, the old rule stands
        return None
    return pymorphy3.MorphAnalyzer()

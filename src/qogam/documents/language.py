"""Which language a paragraph is in: Kazakh ("kk"), Russian ("ru") or anything else ("other").

Kazakh and Russian share the Cyrillic alphabet; Kazakh adds ә ғ қ ң ө ұ ү һ і. A
word carrying one of them (or a Kazakh function word or suffix) votes Kazakh, a
Russian function word votes Russian, and the share of Kazakh votes decides. Old
Kazakh files often type the Latin «i» for «і» inside Cyrillic words: counted too.
Short lines with no vote either way (ЖАЛПЫ ЕРЕЖЕЛЕР has no Kazakh letter, nor has
«Директор:») take, in ``tag_languages``, the language of their clear neighbours in
the same column; only where those disagree (the seam of a Kazakh and a Russian part)
or one is missing is lingua asked, restricted to the two languages and loaded on first
need: its low-accuracy (trigram) mode answers first in about 20–40 ms, the full mode
in about 400 ms (eval/documents/languages.py measures both, and the accuracy).
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import yaml

KAZAKH_LETTERS = frozenset("әғқңөұүһіӘҒҚҢӨҰҮҺІ")
# The same without і/І, which Ukrainian and Belarusian use too.
KAZAKH_ONLY_LETTERS = KAZAKH_LETTERS - frozenset("іІ")
# Letters of other Cyrillic alphabets that Kazakh never uses (Ukrainian, Belarusian).
FOREIGN_CYRILLIC = frozenset("їєґўЇЄҐЎ")

_WORD = re.compile(r"[^\W\d_]+(?:[-'][^\W\d_]+)*")

DATA_FILE = Path(__file__).parent / "language.yaml"


def _load_words() -> tuple[frozenset[str], frozenset[str], re.Pattern[str]]:
    data = yaml.safe_load(DATA_FILE.read_text(encoding="utf-8"))
    suffixes = "|".join(sorted(data["kazakh_suffixes"], key=len, reverse=True))
    return frozenset(data["kazakh_words"]), frozenset(data["russian_words"]), re.compile(f"(?:{suffixes})$")


KAZAKH_WORDS, RUSSIAN_WORDS, _KAZAKH_SUFFIX = _load_words()

_detector = None


_QUOTED = re.compile(r"“[^“”]*”|„[^„“”]*[“”]|\"[^\"]*\"")


def _unquote(text: str) -> str:
    """The text without its quoted names.

    Guillemets are dropped from the first « to the last »: names nest («Общество «Ана
    тілі»») and typesetting merges quote marks (Kazakh «Жастар жолы» жастар орталығы»
    has one opening and two closing ones), so pairing them one by one leaves name
    words behind to vote.
    """
    start, end = text.find("«"), text.rfind("»")
    if 0 <= start < end:
        text = f"{text[:start]} {text[end + 1:]}"
    return _QUOTED.sub(" ", text)


def detect_language(text: str) -> str:
    """"kk", "ru" or "other" for one paragraph."""
    decided, asked = _decide(text)
    return decided if decided is not None else _ask_lingua(asked)


def _decide(text: str) -> tuple[str | None, str]:
    """The language the letters and words make clear, or (None, the text to ask lingua about)."""
    # Quoted spans are mostly names («Жаңа өмір» in a Russian sentence): they do
    # not vote unless nothing else is left.
    unquoted = _unquote(text)
    words = _WORD.findall(unquoted)
    if len(words) >= 2:
        text = unquoted
    else:
        words = _WORD.findall(text)
    cyrillic = latin = 0
    kazakh_votes = 0.0
    russian_votes = 0
    cyr_words = 0
    foreign = False
    kazakh_only = False
    for word in words:
        votes = _WORD_VOTES.get(word)
        if votes is None:
            if len(_WORD_VOTES) >= _WORD_VOTES_MAX:
                _WORD_VOTES.clear()
            votes = _WORD_VOTES[word] = _word_votes(word)
        cyr, lat, kazakh, russian, has_foreign, has_kazakh_only = votes
        cyrillic += cyr
        latin += lat
        if not cyr:
            continue
        cyr_words += 1
        kazakh_votes += kazakh
        russian_votes += russian
        foreign = foreign or has_foreign
        kazakh_only = kazakh_only or has_kazakh_only
    if cyrillic == 0 or latin > cyrillic:
        return "other", text
    if foreign and not kazakh_only:
        return "other", text
    share = kazakh_votes / cyr_words
    if kazakh_votes > 1.5 * russian_votes and share >= 0.2 and (kazakh_votes >= 2 or share >= 0.5):
        return "kk", text
    if russian_votes and kazakh_votes <= 1.5 * russian_votes:
        return "ru", text
    return None, text


# Words repeat a lot within a charter: each word's votes are worked out once
# (this made tagging a 40 KB charter about three times faster).
_WORD_VOTES: dict[str, tuple[int, int, float, int, bool, bool]] = {}
_WORD_VOTES_MAX = 100_000


def clear_word_cache() -> None:
    """Forget the per-word votes (benchmarks measure a cold start with it)."""
    _WORD_VOTES.clear()


def _word_votes(word: str) -> tuple[int, int, float, int, bool, bool]:
    """(Cyrillic letters, ASCII characters, Kazakh vote, Russian vote, foreign letter, Kazakh-only letter)."""
    cyr = sum(1 for ch in word if "\u0400" <= ch <= "\u04ff")
    lat = sum(1 for ch in word if ch.isascii())
    if not cyr:
        return cyr, lat, 0.0, 0, False, False
    lower = word.lower()
    foreign = not FOREIGN_CYRILLIC.isdisjoint(word)
    kazakh_only = not KAZAKH_ONLY_LETTERS.isdisjoint(word)
    if (
        not KAZAKH_LETTERS.isdisjoint(word)
        or (lat and cyr > lat and ("i" in lower or "h" in lower))  # Latin i for і
        or lower in KAZAKH_WORDS
    ):
        return cyr, lat, 1.0, 0, foreign, kazakh_only
    if lower in RUSSIAN_WORDS:
        return cyr, lat, 0.0, 1, foreign, kazakh_only
    if len(lower) > 5 and _KAZAKH_SUFFIX.search(lower):
        return cyr, lat, 0.5, 0, foreign, kazakh_only
    return cyr, lat, 0.0, 0, foreign, kazakh_only


def _ask_lingua(text: str) -> str:
    return _lingua_answer(text.lower().strip())


@lru_cache(maxsize=4096)
def _lingua_answer(text: str) -> str:
    global _detector
    if _detector is None:
        from lingua import Language, LanguageDetectorBuilder

        _detector = (
            LanguageDetectorBuilder.from_languages(Language.KAZAKH, Language.RUSSIAN)
            .with_low_accuracy_mode()
            .build()
        )
    found = _detector.detect_language_of(text)
    if found is None:
        return "ru"
    return "kk" if found.name == "KAZAKH" else "ru"


def tag_languages(paragraphs: list) -> None:
    """Set ``language`` on each paragraph (in place).

    A paragraph its own letters and words leave open («Директор:», «г. Тараз – 2023 г.»)
    takes the language of the nearest clear paragraphs before and after it in the same
    column when they agree; lingua is asked when they disagree, as at the seam of a
    Kazakh and a Russian part, or when one side has none (the first and last lines).
    """
    decided: list[str | None] = []
    asked: list[str] = []
    for p in paragraphs:
        language, text = _decide(p.text)
        decided.append(language)
        asked.append(text)
    for i, p in enumerate(paragraphs):
        if decided[i] is not None:
            p.language = decided[i]
            continue
        before = _neighbour(paragraphs, decided, i, -1)
        after = _neighbour(paragraphs, decided, i, +1)
        if before is not None and before == after:
            p.language = before
        else:
            p.language = _ask_lingua(asked[i])


def _neighbour(paragraphs: list, decided: list[str | None], index: int, step: int) -> str | None:
    """The language ("kk"/"ru") of the nearest clearly decided paragraph in the same column."""
    column = paragraphs[index].column
    i = index + step
    while 0 <= i < len(paragraphs):
        if paragraphs[i].column == column and decided[i] in ("kk", "ru"):
            return decided[i]
        i += step
    return None
